"""Site URLs of pages, for links written as raw HTML (mkdocs only rewrites Markdown links)."""

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


def relative_url(from_src: str, to_src: str, anchor: str = "") -> str:
    start = page_dir(from_src) or "."
    target = page_dir(to_src) or "."
    rel = posixpath.relpath(target, start)
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def relative_md(from_src: str, to_src: str) -> str:
    """A Markdown link target from one page's source to another's."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
