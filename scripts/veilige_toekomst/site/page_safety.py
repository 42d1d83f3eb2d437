"""What keeps a visit safe, applied to each built page: a Content-Security-Policy that allows only
the site itself, no referrer, and absolute hreflang links for the online build. The server headers
(site/headers.py) take their policy from here, so the two never drift."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urljoin

INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>([^<]*(?:<(?!/script>)[^<]*)*)</script>"
)
"""A script written into the page, up to its first </script> (written out: a lazy .*? tries the closing
tag at every character of the script, four times slower over a page)."""
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">')
CHARSET = '<meta charset="utf-8">'


SHARED_POLICY = (
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
"""The directives that are the same on every page: in each page's <meta> policy and in the header policy."""
REFERRER_META = '<meta name="referrer" content="no-referrer">'
"""For hosts that cannot send a Referrer-Policy header: no address of a page read leaves the browser, not
by a link and not by the quick exit (on every page, the 404 pages too)."""


def content_security_policy(html: str) -> str:
    """Only the site's own files; the theme's few inline scripts are allowed by their hashes."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for body in INLINE_SCRIPT.findall(html)
        }
    )
    return "; ".join(["default-src 'self'", "script-src 'self' " + " ".join(hashes), *SHARED_POLICY])


def header_policy() -> str:
    """The Content-Security-Policy for a server header, sent alongside each page's <meta> policy (the
    browser enforces both): the shared directives plus `frame-ancestors 'none'`, which only a header
    can give, so no other site can frame a page and cover its quick-exit button. Without default-src
    and script-src, which depend on each page's inline scripts and stay in the page."""
    return "; ".join([*SHARED_POLICY, "frame-ancestors 'none'"])


def add_csp(html: str) -> str:
    """The page's <meta> Content-Security-Policy and no-referrer policy, right after its charset."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return html.replace(CHARSET, CHARSET + "\n    " + meta + "\n    " + REFERRER_META, 1)


def without_alternates(html: str) -> str:
    """For a page that is the same in every language (the 404 page): no alternates to point at."""
    return ALTERNATE.sub("", html)


def language_alternates(html: str, page_url: str, site_url: str | None) -> str:
    """Keep the hreflang alternates, absolute, out of the theme's reach; none when the site's address
    is not known (search engines read only absolute ones, and a guessed host would be wrong).

    The theme's script fetches `sitemap.xml` next to every `link[rel=alternate]` (made for versioned
    sites): for page-level alternates that is a 404 and, off the configured host, a request to another
    origin. The rel token list " alternate" means the same to browsers and search engines, but does not
    match the theme's exact `[rel=alternate]` selector.
    """
    if not site_url:
        return without_alternates(html)
    base = urljoin(site_url, page_url)

    def rewrite(match: re.Match[str]) -> str:
        return f'<link rel=" alternate" hreflang="{match[2]}" href="{urljoin(base, match[1])}">'

    return ALTERNATE.sub(rewrite, html)
