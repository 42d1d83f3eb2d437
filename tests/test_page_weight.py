"""Fast on a cheap phone: each page loads only what it uses, text never jumps while it loads, and the
site's font subset has every character the site writes. `make bench` measures the rest (Lighthouse,
first-load weight) against the targets."""

from __future__ import annotations

import html
import re
import urllib.parse
from pathlib import Path

import material
import pytest
from fontTools.ttLib import TTFont
from mkdocs.exceptions import Abort
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import ROOT, html_pages
from veilige_toekomst.core.assets import FONT_FILES, FONTS
from veilige_toekomst.site import fonts, minify, node_scripts, stylesheets
from veilige_toekomst.site import theme_css as theme_css_module

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
    """The stylesheets a page links, by file name; a joined one ("figures+quotes.css") counts as each."""
    names = {href.rsplit("/", 1)[-1] for href in STYLESHEET_LINK.findall(page_html)}
    return {part if part.endswith(".css") else part + ".css" for name in names for part in name.split("+")}


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


def test_a_page_makes_one_request_for_its_own_styles_and_one_for_its_own_scripts(site):
    """Page-specific stylesheets arrive joined in one file, and so do the self-assessment's scripts:
    on a phone line every request costs a round trip."""
    common = {"veilige-toekomst.css", "veilige-toekomst.js"}
    over = {}
    for page in html_pages(site):
        page_html = page.read_text(encoding="utf-8")
        sheets = [h for h in STYLESHEET_LINK.findall(page_html) if "/main." not in h and not h.endswith(tuple(common))]
        scripts = [h for h in SCRIPT_SRC.findall(page_html) if "/bundle." not in h and not h.endswith(tuple(common))]
        if len(sheets) > 1 or len(scripts) > 1:
            over[str(page.relative_to(site))] = sheets + scripts
    assert over == {}
    assessment = (site / "self-assessment" / "index.html").read_text(encoding="utf-8")
    assert _linked(assessment) >= {"figures.css", "self-assessment.css"}


def test_the_tab_icon_costs_no_request(site):
    """The browser tab's icon travels inside the page: the site's header icon in the site's colour."""
    for page in ("index.html", "en/pillars/safety/index.html", "404.html"):
        [icon] = re.findall(r'<link rel="icon" href="([^"]+)"', (site / page).read_text(encoding="utf-8"))
        assert icon.startswith("data:image/svg+xml,"), page
        svg = urllib.parse.unquote(icon.split(",", 1)[1])
        assert svg.startswith('<svg fill="#1f5c57" ') and "<path d=" in svg, page


ITALIC_TEXT = """() => [...document.querySelectorAll('body *')].some(e =>
  getComputedStyle(e).fontStyle === 'italic' && e.getClientRects().length &&
  [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))"""


def test_a_page_preloads_the_italic_face_exactly_when_it_shows_italics(browser, base_url, site):
    """A preloaded font that no text uses is a wasted download; italic text without its preloaded face
    would wait for it or, with font-display: optional, fall back to a system font. Every page."""
    wrong = {}
    page = browser.new_page()
    for path in html_pages(site):
        name = path.parent.relative_to(site).as_posix()
        page.goto(f"{base_url}/{name}/".replace("/./", "/"), wait_until="domcontentloaded")
        shows = page.evaluate(ITALIC_TEXT)
        preloaded = page.evaluate(
            "() => [...document.querySelectorAll('link[rel=preload][as=font]')].some(l => l.href.includes('italic'))"
        )
        if shows != preloaded:
            wrong[name] = f"italic text: {shows}, italic preloaded: {preloaded}"
    page.close()
    assert wrong == {}


def test_the_theme_stylesheet_keeps_what_its_script_adds_and_drops_what_no_page_uses(site):
    """PurgeCSS (site/theme_css.py) keeps the classes the theme's bundle.js gives elements while a page
    runs (the header's shadow on scrolling, tables wrapped for scrolling, the active menu entry)."""
    [theme] = (Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css")
    served = (site / "assets" / "stylesheets" / theme.name).read_text(encoding="utf-8")
    assert len(served) < 0.7 * theme.stat().st_size
    for added_by_script in ("md-header--shadow", "md-typeset__table", "md-typeset__scrollwrap", "md-nav__link--active"):
        assert f".{added_by_script}" in served, added_by_script
    assert ".md-tabs" not in served  # navigation tabs are off in mkdocs.yml


def test_the_theme_css_is_purged_again_only_when_a_page_names_something_new(tmp_path):
    """Editing a page's prose reuses the cached result (no Node at all); a page that starts to use one
    of the theme's classes gets its rules back."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    theme_css = ".md-a{color:red}.md-b{color:blue}table{border:0}"
    purged = []
    for page in (
        '<p class="md-a">Hallo</p>',
        '<p class="md-a">Hallo wereld, nieuwe woorden</p>',
        '<p class="md-b">x</p>',
    ):
        (site / "assets" / "stylesheets").mkdir(parents=True, exist_ok=True)
        (site / "assets" / "stylesheets" / "main.0.min.css").write_text(theme_css)
        (site / "index.html").write_text(page)
        theme_css_module.purge(site, ROOT / "node_modules", cache)
        purged.append(((site / "assets" / "stylesheets" / "main.0.min.css").read_text(), len(list(cache.iterdir()))))
    assert ".md-a" in purged[0][0] and ".md-b" not in purged[0][0] and "table" not in purged[0][0]
    assert purged[1] == purged[0]  # the same result, from the cache: still one file in it
    assert ".md-b" in purged[2][0] and ".md-a" not in purged[2][0] and purged[2][1] == 2


def test_the_site_s_own_scripts_and_stylesheets_are_served_minified(site):
    """Comments and indentation are for the source files in overrides/; the browser gets them without.
    A joined file keeps the comments that name its parts."""
    served = [
        *(site / "assets" / "javascripts").glob("*.js"),
        *(site / "assets" / "stylesheets").glob("*.css"),
    ]
    own = [path for path in served if not path.name.endswith(".min.js") and not path.name.endswith(".min.css")]
    assert {"veilige-toekomst.js", "self-assessment.js", "search.js", "veilige-toekomst.css", "quiz.css"} <= {
        path.name for path in own
    }
    for path in own:
        text = path.read_text(encoding="utf-8")
        comments = re.findall(r"/\*(.*?)\*/", text, flags=re.S)
        assert all(comment.strip().startswith("assets/") for comment in comments), path.name
        assert "\n  " not in text, f"{path.name} is indented"


def test_minifying_starts_node_only_for_a_changed_file(tmp_path, monkeypatch):
    """A build whose scripts and stylesheets did not change takes them from build/cache/minified."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "assets").mkdir(parents=True)
    readable = {
        "assets/a.js": "/* why */\nfunction shout(message) {\n  var loud = message.toUpperCase();\n  return loud;\n}\n",
        "assets/a.css": "/* why */\n.vt-a {\n  color: #ff0000;\n}\n",
    }
    for uri, text in readable.items():
        (site / uri).write_text(text)
    minify.minify(site, [*readable, "assets/missing.js"], ROOT / "node_modules", cache)
    first = {uri: (site / uri).read_text() for uri in readable}
    assert first["assets/a.css"] == ".vt-a{color:red}" and "/*" not in first["assets/a.js"]
    assert "function shout(" in first["assets/a.js"] and len(first["assets/a.js"]) < len(readable["assets/a.js"]) / 2
    for uri, text in readable.items():
        (site / uri).write_text(text)
    monkeypatch.setattr(node_scripts.shutil, "which", lambda name: None)  # no Node.js: the cache must do
    minify.minify(site, list(readable), ROOT / "node_modules", cache)
    assert {uri: (site / uri).read_text() for uri in readable} == first
    (site / "assets" / "a.js").write_text("var changed = 1;\n")  # not in the cache: Node is needed, and said so
    with pytest.raises(Abort, match=r"^minify: Node.js and terser, lightningcss are needed .* run `npm ci`"):
        minify.minify(site, list(readable), ROOT / "node_modules", cache)
    assert (site / "assets" / "a.js").read_text() == "var changed = 1;\n"  # left as it was


def test_the_theme_s_words_for_a_feature_the_site_leaves_off_keep_no_rule(tmp_path):
    """The theme's script names the classes of every feature it has; mkdocs.yml says which are on. A
    feature that is off keeps no rule through the theme's script, only through a page or our scripts."""
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "theme": {"name": "material", "features": ["navigation.top"]}, "plugins": []})
    config.validate()
    off = theme_css_module.features_off(config)
    assert b"md-search" in off and b"md-tooltip" in off and b"md-code__" in off
    config.theme["features"] = ["content.tooltips", "content.code.copy"]
    assert b"md-tooltip" not in theme_css_module.features_off(config)
    assert b"md-code__" not in theme_css_module.features_off(config)

    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "assets" / "javascripts" / "workers").mkdir(parents=True)
    theme = ".md-tooltip{color:red}.md-header--shadow{color:blue}.md-search__x{color:green}.vt-own{color:gray}"
    (site / "assets" / "javascripts" / "bundle.0.min.js").write_text('add("md-tooltip");add("md-header--shadow")')
    (site / "assets" / "javascripts" / "workers" / "search.0.min.js").write_text('"md-search__x"')
    (site / "assets" / "javascripts" / "own.js").write_text('"vt-own md-tooltip"')
    (site / "index.html").write_text("<p>x</p>")
    kept = []
    for own in (frozenset(), frozenset({"assets/javascripts/own.js"})):
        (site / "assets" / "stylesheets" / "main.0.min.css").write_text(theme)
        theme_css_module.purge(site, ROOT / "node_modules", cache, own, off)
        kept.append((site / "assets" / "stylesheets" / "main.0.min.css").read_text())
    assert ".md-header--shadow" in kept[0] and ".md-tooltip" not in kept[0] and ".md-search__x" not in kept[0]
    assert ".md-tooltip" in kept[1] and ".vt-own" in kept[1]  # our own script names it: kept


def _theme_css_hash(site: Path) -> str:
    [main] = (site / "assets" / "stylesheets").glob("main.*.min.css")
    return main.name.split(".")[1]


def _text_of(page_html: str) -> str:
    """What the page can show: its text, the attribute values read out or shown (alt, title, labels,
    data the scripts display) and inline data and scripts (a superset: code is ASCII)."""
    values = re.findall(r'\s[\w:-]+="([^"]*)"', page_html)
    text = re.sub(r"<style\b.*?</style>|<svg\b.*?</svg>", " ", page_html, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text) + " ".join(values))


FONT_FACE = re.compile(
    r"@font-face\{[^}]*?font-style:(\w+);font-weight:(\d+);[^}]*?url\(\.\./fonts/([^)]+)\)[^}]*?unicode-range:([^;}]+)"
)


def _code_points(unicode_range: str) -> set[str]:
    """The characters of a CSS unicode-range such as "U+20-7E,U+A0"."""
    chars = set()
    for part in unicode_range.replace(" ", "").split(","):
        first, _, last = part.removeprefix("U+").partition("-")
        chars |= set(map(chr, range(int(first, 16), int(last or first, 16) + 1)))
    return chars


def test_the_font_files_have_every_character_the_site_writes(site):
    """Every character of every page (and of the site's own scripts) that the full font has is in one
    of the files the site serves for each face, and each file holds every character its @font-face
    rule's unicode-range promises: no glyph falls back to another font. The main file is small."""
    used = set()
    for page in [*html_pages(site), site / "404.html"]:
        used |= set(_text_of(page.read_text(encoding="utf-8")))
    for script in (OWN_STYLESHEETS / "assets" / "javascripts").rglob("*.js"):
        used |= set(script.read_text(encoding="utf-8"))
    used = {char for char in used if not char.isspace()}
    assert {"é", "ë", "ï", "“", "”", "’", "–", "…"} <= used  # the text was read
    bundle = (site / stylesheets.BUNDLE_URI).read_text(encoding="utf-8")
    rules = FONT_FACE.findall(bundle)
    assert len(rules) == 2 * len(FONT_FILES)  # a main and an extra file per face
    for (weight, style), name in FONT_FILES.items():
        full = set(map(chr, TTFont(FONTS / name).getBestCmap()))
        covered: set[str] = set()
        for file_style, file_weight, file, unicode_range in rules:
            if (int(file_weight), file_style) != (weight, style):
                continue
            promised = _code_points(unicode_range)
            has = set(map(chr, TTFont(site / fonts.FONTS_URI / file).getBestCmap()))
            assert promised <= has, f"{file} lacks {''.join(sorted(promised - has))!r}"
            assert not promised & covered, f"{file} overlaps the other file of its face"
            covered |= promised
        missing = sorted((used & full) - covered)
        assert not missing, f"{name} lacks {''.join(missing)!r} ({', '.join(f'U+{ord(c):04X}' for c in missing)})"
        main = site / fonts.FONTS_URI / name
        assert main.stat().st_size < 0.6 * (FONTS / name).stat().st_size, name


def test_a_page_downloads_a_font_s_extra_file_only_when_it_shows_one_of_its_characters(browser, base_url):
    """Dutch and English text needs only the main files (every page type, both languages, including the
    bullets of lists, which Chromium draws in the font); a character such as ø (a name in a fork's own
    page, say) brings the extra file, and is then shown in the site's font."""
    page = browser.new_page()
    fonts_asked: list[str] = []
    page.on("request", lambda request: fonts_asked.append(request.url) if ".woff2" in request.url else None)
    for lang in ("", "en/"):
        for path in PAGE_TYPES.values():
            page.goto(f"{base_url}/{lang}{path}", wait_until="networkidle")
            extra = [url for url in fonts_asked if "-extra" in url]
            assert fonts_asked and not extra, f"/{lang}{path} needs {extra}"
    page.evaluate("""() => { const p = document.createElement('p'); p.textContent = 'Søren « Åsa';
        document.querySelector('article').prepend(p); }""")
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    page.wait_for_load_state("networkidle")
    assert [url for url in fonts_asked if url.endswith("400-normal-extra.woff2")]
    assert page.evaluate("() => document.fonts.check('16px \"Atkinson Hyperlegible\"', 'ø«Å')")
    page.close()


def test_a_font_subset_made_without_the_cache_is_the_same_at_another_time(monkeypatch):
    """A fresh clone has no build/cache/fonts: its site must still come out byte for byte the same."""
    name = FONT_FILES[(400, "normal")]
    made = []
    for moment in ("1700000000", "1800000000"):  # fontTools reads the time from SOURCE_DATE_EPOCH
        monkeypatch.setenv("SOURCE_DATE_EPOCH", moment)
        made.append(fonts.subset_font.__wrapped__(name, fonts.MAIN_TEXT))
    assert made[0] == made[1]


LAYOUT_SHIFTS = """new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 1000);
})"""


def _layout_shift_on_a_slow_phone(browser, url: str) -> float:
    """The page's cumulative layout shift, loaded at 375 px over Lighthouse's slow 4G (150 ms, 1.6 Mbit/s).
    A load that hangs (seen in a full run on a busy 2-core machine, not when the test runs alone) is
    measured once more in a new context: the shift is measured either way, never skipped."""
    try:
        return _layout_shift(browser, url)
    except PlaywrightTimeout:
        return _layout_shift(browser, url)


def _layout_shift(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        network = context.new_cdp_session(page)
        network.send("Network.enable")
        network.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 94_000},
        )
        # "load" (fonts, styles, scripts in); LAYOUT_SHIFTS then watches one second more.
        page.goto(url, wait_until="load", timeout=60_000)
        return round(page.evaluate(LAYOUT_SHIFTS), 3)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_nothing_moves_while_a_page_loads_on_a_slow_phone(browser, base_url, lang):
    """On a phone-sized screen over a slow line (fonts and scripts arrive late), the text stays where
    it was first drawn (cumulative layout shift ≤ 0.05, Lighthouse's "good" ends at 0.1)."""
    shifts = {
        name: _layout_shift_on_a_slow_phone(browser, f"{base_url}/{lang}{path}") for name, path in PAGE_TYPES.items()
    }
    assert {name: shift for name, shift in shifts.items() if shift > 0.05} == {}
