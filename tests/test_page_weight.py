"""Fast on a cheap phone: each page loads only what it uses, text never jumps while it loads, and the
site's font subset has every character the site writes. `make bench` measures the rest (Lighthouse,
first-load weight) against the targets."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from conftest import ROOT, html_pages
from veilige_toekomst.core.assets import FONT_FILES, FONTS
from veilige_toekomst.site import stylesheets

OWN_STYLESHEETS = ROOT / "overrides"
STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
SCRIPT_SRC = re.compile(r'<script src="([^"]+)"')
CLASS = re.compile(r'\bclass="([^"]*)"')
ID = re.compile(r'\bid="([^"]*)"')
JS_CLASS = re.compile(r"\bvt-[\w-]+")
RULE_PRELUDE = re.compile(r"([^{};]+)\{")
SELECTOR_NAME = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")
PAGE_TYPES = {
    "home": "",
    "context": "context/trauma/",
    "cycle": "context/cycle/",
    "pillar": "pillars/safety/",
    "area": "living-areas/housing/",
    "figures": "figures/",
    "quotes": "quotes/",
    "quiz": "quizzes/safety/",
    "self-assessment": "self-assessment/",
    "search": "search/",
}


def _linked(page_html: str) -> set[str]:
    return {href.rsplit("/", 1)[-1] for href in STYLESHEET_LINK.findall(page_html)}


def _names_on(page: Path, page_html: str) -> set[str]:
    """Class names and ids the page has, in its HTML or in the classes its own scripts give."""
    names = {f".{name}" for classes in CLASS.findall(page_html) for name in classes.split()}
    names |= {f"#{name}" for name in ID.findall(page_html)}
    for src in SCRIPT_SRC.findall(page_html):
        script = (page.parent / src).resolve()
        if "javascripts" in script.parts and script.is_file():
            names |= {f".{name}" for name in JS_CLASS.findall(script.read_text(encoding="utf-8"))}
    return names


def _selector_needs(uri: str) -> list[set[str]]:
    """Per selector of the stylesheet: the class names and ids (the theme's md-* aside) an element
    needs for the selector to match; selectors that name none of the site's own are left out."""
    text = re.sub(r"/\*.*?\*/", "", (OWN_STYLESHEETS / uri).read_text(encoding="utf-8"), flags=re.S)
    needs = []
    for prelude in RULE_PRELUDE.findall(text):
        if prelude.strip().startswith("@"):
            continue
        for selector in prelude.split(","):
            names = {kind + name for kind, name in SELECTOR_NAME.findall(selector) if not name.startswith("md-")}
            if names:
                needs.append(names)
    return needs


def test_page_specific_stylesheets_load_exactly_where_their_rules_can_match(site):
    needs = {uri: _selector_needs(uri) for uri in stylesheets.COMPONENTS}
    wrong = []
    for page in [*html_pages(site), site / "404.html"]:
        page_html = page.read_text(encoding="utf-8")
        names, linked = _names_on(page, page_html), _linked(page_html)
        for uri, selectors in needs.items():
            needed = any(selector <= names for selector in selectors)
            if needed != (uri.rsplit("/", 1)[-1] in linked):
                wrong.append(f"{page.relative_to(site)}: {uri} {'missing' if needed else 'loaded for nothing'}")
    assert not wrong, "\n".join(wrong)


def test_a_text_page_loads_no_page_specific_file_and_not_the_theme_palette(site):
    for page in ("index.html", "en/context/trauma/index.html", "404.html"):
        page_html = (site / page).read_text(encoding="utf-8")
        assert _linked(page_html) == {"main." + _theme_css_hash(site) + ".min.css", "veilige-toekomst.css"}, page
        assert not any("self-assessment" in src or "quotes-filter" in src for src in SCRIPT_SRC.findall(page_html))


def _theme_css_hash(site: Path) -> str:
    [main] = (site / "assets" / "stylesheets").glob("main.*.min.css")
    return main.name.split(".")[1]


def _text_of(page_html: str) -> str:
    """What the page can show: its text, the attribute values read out or shown (alt, title, labels,
    data the scripts display) and inline data and scripts (a superset: code is ASCII)."""
    values = re.findall(r'\s[\w:-]+="([^"]*)"', page_html)
    text = re.sub(r"<style\b.*?</style>|<svg\b.*?</svg>", " ", page_html, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text) + " ".join(values))


def test_the_font_subset_has_every_character_the_site_writes(site):
    """Every character of every page (and of the site's own scripts) that the full font has is in each
    subset font the site serves: no glyph falls back to another font. The subset is smaller."""
    used = set()
    for page in [*html_pages(site), site / "404.html"]:
        used |= set(_text_of(page.read_text(encoding="utf-8")))
    for script in (OWN_STYLESHEETS / "assets" / "javascripts").rglob("*.js"):
        used |= set(script.read_text(encoding="utf-8"))
    used = {char for char in used if not char.isspace()}
    assert {"é", "ë", "ï", "“", "”", "’", "–", "…"} <= used  # the text was read
    for name in FONT_FILES.values():
        full = set(map(chr, TTFont(FONTS / name).getBestCmap()))
        served = site / stylesheets.FONTS_URI / name
        subset = set(map(chr, TTFont(served).getBestCmap()))
        missing = sorted((used & full) - subset)
        assert not missing, f"{name} lacks {''.join(missing)!r} ({', '.join(f'U+{ord(c):04X}' for c in missing)})"
        assert served.stat().st_size < 0.7 * (FONTS / name).stat().st_size, name


LAYOUT_SHIFTS = """new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 1000);
})"""


@pytest.mark.parametrize("lang", ["", "en/"])
def test_nothing_moves_while_a_page_loads_on_a_slow_phone(browser, base_url, lang):
    """On a phone-sized screen over a slow line (fonts and scripts arrive late), the text stays where
    it was first drawn (cumulative layout shift ≤ 0.05, Lighthouse's "good" ends at 0.1)."""
    shifts = {}
    for name, path in PAGE_TYPES.items():
        context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
        page = context.new_page()
        network = context.new_cdp_session(page)
        network.send("Network.enable")
        network.send(  # Lighthouse's slow 4G: 150 ms, 1.6 Mbit/s down
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 94_000},
        )
        # "load" (fonts, styles, scripts in): networkidle can wait past the timeout on a busy 2-core
        # machine; LAYOUT_SHIFTS then watches one second more.
        page.goto(f"{base_url}/{lang}{path}", wait_until="load", timeout=120_000)
        shifts[name] = round(page.evaluate(LAYOUT_SHIFTS), 3)
        context.close()
    assert {name: shift for name, shift in shifts.items() if shift > 0.05} == {}
