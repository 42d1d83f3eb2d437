"""`veilige-toekomst`: one command for every chore on the content."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .core.content import Content
from .core.findings import ContentError
from .core.io import write_atomically
from .core.pack_texts import COURSE
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
        try:
            write_atomically(output, data)
        except OSError as exc:
            typer.echo(f"{output}: cannot write the export ({exc.strerror or exc})", err=True)
            raise typer.Exit(1) from None


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
    """Training packs as PDF for participants and trainers, and for trainers each module's slides (PowerPoint
    and 16:9 PDF) and handout (Word) to edit; unchanged files are kept."""
    from .print.packs_build import PackError, build_packs, summary
    from .print.trainer_files import build_trainer_files

    asked = [m for value in module for m in value.split(",") if m]
    decked = [m for m in asked if m != COURSE]  # slides and handouts are per session: not for the whole course
    decks = []
    try:
        results = build_packs(root, module, lang, edition, org, out, jobs or None, minutes=minutes)
        if decked and {"all", "trainer"} & {e for value in edition for e in value.split(",")}:
            decks = build_trainer_files(root, decked, lang, org, out, jobs or None)
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
    if decks:
        built = sum(deck.built for deck in decks)
        typer.echo(f"{len(decks)} slide decks and handouts: {built} built, {len(decks) - built} cached.")


@app.command("scan-report")
def scan_report(
    export_files: list[Path] = typer.Argument(
        ..., metavar="FILE.json...", help="Self-assessment exports (JSON, from the zelfscan page); several: a team."
    ),
    lang: str = typer.Option(..., "--lang", help="Language of the report, e.g. nl or en."),
    out: Path = typer.Option(..., "--out", help="Where to write the PDF."),
    earlier: Path | None = typer.Option(None, "--earlier", help="An earlier round's export, to show what moved."),
    root: Path | None = typer.Option(None, help="Project folder (default: here)."),
) -> None:
    """A PDF report of one or more self-assessment exports: scores, chart, gaps and notes (see schemas/self-assessment.schema.json)."""
    from .print.scan_report import ReportError, write_report

    content = _load(root)
    _check_language(content, lang)
    try:
        result = write_report(content, export_files, lang, out, earlier)
    except ReportError as exc:
        for path, problem in exc.problems:
            typer.echo(f"{path}: {problem}", err=True)
        raise typer.Exit(1) from None
    except OSError as exc:
        typer.echo(f"{out}: cannot write the report ({exc.strerror or exc})", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{out}: {result.pages} pages")


RULES_START, RULES_END = "<!-- rules:start", "<!-- rules:end -->"


@app.command()
def rules(
    check: bool = typer.Option(
        False, "--check", help="Only say whether CONTRIBUTING.md is up to date (exit 1 if not)."
    ),
    root: Path | None = typer.Option(None, help="Project folder (default: here)."),
) -> None:
    """Write the table of content rules into CONTRIBUTING.md from the rule registry (core/rules.py)."""
    from .core.project import find_root
    from .core.rules import table

    path = find_root(root) / "CONTRIBUTING.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.find(RULES_START), text.find(RULES_END)
    if start < 0 or end < start:
        typer.echo(f"{path}: no {RULES_START} … {RULES_END} markers", err=True)
        raise typer.Exit(1)
    head_end = text.index("-->", start) + len("-->")
    updated = f"{text[:head_end]}\n{table()}\n{text[end:]}"
    if updated == text:
        typer.echo(f"{path.name}: up to date")
    elif check:
        typer.echo(f"{path.name}: outdated (run veilige-toekomst rules)", err=True)
        raise typer.Exit(1)
    else:
        write_atomically(path, updated.encode())
        typer.echo(f"{path.name}: table of rules written")


quizzes = typer.Typer(no_args_is_help=True, help="The self-check quizzes for learning platforms.")
app.add_typer(quizzes, name="quizzes")


@quizzes.command("export")
def quizzes_export(
    fmt: str = typer.Option(..., "--format", help="gift, moodle-xml or qti (an IMS QTI 2.1 content package, zip)."),
    lang: str = typer.Option(..., "--lang", help="Language of the file, e.g. nl or en (one language per file)."),
    module: list[str] = typer.Option(
        [], "--module", help="Module id (safety, housing, …); repeat for several; default all."
    ),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write the file."),
    root: Path | None = typer.Option(None, help="Project folder (default: here)."),
) -> None:
    """Quizzes with each option's feedback and the explanation, for Moodle, Canvas, Totara and the like."""
    from .render.quiz_export import ExportError, export_quizzes

    content = _load(root)
    _check_language(content, lang)
    try:
        data = export_quizzes(content, lang, fmt, [m for value in module for m in value.split(",") if m])
    except ExportError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    write_atomically(output, data)
    typer.echo(f"{output}: {len(data) / 1024:.0f} kB")


@app.command("nginx-config")
def nginx_config(
    root_dir: str = typer.Option(
        "/var/www/veilige-toekomst", "--root-dir", help="nginx root: the folder that holds the site."
    ),
    prefix: str | None = typer.Option(
        None, "--prefix", help="Sub-folder of the site (default: the path of SITE_URL, else /)."
    ),
    listen: str = typer.Option("80", "--listen", help="nginx listen value, e.g. 80 or 127.0.0.1:8080."),
    hsts: bool = typer.Option(False, "--hsts", help="Send Strict-Transport-Security (only for a site on https)."),
    out: Path | None = typer.Option(None, "-o", "--out", help="Write to FILE instead of printing."),
    root: Path | None = typer.Option(None, help="Project folder (default: here)."),
) -> None:
    """An nginx server block for the built site: the security headers, gzip, long cache, a 404 per language."""
    from urllib.parse import urlsplit

    from .site.address import AddressError, public_address
    from .site.headers import nginx_server

    content = _load(root)
    try:
        url = public_address(content)
    except AddressError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    text = nginx_server(
        root=root_dir,
        prefix=prefix if prefix is not None else (urlsplit(url).path if url else "/"),
        listen=listen,
        languages=content.languages,
        hsts=hsts,
    )
    if out:
        write_atomically(out, text.encode())
    else:
        typer.echo(text, nl=False)


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
    """Record that translations follow today's Dutch text (docs/translations.lock.yml; a fork's own pages in
    docs/local/translations.lock.yml). Mark only what you checked."""
    from .checks.translations import mark

    content = _load(root)
    _check_language(content, lang)
    if lang == content.default_language or bool(items) == all_items:
        typer.echo(f"give a language other than {content.default_language}, and item keys or --all", err=True)
        raise typer.Exit(1)
    try:
        texts, problems = mark(content, lang, None if all_items else items)
    except ContentError as exc:
        typer.echo(exc.report(), err=True)
        raise typer.Exit(1) from None
    if problems:
        typer.echo("\n".join(problems), err=True)
        raise typer.Exit(1)
    for name, text in texts.items():
        path = content.project.docs_dir / name
        write_atomically(path, text.encode())
        typer.echo(f"{content.project.shown(path)}: updated")
    typer.echo(f"marked {'every translated item' if all_items else len(items or [])} in {lang}")
