"""The training packs on the website: downloads on each module page, and all packs on the training page.

The site build does not make PDFs: `veilige-toekomst packs` does (`make build` runs it first). The
site publishes what build/packs holds: `publish` copies a language's PDFs into the site, and each
link says how many pages and how big its PDF is. Without built packs the pages say so instead.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .. import formatting
from ..content import Content
from ..pages import Page
from ..shortcodes import Context, no_args, shortcode
from ..urls import page_dir
from .build import DEFAULT_OUT
from .modules import EDITIONS, Module, catalogue
from .texts import TEXTS_FILE, PackTexts, load_pack_texts

SITE_FOLDER = "training/packs"
"""Where a language's PDFs go in its part of the site (/training/packs/, /en/training/packs/)."""
TRAINING_PAGE = "training/index.md"


@dataclass(frozen=True)
class Published:
    file: Path
    pages: int
    size: int


_loaded: list[tuple[Content, PackTexts, dict[str, Module]]] = []


def _packs(content: Content) -> tuple[PackTexts, dict[str, Module]] | None:
    """The packs' texts and modules, read once per loaded content; None for a project without packs."""
    for known, texts, modules in _loaded:
        if known is content:
            return texts, modules
    if not (content.project.docs_dir / TEXTS_FILE).is_file():
        return None
    texts = load_pack_texts(content)
    _loaded[:] = [(content, texts, catalogue(content, texts))]
    return _loaded[0][1:]


def published(content: Content, lang: str, folder: Path | None = None) -> dict[tuple[str, str], Published]:
    """The built packs in `lang` by (module, edition): those whose PDF is there, whole, next to its record."""
    found = {}
    for record in sorted((folder or content.project.root / DEFAULT_OUT).glob(f"*.{lang}.json")):
        try:
            meta = json.loads(record.read_text())
            pdf = record.with_suffix(".pdf")
            if pdf.stat().st_size == meta["bytes"]:
                found[(meta["module"], meta["edition"])] = Published(pdf, int(meta["pages"]), meta["bytes"])
        except (OSError, ValueError, KeyError):
            continue
    return found


def size_text(size: int, lang: str) -> str:
    if size < 1024 * 1024:
        return f"{formatting.number(round(size / 1024), lang)} kB"
    return f"{formatting.number(round(size / 1024 / 1024, 1), lang)} MB"


def _label(texts: PackTexts, lang: str, key: str, **values: object) -> str:
    labels = getattr(texts.labels, key)
    text = labels.get(lang) or labels["nl"]  # a partial language falls back to Dutch
    return text.format(**values) if values else text


def _link(texts: PackTexts, lang: str, edition: str, pack: Published, href: str) -> str:
    name = _label(texts, lang, f"edition_{edition}")
    text = _label(texts, lang, "download_link", edition=name, pages=pack.pages, size=size_text(pack.size, lang))
    return f'<a href="{escape(href)}" download>{escape(text, quote=False)}</a>'


def _href(from_dir: str, file: Path) -> str:
    return posixpath.relpath(f"{SITE_FOLDER}/{file.name}", from_dir or ".")


@shortcode("packs-list")
def _packs_list(ctx: Context, args: list[str]) -> str:
    no_args(args, "packs-list")
    return packs_table(ctx.content, ctx.lang)


def packs_table(content: Content, lang: str, folder: Path | None = None) -> str:
    """Every pack in `lang`: one row per module, a link per edition with pages and size (or a note)."""
    loaded = _packs(content)
    assert loaded is not None, "this project has no docs/training/packs.yml"
    texts, modules = loaded
    files = published(content, lang, folder)
    if not files:
        return f'<p class="vt-packs-missing">{escape(_label(texts, lang, "packs_not_built"))}</p>'
    # The training page is training/index.md: its folder is training/ with or without directory URLs.
    here = posixpath.dirname(TRAINING_PAGE)
    head = "".join(f'<th scope="col">{escape(_label(texts, lang, key))}</th>'
                   for key in ("table_pack", "edition_participant", "edition_trainer"))
    rows = []
    for module in modules.values():
        cells = [_link(texts, lang, e, files[(module.id, e)], _href(here, files[(module.id, e)].file))
                 if (module.id, e) in files else "—" for e in EDITIONS]
        rows.append(f'<tr><th scope="row">{escape(module.title(content, lang))}</th>'
                    + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return f'<table class="vt-packs"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def module_downloads(content: Content, page: Page, lang: str, directory_urls: bool, folder: Path | None = None) -> str:
    """Markdown to add at the end of a module's page: its two PDFs (or a note), empty on other pages."""
    loaded = _packs(content)
    if loaded is None:
        return ""
    texts, modules = loaded
    module = next((m for m in modules.values() if not m.chapters and page.src in m.page_srcs), None)
    if module is None:
        return ""
    files = published(content, lang, folder)
    here = page_dir(page.src) if directory_urls else posixpath.dirname(page.src)
    links = [f"- {_link(texts, lang, e, files[(module.id, e)], _href(here, files[(module.id, e)].file))}"
             for e in EDITIONS if (module.id, e) in files]
    body = "\n".join(links) if links else escape(_label(texts, lang, "packs_not_built"))
    intro = escape(_label(texts, lang, "downloads_intro"))
    return f"\n\n## {_label(texts, lang, 'downloads')} {{#training-material}}\n\n{intro}\n\n{body}\n"


def publish(content: Content, lang: str, site_dir: Path) -> int:
    """Copy the built packs in `lang` into that language's part of the site; return how many.

    The i18n plugin builds every language with the same site_dir and puts a language other than the
    default in a folder named after it (site/en/), which is where that language's pages link to.
    """
    files = published(content, lang)
    in_folder = lang != content.default_language and site_dir.name != lang
    target = (site_dir / lang if in_folder else site_dir) / SITE_FOLDER
    if files:
        target.mkdir(parents=True, exist_ok=True)
    for pack in files.values():
        shutil.copyfile(pack.file, target / pack.file.name)
    return len(files)
