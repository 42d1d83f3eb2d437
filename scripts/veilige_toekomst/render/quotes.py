"""A quotation as a figure: the child's words, who said it, the booklet as source."""

from __future__ import annotations

from html import escape

from ..core.content import Content
from ..core.models import Quote

QUOTES_PAGE = "quotes/index.md"
AGE_GROUPS = ("0-11", "12-18", "adult")
"""The age filter of the quotes page: children, young people, the adult professional."""


def attribution(content: Content, quote: Quote, lang: str) -> str:
    """E.g. "meisje in de vrouwenopvang, 14 jaar" / "girl in a women's shelter, aged 14"."""
    text = f"{content.ui(lang, 'speaker_' + quote.speaker)} {content.ui(lang, 'setting_' + quote.setting)}"
    if quote.age is not None:
        text += ", " + content.ui(lang, "age", age=quote.age)
    return text


def age_group(quote: Quote) -> str:
    if quote.age is None:
        return "adult"
    return "0-11" if quote.age < 12 else "12-18"


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(' '.join(part.split()))}</p>" for part in text.split("\n\n") if part.strip())


def render(
    content: Content,
    quote: Quote,
    lang: str,
    who_href: str | None = None,
    extra_attrs: str = "",
    extra_caption: str = "",
) -> str:
    """HTML for one quote; on a page in another language than Dutch, our translation plus the original.

    `who_href` makes the attribution a link; `extra_attrs` and `extra_caption` are trusted HTML the
    quotes page adds (filter data, the page the quote stands on, its themes, a permalink).
    """
    original = content.default_language
    translated = lang != original and lang in quote.text
    shown = quote.text[lang] if translated else quote.text[original]
    who = escape(attribution(content, quote, lang))
    if who_href:
        who = f'<a href="{who_href}">{who}</a>'
    caption = f'<span class="vt-quote-who">{who}</span> — {escape(content.ui(lang, "source_booklet"))}'
    # Dutch words on a page in another language carry lang="nl" for screen readers.
    lang_attr = f' lang="{original}"' if lang != original and not translated else ""
    parts = [f"<blockquote{lang_attr}>{paragraphs(shown)}</blockquote>"]
    if translated:
        caption += f' · <span class="vt-translated">{escape(content.ui(lang, "translated_from_dutch"))}</span>'
        parts.append(
            f'<details class="vt-original"><summary>{escape(content.ui(lang, "dutch_original"))}</summary>'
            f'<blockquote lang="{original}">{paragraphs(quote.text[original])}</blockquote></details>'
        )
    return (
        f'<figure class="vt-quote" id="{quote.id}"{extra_attrs}>{"".join(parts)}'
        f"<figcaption>{caption}{extra_caption}</figcaption></figure>"
    )
