"""`veilige-toekomst`: one command for every chore on the content."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .core.content import Content
from .core.findings import ContentError
from .core.io import write_atomically
from .render.validate import load_checked

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Veilige Toekomst content tools.")


def _load(root: Path | None) -> Content:
    try:
        return load_checked(root).content
    except ContentError as exc:
        typer.echo(exc.report(), err=True)
        typer.echo(f"{len(exc.findings)} problem(s) found.", err=True)
        raise typer.Exit(1) from None


def _check_language(content: Content, lang: str) -> None:
    if lang not in content.languages:
        typer.echo(f"unknown language '{lang}' (have {', '.join(content.languages)})", err=True)
        raise typer.Exit(1)


@app.command()
def validate(root: Path | None = typer.Option(None, help="Project folder (default: here).")) -> None:
    """Check all content: front matter, both languages, quotes, figures, shortcodes, links."""
    content = _load(root)
    pages = len(content.pages)
    typer.echo(
        f"OK: {pages} pages in {', '.join(content.languages)}, {len(content.quotes)} quotes, "
        f"{len(content.statistics_by_id)} figures."
    )


@app.command()
def export(
    lang: str = typer.Option(..., "--lang", help="Language of the export, e.g. nl or en."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write here instead of standard output."),
    root: Path | None = typer.Option(None, help="Project folder (default: here)."),
) -> None:
    """The whole content model as JSON (see schemas/export.schema.json)."""
    from .render.export import build_export

    content = _load(root)
    _check_language(content, lang)
    data = json.dumps(build_export(content, lang), ensure_ascii=False, indent=2).encode() + b"\n"
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        write_atomically(output, data)


@app.command()
def packs(
    lang: list[str] = typer.Option(["all"], "--lang", help="nl, en or all (repeat or comma-separate for several)."),
    module: list[str] = typer.Option(
        ["all"], "--module", help="Module id (context, safety, …, course) or all; repeat or comma-separate for several."
    ),
    edition: list[str] = typer.Option(["all"], "--edition", help="participant, trainer or all."),
    org: Path | None = typer.Option(None, "--org", help="Organisation file (YAML: name, optional logo) for the cover."),
    out: Path | None = typer.Option(None, "--out", help="Folder for the PDFs (default: build/packs)."),
    jobs: int = typer.Option(0, "--jobs", help="Parallel processes (default: one per core)."),
    minutes: list[int] = typer.Option(
        [], "--minutes", help="Session length(s) whose plan the trainer edition holds (45, 90, 120; default: all)."
    ),
    root: Path | None = typer.Option(None, help="Project folder (default: here)."),
) -> None:
    """Training packs as PDF: each module for participants and trainers; unchanged packs are kept."""
    from .print.packs_build import PackError, build_packs, summary

    try:
        results = build_packs(root, module, lang, edition, org, out, jobs or None, minutes=minutes)
    except ContentError as exc:
        typer.echo(exc.report(), err=True)
        raise typer.Exit(1) from None
    except (PackError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("\ninterrupted: finished packs are kept; the others keep their earlier version", err=True)
        raise typer.Exit(130) from None
    typer.echo(summary(results))


@app.command("scan-report")
def scan_report(
    export_file: Path = typer.Argument(
        ..., metavar="FILE.json", help="A self-assessment export (JSON, from the zelfscan page)."
    ),
    lang: str = typer.Option(..., "--lang", help="Language of the report, e.g. nl or en."),
    out: Path = typer.Option(..., "--out", help="Where to write the PDF."),
    root: Path | None = typer.Option(None, help="Project folder (default: here)."),
) -> None:
    """A PDF report of a self-assessment export: scores, chart, gaps and notes (see schemas/self-assessment.schema.json)."""
    from .core.assessment import ExportError
    from .print.scan_report import write_report

    content = _load(root)
    _check_language(content, lang)
    try:
        result = write_report(content, export_file, lang, out)
    except ExportError as exc:
        typer.echo(f"{export_file}: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{out}: {result.pages} pages")


i18n = typer.Typer(no_args_is_help=True, help="Translations: what each language lacks or lags behind.")
app.add_typer(i18n, name="i18n")


@i18n.command("status")
def i18n_status(
    langs: list[str] | None = typer.Argument(None, metavar="[LANG]...", help="Languages (default: all but Dutch)."),
    root: Path | None = typer.Option(None, help="Project folder (default: here)."),
) -> None:
    """Pages and entries each language misses, or whose Dutch text changed since the translation was marked.
    Exits 1 when there are any, so CI can hold a language to complete."""
    from .checks.translations import report, status

    content = _load(root)
    chosen = langs or [lang for lang in content.languages if lang != content.default_language]
    for lang in chosen:
        _check_language(content, lang)
    try:
        results = [status(content, lang) for lang in chosen]
    except ContentError as exc:
        typer.echo(exc.report(), err=True)
        raise typer.Exit(1) from None
    typer.echo("\n".join(line for result in results for line in report(result)))
    if not all(result.complete for result in results):
        raise typer.Exit(1)


@i18n.command("mark")
def i18n_mark(
    lang: str = typer.Argument(..., help="The language whose translations you checked, e.g. en."),
    items: list[str] | None = typer.Argument(None, metavar="[ITEM]...", help="Item keys as `i18n status` shows them."),
    all_items: bool = typer.Option(False, "--all", help="Every item this language has a translation of."),
    root: Path | None = typer.Option(None, help="Project folder (default: here)."),
) -> None:
    """Record that translations follow today's Dutch text (docs/translations.lock.yml). Mark only what you checked."""
    from .checks.translations import LOCK_FILE, mark

    content = _load(root)
    _check_language(content, lang)
    if lang == content.default_language or bool(items) == all_items:
        typer.echo(f"give a language other than {content.default_language}, and item keys or --all", err=True)
        raise typer.Exit(1)
    try:
        text, problems = mark(content, lang, None if all_items else items)
    except ContentError as exc:
        typer.echo(exc.report(), err=True)
        raise typer.Exit(1) from None
    if problems:
        typer.echo("\n".join(problems), err=True)
        raise typer.Exit(1)
    path = content.project.docs_dir / LOCK_FILE
    write_atomically(path, text.encode())
    typer.echo(
        f"{content.project.shown(path)}: marked {'every translated item' if all_items else len(items or [])} in {lang}"
    )
