"""Content rules about how the site speaks, each with an id (run with the others by checks.check_content).

- `address-form`: the Dutch site addresses its reader with *je* (jij, jouw), on every page, in every
  interface string and in the training packs. A Dutch text that says *u* or *uw* to the reader is a
  finding. Quotations are not checked: they are the booklet's words and are never typed into a page.
- `voices-heading`: a section headed "In de woorden van kinderen" / "In children's words" holds
  children's quotes only. A quote whose speaker is `professional` (docs/quotes/quotes.yml) under such a
  heading is a finding: show it elsewhere on the page, with a sentence that says who is speaking.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..core.content import Content
from ..core.findings import Collector
from ..core.markdown_syntax import FENCE, used_ids

ADDRESS_LANGUAGE = "nl"

# "u", "uw", "uzelf" as whole words (not "u-bocht", not a path or a file name such as "u.svg").
ADDRESS = re.compile(r"(?<![\w'’/.\-])(u|uw|uzelf)(?![\w'’/\-]|\.\w)", re.I)
# Text that is not prose addressed to the reader: fenced code, inline code, HTML comments (shortcodes),
# tags and their attributes, link targets, attribute lists such as {#id .class}.
NOT_PROSE = re.compile(r"`[^`\n]*`|<!--.*?-->|<[^>\n]*>|\]\([^)\n]*\)|\{[#.:][^}\n]*\}|https?://\S+", re.S)

VOICES_HEADING = re.compile(
    r"^(?P<hashes>#{1,6})\s+(?P<text>(?:In de woorden van kinderen|In children['’]s words)\b[^{\n]*)", re.I
)
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s")


def _blank(match: re.Match[str]) -> str:
    """Blank out a match but keep its line breaks, so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match[0])


def _address_words(text: str) -> list[str]:
    return [m[0] for m in ADDRESS.finditer(NOT_PROSE.sub(_blank, text))]


def _message(words: list[str]) -> str:
    shown = ", ".join(dict.fromkeys(f"'{w}'" for w in words))
    return f"{shown}: the reader is addressed as 'u'; the Dutch site says 'je' (jij, jouw) everywhere"


def _strings(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _strings(item, loc + (index,))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))


def _dutch_texts(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """The Dutch side of every {nl: ..., en: ...} text in a data file."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from _dutch_texts(item, loc + (index,))
    elif isinstance(data, dict):
        for key, value in data.items():
            if key == ADDRESS_LANGUAGE and isinstance(value, str):
                yield loc + (key,), value
            else:
                yield from _dutch_texts(value, loc + (key,))


def check_address_form(content: Content, c: Collector) -> None:
    """`address-form`: Dutch pages (front matter and text), interface strings and pack texts say 'je'."""
    if ADDRESS_LANGUAGE not in content.languages:
        return
    for page in content.pages.values():
        if page.lang != ADDRESS_LANGUAGE:
            continue
        for loc, text in _strings(page.located.data):
            words = _address_words(text)
            if words:
                c.add(page.path, page.located.line_of(loc), "address-form", _message(words))
        body = NOT_PROSE.sub(_blank, FENCE.sub(_blank, page.body))
        for number, line in enumerate(body.splitlines(), page.body_line):
            words = _address_words(line)
            if words:
                c.add(page.path, number, "address-form", _message(words))
    if content.ui_strings is not None and content.ui_located is not None:
        for key, texts in content.ui_strings.root.items():
            words = _address_words(texts.get(ADDRESS_LANGUAGE) or "")
            if words:
                c.add(
                    content.ui_located.path,
                    content.ui_located.line_of((key, ADDRESS_LANGUAGE)),
                    "address-form",
                    f"interface string '{key}': {_message(words)}",
                )
    located = content.pack_texts_located  # read once with the rest of the content; None without packs
    if located is not None:
        for loc, text in _dutch_texts(located.data):
            words = _address_words(text)
            if words:
                c.add(located.path, located.line_of(loc), "address-form", _message(words))


def check_voices_heading(content: Content, c: Collector) -> None:
    """`voices-heading`: no professional's quote in a section headed with children's words."""
    speakers = {quote.id: quote.speaker for quote in content.quotes}
    for page in content.pages.values():
        sections: list[tuple[int, int, str]] = []  # (first line, last line, heading text) in file lines
        open_section: tuple[int, int, str] | None = None
        lines = FENCE.sub(_blank, page.body).splitlines()
        for number, line in enumerate(lines, page.body_line):
            heading = HEADING.match(line)
            if heading and open_section and len(heading["hashes"]) <= open_section[1]:
                sections.append((open_section[0], number - 1, open_section[2]))
                open_section = None
            voices = VOICES_HEADING.match(line)
            if voices:
                open_section = (number, len(voices["hashes"]), voices["text"].strip())
        if open_section:
            sections.append((open_section[0], page.body_line + len(lines), open_section[2]))
        if not sections:
            continue
        for quote_id, quote_line in used_ids(page, "quote"):
            if speakers.get(quote_id) != "professional":
                continue
            for first, last, text in sections:
                if first < quote_line <= last:
                    c.add(
                        page.path,
                        quote_line,
                        "voices-heading",
                        f"{quote_id} is a professional's quote (speaker: professional) under the heading '{text}'; "
                        "show it elsewhere on the page, or give it a heading that does not say children",
                    )
