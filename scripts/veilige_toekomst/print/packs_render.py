"""One training pack as HTML: the site's pages (Markdown, shortcodes resolved for paper) in a Jinja2 template.

The pack is a list of sections (`outline`); the template draws the contents from the same list it
draws the pages from, so a section is never in one and missing from the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from markdown_it import MarkdownIt
from markupsafe import Markup

from ..core.content import Content, area_meta, pillar_meta
from ..core.findings import ContentError
from ..core.markdown_syntax import used_ids
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
HEADING_ID = re.compile(r"^(#{1,6}\s.*?)\s*\{#[^}]*\}\s*$", re.M)
WEB_BUTTON = re.compile(r"^\[[^\]\n]*\]\([^)\n]*\)\{[^}\n]*\.md-button[^}\n]*\}[ \t]*$", re.M)
"""A link styled as a button (attr_list) leads somewhere on the website: nothing to do on paper."""
ATTR_LIST = re.compile(r"\{:?[ \t]*[.#][^}\n]*\}")

_markdown = MarkdownIt("commonmark", {"html": True}).enable("table")
# Links point into the website; on paper they name a page or section, set in italics.
_markdown.add_render_rule("link_open", lambda *args: "<em>")
_markdown.add_render_rule("link_close", lambda *args: "</em>")
_templates = pdf.templates()


def markdown(text: str, shift: int = 0) -> Markup:
    """Markdown to HTML for paper: no links, buttons, heading ids or attribute lists; `shift` moves
    headings down (## -> h3 for 1)."""
    tokens = _markdown.parse(ATTR_LIST.sub("", WEB_BUTTON.sub("", HEADING_ID.sub(r"\1", text))))
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + shift)}"
    return Markup(_markdown.renderer.render(tokens, _markdown.options, {}))


def inline(text: str) -> Markup:
    return Markup(_markdown.renderInline(text))


# Shortcodes as they look on paper: a checklist to tick, a quote without links to the website.


def print_shortcodes(checklist_intro: str) -> dict[str, Handler]:
    """Handlers that replace the site's for a pack; `checklist_intro` says what to tick."""

    def checklist(items: list[str]) -> str:
        boxes = "".join(f"<li>{inline(item)}</li>" for item in items)
        return f'<p class="vt-muted vt-small">{escape(checklist_intro)}</p><ul class="vt-check">{boxes}</ul>'

    def needs(ctx: Context, args: list[str]) -> str:
        no_args(args, "needs")
        return checklist(pillar_meta(ctx.page).needs)

    def conditions(ctx: Context, args: list[str]) -> str:
        no_args(args, "conditions")
        return checklist(area_meta(ctx.page).conditions)

    return {"needs": needs, "conditions": conditions, "focus": _focus, "quote": _quote}


def _focus(ctx: Context, args: list[str]) -> str:
    no_args(args, "focus")
    return (
        f'<div class="vt-box vt-focus"><p><strong>{escape(ctx.ui("focus"))}:</strong> '
        f"{inline(pillar_meta(ctx.page).focus)}</p></div>"
    )


def _quote(ctx: Context, args: list[str]) -> str:
    quote_id = one_arg(args, "quote")
    quote = ctx.content.quotes_by_id.get(quote_id)
    if quote is None:
        raise ShortcodeError(f"unknown quote id '{quote_id}' (see docs/quotes/quotes.yml)")
    return quotes.render(ctx.content, quote, ctx.lang)


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


class PackView:
    """The sections of one pack, with their texts in its language."""

    def __init__(self, content: Content, texts: PackTexts, module: Module, edition: Edition):
        self.content, self.texts, self.module, self.edition = content, texts, module, edition
        self.lang = edition.lang
        self.trainer = edition.edition == "trainer"
        self.cards = 0
        self.shown_groups: set[str] = set()
        self.title = module.title(content, self.lang)
        self.shortcodes = print_shortcodes(self.t("needs_checklist"))

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
                                "course_plan_intro", count=len(self.module.chapters), minutes=self.texts.session.minutes
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
            sections.append(
                Section(
                    f"{cid}-session",
                    "session",
                    self.t("session_plan"),
                    2,
                    True,
                    {
                        "intro": self.t("session_plan_intro", minutes=self.texts.session.minutes),
                        "steps": self.session_steps(chapter, title),
                    },
                )
            )
            if cards:
                sections.append(Section(f"{cid}-prompts", "prompts", self.t("prompts"), 2, True, {"cards": cards}))
            if quiz:
                sections.append(
                    Section(
                        f"{cid}-answers", "answers", self.t("answer_key"), 2, True, {"questions": self.questions(quiz)}
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
        return markdown(_resolved(self.content, page, self.lang, overrides=self.shortcodes), shift=1)

    def cards_of(self, chapter: Module, pages: list[Page]) -> list[dict]:
        """One discussion card per quote on the chapter's pages, numbered through the whole pack."""
        cards = []
        for page in pages:
            for quote_id, _ in used_ids(page, "quote"):
                quote = self.content.quotes_by_id[quote_id]
                self.cards += 1
                original = self.content.default_language
                translated = self.lang != original and self.lang in quote.text
                shown = quote.text[self.lang if translated else original]
                cards.append(
                    {
                        "number": self.cards,
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

    def questions(self, quiz: Quiz) -> list[dict]:
        return [
            {
                "number": number,
                "text": markdown(question.text),
                "multiple": question.kind == "multiple",
                "options": [inline(option.text) for option in question.options],
                "correct": [inline(option.text) for option in question.options if option.correct],
                "explanation": markdown(question.explanation),
            }
            for number, question in enumerate(quiz.questions, 1)
        ]

    def session_steps(self, chapter: Module, title: str) -> list[dict]:
        activity = self.text(chapter.texts.activity) if chapter.texts.activity else ""
        steps, start = [], 0
        for step in self.texts.session.steps:
            end = start + step.minutes
            steps.append(
                {
                    "time": f"{start // 60}:{start % 60:02d}–{end // 60}:{end % 60:02d}",
                    "minutes": self.t("minutes", minutes=step.minutes),
                    "title": self.text(step.title, module=title, activity=activity),
                    "text": self.text(step.text, module=title, activity=activity),
                }
            )
            start = end
        return steps


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
        logo=edition.organisation.logo.as_uri() if edition.organisation.logo else None,
    )
    return html, title
