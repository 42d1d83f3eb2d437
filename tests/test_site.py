"""The built site: strict build, both languages, links and anchors resolve in the HTML, print view."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import html_pages

ASSET_ATTRIBUTES = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "object": ("data",),
    "embed": ("src",),
    "use": ("href", "xlink:href"),
    "image": ("href",),
}
"""What a page loads or points to besides its links: styles, scripts, images, fonts, icons, alternates."""


class _LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.assets: list[str] = []
        self.ids: set[str] = set()
        self.lang = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang", "")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for name in ASSET_ATTRIBUTES.get(tag, ()):
            value = attrs.get(name) or ""
            refs = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
            self.assets += [ref for ref in refs if ref]


def parse(path: Path) -> _LinksAndIds:
    parser = _LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_both_languages_have_the_same_pages(site):
    pages = [p.relative_to(site).as_posix() for p in html_pages(site)]
    dutch = {p for p in pages if not p.startswith("en/")}
    english = {p.removeprefix("en/") for p in pages if p.startswith("en/")}
    assert dutch == english
    assert {
        "index.html",
        "pillars/safety/index.html",
        "living-areas/participation/index.html",
        "context/cycle/index.html",
        "glossary/index.html",
        "about/index.html",
    } <= dutch


def test_every_page_says_its_language(site):
    for path in html_pages(site):
        expected = "en" if path.relative_to(site).parts[0] == "en" else "nl"
        assert parse(path).lang == expected, path


def local_target(site: Path, base: str, ref: str):
    """(file in the built site, fragment) that `ref` on the page at `base` points to; None if external."""
    url = urlparse(urljoin(base, ref))
    if url.scheme or url.netloc:
        return None
    target = site / unquote(url.path).lstrip("/")
    if target.is_dir() or url.path.endswith("/"):
        target = target / "index.html"
    return target, url.fragment


def test_internal_links_and_anchors_resolve_in_the_built_html(site):
    parsed = {p: parse(p) for p in html_pages(site)}
    broken = []
    for path, page in parsed.items():
        base = "/" + path.relative_to(site).as_posix()
        for href in page.links:
            if (local := local_target(site, base, href)) is None:
                continue
            target, fragment = local
            if not target.exists():
                broken.append(f"{base}: {href}")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{base}: {href} (no id {fragment})")
    assert not broken, "\n".join(broken)


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")


def test_every_stylesheet_script_image_and_font_a_page_loads_exists(site):
    """Asset addresses in every HTML page (404 included), and fonts and images in every stylesheet."""
    missing = []
    for path in site.rglob("*.html"):
        base = "/" + path.relative_to(site).as_posix()
        missing += [
            f"{base}: {ref}"
            for ref in parse(path).assets
            if not ref.startswith("data:") and (local := local_target(site, base, ref)) and not local[0].exists()
        ]
    for path in site.rglob("*.css"):
        base = "/" + path.relative_to(site).as_posix()
        missing += [
            f"{base}: {ref}"
            for ref in CSS_URL.findall(path.read_text(encoding="utf-8"))
            if not ref.startswith(("data:", "#")) and (local := local_target(site, base, ref)) and not local[0].exists()
        ]
    assert not missing, "missing files:\n" + "\n".join(missing)


def test_shortcodes_are_resolved_everywhere(site):
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<!--\s*(quote|stat|needs|conditions|focus|overview)\b", html), path


def test_pillar_page_lists_its_needs_from_the_front_matter(site):
    html = (site / "en/pillars/stability-continuity/index.html").read_text()
    assert html.count('id="need-') == 4
    assert "Focus" in html


def test_quote_on_english_page_is_marked_as_translation_with_dutch_original(site):
    html = (site / "en/pillars/safety/index.html").read_text()
    figure = re.search(r'<figure class="vt-quote".*?</figure>', html, re.S)[0]
    assert "translated from Dutch" in figure
    assert '<blockquote lang="nl">' in figure
    assert "girl in a women&#x27;s shelter, aged 14" in figure or "girl in a women's shelter, aged 14" in figure


@pytest.mark.parametrize("url, lang", [("/", "nl"), ("/en/", "en")])
def test_home_shows_the_pillars_and_areas_as_cards(site, url, lang):
    html = (site / url.lstrip("/") / "index.html").read_text()
    grids = re.findall(r'<div class="grid cards vt-overview">(.*?)</div>', html, re.S)
    assert [grid.count("<li>") for grid in grids] == [6, 7]  # one card per pillar and per area
    assert len(re.findall(r'href="pillars/[a-z-]+/"', html)) >= 6


def test_the_build_takes_each_page_as_the_check_rendered_it():
    """mkdocs hands the hooks a page's text without the blank lines after its front matter; the hooks
    still take the check's rendering of that text instead of rendering the page a second time."""
    from types import SimpleNamespace

    from veilige_toekomst.render.validate import Checked
    from veilige_toekomst.site.hooks import _rendered

    source = SimpleNamespace(src="a.md", body="\n\nTekst <!-- x -->\n")
    checked = Checked(content=None, markdown={("nl", "a.md"): "\n\nTekst X\n"}, directory_urls=True)
    assert _rendered(checked, source, "nl", "Tekst <!-- x -->\n") == "Tekst X\n"
    assert _rendered(checked, source, "nl", source.body) == "\n\nTekst X\n"
    assert _rendered(checked, source, "nl", "ekst <!-- x -->\n") is None  # more than blank lines gone
    assert _rendered(checked, source, "en", source.body) is None
