"""The whole check of a project: read it, apply every rule, render every page once.

`load_checked` is what `veilige-toekomst validate`, the exports, the packs and the site build start
from. Rendering belongs to the check because shortcodes (unknown names and ids) and links (to anchors
that shortcodes make) can only be judged on the rendered Markdown; the site reuses that Markdown
instead of rendering each page a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..checks import check_content
from ..core.content import Content, read_content
from ..core.findings import Collector, Finding
from ..core.markdown_syntax import anchors
from .links import check_links
from .shortcodes import resolve


@dataclass(frozen=True)
class Checked:
    content: Content
    markdown: dict[tuple[str, str], str]
    """Each page's Markdown with its shortcodes resolved, by (language built, source path); a language
    that lacks a page has the default language's page under its own code (the fallback)."""
    directory_urls: bool


def render_pages(content: Content, directory_urls: bool = True) -> tuple[dict[tuple[str, str], str], list[Finding]]:
    """Resolve every page in every language once and check its links: (Markdown by (lang, src), findings)."""
    findings: list[Finding] = []
    markdown: dict[tuple[str, str], str] = {}

    @cache
    def anchors_of(lang: str, src: str) -> set[str] | None:
        text = markdown.get((lang, src))
        if text is None:
            page = content.page(lang, src)
            if page is None:
                return None
            text = markdown[(lang, src)] = _resolve(lang, src)
        return anchors(text)

    def _resolve(lang: str, src: str) -> str:
        page = content.page(lang, src)
        assert page is not None
        text, found = resolve(content, page, lang, directory_urls=directory_urls)
        findings.extend(found)
        return text

    for lang in content.languages:
        for src in sorted({s for (_, s) in content.pages}):
            page = content.page(lang, src)
            if page is None:
                continue
            if (lang, src) not in markdown:
                markdown[(lang, src)] = _resolve(lang, src)
            if page.lang == lang or lang == content.default_language:
                findings.extend(check_links(content, page, lang, anchors_of))
    return markdown, findings


def load_checked(root: Path | None = None, directory_urls: bool = True) -> Checked:
    """Read the project at `root` (default: the folder holding mkdocs.yml, from here up), check every
    rule and render every page. Raises ContentError with every finding when anything is wrong."""
    collector = Collector()
    content = read_content(root, collector)
    collector.mark_causes()  # a file that does not read explains many findings after it: report it first
    collector.extend(check_content(content))
    markdown, findings = render_pages(content, directory_urls)
    collector.extend(findings)
    collector.raise_if_any()
    return Checked(content, markdown, directory_urls)
