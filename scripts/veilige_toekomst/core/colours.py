"""An organisation's colours: read, checked for contrast (WCAG 2), and turned into the site's stylesheet.

The site shows text in these pairs, so each must reach 4.5:1 (WCAG 2.2, success criterion 1.4.3):

| colour  | against                              | where                                              |
|---------|--------------------------------------|----------------------------------------------------|
| primary | white (white text on it, or on white) | the header and buttons; links in the text         |
| primary | its own light tint, as text          | links in the focus box and the filters             |
| primary | the quote cards (#f6f3ee), as text   | "Dutch original" under a quotation                 |
| accent  | white, as text                       | a link under the pointer, warning buttons          |
| accent  | the quote cards (#f6f3ee), as text   | a link under the pointer inside a quotation card   |

The tint and the shades the theme needs are mixed from the primary colour, so only two colours are chosen.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MIN_CONTRAST = 4.5
WHITE = "#ffffff"
DEFAULT_PRIMARY = "#1f5c57"
"""--vt-primary in overrides/assets/stylesheets/site.css: the site's colour when the organisation sets none."""
QUOTE_BACKGROUND = "#f6f3ee"
"""--vt-quote-bg in overrides/assets/stylesheets/site.css."""
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
SHORT_HEX = re.compile(r"^#[0-9a-fA-F]{3}$")


def parse(value: str) -> str:
    """'#1F5C57' -> '#1f5c57'; ValueError for anything else, exactly "#rrggbb" as the guide says
    (for '#1f5' the message gives the six-digit form)."""
    if isinstance(value, str) and HEX.match(value):
        return value.lower()
    if isinstance(value, str) and SHORT_HEX.match(value):
        full = "#" + "".join(d * 2 for d in value[1:].lower())
        raise ValueError(f'{value!r} has three digits; write all six: "{full}"')
    raise ValueError(f'{value!r} is not a colour; write it as "#rrggbb" in quotes, e.g. "#1f5c57"')


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """`share` of `colour` mixed into `other` (0..1), channel by channel."""
    return "#" + "".join(f"{round(c * share + o * (1 - share)):02x}" for c, o in zip(_rgb(colour), _rgb(other)))


def tint(primary: str) -> str:
    """The light background of the focus box and the filters (--vt-primary-light)."""
    return mix(primary, WHITE, 0.11)


@dataclass(frozen=True)
class Pair:
    role: str
    """"primary" or "accent": the key in the organisation file."""
    describe: str
    """How the colour meets the other, as in 'primary #1f5c57 on white text'."""
    other: str | None
    """The other colour; None means the primary colour's own tint."""


PAIRS = (
    Pair("primary", "on white text", WHITE),
    Pair("primary", "as text on its light tint", None),
    Pair("primary", f"as text on the quote cards ({QUOTE_BACKGROUND})", QUOTE_BACKGROUND),
    Pair("accent", "as text on white", WHITE),
    Pair("accent", f"as text on the quote cards ({QUOTE_BACKGROUND})", QUOTE_BACKGROUND),
)


def shown_ratio(ratio: float) -> str:
    """Rounded down, so a ratio just under the limit never reads as reaching it."""
    return f"{math.floor(ratio * 100) / 100:.2f}:1"


def _failed_pair(role: str, colour: str) -> tuple[Pair, float] | None:
    """The first pair `colour` fails in `role`, with its ratio; None when it reads well in every pair."""
    for pair in PAIRS:
        if pair.role == role:
            ratio = contrast(colour, pair.other or tint(colour))
            if ratio < MIN_CONTRAST:
                return pair, ratio
    return None


def nearest_passing(role: str, colour: str) -> str:
    """The lightest darker shade of `colour` (mixed with black in steps of 1%) that passes every pair
    of `role`: the same hue, as close to the chosen colour as the contrast allows."""
    for step in range(101):
        shade = mix(colour, "#000000", 1 - step / 100)
        if _failed_pair(role, shade) is None:
            return shade
    return "#000000"


def contrast_problems(colours: dict[str, str]) -> dict[str, str]:
    """The first pair each colour fails, as a message per role with the nearest shade that passes;
    empty when every pair reads well."""
    problems: dict[str, str] = {}
    for role, colour in colours.items():
        failed = _failed_pair(role, colour)
        if failed is None:
            continue
        pair, ratio = failed
        better = nearest_passing(role, colour)
        problems[role] = (
            f"{role} {colour} {pair.describe} has contrast {shown_ratio(ratio)}, needs at least {MIN_CONTRAST}:1; "
            f'the nearest darker shade that passes is "{better}"'
        )
    return problems


def stylesheet(primary: str | None, accent: str | None) -> str:
    """CSS that puts the organisation's colours in place of the project's (a file: the CSP allows no inline style)."""
    lines = ["/* Generated from the organisation file at build time: the organisation's colours. */"]
    if primary:
        lines += [
            f":root {{ --vt-primary: {primary}; --vt-primary-light: {tint(primary)}; }}",
            '[data-md-color-primary="custom"] {',
            f"  --md-primary-fg-color: {primary};",
            f"  --md-primary-fg-color--light: {mix(primary, WHITE, 0.8)};",
            f"  --md-primary-fg-color--dark: {mix(primary, '#000000', 0.65)};",
            "}",
        ]
    if accent:
        lines += [
            f":root {{ --vt-accent: {accent}; }}",
            f'[data-md-color-accent="custom"] {{ --md-accent-fg-color: {accent}; '
            f"--md-accent-fg-color--transparent: {accent}1a; }}",
        ]
    return "\n".join(lines) + "\n"
