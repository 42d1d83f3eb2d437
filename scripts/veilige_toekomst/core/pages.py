"""Markdown pages with front matter, read per language from the suffix structure."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import yamlsource
from .findings import Collector, ContentError
from .models import LivingAreaMeta, NumberedMeta, PageMeta, PillarMeta
from .project import Project
from .textfile import read_utf8

SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")


@dataclass(frozen=True)
class Page:
    src: str
    """Language-neutral source path, e.g. "pillars/safety.md"."""
    lang: str
    path: str
    """Path shown in messages, e.g. "docs/pillars/safety.en.md"."""
    meta: PageMeta
    located: yamlsource.Located
    body: str
    body_line: int
    """Line of the file on which `body` starts."""

    @property
    def id(self) -> str:
        """Page id used in data files, e.g. "pillars/safety", "context/cycle", "index"."""
        return self.src[: -len(".md")]

    @property
    def kind(self) -> str:
        return meta_kind(self.src)

    @property
    def numbered(self) -> NumberedMeta:
        """The id and number of a pillar or living-area page; AssertionError on any other page."""
        assert isinstance(self.meta, NumberedMeta), f"{self.path} is not a pillar or living-area page"
        return self.meta

    def line_of_body_offset(self, offset: int) -> int:
        return self.body_line + self.body.count("\n", 0, offset)


def meta_kind(src: str) -> str:
    folder, _, name = src.rpartition("/")
    if name == "index.md":
        return "page"
    return {"pillars": "pillar", "living-areas": "living_area"}.get(folder, "page")


META_MODELS: dict[str, type[PageMeta]] = {"page": PageMeta, "pillar": PillarMeta, "living_area": LivingAreaMeta}


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, line where body starts)."""
    if not text.startswith("---\n"):
        return None, text, 1
    end = text.find("\n---\n", 3)
    if end < 0:
        return None, text, 1
    front = text[4 : end + 1]
    body = text[end + len("\n---\n") :]
    return front, body, front.count("\n") + 3


def read_page(project: Project, file: Path, collector: Collector) -> Page | None:
    match = SUFFIX.match(file.name)
    shown = project.shown(file)
    rel_dir = file.parent.relative_to(project.docs_dir).as_posix()
    if not match:
        collector.add(shown, 1, "page-language", "page name must end in .<language>.md, e.g. safety.nl.md")
        return None
    lang = match["lang"]
    if lang not in project.languages:
        collector.add(
            shown, 1, "page-language", f"language '{lang}' is not in mkdocs.yml (have {', '.join(project.languages)})"
        )
        return None
    src = f"{match['stem']}.md" if rel_dir == "." else f"{rel_dir}/{match['stem']}.md"
    try:
        text = read_utf8(file, shown)
    except ContentError as exc:
        collector.extend(exc.findings)
        return None
    front, body, body_line = split_front_matter(text)
    if front is None:
        if text.startswith("---\n"):
            message = "front matter is not closed: put a line with only --- after its last key"
        elif not text.strip():
            message = "the page is empty: start it with --- and title/description, then the text"
        else:
            message = "page has no front matter (start the file with --- and title/description)"
        collector.add(shown, 1, "front-matter", message)
        return None
    try:
        located = yamlsource.load(front, shown, first_line=2)
    except ContentError as exc:
        collector.extend(exc.findings)
        return None
    if not isinstance(located.data, dict):
        collector.add(shown, 2, "front-matter", "front matter must be a mapping of keys to values")
        return None
    meta = yamlsource.validated(located, META_MODELS[meta_kind(src)], collector)
    if meta is None:
        return None
    return Page(src=src, lang=lang, path=shown, meta=meta, located=located, body=body, body_line=body_line)


def page_files(project: Project, collector: Collector) -> list[Path]:
    """Every .md file under docs/, sorted; a symbolic link that loops or leads nowhere is a `symlink`
    finding instead (the site build would stop on it with an OSError)."""
    for folder, dirs, names in os.walk(project.docs_dir):
        for entry in (Path(folder) / name for name in dirs + names):
            if not entry.is_symlink():
                continue
            shown = f"{project.shown(project.docs_dir)}/{entry.relative_to(project.docs_dir).as_posix()}"
            try:
                target = entry.resolve(strict=True)
            except (OSError, RuntimeError):
                collector.add(shown, 1, "symlink", "symbolic link loops or leads nowhere; remove it")
                continue
            if entry.absolute().is_relative_to(target):
                collector.add(shown, 1, "symlink", "symbolic link loops back to a folder above it")
    return sorted(file for file in project.docs_dir.rglob("*.md") if file.is_file())


def read_pages(project: Project, collector: Collector) -> dict[tuple[str, str], Page]:
    pages: dict[tuple[str, str], Page] = {}
    for file in page_files(project, collector):
        if file.name == "README.md":
            continue  # a folder's explanation for people (docs/local/README.md), left out of the build
        page = read_page(project, file, collector)
        if page is not None:
            pages[(page.lang, page.src)] = page
    return pages
