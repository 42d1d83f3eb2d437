"""The trainer's editable files for every module and language: slides (.pptx), the same slides as a
16:9 PDF (.slides.pdf) and the handout (.docx), in build/packs next to the PDF packs.

Each module's files are cached by a hash of their slide list (which holds every text), the
organisation, the date and the code that draws them: an unchanged module is not built again.
The PDFs are made in parallel processes, one per core.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from multiprocessing import Pool
from pathlib import Path
from typing import TextIO

from ..core.io import write_atomically
from ..core.pack_catalogue import COURSE, PACKS_DIR, catalogue
from ..core.texts import text_in
from . import handout, office, pdf, slides, slides_html, slides_pptx
from .packs_build import InputDates, choose, pack_inputs, source_files

SUFFIXES = (".pptx", ".slides.pdf", ".docx")
CODE = (slides.__file__, slides_pptx.__file__, slides_html.__file__, handout.__file__, office.__file__, pdf.__file__)


@dataclass(frozen=True)
class Built:
    name: str
    """"safety.nl": the files are name + each of SUFFIXES."""
    built: bool
    slides: int


def _digest(deck: slides.Deck, created: object) -> str:
    parts = [repr(deck), str(created), metadata.version("python-pptx"), metadata.version("python-docx")]
    parts += [metadata.version("weasyprint"), slides_html.SLIDES_CSS.read_text()]
    parts += [Path(f).read_text() for f in CODE]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _make(task: tuple[slides.Deck, object, str]) -> tuple[bytes, bytes, bytes]:
    """In a worker: the three files of one deck."""
    deck, created, worksheet = task
    return (
        slides_pptx.deck_pptx(deck, created),  # type: ignore[arg-type]
        slides_html.deck_pdf(deck, created).data,  # type: ignore[arg-type]
        handout.deck_docx(deck, worksheet, created),  # type: ignore[arg-type]
    )


def build_trainer_files(
    root: Path | None = None,
    modules: Sequence[str] = ("all",),
    langs: Sequence[str] = ("all",),
    org_file: Path | None = None,
    out: Path | None = None,
    workers: int | None = None,
    progress: TextIO = sys.stderr,
) -> list[Built]:
    """Slides, slide PDF and handout of each asked module (not the course: a deck per session) and language.

    `org_file` names another organisation file than the project's (as `build_packs` takes it).
    Raises ContentError for content mistakes and PackError for an unknown module or language."""
    content, texts, org = pack_inputs(root, org_file)
    by_id = {k: m for k, m in catalogue(content, texts).items() if k != COURSE}
    out = out if out is not None else content.project.root / PACKS_DIR
    dates = InputDates(content)
    todo, results = [], []
    for module_id in choose(modules, list(by_id), "module"):
        for lang in choose(langs, content.languages, "language"):
            module = by_id[module_id]
            deck = slides.build_deck(content, texts, module, lang, org)
            created = dates.of(source_files(content, module, lang))
            name = f"{module_id}.{lang}"
            digest = _digest(deck, created)
            record = out / f"{name}.slides.json"
            try:
                same = json.loads(record.read_text()).get("inputs") == digest
            except (OSError, ValueError):
                same = False
            if same and all((out / f"{name}{s}").is_file() for s in SUFFIXES):
                results.append(Built(name, False, len(deck.slides)))
                progress.write(f"cached {name}\n")
                continue
            worksheet = text_in(texts.labels.worksheet, lang, content.default_language)
            todo.append((name, digest, len(deck.slides), (deck, created, worksheet)))
    with Pool(max(1, min(workers or 2, len(todo) or 1))) as pool:
        for (name, digest, count, _), files in zip(todo, pool.imap(_make, [t[3] for t in todo])):
            for suffix, data in zip(SUFFIXES, files):
                write_atomically(out / f"{name}{suffix}", data)
            write_atomically(
                out / f"{name}.slides.json", (json.dumps({"inputs": digest, "slides": count}) + "\n").encode()
            )
            results.append(Built(name, True, count))
            progress.write(f"built {name}: {count} slides\n")
    return results
