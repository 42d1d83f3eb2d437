"""The theme's stylesheet with only the rules the built site can use.

mkdocs-material's main stylesheet (about 22 KiB compressed) styles every feature the theme has; a page
of this site uses about a quarter of it. After the last language is built, PurgeCSS (package.json
pins it; node/purge-theme-css.mjs) keeps each rule whose classes, ids or elements occur in a page or in
one of the site's scripts (the theme's bundle.js among them, so classes it adds while a page runs are
kept) and drops the rest. Untouched: @font-face, keyframes and CSS variables.

The result is cached under build/cache/theme-css by a digest of the theme's stylesheet, every page and
every script, so a build whose output did not change does not start Node again.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import Abort

from ..core.io import write_atomically

SCRIPT = Path(__file__).with_name("node") / "purge-theme-css.mjs"
THEME_CSS = "assets/stylesheets/main.*.min.css"
"""The theme's stylesheet in the site; its name carries the theme's own hash."""
SCRIPTS = "assets/javascripts"
"""The theme's and the site's scripts (not the search index: its page text names no class)."""


def purge(site_dir: Path, node_modules: Path, cache_dir: Path) -> None:
    """Replace the theme's stylesheet in `site_dir` (each, if a `--dirty` build left an older theme's
    too; none if the theme renames it) by its rules that can match the site's HTML pages and scripts.
    Raises mkdocs' Abort when Node.js or PurgeCSS (node_modules) is missing or fails; the site's
    stylesheet is then left as it was."""
    content = sorted([*site_dir.rglob("*.html"), *(site_dir / SCRIPTS).rglob("*.js")])
    pages = hashlib.sha256()
    for path in content:
        pages.update(path.relative_to(site_dir).as_posix().encode() + b"\0" + path.read_bytes())
    for theme_css in sorted(site_dir.glob(THEME_CSS)):
        digest = pages.copy()
        digest.update(theme_css.read_bytes())
        cached = cache_dir / f"{digest.hexdigest()[:32]}.css"
        if not cached.is_file():
            _run_purgecss(theme_css, content, node_modules, cached)
        write_atomically(theme_css, cached.read_bytes())


def _run_purgecss(theme_css: Path, content: list[Path], node_modules: Path, output: Path) -> None:
    node = shutil.which("node")
    if node is None or not (node_modules / "purgecss").is_dir():
        raise Abort("theme CSS: Node.js and PurgeCSS are needed to build the site: run `npm ci` (package.json)")
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vt-purgecss-") as tmp:
        listing = Path(tmp) / "content.txt"
        listing.write_text("\n".join(str(path) for path in content), encoding="utf-8")
        result = subprocess.run(
            [node, str(SCRIPT), str(node_modules.resolve()), str(theme_css), str(Path(tmp) / "main.css"), str(listing)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise Abort(f"theme CSS: PurgeCSS failed:\n{result.stderr.strip()}")
        write_atomically(output, (Path(tmp) / "main.css").read_bytes())
