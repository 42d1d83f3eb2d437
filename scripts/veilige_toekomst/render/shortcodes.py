"""Shortcodes in HTML comments (`<!-- quote q07 -->`), resolved from the content model at build time.

Every handler module is imported here, so that importing this module registers them all.
"""

from __future__ import annotations

import re

from ..core.content import Content
from ..core.findings import Finding
from ..core.markdown_syntax import NOT_OURS, SHORTCODE
from ..core.pages import Page
from ..core.quizzes import Quiz
from . import (  # noqa: F401  (each registers its handlers with @shortcode)
    assessment_shortcodes,
    figure_shortcodes,
    organisation,
    packs,
    page_shortcodes,
    quizzes,
    quote_shortcodes,
    search,
)
from .context import HANDLERS, Context, Handler, ShortcodeError


def resolve(
    content: Content,
    page: Page,
    lang: str,
    markdown: str | None = None,
    overrides: dict[str, Handler] | None = None,
    directory_urls: bool = True,
) -> tuple[str, list[Finding]]:
    """Replace every shortcode in the page; unknown names and ids become findings with file:line.

    `markdown` is the page's body unless given; `overrides` swaps some handlers for another output
    (the training packs print a quote differently). Returns (Markdown, findings).
    """
    text = page.body if markdown is None else markdown
    findings: list[Finding] = []

    def expand(on: Page, inner: str) -> str:
        return resolve(content, on, on.lang, inner, overrides, directory_urls)[0]

    ctx = Context(content, page, lang, directory_urls, expand)

    def replace(match: re.Match[str]) -> str:
        name, args = match["name"], match["args"].split()
        if name in NOT_OURS:
            return match[0]
        handler = (overrides or {}).get(name) or HANDLERS.get(name)
        try:
            if handler is None:
                raise ShortcodeError(f"unknown shortcode '{name}' (known: {', '.join(sorted(HANDLERS))})")
            return handler(ctx, args)
        except (ShortcodeError, AssertionError) as exc:
            message = str(exc) or f"'{name}' does not belong on this kind of page"
            findings.append(Finding(page.path, page.line_of_body_offset(match.start()), "shortcode", message))
            return match[0]

    return SHORTCODE.sub(replace, text), findings


def quiz_markdown(content: Content, lang: str, module: str) -> Quiz | None:
    """The quiz of `module` in `lang` (or its fallback), its texts' shortcodes resolved: for outputs that
    show a quiz away from its page (export, training packs)."""
    quiz = content.quiz(lang, module)
    if quiz is None:
        return None
    page = content.pages[(quiz.lang, quiz.page + ".md")]
    return quizzes.resolved_quiz(
        Context(content, page, lang, expand=lambda on, text: resolve(content, on, on.lang, text)[0]), module
    )
