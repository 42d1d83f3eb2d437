"""The site's public address, in one place a fork sets without touching mkdocs.yml.

`SITE_URL` in the environment of `make build` / `mkdocs build` wins; otherwise the organisation file's
`site_url`; otherwise there is none, and the build names no address at all: no canonical link, relative
language links, no sitemap, no address at the foot of a printed page. The offline edition (file://,
use_directory_urls off) never has one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from ..core.content import Content
from ..core.organisation import site_url_problem

ENVIRONMENT = "SITE_URL"
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


class AddressError(ValueError):
    """SITE_URL in the environment is not an absolute http(s) address."""


def public_address(content: Content, environ: Mapping[str, str] = os.environ) -> str | None:
    """The site's address ending in '/', e.g. 'https://kennis.example.org/veilige-toekomst/', or None.

    Raises AddressError when SITE_URL is set but is not an absolute http(s) address.
    """
    given = environ.get(ENVIRONMENT, "").strip()
    if given:
        problem = site_url_problem(given)
        if problem:
            raise AddressError(f"{ENVIRONMENT}: {problem}")
    else:
        given = content.project.organisation.site_url or ""
    return (given.rstrip("/") + "/") if given else None


def configure(config, content: Content) -> None:
    """on_config: config.site_url from SITE_URL or the organisation file; none for the offline edition."""
    config.site_url = public_address(content) if config.use_directory_urls else None


def root_relative(link: str, site_url: str | None) -> str:
    """A language-switch link from the server root ('/en/', or with the site's path in front) as a path
    inside the site ('en/'), which the theme's `url` filter then makes relative to each page.

    The i18n plugin gives the home page's switch links from the server root, which miss a site served
    from a sub-folder or opened from disk. Other links are kept.
    """
    if not link.startswith("/"):
        return link
    base = urlsplit(site_url).path if site_url else "/"
    return link.removeprefix(base.rstrip("/")).lstrip("/") or "./"


def drop_sitemap_without_address(config) -> None:
    """on_post_build: a sitemap must list absolute addresses; without the site's address there is none."""
    if config.site_url:
        return
    for name in SITEMAPS:
        Path(config.site_dir, name).unlink(missing_ok=True)


def drop_source_maps(config) -> None:
    """on_post_build: the theme's source maps (*.map) are for its developers, not readers, and name
    their local test address; a published site leaves them out."""
    for path in Path(config.site_dir, "assets").rglob("*.map"):
        path.unlink()
