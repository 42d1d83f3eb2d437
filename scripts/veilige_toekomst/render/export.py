"""The content model as plain data, for other tools (intranets, forks, our own checks)."""

from __future__ import annotations

from typing import Any

from ..core.content import Content, area_meta, pillar_meta
from ..core.quiz_index import quiz_groups
from ..core.texts import text_in
from .quotes import attribution
from .shortcodes import quiz_markdown

EXPORT_VERSION = 2


def _text(texts: dict[str, str] | None, lang: str, default: str) -> str | None:
    return None if texts is None else text_in(texts, lang, default)


def build_export(content: Content, lang: str) -> dict[str, Any]:
    default = content.default_language
    data: dict[str, Any] = {
        "version": EXPORT_VERSION,
        "language": lang,
        "source": "Werkgroep Veilige Toekomst (2015). Veilige Toekomst — Doen wat nodig is voor kinderen in de opvang.",
        "pillars": [
            {
                "id": m.id,
                "number": m.number,
                "title": m.title,
                "focus": m.focus,
                "needs": list(m.needs),
                "protective_factors": list(m.protective_factors),
                "page": page.id,
            }
            for page in content.pillars(lang)
            for m in [pillar_meta(page)]
        ],
        "living_areas": [
            {"id": m.id, "number": m.number, "title": m.title, "conditions": list(m.conditions), "page": page.id}
            for page in content.living_areas(lang)
            for m in [area_meta(page)]
        ],
        "quotes": [
            {
                "id": q.id,
                "text": _text(q.text, lang, default),
                "original_text": q.text[default],
                "translated": lang != default,
                "speaker": q.speaker,
                "age": q.age,
                "setting": q.setting,
                "attribution": attribution(content, q, lang),
                "location": q.location,
                "themes": list(q.themes),
            }
            for q in content.quotes
        ],
        "statistics": [],
        "quizzes": [
            resolved.model_dump()
            for _, quizzes in quiz_groups(content, lang)
            for quiz in quizzes
            if (resolved := quiz_markdown(content, lang, quiz.id)) is not None
        ],
    }
    if content.statistics:
        year = content.statistics.year
        data["statistics"] = [
            {
                "id": s.id,
                "group": s.group,
                "value": s.value,
                "value_max": s.value_max,
                "qualifier": s.qualifier,
                "qualifier_max": s.qualifier_max,
                "approximate": s.approximate,
                "unit": s.unit,
                "label": _text(s.label, lang, default),
                "display": _text(s.display, lang, default),
                "womens_shelter": s.womens_shelter,
                "homeless_shelter": s.homeless_shelter,
                "section": s.section,
                "footnotes": list(s.footnote),
                "note": _text(s.note, lang, default),
                "year": year,
            }
            for s in content.statistics.statistics
        ]
    return data
