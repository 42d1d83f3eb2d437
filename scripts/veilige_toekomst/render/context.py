"""What a shortcode handler gets and may raise: the page being built, its language, the content.

Handlers are registered by name with @shortcode in their own modules; `render.shortcodes` resolves
them. This module imports no handler, so handlers can import it without a cycle.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from ..core.content import Content
from ..core.pages import Page
from ..core.urls import page_url


class ShortcodeError(Exception):
    pass


@dataclass(frozen=True)
class Context:
    content: Content
    page: Page
    lang: str
    """The language being built (the page may be the default language's fallback)."""
    directory_urls: bool = True
    """False for the offline edition, whose pages are files (see core/urls.py)."""
    expand: Callable[[Page, str], str] = field(default=lambda page, text: text, compare=False)
    """Resolves the shortcodes in a text written on `page` (quiz texts shown on another page)."""

    def ui(self, key: str, **values: object) -> str:
        return self.content.ui(self.lang, key, **values)

    def plural_forms(self, key: str) -> str:
        """Every plural form of `key` as JSON, for a script's data attribute (plural.js picks one)."""
        return json.dumps(self.content.plural_forms(self.lang, key), ensure_ascii=False)

    def ui_count(self, key: str, count: int, **values: object) -> str:
        """The plural form of `key` for `count` (core/plurals.py), with {n}/{count} and `values` filled in."""
        return self.content.ui_count(self.lang, key, count, **values)


T = TypeVar("T")
Handler = Callable[[Context, list[str]], str]
HANDLERS: dict[str, Handler] = {}


def shortcode(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        HANDLERS[name] = handler
        return handler

    return register


def asset_url(ctx: Context, path: str) -> str:
    """The relative URL of a theme asset ("assets/javascripts/x.js") from the page being rendered; pages
    in other languages than the default live one folder deeper."""
    depth = page_url(ctx.page.src, ctx.directory_urls).count("/") + (ctx.lang != ctx.content.default_language)
    return "../" * depth + path


def no_args(args: list[str], name: str) -> None:
    if args:
        raise ShortcodeError(f"'{name}' takes no arguments, got {' '.join(args)}")


def one_arg(args: list[str], name: str) -> str:
    if len(args) != 1:
        raise ShortcodeError(f"'{name}' takes one id, got {len(args)}")
    return args[0]


def lookup(items: Mapping[str, T], item_id: str, what: str, source: str) -> T:
    """The item with this id, or a finding that names the data file to look in."""
    found = items.get(item_id)
    if found is None:
        raise ShortcodeError(f"unknown {what} id '{item_id}' (see {source})")
    return found
