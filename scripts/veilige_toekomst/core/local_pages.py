"""Pages an organisation adds in docs/local/: a "Lokaal"/"Local" part of the menu, never touched upstream.

The upstream project ships only docs/local/README.md (left out of the build), so a fork's local pages
never conflict when it takes in updates. A local page follows the same rules as every page (both
complete languages, or falling back to Dutch in a partial one), and it may not take the place of a
page of the project: same address, or same name as a page of the project, is an error.
"""

from __future__ import annotations

from .content import Content

FOLDER = "local/"
NAV_TITLE = "Lokaal"
"""The menu heading; mkdocs.yml's nav_translations gives it in the other languages."""
NAV_BEFORE = "Over"
"""The local part stands just before this menu heading (the last one), or at the end without it."""


def local_srcs(content: Content) -> list[str]:
    """Language-neutral sources of the local pages, an index page first."""
    srcs = {src for (_, src) in content.pages if src.startswith(FOLDER)}
    return sorted(srcs, key=lambda src: (not src.endswith("index.md"), src))


def _paths(items: list) -> list[str]:
    found: list[str] = []
    for item in items:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            found += _paths(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
    return found


def add_to_nav(nav: list, content: Content) -> None:
    """Put the local pages in the menu (once: the hooks run per language), unless mkdocs.yml lists them."""
    srcs = local_srcs(content)
    if not srcs or any(path.startswith(FOLDER) for path in _paths(nav)):
        return
    titles = [next(iter(item)) if isinstance(item, dict) else None for item in nav]
    at = titles.index(NAV_BEFORE) if NAV_BEFORE in titles else len(nav)
    nav.insert(at, {NAV_TITLE: srcs})
