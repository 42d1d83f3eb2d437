"""The content rules: each reads the model and reports findings; none changes it or renders a page.

Rules that need a page rendered (shortcodes, links, anchors) are in `render.validate`.
"""

from __future__ import annotations

from ..core.content import Content
from ..core.findings import Collector, Finding
from . import content, local_pages, pack_markdown, pack_texts, page_markup, quizzes, style


def check_content(model: Content) -> list[Finding]:
    """Every finding of every rule on `model` (see `checks.rules` for the ids), in no particular order."""
    collector = Collector()
    for check in (
        content.check_page_parity,
        content.check_numbering,
        content.check_quotes,
        content.check_statistics,
        content.check_ui_strings,
        content.check_plurals,
        content.check_usage,
        pack_texts.check_pack_texts,
        pack_markdown.check_pack_markdown,
        local_pages.check_local_pages,
        page_markup.check_page_markup,
        style.check_address_form,
        style.check_voices_heading,
    ):
        check(model, collector)
    collector.extend(quizzes.quiz_findings(model))
    return collector.findings
