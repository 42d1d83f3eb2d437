"""The search page's form and its script (loaded on this page only); the index is the site's (site/search.py)."""

from __future__ import annotations

from html import escape

from .context import Context, asset_url, no_args, shortcode

SEARCH_SCRIPT = "assets/javascripts/search.js"
"""It finds the search library and index from its own address (assets/search/)."""


@shortcode("search-form")
def _search_form(ctx: Context, args: list[str]) -> str:
    no_args(args, "search-form")
    attrs = (
        f'data-vt-search_results="{escape(ctx.plural_forms("search_results"), quote=True)}" '
        f'data-vt-search_no_results="{escape(ctx.ui("search_no_results"), quote=True)}" '
        f'data-vt-search_other_language="{escape(ctx.ui("search_other_language"), quote=True)}"'
    )
    return (
        f'<form class="vt-search" role="search" method="get" {attrs}>\n'
        f'<label for="vt-search-input">{escape(ctx.ui("search_label"))}</label>\n'
        f'<div class="vt-search__row"><input id="vt-search-input" type="search" name="q" autocomplete="off" autofocus>'
        f' <button type="submit" class="md-button md-button--primary">{escape(ctx.ui("search"))}</button></div>\n'
        f"</form>\n"
        f'<p class="vt-search__status" role="status" aria-live="polite"></p>\n'
        f'<ol class="vt-search__results"></ol>\n'
        f"<noscript><p>{escape(ctx.ui('search_needs_js'))}</p></noscript>\n"
        f'<script src="{asset_url(ctx, SEARCH_SCRIPT)}" defer></script>'
    )
