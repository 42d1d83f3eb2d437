"""A fork's local pages (docs/local/) never take the place of a page of the project."""

from __future__ import annotations

from ..core.content import Content
from ..core.findings import Collector
from ..core.local_pages import FOLDER, local_srcs
from ..core.urls import page_dir


def check_local_pages(content: Content, c: Collector) -> None:
    upstream = {src for (_, src) in content.pages if not src.startswith(FOLDER)}
    by_address = {page_dir(src): src for src in upstream}
    for src in local_srcs(content):
        name = src[len(FOLDER) :]
        clash = by_address.get(page_dir(src))
        if clash is not None:
            problem = (
                f"this page would be built to /{page_dir(src)}, where the project's page {_path(content, clash)} is"
            )
        elif name in upstream and not name.endswith("index.md"):
            problem = (
                f"'{name[:-3]}' is already a page of the project ({_path(content, name)}); "
                "give the local page another name"
            )
        else:
            continue
        for lang in content.languages:
            page = content.pages.get((lang, src))
            if page is not None:
                c.add(page.path, 1, "local-clash", problem)


def _path(content: Content, src: str) -> str:
    page = content.page(content.default_language, src)
    return page.path if page else src
