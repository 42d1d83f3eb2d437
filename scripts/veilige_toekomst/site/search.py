"""Search that stays in the reader's language and works offline: one small index per language.

The index is a script (not JSON fetched at run time) so that it loads from file:// too, and the
search page loads it only when someone searches.
"""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

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
    target.write_text(
        f"window.vtSearchIndex = window.vtSearchIndex || {{}};\nwindow.vtSearchIndex[{json.dumps(lang)}] = {data};\n",
        encoding="utf-8",
    )
    return target
