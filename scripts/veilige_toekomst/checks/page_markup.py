"""HTML in a page's Markdown that would break the page or run on the site: unclosed comments, scripts.

The site's pages may carry HTML (figures, notices), but never a script of their own: the Content
Security Policy trusts what the project ships, so a `<script>` or `on…=` handler typed into a page
would run with the self-assessment's answers in reach. Code (fenced blocks, `inline code`) is text, not
HTML, and is left out.
"""

from __future__ import annotations

import re

from ..core.content import Content
from ..core.findings import Collector
from ..core.markdown_syntax import without_fences

INLINE_CODE = re.compile(r"`[^`\n]*`")
SCRIPT = re.compile(r"<script\b|javascript:", re.I)
HANDLER = re.compile(r"<[a-z][^>]*?\s(?P<name>on[a-z]+)\s*=", re.I | re.S)
EXCERPT = 40
"""Characters of the offending text shown in a message."""


def _as_text(body: str) -> str:
    """`body` with code blanked out (offsets and lines kept)."""
    return INLINE_CODE.sub(lambda m: " " * len(m[0]), without_fences(body))


def check_page_markup(content: Content, c: Collector) -> None:
    """`unclosed-comment`, `raw-script` and `event-handler` findings for every page, on the line concerned."""
    for page in content.pages.values():
        text = _as_text(page.body)
        start = text.find("<!--")
        while start >= 0:
            end = text.find("-->", start + 4)
            if end < 0:
                excerpt = text[start : start + EXCERPT].split("\n")[0]
                c.add(
                    page.path,
                    page.line_of_body_offset(start),
                    "unclosed-comment",
                    f"'{excerpt}' is never closed with -->: the rest of the page would vanish or show as text",
                )
                break
            start = text.find("<!--", end + 3)
        for match in SCRIPT.finditer(text):
            c.add(
                page.path,
                page.line_of_body_offset(match.start()),
                "raw-script",
                f"'{match[0]}' in a page: pages may not carry scripts (the site's own scripts do the work)",
            )
        for match in HANDLER.finditer(text):
            c.add(
                page.path,
                page.line_of_body_offset(match.start("name")),
                "raw-script",
                f"event handler '{match['name']}=' in a page: pages may not carry scripts",
            )
