"""Numbers as readers of each language expect them: 4.300 in Dutch, 4,300 in English."""

from __future__ import annotations

from ..core.models import Statistic
from ..core.texts import text_in

SEPARATORS = {"nl": (".", ","), "de": (".", ",")}
"""(thousands, decimal) per language; others use English ("," and ".")."""


def number(value: float, lang: str) -> str:
    thousands, decimal = SEPARATORS.get(lang, (",", "."))
    whole, _, fraction = f"{value:,.2f}".rstrip("0").rstrip(".").partition(".")
    text = whole.replace(",", thousands)
    return f"{text}{decimal}{fraction}" if fraction else text


def _amount(stat: Statistic, value: float | None, lang: str) -> str:
    """Value (or range) without unit words; a calendar year has no thousands separator."""
    assert value is not None
    text = f"{value:g}" if stat.unit == "year" else number(value, lang)
    if stat.value_max is not None and value == stat.value:
        text += "–" + number(stat.value_max, lang)
    return text


def statistic(stat: Statistic, lang: str, default: str, ui, value: float | None = None) -> str:
    """A figure with its unit, e.g. "31%", "2–3 maanden", "€ 500 miljoen", "meer dan 80%".

    `ui(key, **values)` gives interface strings in `lang` (`default` is the language a missing text
    falls back to); `value` picks a split side (womens_shelter/homeless_shelter).
    """
    if value is None and stat.display:
        return text_in(stat.display, lang, default)
    amount = _amount(stat, stat.value if value is None else value, lang)
    if stat.unit == "percent":
        text = f"{amount}%"
    elif stat.unit == "euro_million":
        text = ui("unit_euro_million", value=amount)
    elif stat.unit in ("months", "years", "days", "times"):
        text = f"{amount} {ui('unit_' + stat.unit)}"
    else:
        text = amount
    return ui("more_than", value=text) if stat.qualifier == "more_than" and value is None else text
