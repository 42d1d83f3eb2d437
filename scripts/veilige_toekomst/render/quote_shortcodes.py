"""Shortcodes for the booklet's quotations: one quote on a page, and the quotes page with all of them."""

from __future__ import annotations

from html import escape
from typing import get_args

from ..core.markdown_syntax import used_ids
from ..core.models import Quote
from ..core.pages import Page
from ..core.urls import relative_url
from . import quotes
from .context import Context, ShortcodeError, asset_url, lookup, no_args, one_arg, shortcode

FILTER_SCRIPT = "assets/javascripts/quotes-filter.js"
SETTINGS: tuple[str, ...] = get_args(Quote.model_fields["setting"].annotation)


@shortcode("quote")
def _quote(ctx: Context, args: list[str]) -> str:
    quote_id = one_arg(args, "quote")
    quote = lookup(ctx.content.quotes_by_id, quote_id, "quote", "docs/quotes/quotes.yml")
    if [used for used, _ in used_ids(ctx.page, "quote")].count(quote_id) > 1:
        raise ShortcodeError(f"quote {quote_id} is shown more than once on this page (its id must be unique)")
    return quotes.render(
        ctx.content, quote, ctx.lang, relative_url(ctx.page.src, quotes.QUOTES_PAGE, quote.id, ctx.directory_urls)
    )


@shortcode("quotes-collection")
def _collection(ctx: Context, args: list[str]) -> str:
    """Every quote, grouped by its first theme, with filters that a script switches on (quotes-filter.js)."""
    no_args(args, "quotes-collection")
    themes = {page.numbered.id: page for page in ctx.content.pillars(ctx.lang) + ctx.content.living_areas(ctx.lang)}
    groups = []
    for theme, page in themes.items():
        cards = [_card(ctx, quote, themes) for quote in ctx.content.quotes if quote.themes[0] == theme]
        if cards:
            groups.append(
                f'<section class="vt-quotes-group" aria-labelledby="theme-{theme}" data-vt-quotes-group>'
                f'<h2 id="theme-{theme}">{escape(_theme_heading(ctx, page))}</h2>{"".join(cards)}</section>'
            )
    # The script reads the count messages from here, so it needs no strings of its own.
    messages = f'data-shown="{escape(ctx.plural_forms("quotes_shown"))}" data-shown-none="{escape(ctx.ui("quotes_shown_none"))}"'
    status = escape(ctx.ui_count("quotes_shown", len(ctx.content.quotes)))
    return "\n".join(
        [
            f'<div class="vt-quotes" data-vt-quotes {messages}>',
            _filters(ctx, themes),
            f'<p class="vt-quotes-status" role="status" data-vt-quotes-status>{status}</p>',
            *groups,
            "</div>",
            f'<script src="{asset_url(ctx, FILTER_SCRIPT)}" defer></script>',
        ]
    )


def _theme_heading(ctx: Context, page: Page) -> str:
    """E.g. "Pijler 1: Veiligheid" (the interface strings are named after the page kinds)."""
    return f"{ctx.ui(page.kind)} {page.numbered.number}: {page.meta.title}"


def _card(ctx: Context, quote: Quote, themes: dict[str, Page]) -> str:
    """A quote on the quotes page: filter data, where it stands, its themes, and a link to itself."""
    location = f"{quote.location}.md"
    page = ctx.content.page(ctx.lang, location)
    if page is None:
        raise ShortcodeError(f"quote {quote.id}: no page '{quote.location}' (see docs/quotes/quotes.yml)")
    theme_names = ", ".join(escape(themes[theme].meta.title) for theme in quote.themes if theme in themes)
    attrs = (
        f' data-setting="{quote.setting}" data-age-group="{quotes.age_group(quote)}"'
        f' data-themes="{" ".join(quote.themes)}"'
    )
    meta = (
        f'<span class="vt-quote-meta">'
        f'<span>{escape(ctx.ui("quotes_on_page"))}: <a href="{relative_url(ctx.page.src, location, quote.id, ctx.directory_urls)}">{escape(page.meta.title)}</a></span> '
        f"<span>{escape(ctx.ui('quotes_themes'))}: {theme_names}</span> "
        f'<a class="vt-quote-permalink" href="#{quote.id}">{escape(ctx.ui("quotes_permalink"))}</a>'
        f"</span>"
    )
    return quotes.render(ctx.content, quote, ctx.lang, extra_attrs=attrs, extra_caption=meta)


def _filters(ctx: Context, themes: dict[str, Page]) -> str:
    """Real form controls: two radio groups and a select. Hidden until the script runs."""
    age = _radios(
        ctx, "age", [("", "quotes_age_all")] + [(g, "quotes_age_" + g.replace("-", "_")) for g in quotes.AGE_GROUPS]
    )
    setting = _radios(ctx, "setting", [("", "quotes_setting_all")] + [(s, "quotes_setting_" + s) for s in SETTINGS])
    options = [f'<option value="">{escape(ctx.ui("quotes_theme_all"))}</option>']
    for kind, label in (("pillar", "quotes_pillars"), ("living_area", "quotes_living_areas")):
        options.append(f'<optgroup label="{escape(ctx.ui(label))}">')
        options += [
            f'<option value="{theme}">{escape(page.meta.title)}</option>'
            for theme, page in themes.items()
            if page.kind == kind
        ]
        options.append("</optgroup>")
    theme = (
        f'<div class="vt-quotes-theme"><label for="vt-quotes-theme">{escape(ctx.ui("quotes_theme"))}</label>'
        f'<select id="vt-quotes-theme" name="theme">{"".join(options)}</select></div>'
    )
    reset = f'<button type="button" class="md-button" data-vt-quotes-reset>{escape(ctx.ui("quotes_show_all"))}</button>'
    return (
        f'<form class="vt-quotes-filter" aria-label="{escape(ctx.ui("quotes_filter"))}" hidden data-vt-quotes-filter>'
        f"{age}{setting}{theme}{reset}</form>"
    )


def _radios(ctx: Context, name: str, choices: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<label><input type="radio" name="{name}" value="{value}"{" checked" if not value else ""}> '
        f"{escape(ctx.ui(key))}</label>"
        for value, key in choices
    )
    return f'<fieldset class="vt-quotes-{name}"><legend>{escape(ctx.ui("quotes_" + name))}</legend>{items}</fieldset>'
