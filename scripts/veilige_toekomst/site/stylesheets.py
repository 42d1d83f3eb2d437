"""The project's stylesheets, scripts and font, as light as each page allows.

Common stylesheets (the ones every page uses) are served as one file, one request instead of several;
so are the scripts every page runs (mkdocs.yml's extra_javascript from overrides/), and the
self-assessment's scripts on its page. Page-specific stylesheets (COMPONENTS) are linked only from the
pages whose HTML has their component; a page with several gets them in one joined file. All are listed in mkdocs.yml's extra_css as usual, in the order their rules
apply; the build swaps the common ones for the bundle. Generated stylesheets (the organisation's
colours) are not in overrides/ and stay as they are, after the bundle.

The stylesheet bundle starts with the font's @font-face rules, which fonts.py writes.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..core.io import write_atomically
from ..render import assessment_shortcodes
from . import fonts

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
_bundled: dict[str, list[str]] = {}
"""Per config file: the stylesheets that went into the bundle, in order."""
_components: dict[str, list[str]] = {}
"""Per config file: the page-specific stylesheets listed in extra_css, in order."""
_scripts: dict[str, list[str]] = {}
"""Per config file: the scripts that went into the script bundle, in order."""
_joined_sheets: dict[str, set[str]] = {}
"""Per config file: the joined page stylesheets (_combined) written into the site."""
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


def _bundles(config) -> list[tuple[str, list[str]]]:
    """(bundle URI, the files joined into it, in order) for the stylesheet and script bundles."""
    return [
        (BUNDLE_URI, _bundled.get(config.config_file_path, [])),
        (SCRIPT_BUNDLE_URI, _scripts.get(config.config_file_path, [])),
        (assessment_shortcodes.SCRIPT_URI, list(assessment_shortcodes.SCRIPTS)),
    ]


def add_bundle(files: Files, config) -> None:
    """on_files: the bundles, concatenated in the order mkdocs.yml gives (later rules win, as before),
    and the self-assessment's scripts in the order they run. Their parts leave the site: no page links
    them. Also the self-assessment's export schema as a script (loaded by the page when needed)."""
    custom_dir = Path(config.theme.custom_dir or ".")
    for uri, own in _bundles(config):
        if own and not files.get_file_from_path(uri):
            content = _joined(custom_dir, own)
            if uri == BUNDLE_URI:
                font_faces = fonts.font_faces(posixpath.relpath(fonts.FONTS_URI, posixpath.dirname(uri)))
                content = f"/* the font (site/fonts.py) */\n{font_faces}\n{content}"
            files.append(File.generated(config, uri, content=content))
        for part in own:
            if (file := files.get_file_from_path(part)) is not None:
                files.remove(file)
    if not files.get_file_from_path(assessment_shortcodes.SCHEMA_URI):
        files.append(
            File.generated(config, assessment_shortcodes.SCHEMA_URI, content=assessment_shortcodes.schema_script())
        )


def own_assets(config) -> list[str]:
    """The site's own scripts and stylesheets as it serves them (paths in the site): the bundles, the
    joined page stylesheets written so far, and every other script or stylesheet under the theme's
    custom_dir (site/minify.py minifies them)."""
    custom_dir = Path(config.theme.custom_dir or ".")
    joined = {part for _, parts in _bundles(config) for part in parts}
    assets = [uri for uri, parts in _bundles(config) if parts] + [assessment_shortcodes.SCHEMA_URI]
    assets += sorted(_joined_sheets.get(config.config_file_path, set()))
    for path in sorted([*(custom_dir / "assets").rglob("*.js"), *(custom_dir / "assets").rglob("*.css")]):
        uri = path.relative_to(custom_dir).as_posix()
        if uri not in joined:
            assets.append(uri)
    return assets


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
    _joined_sheets.setdefault(config.config_file_path, set()).add(uri)
    target = Path(config.site_dir, uri)
    data = _joined(Path(config.theme.custom_dir or "."), sheets).encode("utf-8")
    if not target.is_file() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    return uri
