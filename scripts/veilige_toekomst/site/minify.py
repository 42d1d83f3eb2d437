"""The site's own scripts and stylesheets, minified for the browser.

The files in overrides/assets are written to be read: comments say why, names are whole words. After
the last language is built, node/minify.mjs writes each of them into the site in its minified form:
scripts with Terser, stylesheets with Lightning CSS (package.json pins both). Top-level names and
strings stay, so the classic scripts still share window.VT and find their classes. About half of what
a page's own files cost over the wire (the self-assessment's script: 13.3 → 8.6 KiB gzip).

Each result is cached under build/cache/minified by the file's bytes, the node script and the two
versions, so a build that changes none of them does not start Node.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from ..core.io import write_atomically
from . import node_scripts

SCRIPT = "minify.mjs"
MINIFIERS = ("terser", "lightningcss")
"""The npm packages node/minify.mjs uses: for scripts and for stylesheets."""


def minify(site_dir: Path, uris: list[str], node_modules: Path, cache_dir: Path) -> None:
    """Replace each script (.js) and stylesheet (.css) `uris` names (paths in `site_dir`; missing ones
    are skipped) by its minified form. Raises mkdocs' Abort when Node.js or a minifier (node_modules)
    is missing or fails; the files are then left as they were."""
    recipe = (
        (node_scripts.FOLDER / SCRIPT).read_bytes()
        + " ".join(_version(node_modules, name) for name in MINIFIERS).encode()
        + b"\0"
    )
    todo: list[tuple[Path, Path]] = []
    for uri in uris:
        path = site_dir / uri
        if path.is_file():
            key = hashlib.sha256(recipe + path.read_bytes()).hexdigest()[:32]
            todo.append((path, cache_dir / f"{key}{path.suffix}"))
    _run_node([(path, cached) for path, cached in todo if not cached.is_file()], node_modules)
    for path, cached in todo:
        write_atomically(path, cached.read_bytes())


def _version(node_modules: Path, name: str) -> str:
    manifest = node_modules / name / "package.json"
    return json.loads(manifest.read_text(encoding="utf-8"))["version"] if manifest.is_file() else ""


def _run_node(pairs: list[tuple[Path, Path]], node_modules: Path) -> None:
    """Minify each file into its cache file, all in one Node process."""
    if not pairs:
        return
    pairs[0][1].parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vt-minify-") as tmp:
        outputs = [Path(tmp) / f"{index}{path.suffix}" for index, (path, _) in enumerate(pairs)]
        arguments = [str(path) for (source, _), output in zip(pairs, outputs) for path in (source, output)]
        node_scripts.run(SCRIPT, node_modules, MINIFIERS, arguments, "minify")
        for (_, cached), output in zip(pairs, outputs):
            write_atomically(cached, output.read_bytes())
