"""The training packs on the website: downloads on each module page, and all packs on the training page.

The site build does not make PDFs: `veilige-toekomst packs` does (`make build` runs it first). The
site publishes what build/packs holds: `publish` copies a language's PDFs into the site, and each
link says how many pages and how big its PDF is. Without built packs the pages say so instead.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..core.content import Content
from ..core.pack_catalogue import EDITIONS, PACKS_DIR, Module, catalogue
from ..core.pages import Page
from ..core.texts import text_in
from ..core.urls import page_dir
from . import formatting
from .context import Context, no_args, shortcode

SITE_FOLDER = "training/packs"
"""Where a language's PDFs go in its part of the site (/training/packs/, /en/training/packs/)."""
TRAINING_PAGE = "training/index.md"


@dataclass(frozen=True)
class Published:
    file: Path
    pages: int
    size: int


_loaded: list[tuple[Content, dict[str, Module]]] = []


def _modules(content: Content) -> dict[str, Module] | None:
    """The packs' modules (worked out once per loaded content); None for a project without packs."""
    texts = content.pack_texts
    if texts is None:
        return None
    if not _loaded or _loaded[0][0] is not content:
        _loaded[:] = [(content, catalogue(content, texts))]
    return _loaded[0][1]


def published(content: Content, lang: str, folder: Path | None = None) -> dict[tuple[str, str], Published]:
    """The built packs in `lang` by (module, edition): those whose PDF is there, whole, next to its record."""
    found = {}
    for record in sorted((folder or content.project.root / PACKS_DIR).glob(f"*.{lang}.json")):
        try:
            meta = json.loads(record.read_text())
            pdf = record.with_suffix(".pdf")
            if pdf.stat().st_size == meta["bytes"]:
                found[(meta["module"], meta["edition"])] = Published(pdf, int(meta["pages"]), meta["bytes"])
        except (OSError, ValueError, KeyError):
            continue
    return found


TRAINER_FILES = ((".pptx", "file_pptx"), (".slides.pdf", "file_slides_pdf"), (".docx", "file_docx"))
"""What `veilige-toekomst packs` makes besides the PDFs, per module and language (print/trainer_files.py):
file suffix after "<module>.<lang>" and the label of its link."""


def trainer_files(content: Content, lang: str, folder: Path | None = None) -> dict[str, list[tuple[str, Path]]]:
    """The editable files in `lang` by module: [(label key, file)], those whose deck record is there."""
    found: dict[str, list[tuple[str, Path]]] = {}
    for record in sorted((folder or content.project.root / PACKS_DIR).glob(f"*.{lang}.slides.json")):
        stem = record.name[: -len(".slides.json")]
        files = [(key, record.with_name(stem + suffix)) for suffix, key in TRAINER_FILES]
        if all(file.is_file() for _, file in files):
            found[stem[: -len(f".{lang}")]] = files
    return found


def _file_link(content: Content, lang: str, key: str, file: Path, href: str) -> str:
    text = _label(content, lang, key, size=size_text(file.stat().st_size, lang))
    return f'<a href="{escape(href)}" download>{escape(text, quote=False)}</a>'


def size_text(size: int, lang: str) -> str:
    if size < 1024 * 1024:
        return f"{formatting.number(round(size / 1024), lang)} kB"
    return f"{formatting.number(round(size / 1024 / 1024, 1), lang)} MB"


def _label(content: Content, lang: str, key: str, **values: object) -> str:
    texts = content.pack_texts
    assert texts is not None, "this project has no docs/training/packs.yml"
    default = content.default_language
    text = text_in(getattr(texts.labels, key), lang, default)
    return text.format(**values) if values else text


def _link(content: Content, lang: str, edition: str, pack: Published, href: str) -> str:
    name = _label(content, lang, f"edition_{edition}")
    text = _label(content, lang, "download_link", edition=name, pages=pack.pages, size=size_text(pack.size, lang))
    return f'<a href="{escape(href)}" download>{escape(text, quote=False)}</a>'


def _href(from_dir: str, file: Path) -> str:
    return posixpath.relpath(f"{SITE_FOLDER}/{file.name}", from_dir or ".")


@shortcode("packs-list")
def _packs_list(ctx: Context, args: list[str]) -> str:
    no_args(args, "packs-list")
    return packs_table(ctx.content, ctx.lang)


def packs_table(content: Content, lang: str, folder: Path | None = None) -> str:
    """Every pack in `lang`: one row per module, a link per edition with pages and size (or a note)."""
    modules = _modules(content)
    assert modules is not None, "this project has no docs/training/packs.yml"
    files = published(content, lang, folder)
    if not files:
        return f'<p class="vt-packs-missing">{escape(_label(content, lang, "packs_not_built"))}</p>'
    # The training page is training/index.md: its folder is training/ with or without directory URLs.
    here = posixpath.dirname(TRAINING_PAGE)
    editable = trainer_files(content, lang, folder)
    columns = ("table_pack", "edition_participant", "edition_trainer") + (("table_trainer_files",) if editable else ())
    head = "".join(f'<th scope="col">{escape(_label(content, lang, key))}</th>' for key in columns)
    rows = []
    for module in modules.values():
        cells = [
            _link(content, lang, e, files[(module.id, e)], _href(here, files[(module.id, e)].file))
            if (module.id, e) in files
            else "—"
            for e in EDITIONS
        ]
        if editable:
            links = [
                _file_link(content, lang, key, file, _href(here, file)) for key, file in editable.get(module.id, [])
            ]
            cells.append("<br>".join(links) or "—")
        rows.append(
            f'<tr><th scope="row">{escape(module.title(content, lang))}</th>'
            + "".join(f"<td>{cell}</td>" for cell in cells)
            + "</tr>"
        )
    return f'<table class="vt-packs"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def module_downloads(content: Content, page: Page, lang: str, directory_urls: bool, folder: Path | None = None) -> str:
    """Markdown to add at the end of a module's page: its two PDFs (or a note), empty on other pages."""
    modules = _modules(content)
    if modules is None:
        return ""
    module = next((m for m in modules.values() if not m.chapters and page.src in m.page_srcs), None)
    if module is None:
        return ""
    files = published(content, lang, folder)
    here = page_dir(page.src) if directory_urls else posixpath.dirname(page.src)
    links = [
        f"- {_link(content, lang, e, files[(module.id, e)], _href(here, files[(module.id, e)].file))}"
        for e in EDITIONS
        if (module.id, e) in files
    ]
    links += [
        f"- {_file_link(content, lang, key, file, _href(here, file))}"
        for key, file in trainer_files(content, lang, folder).get(module.id, [])
    ]
    body = "\n".join(links) if links else escape(_label(content, lang, "packs_not_built"))
    intro = escape(_label(content, lang, "downloads_intro"))
    # Downloads are no use on paper (a link prints no address there): vt-no-print leaves them out.
    heading = f"## {_label(content, lang, 'downloads')} {{#training-material}}"
    return f'\n\n<div class="vt-no-print" markdown>\n\n{heading}\n\n{intro}\n\n{body}\n\n</div>\n'
