"""Notes the site adds to a page that the Markdown does not carry."""

from __future__ import annotations

import html

from ..core.content import Content


def not_translated_notice(content: Content, lang: str) -> str:
    """The note on a page shown in the default language because it has no `lang` version yet."""
    texts = content.ui_strings.root.get("not_translated", {}) if content.ui_strings else {}
    shown = lang if texts.get(lang) else content.default_language
    return (
        f'<div class="admonition info vt-not-translated" lang="{shown}" role="note">\n'
        f"<p>{html.escape(content.ui(lang, 'not_translated'))}</p>\n</div>\n\n"
    )
