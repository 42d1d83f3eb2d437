"""One training pack as HTML: the site's pages (Markdown, shortcodes resolved for paper) in a Jinja2 template.

The pack is a list of sections (`outline`); the template draws the contents from the same list it
draws the pages from, so a section is never in one and missing from the other.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin

from ..core.content import Content, area_meta, pillar_meta
from ..core.findings import ContentError
from ..core.organisation import Organisation
from ..core.pack_catalogue import Module
from ..core.pack_texts import PackTexts
from ..core.pages import Page
from ..core.quizzes import Quiz
from ..core.texts import text_in
from ..render import quotes, shortcodes
from ..render.context import Context, Handler, ShortcodeError, no_args, one_arg
from . import pdf

TEMPLATE = "pack.html.j2"
PACK_CSS = pdf.TEMPLATES / "pack.css"
HEADING_ID = re.compile(r"^(#{1,6}\s.*?)\s*\{#([^}\s]*)[^}]*\}\s*$", re.M)
WEB_BUTTON = re.compile(r"^\[[^\]\n]*\]\([^)\n]*\)\{[^}\n]*\.md-button[^}\n]*\}[ \t]*$", re.M)
"""A link styled as a button (attr_list) leads somewhere on the website: nothing to do on paper."""
ATTR_LIST = re.compile(r"\{:?[ \t]*[.#][^}\n]*\}")

# What the site's markdown_extensions (mkdocs.yml) give, on paper: tables, admonitions and collapsible
# blocks (`!!!`, `???`, printed open), definition lists; attr_list attributes are dropped (ATTR_LIST).
_markdown = MarkdownIt("commonmark", {"html": True}).enable("table").use(admon_plugin).use(deflist_plugin)
XRef = Callable[[str], str | None]
"""Turns a link's href into the id of its target in the pack, or None when the target is not in it."""


def _link_open(self, tokens, idx, options, env) -> str:
    """Links point into the website; on paper they name a page or section, set in italics, with the
    page number (CSS target-counter) when the target is in the pack."""
    target = env.get("xref", lambda href: None)(tokens[idx].attrGet("href") or "")
    env.setdefault("open", []).append(target)
    return f'<a class="vt-xref" href="#{escape(target)}"><em>' if target else "<em>"


def _link_close(self, tokens, idx, options, env) -> str:
    return "</em></a>" if env.get("open") and env["open"].pop() else "</em>"


_markdown.add_render_rule("link_open", _link_open)
_markdown.add_render_rule("link_close", _link_close)
_templates = pdf.templates()


def markdown(text: str, shift: int = 0, xref: XRef | None = None, ids: str = "") -> Markup:
    """Markdown to HTML for paper: no buttons or attribute lists; links italic, with a page number when
    `xref` finds their target in the pack; `shift` moves headings down (## -> h3 for 1); a heading's
    `{#id}` becomes the id `<ids>--<id>` when `ids` is given."""
    anchors = {m[1].lstrip("#").strip(): m[2] for m in HEADING_ID.finditer(text)}
    tokens = _markdown.parse(ATTR_LIST.sub("", WEB_BUTTON.sub("", HEADING_ID.sub(r"\1", text))))
    for index, token in enumerate(tokens):
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + shift)}"
        if token.type == "heading_open" and ids and tokens[index + 1].content in anchors:
            token.attrSet("id", f"{ids}--{anchors[tokens[index + 1].content]}")
    env = {"xref": xref} if xref else {}
    return Markup(_markdown.renderer.render(tokens, _markdown.options, env))


def inline(text: str, xref: XRef | None = None) -> Markup:
    return Markup(_markdown.renderInline(text, {"xref": xref} if xref else {}))


# Shortcodes as they look on paper: a checklist to tick, a quote without links to the website.


def print_shortcodes(checklist_intro: str, quote: Handler) -> dict[str, Handler]:
    """Handlers that replace the site's for a pack; `checklist_intro` says what to tick, `quote` draws a quote."""

    def checklist(items: list[str]) -> str:
        boxes = "".join(f"<li>{inline(item)}</li>" for item in items)
        return f'<p class="vt-muted vt-small">{escape(checklist_intro)}</p><ul class="vt-check">{boxes}</ul>'

    def needs(ctx: Context, args: list[str]) -> str:
        no_args(args, "needs")
        return checklist(pillar_meta(ctx.page).needs)

    def conditions(ctx: Context, args: list[str]) -> str:
        no_args(args, "conditions")
        return checklist(area_meta(ctx.page).conditions)

    return {"needs": needs, "conditions": conditions, "focus": _focus, "quote": quote}


def _focus(ctx: Context, args: list[str]) -> str:
    no_args(args, "focus")
    return (
        f'<div class="vt-box vt-focus"><p><strong>{escape(ctx.ui("focus"))}:</strong> '
        f"{inline(pillar_meta(ctx.page).focus)}</p></div>"
    )


def _resolved(
    content: Content, page: Page, lang: str, markdown: str | None = None, overrides: dict[str, Handler] | None = None
) -> str:
    text, findings = shortcodes.resolve(content, page, lang, markdown, overrides)
    if findings:
        raise ContentError(findings)
    return text


@dataclass
class Section:
    id: str
    kind: str
    """Which part of the template draws it: "goals", "page", "cards", "worksheet", …"""
    title: str
    level: int
    trainer: bool = False
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Edition:
    """Everything about one pack that is not the content: who it is for and when it was made."""

    lang: str
    edition: str
    organisation: Organisation
    version: str
    date: str
    lengths: tuple[int, ...] = ()
    """Session lengths whose plans the trainer edition holds; empty: every length in packs.yml."""


class PackView:
    """The sections of one pack, with their texts in its language."""

    def __init__(self, content: Content, texts: PackTexts, module: Module, edition: Edition):
        self.content, self.texts, self.module, self.edition = content, texts, module, edition
        self.lang = edition.lang
        self.trainer = edition.edition == "trainer"
        self.card_numbers: dict[str, int] = {}
        """Quote id -> its card number: each quote is a card once a pack, and the text points to the card."""
        self.shown_groups: set[str] = set()
        self.title = module.title(content, self.lang)
        self.shortcodes = print_shortcodes(self.t("needs_checklist"), self._quote)
        self.lengths = edition.lengths or tuple(texts.session.lengths)
        self.page_sections = {
            page.src: f"{part.id}-{page.id.replace('/', '-')}"
            for part in module.parts()
            for page in part.pages(content, self.lang)
        }
        self.page_anchors = {
            page.src: {m[2] for m in HEADING_ID.finditer(page.body)}
            for part in module.parts()
            for page in part.pages(content, self.lang)
        }

    def _quote(self, ctx: Context, args: list[str]) -> str:
        """A quote in the text: a pointer to its card (every quote on the pack's pages is a card)."""
        quote_id = one_arg(args, "quote")
        quote = ctx.content.quotes_by_id.get(quote_id)
        if quote is None:
            raise ShortcodeError(f"unknown quote id '{quote_id}' (see docs/quotes/quotes.yml)")
        number = self.card_numbers[quote_id]
        who = quotes.attribution(ctx.content, quote, self.lang)
        return (
            f'<p class="vt-card-ref"><a class="vt-xref" href="#card-{number}">'
            f"{escape(self.t('card_ref', who=who, number=number))}</a></p>"
        )

    def xref(self, base: str) -> XRef:
        """Links in a text from page `base` ("pillars/safety.md") to their targets' ids in this pack."""

        def target(href: str) -> str | None:
            if re.match(r"^[a-z]+:", href):
                return None
            path, _, anchor = href.partition("#")
            src = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if path else base
            section = self.page_sections.get(src)
            if section is None or (anchor and anchor not in self.page_anchors[src]):
                return section if section and not anchor else None
            return f"{section}--{anchor}" if anchor else section

        return target

    def t(self, key: str, **values: object) -> str:
        """A label of the packs (docs/training/packs.yml) in the pack's language."""
        return self.text(getattr(self.texts.labels, key), **values)

    def text(self, texts: dict[str, str], **values: object) -> str:
        text = text_in(texts, self.lang, self.content.default_language)
        return text.format(**values) if values else text

    def outline(self) -> list[Section]:
        sections: list[Section] = []
        if self.trainer:
            sections.append(Section("trainer", "trainer_intro", self.t("trainer_guide"), 1, True))
            sections.append(
                Section(
                    "facilitation",
                    "facilitation",
                    self.t("facilitation"),
                    2,
                    True,
                    {"items": [(self.text(s.title), self.text(s.text)) for s in self.texts.facilitation]},
                )
            )
            if self.module.chapters:
                sections.append(
                    Section(
                        "course-plan",
                        "text",
                        self.t("session_plan"),
                        2,
                        True,
                        {
                            "text": self.t(
                                "course_plan_intro",
                                count=len(self.module.chapters),
                                minutes="/".join(map(str, self.lengths)),
                            )
                        },
                    )
                )
        if self.module.chapters:
            sections.append(
                Section(
                    "course-goals",
                    "goals",
                    self.t("learning_goals"),
                    1,
                    data={"goals": [self.text(goal) for goal in self.module.texts.learning_goals]},
                )
            )
        for chapter in self.module.parts():
            sections += self.chapter(chapter)
        if self.module.chapters:
            sections.append(Section("notes", "notes", self.t("notes"), 1))
        if self.trainer:
            sections += self.papers()
        sections.append(
            Section(
                "sources",
                "sources",
                self.t("sources"),
                1,
                data={"paragraphs": [self.text(p) for p in self.texts.sources]},
            )
        )
        return sections

    def chapter(self, chapter: Module) -> list[Section]:
        content, lang, cid = self.content, self.lang, chapter.id
        title = chapter.title(content, lang)
        pages = chapter.pages(content, lang)
        quiz = shortcodes.quiz_markdown(content, lang, cid)
        cards = self.cards_of(chapter, pages)
        kind_label = {"pillar": content.ui(lang, "pillar"), "living_area": content.ui(lang, "living_area")}.get(
            chapter.kind
        )
        sections = [
            Section(
                cid,
                "chapter",
                title,
                1,
                data={"label": f"{kind_label} {chapter.number}" if kind_label else self.t("module")},
            )
        ]
        if self.trainer:
            sections += [
                Section(
                    f"{cid}-session-{length}",
                    "session",
                    self.t("session_plan_length", minutes=length),
                    2,
                    True,
                    {
                        "intro": self.t("session_plan_intro", minutes=length),
                        "steps": self.session_steps(chapter, title, length, len(cards)),
                    },
                )
                for length in self.lengths
            ]
            if cards:
                sections.append(Section(f"{cid}-prompts", "prompts", self.t("prompts"), 2, True, {"cards": cards}))
            if quiz:
                sections.append(
                    Section(
                        f"{cid}-answers",
                        "answers",
                        self.t("answer_key"),
                        2,
                        True,
                        {"questions": self.questions(quiz, self.xref(quiz.page + ".md"))},
                    )
                )
        sections.append(
            Section(
                f"{cid}-goals",
                "goals",
                self.t("learning_goals"),
                2,
                data={"goals": [self.text(goal) for goal in chapter.texts.learning_goals]},
            )
        )
        single = len(pages) == 1
        for page in pages:
            # One page: its title is the chapter's, so the section is named for what it holds.
            heading = self.t("key_content") if single else page.meta.title
            sections.append(
                Section(f"{cid}-{page.id.replace('/', '-')}", "page", heading, 2, data={"body": self.page_body(page)})
            )
        figures = self.figures(chapter, pages)
        if figures:
            sections.append(Section(f"{cid}-figures", "figures", self.t("figures"), 2, data={"html": figures}))
        if cards:
            sections.append(Section(f"{cid}-cards", "cards", self.t("cards"), 2, data={"cards": cards}))
        if quiz:
            sections.append(
                Section(
                    f"{cid}-worksheet", "worksheet", self.t("worksheet"), 2, data={"questions": self.questions(quiz)}
                )
            )
        sections.append(
            Section(
                f"{cid}-reflection",
                "reflection",
                self.t("reflection"),
                2,
                data={"questions": [self.text(q) for q in chapter.texts.reflection]},
            )
        )
        if not self.module.chapters:
            sections.append(Section(f"{cid}-notes", "notes", self.t("notes"), 2))
        return sections

    def page_body(self, page: Page) -> Markup:
        return markdown(
            _resolved(self.content, page, self.lang, overrides=self.shortcodes),
            shift=1,
            xref=self.xref(page.src),
            ids=self.page_sections[page.src],
        )

    def cards_of(self, chapter: Module, pages: list[Page]) -> list[dict]:
        """One discussion card per quote of the chapter (`Module.card_quotes`) not yet on a card in this
        pack, numbered through the whole pack."""
        cards = []
        for quote_id in chapter.card_quotes(self.content):
            if quote_id in self.card_numbers:
                continue
            quote = self.content.quotes_by_id[quote_id]
            self.card_numbers[quote_id] = number = len(self.card_numbers) + 1
            original = self.content.default_language
            translated = self.lang != original and self.lang in quote.text
            shown = quote.text[self.lang if translated else original]
            cards.append(
                {
                    "number": number,
                    "chapter": chapter.title(self.content, self.lang),
                    "paragraphs": [" ".join(p.split()) for p in shown.split("\n\n") if p.strip()],
                    "long": len(shown) > 420,  # about the most that fits a card at the normal size
                    "lang": self.lang if translated else original,
                    "who": quotes.attribution(self.content, quote, self.lang),
                    "source": self.content.ui(self.lang, "source_booklet"),
                    "translated": self.content.ui(self.lang, "translated_from_dutch") if translated else "",
                    "prompt": self.text(self.texts.quote_prompts[quote_id]),  # checked: every card has one
                }
            )
        return cards

    def figures(self, chapter: Module, pages: list[Page]) -> Markup:
        """The site's charts and tables of every group of figures the chapter's pages cite (each once a pack)."""
        stats = self.content.statistics
        if stats is None or not pages:
            return Markup("")
        page_ids = {page.id for page in pages}
        groups = [
            g.id
            for g in stats.groups
            if g.id not in self.shown_groups
            and any(s.group == g.id and s.section in page_ids for s in stats.statistics)
        ]
        self.shown_groups.update(groups)
        html = "".join(_resolved(self.content, pages[0], self.lang, f"<!-- figures {g} -->") for g in groups)
        return Markup(pdf.svg_in_font(html))

    def questions(self, quiz: Quiz, xref: XRef | None = None) -> list[dict]:
        """The quiz's questions for the worksheet and, with each option's verdict and feedback, the answer key."""
        choose_all = self.t("choose_all")
        return [
            {
                "number": number,
                # the worksheet says how many to choose under each question, so the question does not repeat it
                "text": markdown(question.text.strip().removesuffix(choose_all).strip()),
                "multiple": question.kind == "multiple",
                "options": [
                    {
                        "text": inline(option.text),
                        "correct": option.correct,
                        "verdict": self.t("verdict_right" if option.correct else "verdict_wrong"),
                        "feedback": inline(option.feedback, xref),
                    }
                    for option in question.options
                ],
                "explanation": markdown(question.explanation, xref=xref),
            }
            for number, question in enumerate(quiz.questions, 1)
        ]

    def session_steps(self, chapter: Module, title: str, length: int, cards: int) -> list[dict]:
        """The `length`-minute plan with clock times; the card step fitted to the number of cards."""
        activity = self.text(chapter.texts.activity) if chapter.texts.activity else ""
        session = self.texts.session
        steps, start = [], 0
        for step, minutes in session.plan(length):
            end = start + minutes
            steps.append(
                {
                    "time": f"{start // 60}:{start % 60:02d}–{end // 60}:{end % 60:02d}",
                    "minutes": self.t("minutes", minutes=minutes),
                    "optional": self.t("optional_step") if step.block == "optional" else "",
                    "title": self.text(step.title, module=title),
                    "text": self.text(
                        step.text, module=title, activity=activity, cards_activity=self.cards_activity(minutes, cards)
                    ),
                }
            )
            start = end
        return steps

    def cards_activity(self, minutes: int, cards: int) -> str:
        """The card step for `cards` cards in `minutes`: five minutes to close, at least five a card."""
        talk = max(minutes - 5, 5)
        per_group = max(1, min(cards, talk // 5))
        key = "cards_activity_all" if per_group >= cards else "cards_activity_choose"
        return self.t(
            key,
            group_size=self.texts.session.group_size,
            cards=cards,
            per_group=per_group,
            per_card=talk // per_group,
        )

    def papers(self) -> list[Section]:
        """The trainer's papers around a session: preparation list, attendance list, evaluation form, certificate."""
        session, cards = self.texts.session, len(self.card_numbers)
        values = {
            "sets": -(-session.participants // session.group_size),
            "cards": cards,
            "participants": session.participants,
            "group_size": session.group_size,
        }
        evaluation = self.texts.evaluation
        return [
            Section("papers", "text", self.t("papers"), 1, True, {"text": self.t("papers_intro")}),
            Section(
                "preparation",
                "preparation",
                self.t("preparation"),
                2,
                True,
                {"items": [self.text(item, **values) for item in self.texts.preparation]},
            ),
            Section(
                "attendance",
                "attendance",
                self.t("attendance"),
                2,
                True,
                {"columns": [self.text(c) for c in self.texts.labels.attendance_columns], "rows": 15},
            ),
            Section(
                "evaluation",
                "evaluation",
                self.t("evaluation"),
                2,
                True,
                {
                    "scale": [self.text(s) for s in evaluation.scale],
                    "closed": [self.text(q, module=self.title) for q in evaluation.closed],
                    "open": [self.text(q, module=self.title) for q in evaluation.open],
                },
            ),
            Section("certificate", "certificate", self.t("certificate"), 2, True),
        ]


def render_html(content: Content, texts: PackTexts, module: Module, edition: Edition) -> tuple[str, str]:
    """The pack's HTML and its title ("Trainingspakket Veiligheid — Deelnemerseditie")."""
    view = PackView(content, texts, module, edition)
    title = f"{view.t('training_pack')} {view.title} — {view.t('edition_' + edition.edition)}"
    html = _templates.get_template(TEMPLATE).render(
        view=view,
        t=view.t,
        sections=view.outline(),
        edition=edition,
        title=title,
        module_title=view.title,
        author=edition.organisation.name,
        stylesheets=Markup(pdf.stylesheet_tags(PACK_CSS)),
        inline=inline,
    )
    return html, title
