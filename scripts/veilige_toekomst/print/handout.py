"""An editable handout per module and language (DOCX, python-docx): the participant edition's content
with Word's own heading, list, quote and table styles, so a trainer can restyle it in one place.

It is drawn from the same slide list as the decks (`slides.build_deck`), participant content only:
no speaker notes and no answers. Same deck and date, same bytes (`office.reproducible`).
"""

from __future__ import annotations

import io
import re
from datetime import datetime

from docx import Document
from docx.shared import Pt, RGBColor

from .office import reproducible, stamp_properties
from .slides import Deck, Slide

TEXT = RGBColor(0x1A, 0x1A, 0x1A)
PART = re.compile(r" \(\d+/\d+\)$")


def _group(slides: list[Slide]) -> list[tuple[str, list[Slide]]]:
    """Slides in runs under one heading: a slide's title without its "(1/3)", all questions under "quiz"."""
    groups: list[tuple[str, list[Slide]]] = []
    for slide in slides:
        heading = "quiz" if slide.kind == "question" else PART.sub("", slide.title)
        if groups and groups[-1][0] == heading:
            groups[-1][1].append(slide)
        else:
            groups.append((heading, [slide]))
    return groups


def deck_docx(deck: Deck, quiz_heading: str, created: datetime | None = None) -> bytes:
    """The handout as .docx bytes: the module title (Title style), one Heading 1 per part, the needs as
    a numbered list, quotes in the Quote style with their attribution, figures as tables, the quiz
    questions with their options as a list to tick. `quiz_heading` names the quiz part ("Worksheet")."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.size, normal.font.color.rgb = Pt(12), TEXT
    first = deck.slides[0]
    document.add_paragraph(deck.title, style="Title")
    document.add_paragraph(f"{first.text} · {first.caption}", style="Subtitle")
    for heading, slides in _group(deck.slides[1:]):
        document.add_heading(quiz_heading if heading == "quiz" else heading, level=1)
        for slide in slides:
            _add(document, slide, numbered=len(slides) > 1)
    section = document.sections[0]
    section.footer.paragraphs[0].text = deck.organisation.name
    stamp_properties(document.core_properties, deck.title, deck.organisation.name, deck.lang, created)
    out = io.BytesIO()
    document.save(out)
    return reproducible(out.getvalue())


def _add(document, slide: Slide, numbered: bool) -> None:
    if slide.kind == "points":
        for point in slide.points:
            document.add_paragraph(point, style="List Bullet")
    elif slide.kind == "statement":
        document.add_paragraph(slide.text, style="List Number" if numbered else None)
    elif slide.kind == "quote":
        for paragraph in slide.text.split("\n\n"):
            document.add_paragraph(paragraph, style="Quote")
        document.add_paragraph(f"— {slide.caption}")
    elif slide.kind == "question":
        document.add_heading(slide.title, level=2)
        document.add_paragraph(slide.text)
        document.add_paragraph(slide.caption).runs[0].italic = True
        for option in slide.points:
            document.add_paragraph(f"☐ {option}", style="List Paragraph")
    elif slide.kind == "chart" and slide.chart:
        chart = slide.chart
        rows = [("", *(s.name for s in chart.series))]
        rows += [(c, *(t[i] for t in chart.texts)) for i, c in enumerate(chart.categories)]
        _table(document, rows, slide.caption)
    elif slide.kind == "table":
        _table(document, list(slide.table), slide.caption)


def _table(document, rows: list[tuple[str, ...]], caption: str) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Light Grid Accent 1"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph(caption, style="Caption")
