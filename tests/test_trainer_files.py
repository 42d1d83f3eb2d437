"""Trainer files per module and language: the PowerPoint deck read back with python-pptx (slide count,
titles, notes, the needs' text, charts, alt text), the 16:9 PDF (pdfinfo), the DOCX handout read back
with python-docx (headings, needs), reproducible bytes, and the build's cache."""

from __future__ import annotations

import io
import subprocess

import docx
import pytest
from pptx import Presentation

from conftest import run_cli
from veilige_toekomst.core.content import area_meta, pillar_meta
from veilige_toekomst.core.pack_catalogue import COURSE, catalogue
from veilige_toekomst.print.handout import deck_docx
from veilige_toekomst.print.slides import build_deck
from veilige_toekomst.print.slides_html import deck_html
from veilige_toekomst.print.slides_pptx import deck_pptx
from veilige_toekomst.print.trainer_files import build_trainer_files
from veilige_toekomst.render.packs import module_downloads, packs_table
from veilige_toekomst.render.quiz_export import plain

LANGS = ("nl", "en")


@pytest.fixture(scope="module")
def modules(content):
    return {k: m for k, m in catalogue(content, content.pack_texts).items() if k != COURSE}


def needs_of(content, module, lang):
    page = module.pages(content, lang)[0]
    if module.kind == "pillar":
        return [plain(n) for n in pillar_meta(page).needs]
    if module.kind == "living_area":
        return [plain(c) for c in area_meta(page).conditions]
    return []


def test_fourteen_modules(modules):
    assert len(modules) == 14


@pytest.mark.parametrize("lang", LANGS)
def test_every_pptx_reads_back(content, modules, lang):
    org = content.project.organisation
    for module_id, module in modules.items():
        deck = build_deck(content, content.pack_texts, module, lang, org)
        presentation = Presentation(io.BytesIO(deck_pptx(deck)))
        slides = list(presentation.slides)
        assert len(slides) == len(deck.slides), module_id
        assert presentation.slide_width * 9 == presentation.slide_height * 16
        titles = [s.shapes.title.text for s in slides]
        assert titles == [s.title for s in deck.slides] and all(titles)
        notes = [s.notes_slide.notes_text_frame.text for s in slides]
        assert notes == [s.notes for s in deck.slides]
        plan = texts_in(content.pack_texts.session.steps[0].title, lang)
        assert plan.split("{")[0].strip()[:10] in notes[0]
        text = "\n".join(shape.text_frame.text for s in slides for shape in s.shapes if shape.has_text_frame)
        for need in needs_of(content, module, lang):
            assert need in text, (module_id, need)
        assert org.name in text
        for s in slides:
            for shape in s.shapes:
                if shape.has_chart:
                    assert shape._element.nvGraphicFramePr.cNvPr.get("descr")
                    assert shape.chart.plots[0].has_data_labels
        quiz = content.quiz(lang, module_id)
        assert sum(t.startswith(content.pack_texts.labels.question[lang]) for t in titles) == len(quiz.questions)


def texts_in(texts, lang):
    return texts.get(lang) or texts["nl"]


def test_quote_slides_mark_our_translation(content, modules):
    deck = build_deck(content, content.pack_texts, modules["safety"], "en", content.project.organisation)
    quotes = [s for s in deck.slides if s.kind == "quote"]
    assert quotes and all(content.ui("en", "translated_from_dutch") in s.caption for s in quotes)
    nl = build_deck(content, content.pack_texts, modules["safety"], "nl", content.project.organisation)
    assert all(content.ui("nl", "translated_from_dutch") not in s.caption for s in nl.slides if s.kind == "quote")


def test_context_figures_are_native_charts(content, modules):
    deck = build_deck(content, content.pack_texts, modules["context"], "en", content.project.organisation)
    presentation = Presentation(io.BytesIO(deck_pptx(deck)))
    charts = [shape.chart for s in presentation.slides for shape in s.shapes if shape.has_chart]
    assert charts
    assert all(len(c.plots[0].categories) <= 6 for c in charts)
    assert "<svg" in deck_html(deck)


@pytest.mark.parametrize("lang", LANGS)
def test_every_docx_reads_back(content, modules, lang):
    org = content.project.organisation
    for module_id, module in modules.items():
        deck = build_deck(content, content.pack_texts, module, lang, org)
        document = docx.Document(io.BytesIO(deck_docx(deck, "Worksheet")))
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
        assert texts_in(content.pack_texts.labels.learning_goals, lang) in headings
        assert "Worksheet" in headings, module_id
        assert document.paragraphs[0].style.name == "Title"
        numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
        needs = needs_of(content, module, lang)
        assert numbered == needs or (len(needs) == 1 and needs[0] in [p.text for p in document.paragraphs])
        assert document.sections[0].footer.paragraphs[0].text == org.name


def test_same_inputs_same_bytes(content, modules, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    deck = build_deck(content, content.pack_texts, modules["housing"], "en", content.project.organisation)
    assert deck_pptx(deck) == deck_pptx(deck)
    assert deck_docx(deck, "W") == deck_docx(deck, "W")


def test_build_writes_cached_files_and_a_16_9_pdf(tmp_path):
    first = build_trainer_files(modules=["housing"], langs=["en"], out=tmp_path, workers=1)
    assert [r.built for r in first] == [True]
    for suffix in (".pptx", ".slides.pdf", ".docx"):
        assert (tmp_path / f"housing.en{suffix}").stat().st_size > 1000
    info = subprocess.run(["pdfinfo", tmp_path / "housing.en.slides.pdf"], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert pages == first[0].slides
    assert "959.976 x 540 pts" in info  # 13.333 × 7.5 in: 16:9
    assert [r.built for r in build_trainer_files(modules=["housing"], langs=["en"], out=tmp_path)] == [False]


def test_the_packs_command_makes_them_and_the_training_page_offers_them(content, tmp_path):
    result = run_cli("packs", "--lang", "en", "--module", "housing", "--edition", "trainer", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "1 slide decks and handouts: 1 built" in result.stdout
    table = packs_table(content, "en", folder=tmp_path)
    for suffix, words in (
        (".pptx", "slides (PowerPoint,"),
        (".slides.pdf", "slides (PDF 16:9,"),
        (".docx", "handout (Word,"),
    ):
        assert f'href="packs/housing.en{suffix}" download>{words}' in table
    downloads = module_downloads(content, content.pages[("en", "living-areas/housing.md")], "en", True, folder=tmp_path)
    assert "housing.en.pptx" in downloads and "housing.en.docx" in downloads
