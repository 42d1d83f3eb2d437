"""Running the build's Node.js scripts (node/*.mjs) with the packages package.json pins."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import Abort

FOLDER = Path(__file__).with_name("node")
"""Where the scripts are; each takes the project's node_modules as its first argument."""


def run(script: str, node_modules: Path, packages: tuple[str, ...], arguments: list[str], what: str) -> None:
    """Run FOLDER/`script` with `node_modules` and `arguments`. Raises mkdocs' Abort, its message starting
    with `what` ("theme CSS"), when Node.js or one of `packages` is missing or the script fails."""
    node = shutil.which("node")
    if node is None or not all((node_modules / package).is_dir() for package in packages):
        raise Abort(
            f"{what}: Node.js and {', '.join(packages)} are needed to build the site: run `npm ci` (package.json)"
        )
    result = subprocess.run(
        [node, str(FOLDER / script), str(node_modules.resolve()), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise Abort(f"{what}: {script} failed:\n{result.stderr.strip()}")
