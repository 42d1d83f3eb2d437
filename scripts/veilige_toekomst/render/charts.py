"""Charts drawn at build time as inline SVG, and the data table that goes with each: no chart library.

Used by the figures page and meant for the training packs too. A chart is an image with a name and a
description for screen readers (role="img", <title>, <desc>, aria-labelledby); every number is also
written next to its bar, so neither colour nor bar length is the only way to read it, and the same
numbers go in a real HTML table (`data_table`). Colours are SVG attributes rather than CSS, so the
markup looks the same on the site and in a PDF. The viewBox makes a chart scale to any width; labels
sit above their bars, so a chart stays narrow and its text stays readable on a phone.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import escape

WIDTH = 360
"""About the width of a phone's text column in CSS pixels, so text is drawn near its FONT size there."""
FONT = 16
LINE = 20
"""Height of one line of label text."""
BAR = 16
ROW_GAP = 14
VALUE_SPACE = 96
"""Room right of the bars for the value text, e.g. "MO 100%", also in a phone's own bold font (wider
than the site's, shown while the web font is not there)."""
TRACK_WIDTH = WIDTH - VALUE_SPACE
LABEL_CHARS = 40
"""Characters per label line that surely fit in WIDTH at FONT (a proportional font averages ~0.5em)."""

SOLID = "#1f5c57"  # 7.6:1 on white, 6.5:1 on the track
HATCH = "#8a3b12"  # 7.4:1 on white; drawn as stripes with an outline in the same colour
TRACK = "#eaf0ef"  # the full scale behind each bar; decorative


def constants() -> dict[str, object]:
    """The measures (SVG user units) and colours above, for the self-assessment page's script to draw
    its charts exactly like these (it receives them in the page data)."""
    return {
        "width": WIDTH,
        "font": FONT,
        "line": LINE,
        "bar": BAR,
        "gap": ROW_GAP,
        "valueSpace": VALUE_SPACE,
        "labelChars": LABEL_CHARS,
        "solid": SOLID,
        "hatch": HATCH,
        "track": TRACK,
    }


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    """The value as readers see it, e.g. "31%"."""


@dataclass(frozen=True)
class Series:
    short: str
    """Written before each value, so the two bars of a pair are told apart without colour: "VO"."""
    name: str
    """Shown in the legend: "Vrouwenopvang (VO)"."""


@dataclass(frozen=True)
class PairedBar:
    label: str
    values: tuple[float, float]
    texts: tuple[str, str]


class _Canvas:
    """SVG elements stacked from top to bottom; `y` is where the next one starts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.y = 0.0

    def rect(self, y: float, width: float, fill: str, stroke: str | None = None) -> None:
        outline = f' stroke="{stroke}" stroke-width="1.5"' if stroke else ""
        self.parts.append(f'<rect x="0" y="{y:g}" width="{width:.1f}" height="{BAR}" fill="{fill}"{outline}/>')

    def text(self, x: float, y: float, text: str, bold: bool = False) -> None:
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(
            f'<text x="{x:g}" y="{y:g}" font-size="{FONT}"{weight} fill="currentColor">{escape(text)}</text>'
        )

    def label(self, text: str) -> None:
        for line in textwrap.wrap(text, LABEL_CHARS) or [""]:
            self.y += LINE
            self.text(0, self.y - 4, line)
        self.y += 4

    def bar(self, share: float, text: str, fill: str, stroke: str | None = None) -> None:
        self.rect(self.y, TRACK_WIDTH, TRACK)
        self.rect(self.y, max(0.0, min(1.0, share)) * TRACK_WIDTH, fill, stroke)
        self.text(TRACK_WIDTH + 8, self.y + BAR - 3, text, bold=True)
        self.y += BAR

    def svg(self, chart_id: str, title: str, description: str, defs: str = "") -> str:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="vt-chart-svg" viewBox="0 0 {WIDTH} {self.y:g}" '
            f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">'
            f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
        )
        return head + defs + "".join(self.parts) + "</svg>"


def bar_chart(chart_id: str, items: Sequence[Bar], title: str, description: str, scale: float = 100) -> str:
    """Horizontal bars, one per item, on a track that stands for `scale` (100 for percentages).

    `chart_id` must be unique on the page: the title and description get ids from it.
    """
    canvas = _Canvas()
    for item in items:
        canvas.label(item.label)
        canvas.bar(item.value / scale, item.text, SOLID)
        canvas.y += ROW_GAP
    canvas.y -= ROW_GAP
    return canvas.svg(chart_id, title, description)


def paired_bar_chart(
    chart_id: str,
    items: Sequence[PairedBar],
    series: tuple[Series, Series],
    title: str,
    description: str,
    scale: float = 100,
) -> str:
    """Two bars per item: the first series solid, the second striped; each value is prefixed with its series."""
    hatch = f"{chart_id}-hatch"
    defs = (
        f'<defs><pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<rect width="3" height="6" fill="{HATCH}"/></pattern></defs>'
    )
    styles = ((SOLID, None), (f"url(#{hatch})", HATCH))
    canvas = _Canvas()
    for (fill, stroke), one in zip(styles, series):  # the legend
        canvas.rect(canvas.y + 3, 28, fill, stroke)
        canvas.text(36, canvas.y + BAR, one.name)
        canvas.y += LINE + 4
    canvas.y += ROW_GAP
    for item in items:
        canvas.label(item.label)
        for (fill, stroke), one, value, text in zip(styles, series, item.values, item.texts):
            canvas.bar(value / scale, f"{one.short} {text}", fill, stroke)
            canvas.y += 3
        canvas.y += ROW_GAP - 3
    canvas.y -= ROW_GAP
    return canvas.svg(chart_id, title, description, defs)


def data_table(caption: str, columns: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """An HTML table; the first cell of each row is its header. Cells are text, or `Markup` to keep as HTML.

    `numeric` lists the column indexes whose cells are numbers (aligned right by the stylesheet).
    """

    def cell(index: int, value: str, header: str = "") -> str:
        css = ' class="vt-num"' if index in numeric else ""
        return f'<th scope="{header}"{css}>{escape(value)}</th>' if header else f"<td{css}>{escape(value)}</td>"

    head = "".join(cell(i, name, "col") for i, name in enumerate(columns))
    body = "".join(
        "<tr>" + "".join(cell(i, value, "row" if i == 0 else "") for i, value in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
