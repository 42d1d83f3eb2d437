"""`make readability`: how plain each page's prose is, Dutch and English side by side. A report, not a gate.

Dutch: Flesch–Douma; English: Flesch reading ease (both from textstat). Higher is easier; about 60–70 is
plain language, below 50 is hard going. Only our own prose counts: headings, tables, code, navigation and
the children's quotations (their words, not ours) are left out; a list item counts as a sentence.
"""

from __future__ import annotations

import argparse
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from .common import build, pages, print_table, url_of

SKIPPED_TAGS = {"script", "style", "code", "pre", "table", "nav", "svg", "h1", "h2", "h3", "h4", "h5", "h6"}
SKIPPED_CLASSES = {"vt-quote", "vt-original", "vt-print-meta", "md-content__button", "headerlink"}
BLOCKS = {"p", "li", "dd", "dt", "figcaption", "summary", "blockquote", "div", "section", "td", "th"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
MIN_WORDS = 30
"""Below this a score says nothing."""


class _Prose(HTMLParser):
    """The prose of a page's article, one string per block, each ending as a sentence."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, inside the article and not skipped)
        self.blocks: list[str] = []
        self.current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text if text[-1] in ".!?:;" else text + ".")
        self.current = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        counted = self.stack[-1][1] if self.stack else False
        if tag == "article" and "md-content__inner" in classes:
            counted = True
        if tag in SKIPPED_TAGS or classes & SKIPPED_CLASSES:
            counted = False
        if tag in BLOCKS:
            self._flush()
        if tag not in VOID:
            self.stack.append((tag, counted))

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._flush()
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if self.stack and self.stack[-1][1]:
            self.current.append(data)


def prose(page: Path) -> str:
    parser = _Prose()
    parser.feed(page.read_text(encoding="utf-8"))
    parser._flush()
    return " ".join(parser.blocks)


def _without_downloads():
    """textstat looks English syllables up in NLTK's CMU dictionary, which it would download at run time;
    nothing is fetched here, so it counts them with pyphen's en_US hyphenation, as it does for Dutch."""
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = lambda lang: None


def score(text: str, lang: str) -> tuple[int, str]:
    """(words, Flesch reading ease in the language's variant) of a text."""
    import textstat

    _without_downloads()
    textstat.set_lang(lang)
    words = textstat.lexicon_count(text)
    return words, (f"{textstat.flesch_reading_ease(text):.0f}" if words >= MIN_WORDS else "—")


def report(site: Path, languages: tuple[str, str] = ("nl", "en")) -> None:
    default, other = languages
    rows = []
    for page in pages(site):
        relative = page.relative_to(site)
        if relative.parts[0] == other:
            continue
        translated = site / other / relative
        nl_words, nl_score = score(prose(page), default)
        en_words, en_score = score(prose(translated), other) if translated.exists() else (0, "missing")
        rows.append([url_of(site, page), str(nl_words), nl_score, str(en_words), en_score])
    print_table(
        "Readability of our own prose (higher is easier; 60–70 is plain language, under 50 is hard)",
        ["page", "words nl", "Flesch–Douma nl", "words en", "Flesch en"],
        rows,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    args = parser.parse_args()
    if args.site:
        report(args.site)
        return
    with tempfile.TemporaryDirectory(prefix="vt-readability-") as tmp:
        build(Path.cwd(), Path(tmp) / "site")
        report(Path(tmp) / "site")


if __name__ == "__main__":
    main()
