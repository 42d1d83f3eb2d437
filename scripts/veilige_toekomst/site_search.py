"""Search that stays in the reader's language and works offline: one small index per language.

The index is a script (not JSON fetched at run time) so that it loads from file:// too, and the
search page loads it only when someone searches.
"""

from __future__ import annotations

import json
import re
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

from .shortcodes import Context, no_args, shortcode

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
SKIP_TAGS = {"script", "style", "svg", "button", "form", "nav"}
TEXT_LIMIT = 6000
"""Characters of body text kept per page: enough to find it, small enough for phones."""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.headings: list[str] = []
        self._skip = 0
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self._skip += 1
        elif tag in ("h2", "h3"):
            self._heading = []

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag in ("h2", "h3") and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data):
        if self._skip:
            return
        self.parts.append(data)
        if self._heading is not None:
            self._heading.append(data)


def entry(html: str, url: str, title: str) -> dict[str, object] | None:
    """A page's searchable text, or None for pages without an article (e.g. the 404 page)."""
    match = ARTICLE.search(html)
    if not match:
        return None
    parser = _Text()
    parser.feed(match[1])
    text = " ".join(unescape(" ".join(parser.parts)).split())
    return {"url": url, "title": title, "headings": [h for h in parser.headings if h], "text": text[:TEXT_LIMIT]}


def write_index(site_dir: Path, lang: str, entries: list[dict[str, object]]) -> Path:
    target = site_dir / "assets" / "search" / f"index.{lang}.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(sorted(entries, key=lambda e: str(e["url"])), ensure_ascii=False, separators=(",", ":"))
    target.write_text(f"window.vtSearchIndex = window.vtSearchIndex || {{}};\nwindow.vtSearchIndex[{json.dumps(lang)}] = {data};\n",
                      encoding="utf-8")
    return target


@shortcode("search-form")
def _search_form(ctx: Context, args: list[str]) -> str:
    no_args(args, "search-form")
    attrs = " ".join(
        f'data-vt-{key}="{escape(ctx.ui(key), quote=True)}"' for key in ("search_results", "search_no_results")
    )
    return (
        f'<form class="vt-search" role="search" method="get" {attrs}>\n'
        f'<label for="vt-search-input">{escape(ctx.ui("search_label"))}</label>\n'
        f'<div class="vt-search__row"><input id="vt-search-input" type="search" name="q" autocomplete="off">'
        f' <button type="submit" class="md-button md-button--primary">{escape(ctx.ui("search"))}</button></div>\n'
        f"</form>\n"
        f'<p class="vt-search__status" role="status" aria-live="polite"></p>\n'
        f'<ol class="vt-search__results"></ol>\n'
        f'<noscript><p>{escape(ctx.ui("search_needs_js"))}</p></noscript>'
    )
