"""Shortcodes in HTML comments (`<!-- quote q07 -->`), resolved from the content model at build time."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import formatting, quotes
from .content import Content, area_meta, pillar_meta
from .findings import Finding
from .pages import Page
from .urls import relative_md

SHORTCODE = re.compile(r"<!--\s*(?P<name>[a-z][a-z-]*)(?P<args>(?:[ \t]+[^\s>]+)*)\s*-->")
NOT_OURS = {"mkdocs-quiz", "literal-ok"}
"""Comments that belong to mkdocs-quiz or mark a deliberate exception; left as they are."""


class ShortcodeError(Exception):
    pass


@dataclass(frozen=True)
class Context:
    content: Content
    page: Page
    lang: str
    """The language being built (the page may be the default language's fallback)."""

    def ui(self, key: str, **values: object) -> str:
        return self.content.ui(self.lang, key, **values)


Handler = Callable[[Context, list[str]], str]
HANDLERS: dict[str, Handler] = {}


def shortcode(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        HANDLERS[name] = handler
        return handler

    return register


def _no_args(args: list[str], name: str) -> None:
    if args:
        raise ShortcodeError(f"'{name}' takes no arguments, got {' '.join(args)}")


def _one_arg(args: list[str], name: str) -> str:
    if len(args) != 1:
        raise ShortcodeError(f"'{name}' takes one id, got {len(args)}")
    return args[0]


def bullet_list(items: list[str], id_prefix: str, css: str) -> str:
    lines = [f'<ul class="{css}">']
    lines += [f'<li id="{id_prefix}-{n}" markdown>{item}</li>' for n, item in enumerate(items, 1)]
    return "\n".join(lines + ["</ul>"])


@shortcode("focus")
def _focus(ctx: Context, args: list[str]) -> str:
    _no_args(args, "focus")
    return f'<div class="vt-focus" markdown>\n**{ctx.ui("focus")}:** {pillar_meta(ctx.page).focus}\n</div>'


@shortcode("needs")
def _needs(ctx: Context, args: list[str]) -> str:
    _no_args(args, "needs")
    return bullet_list(pillar_meta(ctx.page).needs, "need", "vt-needs")


@shortcode("protective-factors")
def _protective(ctx: Context, args: list[str]) -> str:
    _no_args(args, "protective-factors")
    factors = pillar_meta(ctx.page).protective_factors
    if not factors:
        raise ShortcodeError("this page has no protective_factors in its front matter")
    return bullet_list(factors, "factor", "vt-factors")


@shortcode("conditions")
def _conditions(ctx: Context, args: list[str]) -> str:
    _no_args(args, "conditions")
    return bullet_list(area_meta(ctx.page).conditions, "condition", "vt-needs")


@shortcode("overview")
def _overview(ctx: Context, args: list[str]) -> str:
    which = _one_arg(args, "overview")
    pages = {"pillars": ctx.content.pillars, "living-areas": ctx.content.living_areas}.get(which)
    if pages is None:
        raise ShortcodeError(f"overview of '{which}' is unknown (use pillars or living-areas)")
    cards = []
    for page in pages(ctx.lang):
        meta = page.meta
        summary = getattr(meta, "focus", None) or meta.description
        link = relative_md(ctx.page.src, page.src)
        cards.append(f"-   **[{meta.number}. {meta.title}]({link})**\n\n    {summary}")  # type: ignore[attr-defined]
    return f'<div class="grid cards vt-overview" markdown>\n\n' + "\n".join(cards) + "\n\n</div>"


@shortcode("quote")
def _quote(ctx: Context, args: list[str]) -> str:
    quote_id = _one_arg(args, "quote")
    quote = ctx.content.quotes_by_id.get(quote_id)
    if quote is None:
        raise ShortcodeError(f"unknown quote id '{quote_id}' (see docs/quotes/quotes.yml)")
    return quotes.render(ctx.content, quote, ctx.lang, ctx.page.src)


@shortcode("stat")
def _stat(ctx: Context, args: list[str]) -> str:
    stat_id = _one_arg(args, "stat")
    stat = ctx.content.statistics_by_id.get(stat_id)
    if stat is None:
        raise ShortcodeError(f"unknown figure id '{stat_id}' (see docs/figures/statistics.yml)")
    return formatting.statistic(stat, ctx.lang, ctx.ui)


def resolve(content: Content, page: Page, lang: str, markdown: str | None = None) -> tuple[str, list[Finding]]:
    """Replace every shortcode in the page; unknown names and ids become findings with file:line."""
    text = page.body if markdown is None else markdown
    ctx = Context(content, page, lang)
    findings: list[Finding] = []

    def replace(match: re.Match[str]) -> str:
        name, args = match["name"], match["args"].split()
        if name in NOT_OURS:
            return match[0]
        handler = HANDLERS.get(name)
        try:
            if handler is None:
                raise ShortcodeError(f"unknown shortcode '{name}' (known: {', '.join(sorted(HANDLERS))})")
            return handler(ctx, args)
        except (ShortcodeError, AssertionError) as exc:
            message = str(exc) or f"'{name}' does not belong on this kind of page"
            findings.append(Finding(page.path, page.line_of_body_offset(match.start()), "shortcode", message))
            return match[0]

    return SHORTCODE.sub(replace, text), findings


def used_ids(page: Page, name: str) -> list[tuple[str, int]]:
    """(id, line) of every `<!-- name id -->` in a page."""
    return [
        (match["args"].split()[0], page.line_of_body_offset(match.start()))
        for match in SHORTCODE.finditer(page.body)
        if match["name"] == name and match["args"].split()
    ]
