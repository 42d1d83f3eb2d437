"""Internal links and anchors in the Markdown sources, checked per language."""

from __future__ import annotations

import posixpath
import re

from markdown.extensions.toc import slugify

from .content import Content
from .findings import Finding
from .pages import Page

LINK = re.compile(r"(?<!!)\[(?:[^\]\[]|\[[^\]]*\])*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)(?:[ \t]*\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*$", re.M)
HTML_ID = re.compile(r"""\sid=["'](?P<id>[\w-]+)["']""")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def explicit_heading_ids(markdown: str) -> list[str]:
    return [m["id"] for m in HEADING.finditer(FENCE.sub("", markdown)) if m["id"]]


def anchors(markdown: str) -> set[str]:
    """Every id a page will have: headings (explicit or slugified) and ids in its HTML."""
    text = FENCE.sub("", markdown)
    found = {m["id"] or slugify(m["text"], "-") for m in HEADING.finditer(text)}
    return found | {m["id"] for m in HTML_ID.finditer(text)}


def check_links(content: Content, page: Page, lang: str, anchors_of) -> list[Finding]:
    """Findings for links written in the page that lead nowhere.

    `anchors_of(lang, src)` gives the anchors of a page after its shortcodes are resolved, or None
    when there is no such page. Links that shortcodes generate come from the model and are not checked here.
    """
    findings = []
    for match in LINK.finditer(FENCE.sub(lambda m: "\n" * m[0].count("\n"), page.body)):
        target = match["target"]
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
            continue  # external: checked apart, never blocking
        path, _, anchor = target.partition("#")
        line = page.line_of_body_offset(match.start())
        if path:
            src = posixpath.normpath(posixpath.join(posixpath.dirname(page.src), path))
            if not path.endswith(".md"):
                if not (content.project.docs_dir / src).exists():
                    findings.append(Finding(page.path, line, "link", f"'{target}' points to a file that does not exist"))
                continue
            target_anchors = anchors_of(lang, src)
            if target_anchors is None:
                findings.append(Finding(page.path, line, "link", f"'{target}' points to a page that does not exist"))
                continue
        else:
            target_anchors = anchors_of(lang, page.src)
        if anchor and anchor not in target_anchors:
            findings.append(Finding(page.path, line, "anchor", f"'{target}': no heading or element with id '{anchor}'"))
    return findings

