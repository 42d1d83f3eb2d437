"""Shortcodes for the booklet's figures: a number in a sentence, a whole group on the figures page."""

from __future__ import annotations

from string import ascii_uppercase

from markupsafe import Markup, escape

from ..core.markdown_syntax import used_ids
from ..core.models import Statistic, StatisticGroup
from ..core.texts import text_in
from . import charts, formatting
from .context import Context, ShortcodeError, asset_url, lookup, one_arg, shortcode

FOLD_SCRIPT = "assets/javascripts/figures-fold.js"


@shortcode("stat")
def _stat(ctx: Context, args: list[str]) -> str:
    stat = lookup(ctx.content.statistics_by_id, one_arg(args, "stat"), "figure", "docs/figures/statistics.yml")
    return formatting.statistic(stat, ctx.lang, ctx.content.default_language, ctx.ui)


@shortcode("figures")
def _figures(ctx: Context, args: list[str]) -> str:
    """One group of figures: its charts (if it has any), its table and the notes of its entries; with the
    page's first group, the script that folds the tables after charts on small screens (figures-fold.js)."""
    group_id = one_arg(args, "figures")
    stats = ctx.content.statistics
    group = next((g for g in stats.groups if g.id == group_id), None) if stats else None
    if stats is None or group is None:
        known = ", ".join(g.id for g in stats.groups) if stats else "none"
        raise ShortcodeError(f"unknown figure group '{group_id}' (groups in docs/figures/statistics.yml: {known})")
    html = _GroupView(ctx, group, [s for s in stats.statistics if s.group == group_id], stats.year).render()
    first = used_ids(ctx.page, "figures")[:1]
    if first and first[0][0] == group_id:
        html += f'<script src="{asset_url(ctx, FOLD_SCRIPT)}" defer></script>\n\n'
    return html


def charted(entries: list[Statistic]) -> bool:
    """Bars only for shares of one kind: plain percentages. A group that mixes numbers of children,
    months, euros and years (or gives a figure only in words) is a table: bars side by side would
    invite comparisons between things that cannot be compared."""
    return all(s.unit == "percent" and s.display is None and s.value_max is None for s in entries)


class _GroupView:
    def __init__(self, ctx: Context, group: StatisticGroup, entries: list[Statistic], year: int):
        self.ctx, self.group, self.entries, self.year = ctx, group, entries, year
        self.title = self.text(group.title)
        notes = list(dict.fromkeys(self.text(s.note) for s in entries if s.note))
        self.letters = {note: ascii_uppercase[i] for i, note in enumerate(notes)}
        """Each different note once, as A, B, …; entries that share a note point to the same letter."""

    def text(self, texts: dict[str, str]) -> str:
        return text_in(texts, self.ctx.lang, self.ctx.content.default_language)

    def value(self, stat: Statistic, side: float | None = None) -> str:
        text = formatting.statistic(stat, self.ctx.lang, self.ctx.content.default_language, self.ctx.ui, side)
        # The inline shortcode leaves "about" to the sentence around it; a table cell has no sentence.
        return self.ctx.ui("about", value=text) if stat.approximate and side is None else text

    def render(self) -> str:
        parts = [self.overall_chart(), self.split_chart()] if charted(self.entries) else []
        parts += [self.table(folded=any(parts)), self.notes()]
        body = "".join(part for part in parts if part)
        return f'\n\n<div class="vt-figures" data-group="{self.group.id}">{body}</div>\n\n'

    def figure(self, chart_id: str, title: str, svg: str) -> str:
        return f'<figure class="vt-chart" id="{chart_id}"><figcaption>{escape(title)}</figcaption>{svg}</figure>'

    def overall_chart(self) -> str:
        ui, stats = self.ctx.ui, [s for s in self.entries if s.value is not None]
        if not stats:
            return ""
        bars = [charts.Bar(self.text(s.label), s.value, self.value(s)) for s in stats if s.value is not None]
        high, low = max(bars, key=lambda b: b.value), min(bars, key=lambda b: b.value)
        title = ui("figures_chart_all", title=self.title)
        description = self.ctx.ui_count(
            "figures_desc_bars",
            len(bars),
            high=high.text,
            high_label=high.label,
            low=low.text,
            low_label=low.label,
            year=self.year,
        )
        chart_id = f"chart-{self.group.id}-all"
        return self.figure(chart_id, title, charts.bar_chart(chart_id, bars, title, description))

    def split_chart(self) -> str:
        ui, stats = self.ctx.ui, [s for s in self.entries if s.womens_shelter is not None]
        if not stats:
            return ""
        pairs = [
            charts.PairedBar(
                self.text(s.label),
                (s.womens_shelter, s.homeless_shelter),
                (self.value(s, s.womens_shelter), self.value(s, s.homeless_shelter)),
            )
            for s in stats
            if s.womens_shelter is not None and s.homeless_shelter is not None
        ]
        series = (
            charts.Series(ui("figures_womens_shelter_short"), ui("figures_womens_shelter")),
            charts.Series(ui("figures_homeless_shelter_short"), ui("figures_homeless_shelter")),
        )
        title = ui("figures_chart_split", title=self.title)
        description = self.ctx.ui_count("figures_desc_pairs", len(pairs), year=self.year)
        chart_id = f"chart-{self.group.id}-split"
        return self.figure(chart_id, title, charts.paired_bar_chart(chart_id, pairs, series, title, description))

    def source(self, stat: Statistic) -> str:
        numbers = ", ".join(str(n) for n in stat.footnote)
        key = (
            "figures_booklet"
            if not stat.footnote
            else "figures_footnote"
            if len(stat.footnote) == 1
            else "figures_footnotes"
        )
        return self.ctx.ui(key, year=self.year, numbers=numbers)

    def note_ref(self, stat: Statistic) -> Markup:
        label = escape(self.text(stat.label))
        if not stat.note:
            return label
        letter = self.letters[self.text(stat.note)]
        text = escape(self.ctx.ui("figures_note", letter=letter))
        return label + Markup(f' <a class="vt-note-ref" href="#note-{self.group.id}-{letter}">({text})</a>')

    def short_header(self, key: str) -> Markup:
        """ "VO" on screen, so the table fits a phone; the full name for screen readers."""
        return Markup('<span aria-hidden="true">{}</span><span class="vt-sr-only">{}</span>').format(
            self.ctx.ui(key + "_short"), self.ctx.ui(key)
        )

    def table(self, folded: bool) -> str:
        """The group's table. After a chart (`folded`) it is a <details>, open in the HTML and closed on
        small screens by figures-fold.js: the chart already shows these figures, so a phone's reader
        scrolls past one line instead of a screenful or more, and opens the table when they want the
        numbers. A closed <details> is out of the accessibility tree, but its summary is announced as a
        collapsed control with the table's name, so a screen-reader user hears that the table is there
        and opens it as anyone does; no link inside (the notes) can take focus unseen."""
        ui = self.ctx.ui
        split = any(s.womens_shelter is not None for s in self.entries)
        sources = any(s.footnote for s in self.entries)
        columns = [ui("figures_meaning"), ui("figures_all_children" if split else "figures_figure")]
        columns += (
            [self.short_header("figures_womens_shelter"), self.short_header("figures_homeless_shelter")]
            if split
            else []
        )
        columns += [ui("figures_source")] if sources else []
        rows = []
        for stat in self.entries:
            overall = self.value(stat) if stat.value is not None or stat.display else ui("figures_not_given")
            row = [self.note_ref(stat), overall]
            if split:
                row += (
                    [self.value(stat, stat.womens_shelter), self.value(stat, stat.homeless_shelter)]
                    if stat.womens_shelter is not None
                    else ["", ""]
                )
            rows.append(row + ([self.source(stat)] if sources else []))
        caption = ui("figures_caption", title=self.title, year=self.year)
        numeric = range(1, 4 if split else 2) if charted(self.entries) else ()  # right-aligned plain percentages
        table = charts.data_table(caption, columns, rows, numeric)
        if not folded:
            return f'<div class="vt-figure-table">{table}</div>'
        summary = escape(ui("figures_table_summary", title=self.title))
        return f'<details class="vt-figure-table" open="" data-vt-fold=""><summary>{summary}</summary>{table}</details>'

    def notes(self) -> str:
        if not self.letters:
            return ""
        items = "".join(
            f'<li id="note-{self.group.id}-{letter}"><strong>{escape(_capital(self.ctx.ui("figures_note", letter=letter)))}.'
            f"</strong> {escape(note)}</li>"
            for note, letter in self.letters.items()
        )
        return (
            f'<div class="vt-figure-notes"><p><strong>{escape(self.ctx.ui("figures_notes_title"))}</strong></p>'
            f"<ul>{items}</ul></div>"
        )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
