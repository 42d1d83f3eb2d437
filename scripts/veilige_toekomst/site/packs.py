"""The training packs in the built site: each language's PDFs copied next to its pages."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..core.content import Content
from ..render.packs import SITE_FOLDER, published, trainer_files


def publish(content: Content, lang: str, site_dir: Path) -> int:
    """Copy the built packs in `lang`, and the editable slides and handouts, into that language's part
    of the site; return how many files.

    The i18n plugin builds every language with the same site_dir and puts a language other than the
    default in a folder named after it (site/en/), which is where that language's pages link to.
    """
    files = [pack.file for pack in published(content, lang).values()]
    files += [file for editable in trainer_files(content, lang).values() for _, file in editable]
    in_folder = lang != content.default_language and site_dir.name != lang
    target = (site_dir / lang if in_folder else site_dir) / SITE_FOLDER
    if files:
        target.mkdir(parents=True, exist_ok=True)
    for file in files:
        shutil.copyfile(file, target / file.name)
    return len(files)
