"""The theme's Jinja templates compiled once, then kept in build/cache/templates for the next builds.

The i18n plugin builds each language with a new Jinja environment, and every build starts a new process:
without a cache each language of each build parses and compiles every template again (about a fifth of
a second of CPU each time). Every language's environment comes from the same theme with the same options,
so the compiled code of one serves the next, and the next build's too. Jinja's own file cache keeps a
checksum of each template's source with its code (a template edited under `mkdocs serve` is compiled
again) and writes each file atomically (builds that run at once do not read half a file).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from jinja2 import FileSystemBytecodeCache


@cache
def compiled_templates(cache_dir: Path) -> FileSystemBytecodeCache:
    """The compiled templates kept under `cache_dir`, in a folder of this Jinja version: Jinja checks the
    Python version of the code it reads, not whether another Jinja made it."""
    folder = cache_dir / f"jinja2-{jinja2.__version__}"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))
