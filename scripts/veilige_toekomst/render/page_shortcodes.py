"""Shortcodes that draw on a page's own front matter and on the lists of pillars and areas."""

from __future__ import annotations

from ..core.content import area_meta, pillar_meta
from ..core.urls import relative_md
from .context import Context, ShortcodeError, no_args, one_arg, shortcode


def bullet_list(items: list[str], id_prefix: str, css: str) -> str:
    # md_in_html renders an item's Markdown only if the list is marked too; "span" keeps it inline
    lines = [f'<ul class="{css}" markdown>']
    lines += [f'<li id="{id_prefix}-{n}" markdown="span">{item}</li>' for n, item in enumerate(items, 1)]
    return "\n".join(lines + ["</ul>"])


@shortcode("focus")
def _focus(ctx: Context, args: list[str]) -> str:
    no_args(args, "focus")
    return f'<div class="vt-focus" markdown>\n**{ctx.ui("focus")}:** {pillar_meta(ctx.page).focus}\n</div>'


@shortcode("needs")
def _needs(ctx: Context, args: list[str]) -> str:
    no_args(args, "needs")
    return bullet_list(pillar_meta(ctx.page).needs, "need", "vt-needs")


@shortcode("protective-factors")
def _protective(ctx: Context, args: list[str]) -> str:
    no_args(args, "protective-factors")
    factors = pillar_meta(ctx.page).protective_factors
    if not factors:
        raise ShortcodeError("this page has no protective_factors in its front matter")
    return bullet_list(factors, "factor", "vt-factors")


@shortcode("conditions")
def _conditions(ctx: Context, args: list[str]) -> str:
    no_args(args, "conditions")
    return bullet_list(area_meta(ctx.page).conditions, "condition", "vt-needs")


@shortcode("overview")
def _overview(ctx: Context, args: list[str]) -> str:
    which = one_arg(args, "overview")
    pages = {"pillars": ctx.content.pillars, "living-areas": ctx.content.living_areas}.get(which)
    if pages is None:
        raise ShortcodeError(f"overview of '{which}' is unknown (use pillars or living-areas)")
    cards = []
    for page in pages(ctx.lang):
        meta = page.numbered
        summary = getattr(meta, "focus", None) or meta.description
        link = relative_md(ctx.page.src, page.src)
        cards.append(f"-   **[{meta.number}. {meta.title}]({link})**\n\n    {summary}")
    return '<div class="grid cards vt-overview" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"
