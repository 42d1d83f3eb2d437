"""The theme's stylesheet with only the rules the built site can use.

mkdocs-material's main stylesheet (about 22 KiB compressed) styles every feature the theme has; a page
of this site uses about a quarter of it. After the last language is built, PurgeCSS (package.json
pins it; node/purge-theme-css.mjs) keeps each rule whose classes, ids and elements all occur as words
in a page or in one of the site's scripts (the theme's bundle.js among them, so classes it adds while a
page runs are kept) and drops the rest. Untouched: @font-face, keyframes and CSS variables.

The theme's script also names the classes of features the site leaves off (THEME_FEATURES: the theme's
search, code copying, annotations, tooltips, tags, versions, repository facts, diagrams, content tabs,
the cookie consent). Its words for those features do not keep a rule: mkdocs.yml's own options say the
feature is off, so the script never adds them. A page or one of the site's scripts that names such a
class still keeps its rules.

PurgeCSS splits its content into words ([A-Za-z0-9_-]+) and keeps a rule by those alone, and only the
words that also occur in the stylesheet can keep one. So those words are all it is given, and the
result is cached under build/cache/theme-css by the stylesheet and those words: editing a page's prose
does not start Node again, a page with a new kind of element does.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from ..core.io import write_atomically
from . import node_scripts

SCRIPT = "purge-theme-css.mjs"
THEME_CSS = "assets/stylesheets/main.*.min.css"
"""The theme's stylesheet in the site; its name carries the theme's own hash."""
SCRIPTS = "assets/javascripts"
"""The theme's and the site's scripts (not the search index: its page text names no class)."""
WORD_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
"""What PurgeCSS's default extractor counts as a word ([A-Za-z0-9_-]+)."""
_SPACES = bytes(byte if byte in WORD_BYTES else 0x20 for byte in range(256))
"""Every other byte as a space: bytes.translate and split find the same words as that regex, twice as fast."""


THEME_FEATURES = (
    # (what turns it on in mkdocs.yml, the prefixes of the words the theme's script uses for it)
    (lambda config: "search" in config.plugins or "material/search" in config.plugins, (b"md-search",)),
    (lambda config: _has_feature(config, "content.code."), (b"md-code__", b"md-clipboard")),
    (lambda config: _has_feature(config, "content.code.annotate"), (b"md-annotation", b"data-md-annotation")),
    (
        lambda config: _has_feature(config, "content.tooltips", "content.code.annotate"),
        (b"md-tooltip", b"--md-tooltip"),
    ),
    (lambda config: "tags" in config.plugins or "material/tags" in config.plugins, (b"md-tag",)),
    (lambda config: bool(config.extra.get("version")), (b"md-version",)),
    (lambda config: bool(config.repo_url), (b"md-source__fact",)),
    (lambda config: "mermaid" in str(config.mdx_configs), (b"mermaid", b"--md-mermaid")),
    (lambda config: "pymdownx.tabbed" in config.markdown_extensions, (b"tabbed-",)),
    (lambda config: bool(config.extra.get("consent")), (b"consent", b"md-consent")),
)
"""The theme's features whose classes only its script adds, by the mkdocs.yml options that turn them on
(mkdocs-material 9's documentation, "Setup" and "Reference")."""
THEME_SEARCH_SCRIPTS = ("lunr", "workers")
"""Folders under assets/javascripts with the theme's own search (the site has its own: site/search.py)."""


def _has_feature(config, *names: str) -> bool:
    return any(feature.startswith(names) for feature in config.theme.get("features", []))


def features_off(config) -> tuple[bytes, ...]:
    """The prefixes of the THEME_FEATURES words that cannot keep a rule in this site: its features that
    mkdocs.yml leaves off."""
    return tuple(prefix for is_on, prefixes in THEME_FEATURES if not is_on(config) for prefix in prefixes)


def _words(data: bytes) -> list[bytes]:
    return data.translate(_SPACES).split()


def purge(
    site_dir: Path,
    node_modules: Path,
    cache_dir: Path,
    own_scripts: frozenset[str] = frozenset(),
    off: tuple[bytes, ...] = (),
) -> None:
    """Replace the theme's stylesheet in `site_dir` (each, if a `--dirty` build left an older theme's
    too; none if the theme renames it) by its rules that can match the site's HTML pages and scripts.
    `own_scripts` are the site's own scripts (paths in the site), every word of which counts; in the
    theme's scripts, words starting with one of `off` (features_off) do not, and with the theme's
    search off its search scripts do not count at all. Raises mkdocs' Abort when Node.js or PurgeCSS
    (node_modules) is missing or fails; the site's stylesheet is then left as it was."""
    words: set[bytes] = set()
    for path in site_dir.rglob("*.html"):
        words.update(_words(path.read_bytes()))
    for path in (site_dir / SCRIPTS).rglob("*.js"):
        uri = path.relative_to(site_dir).as_posix()
        if uri in own_scripts:
            words.update(_words(path.read_bytes()))
        elif not (b"md-search" in off and path.relative_to(site_dir / SCRIPTS).parts[0] in THEME_SEARCH_SCRIPTS):
            words.update(word for word in _words(path.read_bytes()) if not word.startswith(off))
    for theme_css in sorted(site_dir.glob(THEME_CSS)):
        css = theme_css.read_bytes()
        relevant = b" ".join(sorted(words.intersection(_words(css))))
        key = hashlib.sha256(css + b"\0" + relevant).hexdigest()[:32]
        cached = cache_dir / f"{key}.css"
        if not cached.is_file():
            _run_purgecss(theme_css, relevant, node_modules, cached)
        write_atomically(theme_css, cached.read_bytes())


def _run_purgecss(theme_css: Path, words: bytes, node_modules: Path, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vt-purgecss-") as tmp:
        listing, purged = Path(tmp) / "words.txt", Path(tmp) / "main.css"
        listing.write_bytes(words)
        node_scripts.run(SCRIPT, node_modules, ("purgecss",), [str(theme_css), str(purged), str(listing)], "theme CSS")
        write_atomically(output, purged.read_bytes())
