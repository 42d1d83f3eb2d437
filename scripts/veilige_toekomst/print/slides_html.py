"""A deck (`slides.Deck`) as HTML on 16:9 pages, and that HTML as a PDF: the same slide list as the
PowerPoint file, so the two decks never differ. Charts are the site's SVG charts (`render.charts`).
Speaker notes stay in the PowerPoint file; the PDF is what the room sees."""

from __future__ import annotations

from datetime import datetime
from html import escape

from ..render import charts
from . import pdf
from .slides import Deck, Slide

SLIDES_CSS = pdf.TEMPLATES / "slides.css"
LONG = 220
"""Characters above which a slide's text is set smaller, as in the PowerPoint file."""


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))


def _list(tag: str, lines: tuple[str, ...]) -> str:
    return f"<{tag}>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + f"</{tag}>"


def _chart(item: Slide, number: int) -> str:
    chart = item.chart
    assert chart is not None
    chart_id = f"slide-{number}"
    if len(chart.series) == 1:
        bars = [charts.Bar(c, v, t) for c, v, t in zip(chart.categories, chart.series[0].values, chart.texts[0])]
        return charts.bar_chart(chart_id, bars, item.title, chart.description)
    pairs = [
        charts.PairedBar(c, (a, b), (ta, tb))
        for c, a, b, ta, tb in zip(chart.categories, *(s.values for s in chart.series), *chart.texts)
    ]
    series = tuple(charts.Series("", s.name) for s in chart.series)
    return charts.paired_bar_chart(chart_id, pairs, series, item.title, chart.description)  # type: ignore[arg-type]


def slide_html(item: Slide, number: int, deck: Deck) -> str:
    """One slide as a <section>: its title as the page's heading, then its content in reading order."""
    length = len(item.text + " ".join(item.points))
    long = " longer" if length > 3 * LONG else " long" if length > LONG else ""
    if item.kind == "title":
        logo = deck.organisation.logo
        img = f'<img src="{logo.as_uri()}" alt="{escape(deck.organisation.name)}">' if logo else ""
        return (
            f'<section class="slide title-slide">{img}<h1>{escape(item.title)}</h1>'
            f'<p class="kicker">{escape(item.text)}</p><p class="caption">{escape(item.caption)}</p></section>'
        )
    if item.kind == "points":
        body = f'<div class="{long}">{_list("ul", item.points)}</div>'
    elif item.kind == "statement":
        body = f'<p class="statement{long}">{escape(item.text)}</p><p class="caption">{escape(item.caption)}</p>'
    elif item.kind == "quote":
        shown = item.text if "\n\n" in item.text else f"“{item.text}”"
        body = f'<blockquote class="{long}">{_paragraphs(shown)}</blockquote><p class="caption">— {escape(item.caption)}</p>'
    elif item.kind == "question":
        body = f'<p>{escape(item.text)}</p><p class="caption"><em>{escape(item.caption)}</em></p><div class="{long}">{_list("ol", item.points)}</div>'
    elif item.kind == "chart":
        body = f'<div class="chart">{pdf.svg_in_font(_chart(item, number))}</div><p class="small">{escape(item.caption)}</p>'
    else:  # table
        head, *rows = item.table
        body = charts.data_table(item.caption, head, rows)
    return (
        f'<section class="slide"><h1>{escape(item.title)}</h1><div class="body">{body}</div>'
        f"<footer>{escape(deck.organisation.name)}</footer></section>"
    )


def deck_html(deck: Deck) -> str:
    """The whole deck as one HTML document, one 16:9 page per slide."""
    slides = "".join(slide_html(item, number, deck) for number, item in enumerate(deck.slides, 1))
    return (
        f'<!DOCTYPE html><html lang="{deck.lang}"><head><meta charset="utf-8"><title>{escape(deck.title)}</title>'
        f'<link rel="stylesheet" href="{SLIDES_CSS.as_uri()}">'
        f"<style>:root {{ --primary: {deck.primary}; }}</style></head><body>{slides}</body></html>"
    )


def deck_pdf(deck: Deck, created: datetime | None = None) -> pdf.Pdf:
    """The deck as a 16:9 PDF (one page per slide); same deck and date, same bytes."""
    return pdf.render_pdf(deck_html(deck), pdf.TEMPLATES, deck.lang, deck.title, deck.organisation.name, "", created)
