"""Plural forms of interface strings, the CLDR way (as gettext and ICU do it, in the key names).

A counted message is written once per plural category of the language, as keys with the category
as suffix: `search_results_one` and `search_results_other` (CLDR categories: zero, one, two, few,
many, other). Dutch and English use `one` (exactly 1) and `other`; a language added later gets the
categories its CLDR rules name, from Babel. In the browser, `Intl.PluralRules` picks the same way.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

CATEGORIES = ("zero", "one", "two", "few", "many", "other")
COUNT_PLACEHOLDERS = ("{n}", "{count}")
"""A string holding one of these is a counted message and must be written in plural forms."""


@cache
def _rule(lang: str):
    return Locale.parse(lang).plural_form


def category(lang: str, count: int) -> str:
    """The CLDR plural category ("one", "other", ...) of the whole number `count` in `lang`."""
    return _rule(lang)(count)


def categories(lang: str) -> tuple[str, ...]:
    """The categories `lang` distinguishes, in CLDR order; always ends with "other"."""
    tags = _rule(lang).tags | {"other"}
    return tuple(c for c in CATEGORIES if c in tags)


def split_key(key: str) -> tuple[str, str] | None:
    """("search_results", "one") for "search_results_one"; None for a key that is not a plural form."""
    base, _, suffix = key.rpartition("_")
    return (base, suffix) if base and suffix in CATEGORIES else None
