"""HTML to PDF with the project's look: A4, the bundled font, tagged, reproducible.

The one place that calls WeasyPrint. Used by the training packs and the self-assessment's report.

    from veilige_toekomst.print import pdf
    result = pdf.render_pdf(html, base_url=folder, lang="nl", title="…", author="…",
                            page_label=content.ui("nl", "pdf_page_of"))
    pdf.write_pdf(path, result.data)

The HTML brings its own layout and links `print-base.css` (see `stylesheet_tags()`); this module adds
the font, the "page X of Y" footer and the document metadata. Headings or other elements that set
`string-set: running-title content()` fill the running header (print-base.css).
"""

from __future__ import annotations

import html as html_lib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import jinja2

from ..core.assets import FONT_FAMILY, FONT_FILES, FONTS
from ..core.io import write_atomically

TEMPLATES = Path(__file__).resolve().parent / "templates"
BASE_CSS = TEMPLATES / "print-base.css"
PDF_VARIANT = "pdf/ua-1"
"""Tagged PDF (structure tree, document language and title shown) for screen readers."""


def templates() -> jinja2.Environment:
    """The Jinja2 environment for the print templates (templates/): autoescaped, strict about names."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


class Pdf(NamedTuple):
    data: bytes
    pages: int


def source_date() -> datetime | None:
    """The build date from SOURCE_DATE_EPOCH (reproducible builds), or None when it is not set."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be seconds since 1970, got '{value}'")
    return datetime.fromtimestamp(int(value), tz=UTC)


def font_css() -> str:
    """@font-face rules for the bundled font, with absolute file URLs (no network, no system fonts)."""
    rules = []
    for (weight, style), name in FONT_FILES.items():
        path = FONTS / name
        if not path.is_file():
            raise FileNotFoundError(f"bundled font missing: {path}")
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; font-style: {style}; '
            f'src: url("{path.as_uri()}") format("woff2"); }}'
        )
    return "\n".join(rules)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_label_css(page_label: str) -> str:
    """The footer, e.g. "pagina {page} van {pages}" -> `content: "pagina " counter(page) …`."""
    parts = []
    for chunk in page_label.replace("{pages}", "\0pages\0").replace("{page}", "\0page\0").split("\0"):
        if chunk in ("page", "pages"):
            parts.append(f"counter({chunk})")
        elif chunk:
            parts.append(_css_string(chunk))
    return f"@page {{ @bottom-right {{ content: {' '.join(parts)}; }} }}"


def svg_in_font(html: str) -> str:
    """Inline SVG (the site's charts) set in the bundled font: WeasyPrint's SVG text does not inherit
    the page's font, and would otherwise fall back to a system font."""
    return html.replace("<svg ", f'<svg font-family="{FONT_FAMILY}, sans-serif" ')


def stylesheet_tags(*extra: Path) -> str:
    """<link> tags for print-base.css and any further stylesheets, to put in the HTML <head>."""
    return "\n".join(f'<link rel="stylesheet" href="{html_lib.escape(p.as_uri())}">' for p in (BASE_CSS, *extra))


def render_pdf(
    html: str,
    base_url: Path,
    lang: str,
    title: str,
    author: str,
    page_label: str = "{page} / {pages}",
    created: datetime | None = None,
) -> Pdf:
    """Render `html` to PDF bytes: same input, same bytes.

    base_url: folder that relative URLs (images, logos) resolve against.
    lang, title, author: document metadata (override what the HTML says).
    page_label: footer text with {page} and {pages}, already in `lang`.
    created: creation date written into the PDF; default SOURCE_DATE_EPOCH, else no date at all.
    """
    # Imported here: WeasyPrint is slow to import and only needed when a PDF is made.
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = weasyprint.CSS(string=font_css() + "\n" + page_label_css(page_label), font_config=fonts)
    document = weasyprint.HTML(string=html, base_url=str(base_url)).render(stylesheets=[css], font_config=fonts)
    document.metadata.title = title
    document.metadata.authors = [author]
    document.metadata.lang = lang
    document.metadata.generator = "Veilige Toekomst"
    when = created or source_date()
    stamp = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if when else None
    document.metadata.created = document.metadata.modified = stamp
    return Pdf(document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages))


def write_pdf(path: Path, data: bytes) -> None:
    """Write atomically: a failed or interrupted run keeps the earlier file."""
    write_atomically(path, data)
