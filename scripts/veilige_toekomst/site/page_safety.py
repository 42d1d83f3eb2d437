"""What keeps a visit safe, applied to each built page: a Content-Security-Policy that allows only
the site itself, and absolute hreflang links for the online build."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urljoin

INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>", re.S
)
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">')
CHARSET = '<meta charset="utf-8">'


def content_security_policy(html: str) -> str:
    """Only the site's own files; the theme's few inline scripts are allowed by their hashes."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for body in INLINE_SCRIPT.findall(html)
        }
    )
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(hashes),
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def add_csp(html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return html.replace(CHARSET, CHARSET + "\n    " + meta, 1)


def without_alternates(html: str) -> str:
    """For a page that is the same in every language (the 404 page): no alternates to point at."""
    return ALTERNATE.sub("", html)


def language_alternates(html: str, page_url: str, site_url: str | None) -> str:
    """Keep the hreflang alternates, absolute when the site's address is known, out of the theme's reach.

    The theme's script fetches `sitemap.xml` next to every `link[rel=alternate]` (made for versioned
    sites): for page-level alternates that is a 404 and, off the configured host, a request to another
    origin. The rel token list " alternate" means the same to browsers and search engines, but does not
    match the theme's exact `[rel=alternate]` selector.
    """
    base = urljoin(site_url, page_url) if site_url else None

    def rewrite(match: re.Match[str]) -> str:
        href = urljoin(base, match[1]) if base else match[1]
        return f'<link rel=" alternate" hreflang="{match[2]}" href="{href}">'

    return ALTERNATE.sub(rewrite, html)
