"""A text in a language: the one fallback rule, and the one completeness rule, for every text the
project has (pages fall back the same way, by the i18n plugin's `fallback_to_default`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

Text = str | Mapping[str, str]
"""One text for every language, or a text per language code: {"nl": "...", "en": "..."}."""


def text_in(text: Text | None, lang: str, default: str) -> str:
    """`text` in `lang`; a language without it falls back to the default language's text.

    A plain string serves every language; a missing text is "". Used by pages, data files, interface
    strings, pack texts and the organisation file alike.
    """
    if text is None or isinstance(text, str):
        return text or ""
    return text.get(lang) or text.get(default) or ""


def missing_languages(text: Text | None, languages: Iterable[str]) -> list[str]:
    """The languages of `languages` for which a per-language `text` has no (non-blank) text, in order.

    A plain string counts as present in every language; None counts as absent in none (optional field).
    """
    if text is None or isinstance(text, str):
        return []
    return [lang for lang in languages if not str(text.get(lang) or "").strip()]
