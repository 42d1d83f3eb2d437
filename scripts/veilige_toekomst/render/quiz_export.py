"""The self-check quizzes for learning platforms: GIFT, Moodle XML and an IMS QTI 2.1 content package.

One language per file. The texts come from `shortcodes.quiz_markdown` (the quiz as the site shows it,
figures filled in) and are turned from Markdown into what each format takes: plain text for GIFT,
HTML for Moodle XML and QTI. Links point into the website, which a learning platform does not have,
so a link keeps its words (in italics in HTML) and loses its target. Every option keeps its own
feedback; the explanation under the options becomes the question's general feedback.

    data = export_quizzes(content, "nl", "gift", modules=["safety"])   # bytes, ready to write
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape
from xml.etree import ElementTree as ET

from markdown_it import MarkdownIt

from ..core.content import Content
from ..core.quiz_index import quiz_groups
from ..core.quizzes import Quiz, QuizQuestion
from .shortcodes import quiz_markdown

FORMATS = ("gift", "moodle-xml", "qti")
SUFFIXES = {"gift": ".gift.txt", "moodle-xml": ".moodle.xml", "qti": ".qti.zip"}
GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")
TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th)>|<br ?/?>|\n")
QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every file in the QTI zip gets this date, so the package's bytes depend on its content only."""

_markdown = MarkdownIt("commonmark", {"html": True}).enable("table")
_markdown.add_render_rule("link_open", lambda *args: "<em>")
_markdown.add_render_rule("link_close", lambda *args: "</em>")


class ExportError(Exception):
    """A wrong request (unknown format or module): one line for the user."""


def html(text: str) -> str:
    """Markdown as HTML for a learning platform: links kept as their words in italics, no comments."""
    return _markdown.render(re.sub(r"<!--.*?-->", "", text, flags=re.S)).strip()


def plain(text: str) -> str:
    """Markdown as one line of plain text: no tags, no emphasis marks, no link targets."""
    spaced = BLOCK_END.sub(" ", html(text))
    return " ".join(unescape(TAG.sub("", spaced)).split())


def quizzes_for(content: Content, lang: str, modules: Sequence[str] = ()) -> list[Quiz]:
    """The quizzes in `lang` (texts resolved), in reading order; only `modules` when given.

    Raises ExportError for a module that has no quiz."""
    known = [quiz.id for _, quizzes in quiz_groups(content, lang) for quiz in quizzes]
    unknown = [m for m in modules if m not in known]
    if unknown:
        raise ExportError(f"no quiz for module '{unknown[0]}' (choose from: {', '.join(known)})")
    chosen = [m for m in known if not modules or m in modules]
    return [quiz for m in chosen if (quiz := quiz_markdown(content, lang, m)) is not None]


@dataclass(frozen=True)
class Grade:
    """Moodle's and GIFT's grades per option: the right ones share 100%, the wrong ones −100%."""

    right: str
    wrong: str

    @classmethod
    def of(cls, question: QuizQuestion) -> Grade:
        right = sum(o.correct for o in question.options)
        wrong = len(question.options) - right
        if question.kind == "single":
            return cls("100", "0")
        return cls(_percent(100 / right), "-" + _percent(100 / wrong) if wrong else "0")

    def fraction(self, correct: bool) -> str:
        return self.right if correct else self.wrong


def _percent(value: float) -> str:
    """As Moodle lists its grades: 50, 33.33333, 16.66667."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


# GIFT ----------------------------------------------------------------------------------------------


def gift_escape(text: str) -> str:
    """Plain text with GIFT's special characters (~ = # { } : and the backslash) escaped."""
    return GIFT_SPECIAL.sub(r"\\\1", text)


def to_gift(quizzes: Sequence[Quiz]) -> str:
    """GIFT (Moodle's text format), one category per module; plain text, special characters escaped."""
    blocks = []
    for quiz in quizzes:
        blocks.append(f"$CATEGORY: {gift_escape(plain(quiz.title))}")
        for question in quiz.questions:
            grade = Grade.of(question)
            lines = [f"::{gift_escape(question.id)}::{gift_escape(plain(question.text))} {{"]
            for option in question.options:
                if question.kind == "single":
                    mark = "=" if option.correct else "~"
                else:
                    mark = f"~%{grade.fraction(option.correct)}%"
                lines.append(f"\t{mark}{gift_escape(plain(option.text))}#{gift_escape(plain(option.feedback))}")
            lines.append(f"\t####{gift_escape(plain(question.explanation))}")
            lines.append("}")
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# Moodle XML -----------------------------------------------------------------------------------------


def _text_element(parent: ET.Element, tag: str, text: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = text
    return element


def to_moodle_xml(quizzes: Sequence[Quiz]) -> bytes:
    """Moodle XML: a category per module, a multichoice question per question, feedback per answer."""
    root = ET.Element("quiz")
    for quiz in quizzes:
        category = ET.SubElement(root, "question", {"type": "category"})
        _text_element(category, "category", f"$course$/{plain(quiz.title)}", None)
        for question in quiz.questions:
            grade = Grade.of(question)
            item = ET.SubElement(root, "question", {"type": "multichoice"})
            _text_element(item, "name", question.id, None)
            _text_element(item, "questiontext", html(question.text))
            _text_element(item, "generalfeedback", html(question.explanation))
            for tag, value in (
                ("defaultgrade", "1"),
                ("penalty", "0"),
                ("hidden", "0"),
                ("single", "true" if question.kind == "single" else "false"),
                ("shuffleanswers", "false"),  # the options' order is part of the text ("none of these")
                ("answernumbering", "abc"),
            ):
                ET.SubElement(item, tag).text = value
            for option in question.options:
                answer = _text_element(item, "answer", html(option.text))
                answer.set("fraction", grade.fraction(option.correct))
                _text_element(answer, "feedback", html(option.feedback))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# QTI 2.1 --------------------------------------------------------------------------------------------


def _xhtml(parent: ET.Element, markup: str) -> None:
    """Append HTML (from `html()`) to a QTI element; QTI content is XHTML in the QTI namespace."""
    wrapper = ET.fromstring(f'<div xmlns="{QTI_NS}">{markup}</div>')
    parent.text = wrapper.text
    parent.extend(list(wrapper))


def qti_item(question: QuizQuestion, lang: str) -> bytes:
    """One QTI 2.1 assessmentItem: a choiceInteraction whose choices each carry their feedback
    (feedbackInline, shown for the chosen ones) and the explanation as modal feedback."""
    ET.register_namespace("", QTI_NS)
    q = f"{{{QTI_NS}}}"
    cardinality = "single" if question.kind == "single" else "multiple"
    item = ET.Element(
        q + "assessmentItem",
        {
            "identifier": question.id,
            "title": question.id,
            "adaptive": "false",
            "timeDependent": "false",
            "{http://www.w3.org/XML/1998/namespace}lang": lang,
        },
    )
    declaration = ET.SubElement(
        item,
        q + "responseDeclaration",
        {"identifier": "RESPONSE", "cardinality": cardinality, "baseType": "identifier"},
    )
    correct = ET.SubElement(declaration, q + "correctResponse")
    for n, option in enumerate(question.options, 1):
        if option.correct:
            ET.SubElement(correct, q + "value").text = f"choice-{n}"
    ET.SubElement(item, q + "outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single", "baseType": "float"})
    ET.SubElement(
        item, q + "outcomeDeclaration", {"identifier": "FEEDBACK", "cardinality": "multiple", "baseType": "identifier"}
    )
    body = ET.SubElement(item, q + "itemBody")
    interaction = ET.SubElement(
        body,
        q + "choiceInteraction",
        {
            "responseIdentifier": "RESPONSE",
            "shuffle": "false",
            "maxChoices": "1" if question.kind == "single" else "0",
        },
    )
    _xhtml(ET.SubElement(interaction, q + "prompt"), plain_inline(question.text))
    for n, option in enumerate(question.options, 1):
        choice = ET.SubElement(interaction, q + "simpleChoice", {"identifier": f"choice-{n}"})
        _xhtml(choice, plain_inline(option.text))
        feedback = ET.SubElement(
            choice,
            q + "feedbackInline",
            {"outcomeIdentifier": "FEEDBACK", "identifier": f"choice-{n}", "showHide": "show"},
        )
        _xhtml(feedback, " " + plain_inline(option.feedback))
    processing = ET.SubElement(item, q + "responseProcessing")
    condition = ET.SubElement(processing, q + "responseCondition")
    branch = ET.SubElement(condition, q + "responseIf")
    match = ET.SubElement(branch, q + "match")
    ET.SubElement(match, q + "variable", {"identifier": "RESPONSE"})
    ET.SubElement(match, q + "correct", {"identifier": "RESPONSE"})
    score = ET.SubElement(branch, q + "setOutcomeValue", {"identifier": "SCORE"})
    ET.SubElement(score, q + "baseValue", {"baseType": "float"}).text = "1"
    otherwise = ET.SubElement(
        ET.SubElement(condition, q + "responseElse"), q + "setOutcomeValue", {"identifier": "SCORE"}
    )
    ET.SubElement(otherwise, q + "baseValue", {"baseType": "float"}).text = "0"
    shown = ET.SubElement(processing, q + "setOutcomeValue", {"identifier": "FEEDBACK"})
    if cardinality == "single":
        ET.SubElement(ET.SubElement(shown, q + "multiple"), q + "variable", {"identifier": "RESPONSE"})
    else:
        ET.SubElement(shown, q + "variable", {"identifier": "RESPONSE"})
    # The explanation is shown whatever the answer: FEEDBACK never holds "explanation", so showHide="hide".
    modal = ET.SubElement(
        item, q + "modalFeedback", {"outcomeIdentifier": "FEEDBACK", "identifier": "explanation", "showHide": "hide"}
    )
    _xhtml(modal, html(question.explanation))
    ET.indent(item)
    return ET.tostring(item, encoding="utf-8", xml_declaration=True) + b"\n"


def plain_inline(text: str) -> str:
    """Markdown as inline HTML (no paragraph), for a choice or its feedback."""
    return _markdown.renderInline(re.sub(r"<!--.*?-->", "", text))


def to_qti(quizzes: Sequence[Quiz], lang: str) -> bytes:
    """An IMS content package (zip): imsmanifest.xml and one QTI 2.1 assessmentItem file per question."""
    ET.register_namespace("", CP_NS)
    c = f"{{{CP_NS}}}"
    manifest = ET.Element(c + "manifest", {"identifier": f"veilige-toekomst-quizzes-{lang}"})
    ET.SubElement(manifest, c + "organizations")
    resources = ET.SubElement(manifest, c + "resources")
    files: dict[str, bytes] = {}
    for quiz in quizzes:
        for question in quiz.questions:
            name = f"items/{question.id}.xml"
            files[name] = qti_item(question, lang)
            resource = ET.SubElement(
                resources,
                c + "resource",
                {"identifier": question.id, "type": "imsqti_item_xmlv2p1", "href": name},
            )
            ET.SubElement(resource, c + "file", {"href": name})
    ET.indent(manifest)
    files = {"imsmanifest.xml": ET.tostring(manifest, encoding="utf-8", xml_declaration=True) + b"\n", **files}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def export_quizzes(content: Content, lang: str, fmt: str, modules: Sequence[str] = ()) -> bytes:
    """The quizzes of `modules` (all when empty) in `lang` as `fmt` (one of FORMATS): the file's bytes.

    Raises ExportError for an unknown format or module."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}' (choose from: {', '.join(FORMATS)})")
    quizzes = quizzes_for(content, lang, modules)
    if fmt == "gift":
        return to_gift(quizzes).encode()
    if fmt == "moodle-xml":
        return to_moodle_xml(quizzes)
    return to_qti(quizzes, lang)
