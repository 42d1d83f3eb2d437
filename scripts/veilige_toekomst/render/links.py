"""Internal links and anchors in the Markdown sources, checked per language."""

from __future__ import annotations

import posixpath
import re

from ..core.content import Content
from ..core.findings import Finding
from ..core.markdown_syntax import LINK, without_fences
from ..core.pages import Page


def check_links(content: Content, page: Page, lang: str, anchors_of) -> list[Finding]:
    """Findings for links written in the page that lead nowhere.

    `anchors_of(lang, src)` gives the anchors of a page after its shortcodes are resolved, or None
    when there is no such page. Links that shortcodes generate come from the model and are not checked here.
    """
    findings = []
    for match in LINK.finditer(without_fences(page.body)):
        target = match["target"]
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
            continue  # external: checked apart, never blocking
        path, _, anchor = target.partition("#")
        line = page.line_of_body_offset(match.start())
        if path:
            src = posixpath.normpath(posixpath.join(posixpath.dirname(page.src), path))
            if not path.endswith(".md"):
                if not (content.project.docs_dir / src).exists():
                    findings.append(
                        Finding(page.path, line, "link", f"'{target}' points to a file that does not exist")
                    )
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
