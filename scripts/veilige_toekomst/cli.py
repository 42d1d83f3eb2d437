"""`veilige-toekomst`: one command for every chore on the content."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .content import Content, load_content
from .findings import ContentError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Veilige Toekomst content tools.")


def _load(root: Optional[Path]) -> Content:
    try:
        return load_content(root)
    except ContentError as exc:
        typer.echo(exc.report(), err=True)
        typer.echo(f"{len(exc.findings)} problem(s) found.", err=True)
        raise typer.Exit(1) from None


def write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target and rename, so a failed run never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


@app.command()
def validate(root: Optional[Path] = typer.Option(None, help="Project folder (default: here).")) -> None:
    """Check all content: front matter, both languages, quotes, figures, shortcodes, links."""
    content = _load(root)
    pages = len(content.pages)
    typer.echo(f"OK: {pages} pages in {', '.join(content.languages)}, {len(content.quotes)} quotes, "
               f"{len(content.statistics_by_id)} figures.")


@app.command()
def export(
    lang: str = typer.Option(..., "--lang", help="Language of the export, e.g. nl or en."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of standard output."),
    root: Optional[Path] = typer.Option(None, help="Project folder (default: here)."),
) -> None:
    """The whole content model as JSON (see schemas/export.schema.json)."""
    from .export import build_export

    content = _load(root)
    if lang not in content.languages:
        typer.echo(f"unknown language '{lang}' (have {', '.join(content.languages)})", err=True)
        raise typer.Exit(1)
    data = json.dumps(build_export(content, lang), ensure_ascii=False, indent=2).encode() + b"\n"
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        write_atomically(output, data)
