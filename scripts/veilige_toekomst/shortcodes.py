"""Shortcodes in HTML comments (`<!-- quote q07 -->`), resolved from the content model at build time."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from .content import Content
from .findings import Finding
from .pages import Page

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
    directory_urls: bool = True
    """False for the offline edition, whose pages are files (see urls.py)."""

    def ui(self, key: str, **values: object) -> str:
        return self.content.ui(self.lang, key, **values)


T = TypeVar("T")
Handler = Callable[[Context, list[str]], str]
HANDLERS: dict[str, Handler] = {}


def shortcode(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        HANDLERS[name] = handler
        return handler

    return register


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


def handlers() -> dict[str, Handler]:
    """All shortcodes; each module registers its own with @shortcode when imported."""
    from . import assessment_shortcodes, figure_shortcodes, page_shortcodes, quote_shortcodes, quizzes, site_organisation, site_search  # noqa: F401
    from .packs import site as packs_site  # noqa: F401

    return HANDLERS


def resolve(content: Content, page: Page, lang: str, markdown: str | None = None,
            overrides: dict[str, Handler] | None = None, directory_urls: bool = True) -> tuple[str, list[Finding]]:
    """Replace every shortcode in the page; unknown names and ids become findings with file:line.

    `overrides` swaps some handlers for another output (the training packs print a quote differently).
    """
    text = page.body if markdown is None else markdown
    ctx = Context(content, page, lang, directory_urls)
    findings: list[Finding] = []

    def replace(match: re.Match[str]) -> str:
        name, args = match["name"], match["args"].split()
        if name in NOT_OURS:
            return match[0]
        handler = (overrides or {}).get(name) or handlers().get(name)
        try:
            if handler is None:
                raise ShortcodeError(f"unknown shortcode '{name}' (known: {', '.join(sorted(handlers()))})")
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
