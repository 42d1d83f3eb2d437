"""What the project reads in its Markdown without rendering it: shortcodes, links, headings, fences.

Shortcodes are HTML comments (`<!-- quote q07 -->`, the mkdocs-material convention); `render.shortcodes`
replaces them, the checks only need to find them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown.extensions.toc import slugify

if TYPE_CHECKING:
    from .pages import Page

SHORTCODE = re.compile(r"<!--\s*(?P<name>[a-z][a-z-]*)(?P<args>(?:[ \t]+[^\s>]+)*)\s*-->")
NOT_OURS = {"mkdocs-quiz", "literal-ok"}
"""Comments that belong to mkdocs-quiz or mark a deliberate exception; left as they are."""
LINK = re.compile(r"(?<!!)\[(?:[^\]\[]|\[[^\]]*\])*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)(?:[ \t]*\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*$", re.M)
HTML_ID = re.compile(r"""\sid=["'](?P<id>[\w-]+)["']""")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def without_fences(markdown: str) -> str:
    """`markdown` with every fenced code block blanked out, line numbers kept."""
    return FENCE.sub(lambda m: "\n" * m[0].count("\n"), markdown)


def used_ids(page: Page, name: str) -> list[tuple[str, int]]:
    """(id, line) of every `<!-- name id -->` in a page."""
    return [
        (match["args"].split()[0], page.line_of_body_offset(match.start()))
        for match in SHORTCODE.finditer(page.body)
        if match["name"] == name and match["args"].split()
    ]


def explicit_heading_ids(markdown: str) -> list[str]:
    """The ids written into headings (`## Needs {#needs}`), in order."""
    return [m["id"] for m in HEADING.finditer(FENCE.sub("", markdown)) if m["id"]]


def anchors(markdown: str) -> set[str]:
    """Every id a page will have: headings (explicit, or slugified as Python-Markdown's toc does) and
    ids in its HTML."""
    text = FENCE.sub("", markdown)
    found = {m["id"] or slugify(m["text"], "-") for m in HEADING.finditer(text)}
    return found | {m["id"] for m in HTML_ID.finditer(text)}
