"""A deck (`slides.Deck`) as an editable PowerPoint file (python-pptx), 16:9.

Every slide has its title in the title placeholder (the outline view and screen readers read it),
shapes are added in reading order, text is large enough for the back of a room (body 24 pt or more,
titles 36 pt), text is dark on white or white on the organisation's primary colour (checked for
4.5:1 when the organisation is loaded), figures are native bar charts a trainer can edit (the second
series striped, every bar labelled with its value, so a black-and-white print still tells them
apart), and pictures and charts carry alt text.
"""

from __future__ import annotations

import io
from datetime import datetime

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_PATTERN
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from .office import reproducible, stamp_properties
from .slides import Deck, Slide

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in: PowerPoint's own 16:9
MARGIN = Inches(0.6)
TITLE_HEIGHT = Inches(1.25)
TEXT = RGBColor(0x1A, 0x1A, 0x1A)  # 17:1 on white
MUTED = RGBColor(0x4D, 0x4D, 0x4D)  # 8.5:1 on white
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
LOGO_TYPES = (".png", ".jpg", ".jpeg")
"""PowerPoint takes no SVG through python-pptx: an SVG logo stays off the slides (the name is still there)."""
LAYOUT_TITLE, LAYOUT_CONTENT, LAYOUT_TITLE_ONLY = 0, 1, 5


def text_size(text: str, big: int = 40) -> Pt:
    """The largest size (points) at which `text` fits the body area: fewer words, bigger type."""
    length = len(text)
    for limit, size in ((110, big), (220, 32), (380, 28), (600, 24)):
        if length <= limit:
            return Pt(size)
    return Pt(20)


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _paragraph(
    frame, text: str, size: Pt, colour: RGBColor = TEXT, bold: bool = False, italic: bool = False, first=False
):
    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.italic = size, bold, italic
    run.font.color.rgb = colour
    return paragraph


def _textbox(slide, top, height, texts: list[tuple[str, Pt, RGBColor, bool]], left=MARGIN):
    box = slide.shapes.add_textbox(left, top, WIDTH - left - MARGIN, height)
    frame = box.text_frame
    frame.word_wrap = True
    for index, (text, size, colour, italic) in enumerate(texts):
        _paragraph(frame, text, size, colour, italic=italic, first=index == 0).space_after = Pt(12)
    return box


class _Writer:
    def __init__(self, deck: Deck):
        self.deck = deck
        self.primary = _rgb(deck.primary)
        self.presentation = Presentation()
        self.presentation.slide_width, self.presentation.slide_height = WIDTH, HEIGHT

    def title(self, slide, text: str, band: bool = True) -> None:
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = 0, 0, WIDTH, TITLE_HEIGHT
        frame = shape.text_frame
        frame.text = text
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        frame.margin_left = frame.margin_right = MARGIN
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.LEFT
        font = paragraph.runs[0].font
        font.size, font.bold = Pt(36 if len(text) < 50 else 30), True
        font.color.rgb = WHITE if band else TEXT
        if band:
            shape.fill.solid()
            shape.fill.fore_color.rgb = self.primary

    def footer(self, slide) -> None:
        box = slide.shapes.add_textbox(MARGIN, HEIGHT - Inches(0.55), WIDTH - 2 * MARGIN, Inches(0.4))
        _paragraph(box.text_frame, self.deck.organisation.name, Pt(14), MUTED, first=True)

    def add(self, item: Slide) -> None:
        layout = self.presentation.slide_layouts[
            LAYOUT_TITLE
            if item.kind == "title"
            else LAYOUT_CONTENT
            if item.kind in ("points", "question")
            else LAYOUT_TITLE_ONLY
        ]
        slide = self.presentation.slides.add_slide(layout)
        getattr(self, "draw_" + item.kind)(slide, item)
        if item.kind != "title":
            self.footer(slide)
        slide.notes_slide.notes_text_frame.text = item.notes

    def body(self) -> tuple[int, int]:
        top = TITLE_HEIGHT + Inches(0.35)
        return top, HEIGHT - top - Inches(0.75)

    def draw_title(self, slide, item: Slide) -> None:
        self.title(slide, item.title)
        slide.shapes.title.top, slide.shapes.title.height = Inches(2.2), Inches(1.6)
        subtitle = slide.placeholders[1]
        subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
            MARGIN,
            Inches(4.0),
            WIDTH - 2 * MARGIN,
            Inches(1.6),
        )
        frame = subtitle.text_frame
        _paragraph(frame, item.text, Pt(32), TEXT, bold=True, first=True).alignment = PP_ALIGN.LEFT
        _paragraph(frame, item.caption, Pt(24), MUTED).alignment = PP_ALIGN.LEFT
        logo = self.deck.organisation.logo
        if logo and logo.suffix.lower() in LOGO_TYPES:
            picture = slide.shapes.add_picture(str(logo), MARGIN, Inches(0.5), height=Inches(1.2))
            picture._element.nvPicPr.cNvPr.set("descr", self.deck.organisation.name)  # alt text: no public API

    def bullets(self, slide, lines: tuple[str, ...], top, height, size: Pt) -> None:
        placeholder = slide.placeholders[1]
        placeholder.left, placeholder.top, placeholder.width, placeholder.height = (
            MARGIN,
            top,
            WIDTH - 2 * MARGIN,
            height,
        )
        frame = placeholder.text_frame
        frame.word_wrap = True
        for index, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.text = line
            paragraph.runs[0].font.size = size
            paragraph.runs[0].font.color.rgb = TEXT
            paragraph.space_after = Pt(10)

    def draw_points(self, slide, item: Slide) -> None:
        self.title(slide, item.title)
        top, height = self.body()
        self.bullets(slide, item.points, top, height, text_size(" ".join(item.points), 32))

    def draw_statement(self, slide, item: Slide) -> None:
        self.title(slide, item.title)
        top, height = self.body()
        _textbox(
            slide,
            top + Inches(0.4),
            height - Inches(0.4),
            [(item.text, text_size(item.text), TEXT, False), (item.caption, Pt(20), MUTED, False)],
        )

    def draw_quote(self, slide, item: Slide) -> None:
        self.title(slide, item.title)
        top, height = self.body()
        bar = slide.shapes.add_shape(1, MARGIN, top, Inches(0.12), height - Inches(0.2))  # 1: rectangle
        bar.fill.solid()
        bar.fill.fore_color.rgb = self.primary
        bar.line.fill.background()
        texts = [
            (f"“{p}”" if len(item.text.split("\n\n")) == 1 else p, text_size(item.text, 36), TEXT, True)
            for p in item.text.split("\n\n")
        ]
        _textbox(slide, top, height, [*texts, (f"— {item.caption}", Pt(20), MUTED, False)], left=MARGIN + Inches(0.4))

    def draw_question(self, slide, item: Slide) -> None:
        self.title(slide, item.title)
        top, height = self.body()
        size = text_size(item.text + " ".join(item.points), 28)
        _textbox(slide, top, Inches(1.4), [(item.text, size, TEXT, False), (item.caption, Pt(20), MUTED, True)])
        letters = tuple(f"{chr(65 + i)}. {text}" for i, text in enumerate(item.points))
        self.bullets(slide, letters, top + Inches(1.6), height - Inches(1.6), size)

    def draw_chart(self, slide, item: Slide) -> None:
        self.title(slide, item.title)
        top, height = self.body()
        figure = item.chart
        assert figure is not None, "a chart slide carries its chart"
        chart_data = CategoryChartData(number_format='0"%"')
        # PowerPoint draws the first category at the bottom of a bar chart: reversed, it reads top-down.
        chart_data.categories = list(reversed(figure.categories))
        for series in figure.series:
            chart_data.add_series(series.name, list(reversed(series.values)))
        frame = slide.shapes.add_chart(
            XL_CHART_TYPE.BAR_CLUSTERED, MARGIN, top, WIDTH - 2 * MARGIN, height - Inches(0.5), chart_data
        )
        frame._element.nvGraphicFramePr.cNvPr.set("descr", figure.description)  # alt text: no public API
        chart = frame.chart
        chart.font.size, chart.font.color.rgb = Pt(18), TEXT
        value_axis = chart.value_axis
        value_axis.maximum_scale, value_axis.minimum_scale = 100, 0
        value_axis.has_major_gridlines = False
        value_axis.tick_labels.font.size = Pt(16)
        chart.category_axis.tick_labels.font.size = Pt(18)
        chart.has_legend = len(figure.series) > 1
        if chart.has_legend:
            chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.TOP, False
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.number_format, plot.data_labels.number_format_is_linked = '0"%"', False
        plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
        plot.data_labels.font.size, plot.data_labels.font.bold = Pt(18), True
        for index, series in enumerate(plot.series):
            fill = series.format.fill
            if index == 0:
                fill.solid()
                fill.fore_color.rgb = self.primary
            else:  # striped, so it differs from the first in black and white too
                fill.patterned()
                fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
                fill.fore_color.rgb, fill.back_color.rgb = self.primary, WHITE
                series.format.line.color.rgb = self.primary
        _textbox(slide, top + height - Inches(0.45), Inches(0.45), [(item.caption, Pt(14), MUTED, False)])

    def draw_table(self, slide, item: Slide) -> None:
        self.title(slide, item.title)
        top, height = self.body()
        rows, columns = len(item.table), len(item.table[0])
        size = Pt(20) if rows <= 6 else Pt(16)
        shape = slide.shapes.add_table(rows, columns, MARGIN, top, WIDTH - 2 * MARGIN, Inches(0.5) * rows)
        table = shape.table
        table.columns[0].width = int((WIDTH - 2 * MARGIN) * 0.7)
        table.columns[1].width = int((WIDTH - 2 * MARGIN) * 0.3)
        for r, row in enumerate(item.table):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                cell.text = text
                font = cell.text_frame.paragraphs[0].runs[0].font
                font.size, font.bold = size, r == 0
                font.color.rgb = WHITE if r == 0 else TEXT
                cell.fill.solid()
                cell.fill.fore_color.rgb = self.primary if r == 0 else WHITE
        _textbox(slide, top + height - Inches(0.45), Inches(0.45), [(item.caption, Pt(14), MUTED, False)])

    def data(self, created: datetime | None) -> bytes:
        stamp_properties(
            self.presentation.core_properties, self.deck.title, self.deck.organisation.name, self.deck.lang, created
        )
        out = io.BytesIO()
        self.presentation.save(out)
        return reproducible(out.getvalue())


def deck_pptx(deck: Deck, created: datetime | None = None) -> bytes:
    """The deck as .pptx bytes; `created` goes in the document properties (same deck and date, same bytes)."""
    writer = _Writer(deck)
    for item in deck.slides:
        writer.add(item)
    return writer.data(created)
