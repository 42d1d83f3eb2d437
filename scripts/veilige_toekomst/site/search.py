"""Search that stays in the reader's language and works offline: lunr.js over one index per language.

Each page is indexed whole, one entry per part: the text before the first heading and each h2/h3
section, so a result links to `page/#id`. The index is a script (not JSON fetched at run time) so that
it loads from file:// too; the search page loads it, and the library, only when someone searches.
lunr.js and lunr-languages (the Dutch Snowball stemmer) come from node_modules (package.json pins them)
and are copied into the site here; lunr builds the index in the browser from these entries.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

from lxml import etree
from mkdocs.exceptions import Abort

ARTICLE = '<article class="md-content__inner md-typeset">'
"""Where a page's text begins; it ends at the next </article> (found with str.find: a lazy regex across
the whole page takes a quarter of the time of indexing it)."""
SKIP_TAGS = {"script", "style", "svg", "button", "form", "nav"}
BLOCK_TAGS = {"p", "li", "td", "th", "tr", "div", "br", "dd", "dt", "figcaption", "blockquote", "h1", "h4", "h5"}
"""Tags whose edges separate words even where the HTML has no space between them (table cells)."""
HYPHENATED = re.compile(r"\b\w+(?:-\w+)+\b")
LIBRARY = {
    "lunr.min.js": Path("lunr/lunr.min.js"),
    "lunr.stemmer.support.min.js": Path("lunr-languages/min/lunr.stemmer.support.min.js"),
}
"""Files copied from node_modules into assets/search/lib/, by their name there."""


def _stemmer(lang: str) -> Path:
    return Path(f"lunr-languages/min/lunr.{lang}.min.js")


class _Sections:
    """Splits an article into [id, heading, text] parts at each h2/h3 that has an id: the target of
    lxml's HTML parser (libxml2), which hands it each tag and each piece of text, entities decoded.
    lxml rather than the standard library's html.parser: the same parts, in half the time (a tenth of
    a second of every build)."""

    def __init__(self) -> None:
        self.sections: list[list] = [["", "", []]]
        self._skipping: list[str] = []
        """The tag that began the skipped part, once for each of its nestings."""
        self._heading: list[str] | None = None

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.append(tag)
        elif tag in SKIP_TAGS or "headerlink" in (attributes.get("class") or "").split():
            self._skipping.append(tag)
        elif tag in ("h2", "h3") and attributes.get("id"):
            self.sections.append([attributes["id"], "", []])
            self._heading = []
        elif tag in BLOCK_TAGS:
            self.data(" ")

    def end(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
        elif tag in ("h2", "h3") and self._heading is not None:
            self.sections[-1][1] = " ".join("".join(self._heading).split())
            self._heading = None
        elif tag in BLOCK_TAGS:
            self.data(" ")

    def data(self, data: str) -> None:
        if self._skipping:
            return
        if self._heading is not None:
            self._heading.append(data)
        else:
            self.sections[-1][2].append(data)

    def close(self) -> list[list]:
        return self.sections


def entries(html: str, url: str, title: str, description: str = "") -> list[dict[str, str]]:
    """A page's searchable parts, [] for pages without an article (e.g. the 404 page).

    Each part is {"u": url with "#id" for a section, "t": page title, "h": section heading ("" for the
    page's opening), "x": its text, "v": hyphenated words written together (psycho-educatie ->
    psychoeducatie), so that both spellings find it, "w": the same for the page title (ranked like the
    title)}; the opening also has "d", the page's description (its summary, ranked like a heading).
    Empty parts are left out.
    """
    start = html.find(ARTICLE)
    end = html.find("</article>", start + len(ARTICLE)) if start >= 0 else -1
    if end < 0:
        return []
    parser = etree.HTMLParser(target=_Sections())
    parser.feed(html[start + len(ARTICLE) : end])
    sections = parser.close()
    title_joined = _joined(title)
    found = []
    for anchor, heading, parts in sections:
        text = " ".join(unescape("".join(parts)).split())
        if anchor == "" and text.startswith(title):
            text = text[len(title) :].lstrip()  # the page's h1
        if not text and not heading:
            continue
        words = f"{heading} {text}" if anchor else f"{description} {text}"
        part = {"u": f"{url}#{anchor}" if anchor else url, "t": title, "h": heading, "x": text, "v": _joined(words)}
        if title_joined:
            part["w"] = title_joined
        found.append(part if anchor else {**part, "d": description})
    return found


def _joined(words: str) -> str:
    """The hyphenated words of `words` written together, once each whatever their case (a word repeated
    would outrank the page it belongs to)."""
    return " ".join({word.replace("-", "").lower(): None for word in HYPHENATED.findall(words)})


def write_index(site_dir: Path, node_modules: Path, lang: str, parts: list[dict[str, str]]) -> Path:
    """Write assets/search/index.<lang>.js (the parts, and which library scripts the language needs) and
    copy those scripts from `node_modules` into assets/search/lib/. Languages without a lunr-languages
    stemmer (and English, lunr's own) use lunr's defaults. Aborts the build if node_modules lacks lunr."""
    lib = site_dir / "assets" / "search" / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    files = dict(LIBRARY)
    if lang != "en" and (node_modules / _stemmer(lang)).exists():
        files[_stemmer(lang).name] = _stemmer(lang)
    else:
        files.pop("lunr.stemmer.support.min.js")
    for name, source in files.items():
        if not (node_modules / source).exists():
            raise Abort(f"search: {node_modules / source} is missing: run `npm ci` (package.json pins lunr)")
        shutil.copyfile(node_modules / source, lib / name)
    target = site_dir / "assets" / "search" / f"index.{lang}.js"
    data = {"lang": lang, "scripts": list(files), "docs": sorted(parts, key=lambda e: e["u"])}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    target.write_text(
        f"window.vtSearchIndex = window.vtSearchIndex || {{}};\nwindow.vtSearchIndex[{json.dumps(lang)}] = {text};\n",
        encoding="utf-8",
    )
    return target
