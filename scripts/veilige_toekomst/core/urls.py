"""Site URLs of pages, for links written as raw HTML (mkdocs only rewrites Markdown links).

The online site uses directory URLs (pillars/safety/); the offline edition, opened from disk, uses
file URLs (pillars/safety.html), because file:// has no index.html for folders.
"""

from __future__ import annotations

import posixpath


def page_dir(src: str) -> str:
    """Folder URL of a page with directory URLs: "pillars/safety.md" -> "pillars/safety/"."""
    stem = src[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_url(src: str, directory_urls: bool = True) -> str:
    """A page's URL below its language's root."""
    return page_dir(src) if directory_urls else src[: -len(".md")] + ".html"


def relative_url(from_src: str, to_src: str, anchor: str = "", directory_urls: bool = True) -> str:
    here = posixpath.dirname(page_url(from_src, directory_urls)) or "."
    if directory_urls:
        rel = posixpath.relpath(page_dir(to_src) or ".", page_dir(from_src) or ".")
        rel = "./" if rel == "." else rel + "/"
    else:
        rel = posixpath.relpath(page_url(to_src, False), here)
    return rel + (f"#{anchor}" if anchor else "")


def relative_md(from_src: str, to_src: str) -> str:
    """A Markdown link target from one page's source to another's."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
