"""A module's slide deck as a list of slides: one model that the PowerPoint file (`slides_pptx`) and the
16:9 PDF (`slides_html`) are both drawn from, so the two never differ.

Everything comes from the content model: the pillar's focus and needs (or the living area's
conditions) from the page's front matter, the quotes and their discussion prompts as the training
pack's cards, the figures the module's pages cite, the quiz as the site shows it, and the trainer
edition's texts (session plan, facilitation) as speaker notes.

    deck = build_deck(content, texts, module, "nl", organisation)
    [slide.title for slide in deck.slides]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.colours import DEFAULT_PRIMARY
from ..core.content import Content, area_meta, pillar_meta
from ..core.models import LivingAreaMeta, PillarMeta, Statistic
from ..core.organisation import Organisation
from ..core.pack_catalogue import Module
from ..core.pack_texts import PackTexts
from ..core.pages import Page
from ..core.texts import text_in
from ..render import formatting
from ..render.figure_shortcodes import charted
from ..render.quiz_export import plain
from ..render.shortcodes import quiz_markdown
from . import packs_render

PER_CHART = 6
"""Bars on one slide at most (a pair counts two), so each label stays readable from the back of a room."""
PER_TABLE = 5
"""Rows of figures on one slide at most."""


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """Horizontal bars: one category per figure, one or two series (all children; women's / homeless shelter)."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    texts: tuple[tuple[str, ...], ...]
    """The value of each bar as readers see it ("31%"), per series."""
    description: str
    """Alt text: what the chart shows, in words."""


@dataclass(frozen=True)
class Slide:
    kind: str
    """"title", "points", "statement", "quote", "chart", "table" or "question"."""
    title: str
    points: tuple[str, ...] = ()
    """Lines of a list (goals, prompts, options of a question), plain text."""
    text: str = ""
    """The one idea of a statement slide, or a quote's words."""
    caption: str = ""
    """Under the text: a quote's attribution, a slide's kicker."""
    chart: Chart | None = None
    table: tuple[tuple[str, ...], ...] = ()
    """Rows of a table slide, the first one the header."""
    notes: str = ""
    """Speaker notes, from the trainer edition."""


@dataclass(frozen=True)
class Deck:
    lang: str
    title: str
    organisation: Organisation
    primary: str
    slides: list[Slide] = field(default_factory=list)


def _section_heading(page: Page, anchor: str) -> str | None:
    """The heading of the section `{#anchor}` on a page, as the site shows it."""
    match = re.search(rf"^#{{2,3}}\s+(.*?)\s*\{{#{anchor}\}}\s*$", page.body, re.M)
    return match[1].strip() if match else None


def build_deck(content: Content, texts: PackTexts, module: Module, lang: str, org: Organisation) -> Deck:
    """The slides of one module (not the course) in `lang`, for `org` (name, logo and colour)."""
    view = packs_render.PackView(content, texts, module, packs_render.Edition(lang, "trainer", org, "", ""))
    title = view.title
    pages = module.pages(content, lang)
    slides: list[Slide] = []
    kind_label = {"pillar": content.ui(lang, "pillar"), "living_area": content.ui(lang, "living_area")}.get(module.kind)
    # The speaker notes carry the 90-minute plan (the middle length), or the shortest there is.
    length = 90 if 90 in texts.session.lengths else texts.session.lengths[0]
    steps = view.session_steps(module, title, length, len(module.card_quotes(content)))
    plan = "\n".join(f"{s['time']} ({s['minutes']}) {s['title']}: {plain(s['text'])}" for s in steps)
    slides.append(
        Slide(
            "title",
            title,
            text=f"{kind_label} {module.number}" if kind_label else view.t("module"),
            caption=f"{view.t('training_pack')} · {org.name}",
            notes=f"{view.t('session_plan')} ({view.t('minutes', minutes=length)})\n{plan}",
        )
    )
    facilitation = "\n\n".join(f"{view.text(s.title)}: {plain(view.text(s.text))}" for s in texts.facilitation)
    slides.append(
        Slide(
            "points",
            view.t("learning_goals"),
            points=tuple(plain(view.text(goal)) for goal in module.texts.learning_goals),
            notes=f"{view.t('facilitation')}\n{facilitation}",
        )
    )
    activity = plain(view.text(module.texts.activity)) if module.texts.activity else ""
    for page in pages:
        slides += _needs_slides(content, page, lang, activity)
    cards = view.cards_of(module, pages)
    voices = next((h for page in pages if (h := _section_heading(page, "voices"))), view.t("cards"))
    for card in cards:
        words = "\n\n".join(card["paragraphs"])
        who = " · ".join(part for part in (card["who"], card["source"], card["translated"]) if part)
        slides.append(Slide("quote", voices, text=words, caption=who, notes=f"{view.t('prompts')}: {card['prompt']}"))
    slides += _figure_slides(content, pages, lang)
    reflection = tuple(plain(view.text(q)) for q in module.texts.reflection)
    if reflection:
        slides.append(
            Slide(
                "points",
                view.t("reflection"),
                points=reflection,
                notes="\n".join(f"{view.t('card')} {c['number']}: {c['prompt']}" for c in cards),
            )
        )
    quiz = quiz_markdown(content, lang, module.id)
    for number, question in enumerate(quiz.questions if quiz else [], 1):
        feedback = "\n".join(
            f"{'✓' if o.correct else '✗'} {plain(o.text)} — {plain(o.feedback)}" for o in question.options
        )
        slides.append(
            Slide(
                "question",
                f"{view.t('question')} {number}",
                text=plain(question.text),
                points=tuple(plain(o.text) for o in question.options),
                caption=view.t("choose_one" if question.kind == "single" else "choose_all"),
                notes=f"{view.t('correct_answer')}:\n{feedback}\n\n{view.t('explanation')}: {plain(question.explanation)}",
            )
        )
    slides.append(Slide("points", view.t("sources"), points=tuple(plain(view.text(p)) for p in texts.sources)))
    primary = org.colours.primary or DEFAULT_PRIMARY
    return Deck(lang, title, org, primary, slides)


def _needs_slides(content: Content, page: Page, lang: str, activity: str) -> list[Slide]:
    """The focus, then one slide per need (pillar) or condition (living area): one idea at a time."""
    slides: list[Slide] = []
    meta: PillarMeta | LivingAreaMeta
    if page.src.startswith("pillars/"):
        meta = pillar_meta(page)
        slides.append(Slide("statement", content.ui(lang, "focus"), text=plain(meta.focus), caption=meta.title))
        items, anchor = meta.needs, "needs"
    elif page.src.startswith("living-areas/"):
        meta = area_meta(page)
        items, anchor = meta.conditions, "conditions"
    else:
        return slides
    heading = _section_heading(page, anchor) or meta.title
    for number, item in enumerate(items, 1):
        slides.append(
            Slide(
                "statement",
                f"{heading} ({number}/{len(items)})",
                text=plain(item),
                caption=meta.title,
                notes=activity if number == 1 else "",
            )
        )
    return slides


def _parts(count: int, most: int) -> list[tuple[int, int]]:
    """(start, end) of `count` items cut into as few even parts of at most `most` as can be."""
    pieces = -(-count // most)
    size = -(-count // pieces)
    return [(start, min(count, start + size)) for start in range(0, count, size)]


def _figure_slides(content: Content, pages: list[Page], lang: str) -> list[Slide]:
    """Each group of figures the pages cite: a bar chart where the group is plain percentages, a table otherwise."""
    stats = content.statistics
    if stats is None:
        return []
    default, ids = content.default_language, {page.id for page in pages}
    slides = []
    for group in stats.groups:
        entries = [s for s in stats.statistics if s.group == group.id and s.section in ids]
        if not entries:
            continue
        title = text_in(group.title, lang, default)
        source = content.ui(lang, "figures_caption", title=title, year=stats.year)

        def shown(stat, side=None):
            return formatting.statistic(stat, lang, default, lambda key, **v: content.ui(lang, key, **v), side)

        labels = tuple(text_in(s.label, lang, default) for s in entries)
        if charted(entries):
            # As on the figures page: all children where the booklet gives it, then the two shelters side by side.
            overall = [s for s in entries if s.value is not None]
            split = [s for s in entries if s.womens_shelter is not None and s.homeless_shelter is not None]
            charts: list[tuple[list[Statistic], tuple[Series, ...], tuple[tuple[str, ...], ...]]] = []
            if overall:
                values = tuple(s.value for s in overall if s.value is not None)
                charts.append((overall, (Series(title, values),), (tuple(shown(s) for s in overall),)))
            if split:
                series: tuple[Series, ...] = (
                    Series(
                        content.ui(lang, "figures_womens_shelter"),
                        tuple(s.womens_shelter for s in split if s.womens_shelter is not None),
                    ),
                    Series(
                        content.ui(lang, "figures_homeless_shelter"),
                        tuple(s.homeless_shelter for s in split if s.homeless_shelter is not None),
                    ),
                )
                charts.append(
                    (
                        split,
                        series,
                        (
                            tuple(shown(s, s.womens_shelter) for s in split),
                            tuple(shown(s, s.homeless_shelter) for s in split),
                        ),
                    )
                )
            for chosen, series, texts in charts:
                names = tuple(text_in(s.label, lang, default) for s in chosen)
                parts = _parts(len(names), PER_CHART // len(series))
                for part, (start, end) in enumerate(parts, 1):
                    cut = tuple(Series(ser.name, ser.values[start:end]) for ser in series)
                    cut_texts = tuple(t[start:end] for t in texts)
                    description = "; ".join(
                        f"{name}: "
                        + ", ".join(f"{ser.name} {t[i]}" if len(cut) > 1 else t[i] for ser, t in zip(cut, cut_texts))
                        for i, name in enumerate(names[start:end])
                    )
                    shown_title = f"{title} ({part}/{len(parts)})" if len(parts) > 1 else title
                    chart = Chart(names[start:end], cut, cut_texts, f"{title}. {description}")
                    slides.append(Slide("chart", shown_title, chart=chart, caption=source))
        else:
            rows = [(content.ui(lang, "figures_meaning"), content.ui(lang, "figures_figure"))]
            rows += [
                (label, shown(s) if s.value is not None or s.display else content.ui(lang, "figures_not_given"))
                for label, s in zip(labels, entries)
            ]
            head, body = rows[0], rows[1:]
            parts = _parts(len(body), PER_TABLE)
            for part, (start, end) in enumerate(parts, 1):
                shown_title = f"{title} ({part}/{len(parts)})" if len(parts) > 1 else title
                slides.append(Slide("table", shown_title, table=(head, *body[start:end]), caption=source))
    return slides
