"""The browser tab's icon without a request of its own.

The theme links its own favicon (a PNG of the theme's logo, one more request on every first visit).
While mkdocs.yml keeps that default, each page carries the site's header icon (theme.icon.logo, an SVG
from the theme's icon set) in the site's colour as a data: URI instead; the CSP's img-src allows data:.
A fork that sets theme.favicon to its own file gets that file, linked as usual.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import quote

import material

from ..core.colours import DEFAULT_PRIMARY

THEME_FAVICON = "assets/images/favicon.png"
"""mkdocs-material's default for theme.favicon."""
ICONS = Path(material.__file__).parent / "templates" / ".icons"


def data_uri(config, primary: str | None) -> str | None:
    """`data:image/svg+xml,…` of the header icon filled with `primary` ("#rrggbb", default the site's
    colour), or None when the site sets its own favicon or its logo icon is not one of the theme's."""
    icon = config.theme.get("icon", {}).get("logo")
    if config.theme.get("favicon") != THEME_FAVICON or not icon:
        return None
    return _uri(str(icon), primary or DEFAULT_PRIMARY)


@cache
def _uri(icon: str, colour: str) -> str | None:
    path = ICONS / f"{icon}.svg"
    if not path.is_file():
        return None
    svg = path.read_text(encoding="utf-8").replace("<svg ", f'<svg fill="{colour}" ', 1)
    return "data:image/svg+xml," + quote(svg, safe="/:=,.-")
