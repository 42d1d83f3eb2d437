"""A quotation as a figure: the child's words, who said it, the booklet as source."""

from __future__ import annotations

from html import escape

from .content import Content
from .models import Quote
from .urls import relative_url

QUOTES_PAGE = "quotes/index.md"


def attribution(content: Content, quote: Quote, lang: str) -> str:
    """E.g. "meisje in de vrouwenopvang, 14 jaar" / "girl in a women's shelter, aged 14"."""
    text = f"{content.ui(lang, 'speaker_' + quote.speaker)} {content.ui(lang, 'setting_' + quote.setting)}"
    if quote.age is not None:
        text += ", " + content.ui(lang, "age", age=quote.age)
    return text


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(' '.join(part.split()))}</p>" for part in text.split("\n\n") if part.strip())


def age_group(quote: Quote) -> str:
    if quote.age is None:
        return "adult"
    return "0-11" if quote.age < 12 else "12-18"


def render(content: Content, quote: Quote, lang: str, from_src: str, permalink: bool = False) -> str:
    """HTML for one quote; on a page in another language than Dutch, our translation plus the original."""
    original = content.default_language
    translated = lang != original and lang in quote.text
    shown = quote.text[lang] if translated else quote.text[original]
    who = escape(attribution(content, quote, lang))
    source = escape(content.ui(lang, "source_booklet"))
    if permalink:
        who = f'<a href="#{quote.id}">{who}</a>'
    else:
        who = f'<a href="{relative_url(from_src, QUOTES_PAGE, quote.id)}">{who}</a>'
    caption = f"{who} — {source}"
    # Dutch words on a page in another language carry lang="nl" for screen readers.
    lang_attr = f' lang="{original}"' if lang != original and not translated else ""
    parts = [f"<blockquote{lang_attr}>{paragraphs(shown)}</blockquote>"]
    if translated:
        caption += f" · <span class=\"vt-translated\">{escape(content.ui(lang, 'translated_from_dutch'))}</span>"
        parts.append(
            f'<details class="vt-original"><summary>{escape(content.ui(lang, "dutch_original"))}</summary>'
            f'<blockquote lang="{original}">{paragraphs(quote.text[original])}</blockquote></details>'
        )
    attrs = f' id="{quote.id}"' if permalink else ""
    data = (
        f' data-quote="{quote.id}" data-setting="{quote.setting}" data-age-group="{age_group(quote)}"'
        f' data-themes="{" ".join(quote.themes)}"'
    )
    return f'<figure class="vt-quote"{attrs}{data}>{"".join(parts)}<figcaption>{caption}</figcaption></figure>'
