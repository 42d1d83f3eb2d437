"""Self-check quizzes: the <quiz> blocks of docs/quizzes/<module>.<lang>.md read into typed models.

The blocks are written for the mkdocs-quiz plugin, which renders them on the site. This module reads the
same blocks with the plugin's own patterns, so the site, the export, the checks and the training packs
all see one quiz. Our convention on top of the plugin's syntax: the first line inside each block is
`<!-- question: <module>-<n> single|multiple -->`.

mkdocs-quiz saves a visitor's answers by position (question n, option n), not by id. So the id of a
question is its position (safety-1, safety-2, ...) and options keep their order: add new questions at
the end, and renumber only knowing that saved answers of returning visitors will shift.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from textwrap import dedent
from typing import TYPE_CHECKING, Literal

from mkdocs_quiz.parsing import CHECKBOX_REGEX, FEEDBACK_REGEX, collect_feedback, find_quizzes
from pydantic import Field

from . import shortcodes
from .findings import Finding
from .links import LINK
from .models import Strict
from .shortcodes import Context, ShortcodeError, no_args, shortcode
from .urls import relative_md

if TYPE_CHECKING:
    from .content import Content
    from .pages import Page

QUIZ_FOLDER = "quizzes/"
QUESTION_LINE = re.compile(r"^<!--\s*question:\s*(?P<id>\S+)\s+(?P<kind>\S+)\s*-->\s*$")
KINDS = ("single", "multiple")
Add = Callable[[int, str, str], None]
"""Records a finding on the quiz page: add(line, rule, message)."""


class QuizOption(Strict):
    text: str
    correct: bool
    feedback: str
    """Why this option is right or wrong; starts with the verdict (docs/strings.yml quiz_right/quiz_wrong)."""
    line: int = Field(default=0, exclude=True)


class QuizQuestion(Strict):
    id: str
    text: str
    kind: Literal["single", "multiple"]
    options: list[QuizOption]
    explanation: str
    """Markdown after the options; links to the section of the page that answers the question."""
    line: int = Field(default=0, exclude=True)


class Quiz(Strict):
    id: str
    """The module: a pillar or living-area id, or a section with an index page (context)."""
    lang: str
    title: str
    page: str
    """Page id of the quiz page, e.g. "quizzes/safety"."""
    questions: list[QuizQuestion]

    def map_texts(self, change: Callable[[str], str]) -> Quiz:
        """The same quiz with `change` applied to every text (question, option, feedback, explanation)."""
        questions = [
            q.model_copy(update={
                "text": change(q.text), "explanation": change(q.explanation),
                "options": [o.model_copy(update={"text": change(o.text), "feedback": change(o.feedback)})
                            for o in q.options],
            })
            for q in self.questions
        ]
        return self.model_copy(update={"questions": questions})


def quiz_module(page: Page) -> str | None:
    """The module id of a quiz page ("quizzes/safety.md" -> "safety"), None for every other page."""
    if not page.src.startswith(QUIZ_FOLDER) or page.src.endswith("index.md"):
        return None
    return page.src[len(QUIZ_FOLDER): -len(".md")]


def parse_quiz_page(page: Page) -> tuple[Quiz | None, list[Finding]]:
    """The quiz on a quiz page (None on other pages), and every mistake in it as a finding with its line."""
    module = quiz_module(page)
    if module is None:
        return None, []
    findings: list[Finding] = []

    def add(line: int, rule: str, message: str) -> None:
        findings.append(Finding(page.path, line, rule, message))

    questions: list[QuizQuestion] = []
    blocks = find_quizzes(page.body)
    if not blocks:
        add(page.body_line, "quiz-question", "a quiz page needs at least one <quiz> block")
    for position, block in enumerate(blocks, 1):
        first_line = page.line_of_body_offset(block.start(1))
        question = _parse_block(block[1], first_line, f"{module}-{position}", add)
        if question is not None:
            questions.append(question)
    quiz = Quiz(id=module, lang=page.lang, title=page.meta.title, page=page.id, questions=questions)
    return quiz, findings


def _parse_block(inner: str, first_line: int, expected_id: str, add: Add) -> QuizQuestion | None:
    """One <quiz> block, read the way mkdocs-quiz reads it (plugin.py _parse_quiz_question_and_answers)."""
    numbered = [(first_line + i, line) for i, line in enumerate(dedent(inner).split("\n"))]
    while numbered and not numbered[0][1].strip():
        numbered.pop(0)
    if not numbered:
        add(first_line, "quiz-question", "empty <quiz> block")
        return None
    line_no, head = numbered[0]
    header = QUESTION_LINE.match(head.strip())
    if header is None:
        add(line_no, "quiz-question", "the first line inside <quiz> must be <!-- question: ID single|multiple -->")
        return None
    qid, kind = header["id"], header["kind"]
    if qid != expected_id:
        add(line_no, "quiz-id", f"question id '{qid}' should be '{expected_id}': mkdocs-quiz saves answers by "
                                "position, so ids number the questions in order (add new ones at the end)")
    if kind not in KINDS:
        add(line_no, "quiz-question", f"kind '{kind}' of {qid} is not single or multiple")
        return None

    lines = [text for _, text in numbered[1:]]
    numbers = [number for number, _ in numbered[1:]]
    first_option = next((i for i, text in enumerate(lines) if CHECKBOX_REGEX.match(text)), len(lines))
    text = "\n".join(lines[:first_option]).strip()
    if not text:
        add(line_no, "quiz-question", f"{qid} has no question text before its options")
    options: list[QuizOption] = []
    i = first_option
    while i < len(lines):
        option = CHECKBOX_REGEX.match(lines[i])
        if option:
            mark = option[1]
            if mark not in ("x", "X", " ", ""):
                add(numbers[i], "quiz-question", f"'[{mark}]' is not a checkbox: write [x] or [ ]")
            feedback, after = collect_feedback(lines, i + 1)
            options.append(QuizOption(text=option[2].strip(), correct=mark.lower() == "x",
                                      feedback=(feedback or "").strip(), line=numbers[i]))
            i = after
        elif not lines[i].strip():
            i += 1
        elif FEEDBACK_REGEX.match(lines[i]):
            add(numbers[i], "quiz-feedback", "feedback (> ...) must follow its option without a blank line")
            i += 1
        else:
            break
    explanation = "\n".join(lines[i:]).strip()
    _check_question(qid, kind, options, explanation, line_no, add)
    return QuizQuestion(id=qid, text=text, kind=kind, options=options, explanation=explanation, line=line_no)


def _check_question(qid: str, kind: str, options: list[QuizOption], explanation: str, line: int, add: Add) -> None:
    correct = sum(o.correct for o in options)
    if len(options) < 2:
        add(line, "quiz-question", f"{qid} needs at least two options (- [x] ... / - [ ] ...)")
    if len({o.text for o in options}) < len(options):  # mkdocs-quiz tells right from wrong by the text
        add(line, "quiz-question", f"{qid} has two options with the same text")
    if not correct:
        add(line, "quiz-correct", f"{qid} has no correct option: mark the right one(s) with [x]")
    elif kind == "single" and correct > 1:
        add(line, "quiz-correct", f"{qid} is single choice but has {correct} correct options "
                                  "(mark one, or make it 'multiple')")
    elif kind == "multiple" and correct < 2:
        add(line, "quiz-correct", f"{qid} is multiple choice but has one correct option: mkdocs-quiz would show "
                                  "it as single choice (make it 'single', or mark more)")
    for option in options:
        if not option.feedback:
            add(option.line, "quiz-feedback", f"option '{option.text[:40]}' of {qid} has no feedback (> why)")
    if not explanation:
        add(line, "quiz-explanation", f"{qid} has no explanation after its options")
    elif not any("#" in m["target"] for m in LINK.finditer(explanation)):
        add(line, "quiz-explanation", f"the explanation of {qid} must link to the section that answers it "
                                      "(e.g. ../pillars/safety.md#needs)")


def load_quizzes(content: Content) -> dict[tuple[str, str], Quiz]:
    """Every quiz by (language, module id), its shortcodes (figures) resolved: ready-to-use Markdown."""
    quizzes: dict[tuple[str, str], Quiz] = {}
    for page in content.pages.values():
        quiz, _ = parse_quiz_page(page)
        if quiz is not None:
            # Mistakes in shortcodes are reported once, with their line, by the check of the whole page.
            quizzes[(page.lang, quiz.id)] = quiz.map_texts(
                lambda text, page=page: shortcodes.resolve(content, page, page.lang, text)[0])
    return quizzes


def module_page(content: Content, module: str, lang: str) -> Page | None:
    """The page a quiz is about: a pillar, a living area, or a section's index page."""
    for page in content.pillars(lang) + content.living_areas(lang):
        if page.meta.id == module:  # type: ignore[attr-defined]
            return page
    return content.page(lang, f"{module}/index.md")


def quiz_findings(content: Content) -> list[Finding]:
    """Mistakes in the quizzes: each page on its own, and each translation against the Dutch quiz."""
    findings: list[Finding] = []
    default = content.default_language
    for page in sorted(content.pages.values(), key=lambda p: p.path):
        quiz, parsed = parse_quiz_page(page)
        findings += parsed
        if quiz is None:
            continue
        if module_page(content, quiz.id, page.lang) is None:
            findings.append(Finding(page.path, 1, "quiz-module", f"'{quiz.id}' is not a pillar, a living area "
                                                                 "or a section with an index page"))
        findings += _verdict_findings(content, page, quiz)
        base = content.pages.get((default, page.src))
        if page.lang != default and base is not None:
            base_quiz, _ = parse_quiz_page(base)
            assert base_quiz is not None
            findings += _parity_findings(page, quiz, base, base_quiz)
    return findings


def _verdict_findings(content: Content, page: Page, quiz: Quiz) -> list[Finding]:
    """Feedback starts with its verdict, so right and wrong are told in words and not by colour alone."""
    words = {True: content.ui(page.lang, "quiz_right"), False: content.ui(page.lang, "quiz_wrong")}
    return [
        Finding(page.path, option.line, "quiz-feedback",
                f"feedback on a {'right' if option.correct else 'wrong'} option of {q.id} must start with "
                f"'{words[option.correct]}'")
        for q in quiz.questions for option in q.options
        if option.feedback and not option.feedback.startswith(words[option.correct])
    ]


def _correct_positions(question: QuizQuestion) -> list[int]:
    return [n for n, option in enumerate(question.options, 1) if option.correct]


def _parity_findings(page: Page, quiz: Quiz, base: Page, base_quiz: Quiz) -> list[Finding]:
    """A translation asks the same questions: same number, ids, kinds, options and correct options."""
    if len(quiz.questions) != len(base_quiz.questions):
        return [Finding(page.path, page.body_line, "quiz-parity", f"{len(quiz.questions)} questions here, "
                        f"{len(base_quiz.questions)} in {base.path}")]
    findings = []
    for mine, theirs in zip(quiz.questions, base_quiz.questions):
        differences = [
            f"{what} {a} here but {b} in {base.path}"
            for what, a, b in (
                ("id", mine.id, theirs.id),
                ("kind", mine.kind, theirs.kind),
                ("number of options", len(mine.options), len(theirs.options)),
                ("correct options", _correct_positions(mine), _correct_positions(theirs)),
            )
            if a != b
        ]
        if differences:
            findings.append(Finding(page.path, mine.line, "quiz-parity", f"{mine.id}: " + "; ".join(differences)))
    return findings


# Shortcodes on the quiz pages -------------------------------------------------------------------------


def _page_quiz(ctx: Context) -> Quiz:
    module = quiz_module(ctx.page)
    quiz = ctx.content.quizzes.get((ctx.page.lang, module)) if module else None
    if quiz is None:
        raise ShortcodeError("this shortcode belongs on a quiz page (docs/quizzes/<module>.<lang>.md)")
    return quiz


@shortcode("quiz-intro")
def _quiz_intro(ctx: Context, args: list[str]) -> str:
    """What the quiz is about, how it works, and where the answers are for readers without JavaScript."""
    no_args(args, "quiz-intro")
    quiz = _page_quiz(ctx)
    about = module_page(ctx.content, quiz.id, ctx.lang)
    assert about is not None, "this quiz has no module page"
    link = f"[{about.meta.title}]({relative_md(ctx.page.src, about.src)})"
    how = f'<div class="vt-quiz-how" markdown>\n\n{ctx.ui("quiz_how")}\n\n</div>'
    # The heading is the first entry of the table of contents, so the theme's "skip to content" link
    # lands on the questions (without it, it would jump past them to the answer key).
    heading = f"## {ctx.ui('quiz_questions_title')} {{#questions}}"
    return "\n\n".join((ctx.ui("quiz_intro", n=len(quiz.questions), module=link), how,
                          "<!-- mkdocs-quiz intro -->", heading))


@shortcode("quiz-answers")
def _quiz_answers(ctx: Context, args: list[str]) -> str:
    """Every right answer with its explanation, folded away: the answer key without JavaScript."""
    no_args(args, "quiz-answers")
    quiz = _page_quiz(ctx)
    parts = ['<div class="vt-quiz-key" markdown>', "", f"## {ctx.ui('quiz_answers_title')} {{#answers}}", "",
             '<details class="vt-quiz-answers" markdown>',
             f"<summary>{ctx.ui('quiz_answers_show')}</summary>", ""]
    for number, question in enumerate(quiz.questions, 1):
        right = [o.text for o in question.options if o.correct]
        parts += [f'<div class="vt-quiz-answer" id="answer-{question.id}" markdown>', "",
                  f"**{number}.** {question.text}", "",
                  f"{ctx.ui('quiz_right_answer' if len(right) == 1 else 'quiz_right_answers')}", ""]
        parts += [f"- {text}" for text in right]
        parts += ["", question.explanation, "", "</div>", ""]
    return "\n".join(parts + ["</details>", "", "</div>"])


def quiz_groups(content: Content, lang: str) -> list[tuple[str, list[Quiz]]]:
    """The quizzes in `lang` (a missing translation falls back to Dutch), grouped by the folder of their
    part of the site and in reading order: sections such as the context, then pillars, then living areas."""
    def quiz(module: str) -> Quiz | None:
        return content.quizzes.get((lang, module)) or content.quizzes.get((content.default_language, module))

    numbered = {p.meta.id: p for p in content.pillars(lang) + content.living_areas(lang)}  # type: ignore[attr-defined]
    sections = sorted({module for (_, module) in content.quizzes} - set(numbered))
    groups = [(section, [quiz(section)]) for section in sections] + [
        (folder, [quiz(m) for m, page in numbered.items() if page.src.startswith(folder + "/")])
        for folder in ("pillars", "living-areas")
    ]
    return [(folder, found) for folder, quizzes in groups if (found := [q for q in quizzes if q is not None])]


@shortcode("quiz-list")
def _quiz_list(ctx: Context, args: list[str]) -> str:
    """Every quiz under the heading of its part of the site, with its number of questions."""
    no_args(args, "quiz-list")
    parts = []
    for folder, quizzes in quiz_groups(ctx.content, ctx.lang):
        heading = ctx.content.page(ctx.lang, f"{folder}/index.md")
        assert heading is not None, f"no index page for {folder}"
        parts += [f"## {heading.meta.title} {{#{folder}}}", ""]
        for quiz in quizzes:
            about = module_page(ctx.content, quiz.id, ctx.lang)
            assert about is not None
            link = relative_md(ctx.page.src, quiz.page + ".md")
            parts.append(f"- [{about.meta.title}]({link}) · {ctx.ui('quiz_count', n=len(quiz.questions))}")
        parts.append("")
    return "\n".join(parts)
