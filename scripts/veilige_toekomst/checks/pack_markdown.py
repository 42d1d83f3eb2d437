"""Markdown the site renders but the training packs cannot print, named with page and line.

The packs (print/packs_render.py) print CommonMark, tables, admonitions and collapsible blocks
(`!!!`, `???`), definition lists, and drop attr_list attributes. Two constructs of the site's
markdown_extensions (mkdocs.yml) are not printed as the site shows them: an md_in_html element whose
Markdown starts on its own first line (markdown-it reads it as raw HTML up to the next blank line)
and toc's `[TOC]` marker (printed as the word). This rule names them before a pack is built.
"""

from __future__ import annotations

import re

from ..core.content import Content
from ..core.findings import Collector
from ..core.pack_catalogue import catalogue
from ..core.pack_texts import COURSE

UNPRINTABLE = (
    (
        re.compile(r"<(\w+)[^>]*\smarkdown(=\"[^\"]*\")?[^>]*>[ \t]*\S"),
        "md_in_html with Markdown on the opening tag's line: leave a blank line after the tag",
    ),
    (
        re.compile(r"<(\w+)[^>]*\smarkdown(=\"[^\"]*\")?[^>]*>[ \t]*\n[ \t]*\S"),
        "md_in_html with Markdown right under the opening tag: leave a blank line after the tag",
    ),
    (re.compile(r"^\[TOC\][ \t]*$", re.M), "toc's [TOC] marker: the packs have their own contents"),
)


def check_pack_markdown(content: Content, c: Collector) -> None:
    """Every page that goes into a pack (the course's pages and the quizzes), in every language."""
    texts = content.pack_texts
    if texts is None:
        return
    srcs = set(catalogue(content, texts)[COURSE].page_srcs)
    for page in content.pages.values():
        if page.src not in srcs and not page.src.startswith("quizzes/"):
            continue
        for pattern, construct in UNPRINTABLE:
            for match in pattern.finditer(page.body):
                line = page.body_line + page.body.count("\n", 0, match.start())
                c.add(page.path, line, "pack-markdown", f"the training packs cannot print {construct}")
