"""The real content: complete, the same in both languages, and exported as the schema says."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import ROOT, run_cli

SCHEMA = json.loads((ROOT / "scripts/veilige_toekomst/schemas/export.schema.json").read_text())


def test_validate_passes_on_main():
    result = run_cli("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK:")


def test_every_page_exists_in_both_languages(content):
    sources = {src for (_, src) in content.pages}
    for lang in ("nl", "en"):
        missing = sorted(src for src in sources if (lang, src) not in content.pages)
        assert not missing, f"{lang} lacks {missing}"


def test_six_pillars_and_seven_living_areas_in_booklet_order(content):
    for lang in ("nl", "en"):
        assert [p.meta.number for p in content.pillars(lang)] == [1, 2, 3, 4, 5, 6]
        assert [p.meta.number for p in content.living_areas(lang)] == [1, 2, 3, 4, 5, 6, 7]
    assert [p.meta.title for p in content.pillars("en")] == [
        "Safety",
        "Stability & Continuity",
        "Attachment",
        "Psychoeducation",
        "Trauma Processing & Recovery",
        "Future",
    ]
    assert [p.meta.title for p in content.living_areas("nl")] == [
        "Wonen",
        "Gezin en opvoeding",
        "Sociaal netwerk",
        "Onderwijs",
        "Ontwikkeling",
        "Ontspanning",
        "Participatie",
    ]


def test_future_lists_the_nine_protective_factors(content):
    future = next(p for p in content.pillars("en") if p.meta.id == "future")
    assert len(future.meta.protective_factors) == 9


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_export_matches_its_schema(tmp_path, lang):
    out = tmp_path / f"export-{lang}.json"
    result = run_cli("export", "--lang", lang, "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    jsonschema.validate(data, SCHEMA)
    assert len(data["pillars"]) == 6 and len(data["living_areas"]) == 7
    assert data["language"] == lang
    safety = data["pillars"][0]
    assert safety["id"] == "safety" and len(safety["needs"]) == 2


def test_export_in_english_keeps_the_dutch_original(tmp_path):
    data = json.loads(run_cli("export", "--lang", "en").stdout)
    quote = data["quotes"][0]
    assert quote["translated"] is True and quote["text"] != quote["original_text"]
    assert quote["original_text"].startswith("Mijn droom is dat ik een dokter kan worden.")


def test_export_rejects_an_unknown_language():
    result = run_cli("export", "--lang", "fr")
    assert result.returncode == 1
    assert "unknown language 'fr'" in result.stderr


def test_english_is_complete_and_follows_todays_dutch():
    """CI holds English to the Dutch: after changing a Dutch text, update the English and run
    `veilige-toekomst i18n mark en ITEM`."""
    result = run_cli("i18n", "status", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "en: complete and up to date" in result.stdout
