"""The bundled font as the site serves it: subset, split in two by character range, preloaded where a
first screen needs it.

Each face is subset with fontTools to the characters the site's languages write and served without
hinting, which phones ignore; the PDFs embed the full files (print/pdf.py). Each face is split in two
files, as web font services do: the main file has what Dutch and English text needs (MAIN_TEXT), the
extra file the other letters and signs (EXTRA_TEXT). The @font-face rules (font_faces) give each file
its unicode-range, so a browser downloads the extra file only for a page that shows one of its
characters: a page pays for about 130 glyphs per face instead of 200.
"""

from __future__ import annotations

import hashlib
import io
from functools import cache
from pathlib import Path

import fontTools  # only the package, for its version: the subsetter is imported when a subset is made
from mkdocs.structure.files import File, Files

from ..core.assets import FONT_FAMILY, FONT_FILES, FONTS
from ..core.io import write_atomically

FONTS_URI = "assets/fonts"
"""Where the bundled font is served."""
MAIN_TEXT = (
    "".join(map(chr, range(0x20, 0x7F)))  # ASCII
    + "àáâäèéêëìíîïòóôöùúûü"  # the Dutch diacritics (é, ë, ï, ü…)
    + "\u00a0·×÷"  # no-break space, middle dot, times, division
    + "–—‘’“”…€"  # typographic dashes, quotation marks, ellipsis, euro
    + "‹›"  # search results ("Pagina › Sectie")
    + "•"  # the marker of a bulleted list, which Chromium draws in the list's font
)
"""The characters of the main file of each face: what the site's Dutch and English text uses."""
EXTRA_TEXT = (
    "çñåæøß"  # the other Western European letters
    + "ÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜÇÑÅÆØ"
    + "\u00ad©®°±«»§"  # soft hyphen, signs
    + "‚„−"  # low quotation marks, minus
    # The font has no arrows (→): the cycle drawings' arrows come from another font either way.
)
"""The characters of the extra file of each face (tests/test_page_weight.py checks that the two files
hold every character a page or script of the site writes)."""
FONT_PARTS = {"": MAIN_TEXT, "-extra": EXTRA_TEXT}
"""Served file name suffix -> the characters of that file."""
FIRST_SCREEN_FONTS = {
    face: f"{FONTS_URI}/{FONT_FILES[face]}" for face in [(400, "normal"), (400, "italic"), (700, "normal")]
}
"""The main files of the faces a first screen uses (text, bold, and italics where the page has them):
preloaded on the online site (main.html), so that they are there before the text is laid out.
font-display: optional then never swaps a face in later (bold italic, which is rare, an extra file,
or on a very slow line)."""
_ITALIC = ("<em>", "<em ", "<i>", "<i ", "<cite>", "<cite ", 'class="vt-cycle__labels')
"""What the browser and cycle.css set in italics; the site's figure captions (quotes, charts) are upright
(tests/test_page_weight.py checks every page against the text Chromium shows in italics). Plain text
searches: a regex with this alternation scans a page ten times slower."""
SUBSET_RECIPE = 3
"""Raised when subset_font makes other bytes from the same inputs (2: the source font's timestamp kept;
3: the characters are an argument), so that subsets cached by an earlier recipe are not used."""


def served_name(name: str, part: str) -> str:
    """The file name under FONTS_URI of part `part` (a FONT_PARTS key) of font file `name`."""
    return name.removesuffix(".woff2") + part + ".woff2"


def preload_fonts(content: str) -> list[str]:
    """The FIRST_SCREEN_FONTS a page with this article HTML uses: the italic face only where the text
    has italics (the booklet's title, emphasis), which saves a font file on most pages."""
    italics = any(mark in content for mark in _ITALIC)
    return [uri for (_, style), uri in FIRST_SCREEN_FONTS.items() if style != "italic" or italics]


def unicode_range(text: str) -> str:
    """The CSS unicode-range of the characters in `text` (CSS Fonts 4, §4.5): "U+20-7E, U+A0, …",
    consecutive code points as one range."""
    points = sorted(set(map(ord, text)))
    ranges: list[list[int]] = []
    for point in points:
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return ", ".join(f"U+{first:X}" if first == last else f"U+{first:X}-{last:X}" for first, last in ranges)


def font_faces(fonts_url: str) -> str:
    """The @font-face rules of every face and part, with `fonts_url` the address of FONTS_URI from the
    stylesheet that holds them (e.g. "../fonts"). font-display: optional: a file that is not there
    within a moment is not swapped in later, so text never jumps (main.html preloads the main files
    of the faces a first screen uses; the next page has them from the cache)."""
    return "\n".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-style: {style}; font-weight: {weight}; '
        f"font-display: optional;\n  "
        f'src: url("{fonts_url}/{served_name(name, part)}") format("woff2"); unicode-range: {unicode_range(text)}; }}'
        for (weight, style), name in FONT_FILES.items()
        for part, text in FONT_PARTS.items()
    )


@cache
def subset_font(name: str, text: str, cache_dir: Path | None = None) -> bytes:
    """The font file `name` in FONTS as WOFF2 with only the glyphs of the characters in `text` (and
    what they use: kerning, accents), without hinting. Raises FileNotFoundError for an unknown name.

    With `cache_dir`, a subset made before from the same font, characters and fontTools is read from
    there (half a second of every build otherwise) and a new one is kept there."""
    if cache_dir is not None:
        recipe = f"{fontTools.version} {SUBSET_RECIPE}".encode()
        key = hashlib.sha256((FONTS / name).read_bytes() + text.encode() + recipe).hexdigest()[:16]
        cached = cache_dir / f"{Path(name).stem}.{key}.woff2"
        if cached.is_file():
            return cached.read_bytes()
        data = subset_font(name, text)
        write_atomically(cached, data)
        return data
    # A tenth of a second of importing, for builds that find every subset in the cache.
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.layout_features = ["*"]  # all of them: tabular figures, fractions, kerning…
    font = TTFont(FONTS / name, recalcTimestamp=False)  # else the clock's time goes into the font: not reproducible
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def add_fonts(files: Files, config) -> None:
    """on_files: the bundled font, subset and split for the site (FONT_PARTS), and its licence."""
    cache_dir = Path(config.config_file_path).parent / "build" / "cache" / "fonts"
    for font in sorted(FONTS.iterdir()):
        if not font.is_file():
            continue
        if font.suffix != ".woff2":
            uri = f"{FONTS_URI}/{font.name}"
            if not files.get_file_from_path(uri):
                files.append(File.generated(config, uri, abs_src_path=str(font)))
            continue
        for part, text in FONT_PARTS.items():
            uri = f"{FONTS_URI}/{served_name(font.name, part)}"
            if not files.get_file_from_path(uri):
                files.append(File.generated(config, uri, content=subset_font(font.name, text, cache_dir)))
