"""What the measurements share: building the site, serving it gzip-compressed, the pages, a text table."""

from __future__ import annotations

import gzip
import http.server
import io
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from ..localsite import QuietHandler, serve

MKDOCS = Path(sys.executable).parent / "mkdocs"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
"""File types a web server usually sends gzip-compressed; fonts and images are compressed already."""


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; return (wall seconds, CPU seconds of it and its children). CPU time hardly changes
    when other work shares the machine; wall time does. Stop with the command's output if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}{result.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build(root: Path, dest: Path, config: Path | None = None, strict: bool = True) -> tuple[float, float]:
    """Build the site into `dest`; (wall, CPU) seconds."""
    command = [str(MKDOCS), "build", "--quiet", "-f", str(config or root / "mkdocs.yml"), "-d", str(dest)]
    return timed(command + (["--strict"] if strict else []), root)


def pages(site: Path) -> list[Path]:
    """Every page of the built site in both languages (not assets, not the 404 page)."""
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.relative_to(site).parts)


def url_of(site: Path, page: Path) -> str:
    """ "/en/pillars/safety/" for site/en/pillars/safety/index.html."""
    folder = page.parent.relative_to(site).as_posix()
    return "/" if folder == "." else f"/{folder}/"


class _GzipHandler(QuietHandler):
    """Serves text files gzip-compressed (level 6, as common web servers do) when the browser accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve_gzip(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    return serve(directory, _GzipHandler)


def print_table(title: str, headers: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    line = "  ".join("-" * width for width in widths)
    print(f"\n{title}\n{line}")
    for row in [headers, None, *rows]:
        print(line if row is None else "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    print(line)
