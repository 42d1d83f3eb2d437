"""Many packs as PDFs: only those whose inputs changed, in parallel processes, with progress and a summary.

A pack's inputs are its HTML (which holds every text, the date and the version) and every file the
HTML pulls in (stylesheets, fonts, logo), plus the PDF code. Their hash is stored next to the PDF
(`<pack>.json`); a pack with the same hash is not built again. Same inputs, same bytes.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from multiprocessing import Pool
from pathlib import Path
from typing import TextIO

from ..core.content import Content
from ..core.findings import ContentError, Finding
from ..core.io import write_atomically
from ..core.organisation import Organisation, load_organisation
from ..core.pack_catalogue import EDITIONS, PACKS_DIR, Module, catalogue
from ..core.pack_texts import TEXTS_FILE, PackTexts
from ..core.texts import text_in
from ..render.validate import load_checked
from . import packs_render as render
from . import pdf

HASH_SCHEME = "packs-1"
"""Change to rebuild every pack, e.g. when the way inputs are hashed changes."""
SHARED_DATA = ("quotes/quotes.yml", "figures/statistics.yml", "strings.yml", TEXTS_FILE)


class PackError(Exception):
    """A mistake in what was asked for (unknown module, language, …): shown as one line, exit 1."""


@dataclass(frozen=True)
class Job:
    module: str
    lang: str
    edition: str

    @property
    def name(self) -> str:
        return f"{self.module}-{self.edition}.{self.lang}"


@dataclass(frozen=True)
class Prepared:
    """A pack ready to render: its HTML and how it goes into the PDF."""

    job: Job
    html: str
    digest: str
    title: str
    author: str
    page_label: str
    created: datetime | None


@dataclass(frozen=True)
class Result:
    job: Job
    path: Path
    pages: int
    size: int
    built: bool


def choose(values: Iterable[str], known: Sequence[str], what: str) -> list[str]:
    """Values from the command line ("all", several, or comma-separated), checked and in `known` order."""
    asked = [v.strip() for value in values for v in value.split(",") if v.strip()] or ["all"]
    if "all" in asked:
        return list(known)
    unknown = [v for v in asked if v not in known]
    if unknown:
        raise PackError(f"unknown {what} '{unknown[0]}' (choose from: {', '.join(known)}, all)")
    return [k for k in known if k in asked]


def project_version() -> str:
    try:
        return metadata.version("veilige-toekomst")
    except metadata.PackageNotFoundError:
        return "0"


class InputDates:
    """The date a pack shows: SOURCE_DATE_EPOCH, else the newest commit of its source files, else their mtime.

    Per pack, so editing one page re-dates (and rebuilds) only the packs that contain it.
    """

    def __init__(self, content: Content):
        self.content = content
        self.fixed = pdf.source_date()
        self.commits = {} if self.fixed else self._commit_times(content.project.root)

    @staticmethod
    def _commit_times(root: Path) -> dict[str, int]:
        try:
            log = subprocess.run(
                ["git", "log", "--format=%x00%ct", "--name-only", "--relative", "--", "docs"],
                cwd=root,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            return {}
        times: dict[str, int] = {}
        stamp = 0
        for line in log.splitlines():
            if line.startswith("\0"):
                stamp = int(line[1:])
            elif line:
                times.setdefault(line, stamp)  # newest first: keep the first time a file appears
        return times

    def of(self, files: Iterable[str]) -> datetime | None:
        if self.fixed:
            return self.fixed
        root = self.content.project.root
        stamps = [self.commits.get(f) or int((root / f).stat().st_mtime) for f in files if (root / f).is_file()]
        return datetime.fromtimestamp(max(stamps), tz=UTC) if stamps else None


def source_files(content: Content, module: Module, lang: str) -> list[str]:
    """The files under docs/ that go into a pack, as paths from the project root."""
    files = [page.path for chapter in module.parts() for page in chapter.pages(content, lang)]
    for chapter in module.parts():
        quiz = content.quizzes.get((lang, chapter.id))
        page = content.pages.get((quiz.lang, quiz.page + ".md")) if quiz else None
        files += [page.path] if page else []
    return files + [content.project.shown(content.project.docs_dir / rel) for rel in SHARED_DATA]


def _file_digest(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def fixed_inputs(org: Organisation) -> bytes:
    """What every pack pulls in besides its HTML: stylesheets, fonts, logo, the PDF code and WeasyPrint."""
    files = [pdf.BASE_CSS, render.PACK_CSS, Path(pdf.__file__), *(pdf.FONTS / name for name in pdf.FONT_FILES.values())]
    files += [org.logo] if org.logo else []
    return HASH_SCHEME.encode() + metadata.version("weasyprint").encode() + b"".join(_file_digest(f) for f in files)


def version_code(content: Content, module: Module) -> str:
    """The module's content version: a short hash of the files it is made of, in every language.

    The same in both editions and both languages, so a trainer sees that their edition and the
    participants' belong together; it changes when any of those files change.
    """
    root = content.project.root
    files = sorted({f for lang in content.languages for f in source_files(content, module, lang)})
    digest = hashlib.sha256(HASH_SCHEME.encode() + project_version().encode())
    for name in files:
        digest.update(name.encode() + b"\0" + ((root / name).read_bytes() if (root / name).is_file() else b""))
    return digest.hexdigest()[:8]


def prepare(
    content: Content,
    texts: PackTexts,
    module: Module,
    job: Job,
    org: Organisation,
    dates: InputDates,
    fixed: bytes,
    lengths: tuple[int, ...] = (),
) -> Prepared:
    """A pack's HTML and the hash of everything it is made of; `lengths`: the session plans it holds (all: ())."""
    created = dates.of(source_files(content, module, job.lang))
    edition = render.Edition(
        job.lang,
        job.edition,
        org,
        f"{project_version()} · {version_code(content, module)}",
        created.strftime("%Y-%m-%d") if created else "—",
        lengths,
    )
    html, title = render.render_html(content, texts, module, edition)
    page_label = text_in(texts.labels.page_of, job.lang, content.default_language)
    digest = hashlib.sha256(fixed + "\0".join((html, title, org.name, page_label, str(created))).encode()).hexdigest()
    return Prepared(job, html, digest, title, org.name, page_label, created)


def render_prepared(prepared: Prepared, base_url: Path) -> pdf.Pdf:
    """Runs in a worker process."""
    return pdf.render_pdf(
        prepared.html,
        base_url,
        prepared.job.lang,
        prepared.title,
        prepared.author,
        prepared.page_label,
        prepared.created,
    )


def cached(out: Path, prepared: Prepared) -> Result | None:
    path, meta_path = out / f"{prepared.job.name}.pdf", out / f"{prepared.job.name}.json"
    try:
        meta = json.loads(meta_path.read_text())
        size = path.stat().st_size
    except (OSError, ValueError):
        return None
    if meta.get("inputs") != prepared.digest or meta.get("bytes") != size:
        return None
    return Result(prepared.job, path, int(meta["pages"]), size, built=False)


def store(out: Path, prepared: Prepared, result: pdf.Pdf) -> Result:
    """The PDF first, then its record: a record never vouches for a PDF that is not there."""
    job = prepared.job
    path = out / f"{job.name}.pdf"
    write_atomically(path, result.data)
    meta = {
        "module": job.module,
        "lang": job.lang,
        "edition": job.edition,
        "inputs": prepared.digest,
        "pages": result.pages,
        "bytes": len(result.data),
    }
    write_atomically(out / f"{job.name}.json", (json.dumps(meta, indent=2) + "\n").encode())
    return Result(job, path, result.pages, len(result.data), built=True)


class Progress:
    """A bar on a terminal, one line per pack otherwise (logs, CI); always on stderr."""

    def __init__(self, total: int, stream: TextIO):
        self.total, self.done, self.stream = total, 0, stream
        self.bar = stream.isatty()

    def step(self, result: Result) -> None:
        self.done += 1
        status = "built" if result.built else "cached"
        if self.bar:
            filled = round(30 * self.done / self.total)
            self.stream.write(
                f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} {status:<6} {result.path.name:<40}"
            )
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"[{self.done}/{self.total}] {status} {result.path.name}\n")
        self.stream.flush()


def pack_inputs(root: Path | None, org_file: Path | None) -> tuple[Content, PackTexts, Organisation]:
    """What every trainer output is made from: the checked content, the packs' texts and the organisation
    (`org_file` when given — --org may name a file anywhere, so its logo must lie in that file's folder —
    else the project's own). Raises ContentError for content mistakes, the packs' texts missing included."""
    content = load_checked(root).content
    texts = content.pack_texts
    if texts is None:
        shown = f"{content.project.docs_dir.name}/{TEXTS_FILE}"
        raise ContentError([Finding(shown, 1, "packs-texts", "the training packs' texts are missing")])
    org = (
        load_organisation(org_file, languages=content.project.complete_languages, root=org_file.resolve().parent)
        if org_file
        else content.project.organisation
    )
    return content, texts, org


def build_packs(
    root: Path | None = None,
    modules: Sequence[str] = ("all",),
    langs: Sequence[str] = ("all",),
    editions: Sequence[str] = ("all",),
    org_file: Path | None = None,
    out: Path | None = None,
    workers: int | None = None,
    progress: TextIO = sys.stderr,
    minutes: Sequence[int] = (),
) -> list[Result]:
    """Build the asked packs into `out` (default build/packs under the project); return one result per pack.

    `minutes`: the session lengths whose plans the trainer editions hold (default: every length in packs.yml).

    Raises ContentError for content mistakes and PackError for a wrong request.
    """
    content, texts, org = pack_inputs(root, org_file)
    modules_by_id = catalogue(content, texts)
    unknown = [m for m in minutes if m not in texts.session.lengths]
    if unknown:
        raise PackError(
            f"no {unknown[0]}-minute session plan (choose from: {', '.join(map(str, texts.session.lengths))})"
        )
    lengths = tuple(length for length in texts.session.lengths if length in minutes)
    jobs = [
        Job(module, lang, edition)
        for module in choose(modules, list(modules_by_id), "module")
        for lang in choose(langs, content.languages, "language")
        for edition in choose(editions, EDITIONS, "edition")
    ]
    out = out if out is not None else content.project.root / PACKS_DIR
    dates, fixed = InputDates(content), fixed_inputs(org)
    prepared = [prepare(content, texts, modules_by_id[job.module], job, org, dates, fixed, lengths) for job in jobs]

    bar = Progress(len(prepared), progress)
    results: dict[Job, Result] = {}
    todo = []
    for item in prepared:
        hit = cached(out, item)
        if hit:
            results[item.job] = hit
            bar.step(hit)
        else:
            todo.append(item)
    # Biggest first, so the long course does not start last and keep one process busy alone.
    todo.sort(key=lambda item: len(item.html), reverse=True)
    for item, rendered in _render_all(todo, content.project.root, workers):
        results[item.job] = store(out, item, rendered)
        bar.step(results[item.job])
    return [results[job] for job in jobs]


def _render_all(todo: list[Prepared], base_url: Path, workers: int | None):
    """(prepared, PDF) as each finishes; in this process when one worker is asked for or one pack is left."""
    workers = workers or min(len(todo), os.cpu_count() or 1)
    if workers <= 1:
        for item in todo:
            yield item, render_prepared(item, base_url)
        return
    pool = Pool(workers, initializer=_leave_interrupts_to_the_main_process, initargs=(os.getpid(),))
    try:
        tasks = [(index, item, base_url) for index, item in enumerate(todo)]
        for index, rendered in pool.imap_unordered(_render_one, tasks):
            yield todo[index], rendered  # a failed pack raises here; finished ones are kept
        pool.close()
    except BaseException:  # a failed pack, Ctrl-C: end the workers now, mid-pack (they write nothing themselves)
        pool.terminate()
        raise
    finally:
        pool.join()


def _render_one(task: tuple[int, Prepared, Path]) -> tuple[int, pdf.Pdf]:
    """In a worker: one pack's PDF, with its place in the list it came from."""
    index, item, base_url = task
    return index, render_prepared(item, base_url)


PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal the kernel sends a process when its parent ends."""


def _leave_interrupts_to_the_main_process(parent: int) -> None:
    """Workers ignore Ctrl-C: the main process stops them, without a traceback from each. They end with
    it however it ends (even `kill -9`): on Linux the kernel sends them SIGKILL when it goes (prctl
    PR_SET_PDEATHSIG); a worker that starts after the main process has gone ends at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def summary(results: list[Result]) -> str:
    """A table: file, pages, size, built or cached."""
    header = ("File", "Pages", "Size", "Status")
    rows = [(r.path.name, str(r.pages), f"{r.size / 1024:.0f} kB", "built" if r.built else "cached") for r in results]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:  # names and status to the left, numbers to the right
        return "  ".join(
            cell.ljust(w) if i in (0, 3) else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))
        )

    built = sum(r.built for r in results)
    return "\n".join(
        [
            line(header),
            "  ".join("-" * w for w in widths),
            *map(line, rows),
            f"{len(results)} packs: {built} built, {len(results) - built} cached.",
        ]
    )
