"""The project's stylesheets, scripts and font, as light as each page allows.

Common stylesheets (the ones every page uses) are served as one file, one request instead of several;
so are the scripts every page runs (mkdocs.yml's extra_javascript from overrides/), and the
self-assessment's scripts on its page. Page-specific stylesheets (COMPONENTS) are linked only from the
pages whose HTML has their component; a page with several gets them in one joined file. All are listed in mkdocs.yml's extra_css as usual, in the order their rules
apply; the build swaps the common ones for the bundle. Generated stylesheets (the organisation's
colours) are not in overrides/ and stay as they are, after the bundle.

The font is subset to the characters the site's languages write (FONT_TEXT) with fontTools and served
without hinting, which phones ignore; the PDFs embed the full files (print/pdf.py).
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
from functools import cache
from pathlib import Path

import fontTools  # only the package, for its version: the subsetter is imported when a subset is made
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..core.assets import FONT_FILES, FONTS
from ..core.io import write_atomically
from ..render import assessment_shortcodes

BUNDLE_URI = "assets/stylesheets/veilige-toekomst.css"
SCRIPT_BUNDLE_URI = "assets/javascripts/veilige-toekomst.js"
"""Next to the scripts it holds: search.js finds the search index from its own address."""
COMPONENTS: dict[str, tuple[str, ...]] = {
    "assets/stylesheets/cycle.css": ("vt-cycle",),
    # The self-assessment's script draws its charts with the figures page's markup (render.js).
    "assets/stylesheets/figures.css": ("vt-chart", "vt-figure", "vt-note-ref", "vt-sa-"),
    "assets/stylesheets/quotes.css": ("vt-quote",),
    "assets/stylesheets/quiz.css": ("quiz", "vt-quiz"),
    "assets/stylesheets/self-assessment.css": ("vt-sa-",),
}
"""Page-specific stylesheet -> the class-name prefixes of its component: a page whose HTML has a class
starting with one of them links the stylesheet (tests/test_page_weight.py checks that every rule
that could match on a page is there)."""
FONTS_URI = "assets/fonts"
"""Where the bundled font is served (site.css's @font-face rules point here)."""
FIRST_SCREEN_FONTS = {
    face: f"{FONTS_URI}/{FONT_FILES[face]}" for face in [(400, "normal"), (400, "italic"), (700, "normal")]
}
"""The faces a first screen uses (text, bold, and italics where the page has them): preloaded on the
online site (main.html), so that they are there before the text is laid out. site.css's font-display:
optional then never swaps a face in later (bold italic, which is rare, or on a very slow line)."""
_ITALIC = ("<em>", "<em ", "<i>", "<i ", "<cite>", "<cite ", 'class="vt-cycle__labels')
"""What the browser and cycle.css set in italics; the site's figure captions (quotes, charts) are upright
(tests/test_page_weight.py checks every page against the text Chromium shows in italics). Plain text
searches: a regex with this alternation scans a page ten times slower."""


def preload_fonts(content: str) -> list[str]:
    """The FIRST_SCREEN_FONTS a page with this article HTML uses: the italic face only where the text
    has italics (the booklet's title, emphasis), which saves a font file on most pages."""
    italics = any(mark in content for mark in _ITALIC)
    return [uri for (_, style), uri in FIRST_SCREEN_FONTS.items() if style != "italic" or italics]


FONT_TEXT = (
    "".join(map(chr, range(0x20, 0x7F)))  # ASCII
    + "àáâäèéêëìíîïòóôöùúûüçñåæøß"  # Dutch diacritics (é, ë, ï, ü…) and the other Western European letters
    + "ÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜÇÑÅÆØ"
    + "\u00a0\u00ad©®°±·×÷«»§"  # no-break space, soft hyphen, signs
    + "–—‘’‚“”„•…€−"  # typographic dashes, quotation marks (the quotes use „…” and ‘…’), euro, minus
    + "‹›→←↑↓"  # arrows: search results ("Pagina › Sectie"), the cycle drawings
)
"""The characters the subset fonts keep (tests/test_page_weight.py checks every page's text)."""
_bundled: dict[str, list[str]] = {}
"""Per config file: the stylesheets that went into the bundle, in order."""
_components: dict[str, list[str]] = {}
"""Per config file: the page-specific stylesheets listed in extra_css, in order."""
_scripts: dict[str, list[str]] = {}
"""Per config file: the scripts that went into the script bundle, in order."""
_CLASS = re.compile(r'class="([^"]*)"')
"""A class attribute. Without a word boundary in front: that keeps the regex engine from scanning for the
literal `class="` and is five times slower over a page; _class_names checks the character before instead."""


def configure(config) -> None:
    """on_config: replace the project's own entries in extra_css and extra_javascript by the bundles,
    where the first stood; page-specific stylesheets leave extra_css (link_components adds them where
    they are used)."""
    custom_dir = Path(config.theme.custom_dir or ".")
    own = [uri for uri in config.extra_css if (custom_dir / uri).is_file()]
    if own:  # (a later language build: already swapped)
        _bundled[config.config_file_path] = [uri for uri in own if uri not in COMPONENTS]
        _components[config.config_file_path] = [uri for uri in own if uri in COMPONENTS]
        config.extra_css[:] = _swapped(config.extra_css, own, BUNDLE_URI)
    scripts = [str(script) for script in config.extra_javascript if (custom_dir / str(script)).is_file()]
    if scripts:
        _scripts[config.config_file_path] = scripts
        config.extra_javascript[:] = _swapped(
            config.extra_javascript, scripts, ExtraScriptValue(SCRIPT_BUNDLE_URI), key=str
        )


def _swapped(entries: list, own: list[str], bundle, key=lambda entry: entry) -> list:
    """`entries` without `own`, with `bundle` where the first of `own` stood."""
    first = [key(entry) for entry in entries].index(own[0])
    rest = [entry for entry in entries if key(entry) not in own]
    return rest[:first] + [bundle] + rest[first:]


def add_bundle(files: Files, config) -> None:
    """on_files: the bundles, concatenated in the order mkdocs.yml gives (later rules win, as before),
    and the self-assessment's scripts in the order they run."""
    custom_dir = Path(config.theme.custom_dir or ".")
    for uri, own in [
        (BUNDLE_URI, _bundled.get(config.config_file_path)),
        (SCRIPT_BUNDLE_URI, _scripts.get(config.config_file_path)),
        (assessment_shortcodes.SCRIPT_URI, list(assessment_shortcodes.SCRIPTS)),
    ]:
        if own and not files.get_file_from_path(uri):
            files.append(File.generated(config, uri, content=_joined(custom_dir, own)))


def _joined(folder: Path, parts: list[str]) -> str:
    """The files `parts` (paths under `folder`) in this order, each after a comment naming it."""
    return "\n".join(f"/* {part} */\n{(folder / part).read_text(encoding='utf-8')}" for part in parts)


def _class_names(html: str) -> set[str]:
    """Every class name in the class attributes of `html` (not in a longer attribute name such as `subclass=`)."""
    names: set[str] = set()
    for match in _CLASS.finditer(html):
        before = html[match.start() - 1 : match.start()]
        if not (before.isalnum() or before == "_"):  # the word boundary
            names.update(match[1].split())
    return names


def link_components(html: str, page_url: str, config) -> str:
    """on_post_page: link the page-specific stylesheets whose component the page has, right after the
    bundle (or at the end of <head>), in mkdocs.yml's order. `page_url` is the page's URL in the site.
    A page with several components gets them joined into one file (_combined), so it makes one
    request for them, not several."""
    used = _class_names(html)
    sheets = [
        uri
        for uri in _components.get(config.config_file_path, [])
        if any(token.startswith(COMPONENTS[uri]) for token in used)
    ]
    if not sheets:
        return html
    uri = sheets[0] if len(sheets) == 1 else _combined(sheets, config)
    links = f'<link rel="stylesheet" href="{get_relative_url(uri, page_url)}">'
    bundle = f'href="{get_relative_url(BUNDLE_URI, page_url)}">'
    at = html.find(bundle)
    at = at + len(bundle) if at >= 0 else html.index("</head>")
    return html[:at] + links + html[at:]


def _combined(sheets: list[str], config) -> str:
    """The URI of `sheets` joined into one stylesheet, e.g. assets/stylesheets/figures+self-assessment.css,
    written into the site unless it is already there as it should be."""
    name = "+".join(posixpath.basename(sheet).removesuffix(".css") for sheet in sheets) + ".css"
    uri = posixpath.join(posixpath.dirname(sheets[0]), name)
    target = Path(config.site_dir, uri)
    data = _joined(Path(config.theme.custom_dir or "."), sheets).encode("utf-8")
    if not target.is_file() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    return uri


SUBSET_RECIPE = 2
"""Raised when subset_font makes other bytes from the same inputs (2: the source font's timestamp kept),
so that subsets cached by an earlier recipe are not used."""


@cache
def subset_font(name: str, cache_dir: Path | None = None) -> bytes:
    """The font file `name` in FONTS as WOFF2 with only FONT_TEXT's glyphs (and what they use: kerning,
    accents), without hinting. Raises FileNotFoundError for an unknown name.

    With `cache_dir`, a subset made before from the same font, characters and fontTools is read from
    there (half a second of every build otherwise) and a new one is kept there."""
    if cache_dir is not None:
        recipe = f"{fontTools.version} {SUBSET_RECIPE}".encode()
        key = hashlib.sha256((FONTS / name).read_bytes() + FONT_TEXT.encode() + recipe).hexdigest()[:16]
        cached = cache_dir / f"{Path(name).stem}.{key}.woff2"
        if cached.is_file():
            return cached.read_bytes()
        data = subset_font(name)
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
    subsetter.populate(text=FONT_TEXT)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def add_fonts(files: Files, config) -> None:
    """on_files: the bundled font, subset for the site, and its licence (print/pdf.py embeds the full
    font files in every PDF)."""
    for font in sorted(FONTS.iterdir()):
        uri = f"{FONTS_URI}/{font.name}"
        if not font.is_file() or files.get_file_from_path(uri):
            continue
        if font.suffix == ".woff2":
            cache_dir = Path(config.config_file_path).parent / "build" / "cache" / "fonts"
            files.append(File.generated(config, uri, content=subset_font(font.name, cache_dir)))
        else:
            files.append(File.generated(config, uri, abs_src_path=str(font)))
