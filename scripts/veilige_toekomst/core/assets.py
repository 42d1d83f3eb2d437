"""Files the package ships for every output: the bundled font (SIL OFL 1.1, see fonts/OFL.txt)."""

from __future__ import annotations

from pathlib import Path

FONTS = Path(__file__).resolve().parents[1] / "fonts"
"""Atkinson Hyperlegible: the site serves these files, every PDF embeds them."""
FONT_FAMILY = "Atkinson Hyperlegible"
FONT_FILES = {  # (weight, style) -> file in FONTS
    (400, "normal"): "atkinson-hyperlegible-latin-400-normal.woff2",
    (400, "italic"): "atkinson-hyperlegible-latin-400-italic.woff2",
    (700, "normal"): "atkinson-hyperlegible-latin-700-normal.woff2",
    (700, "italic"): "atkinson-hyperlegible-latin-700-italic.woff2",
}
