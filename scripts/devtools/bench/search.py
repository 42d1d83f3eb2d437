"""How well the site's search finds what readers type: the query set (tests/search_queries.yml) run in
Chromium against a built site, the size of each language's index, and the time to a first result on a
phone profile. Shared by the browser tests (the threshold) and `make bench` (the numbers)."""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import yaml

QUERIES = Path(__file__).resolve().parents[3] / "tests" / "search_queries.yml"
RESULT_LINKS = ".vt-search__results > li > a"
"""Each result's main link: to the page, or to the section (page/#id) that matched best."""
PHONE_CPU_SLOWDOWN = 4
"""Lighthouse's mobile profile slows the CPU four times."""


@dataclass(frozen=True)
class Query:
    q: str
    page: str
    """Path under the language's root, e.g. "pillars/attachment/"."""
    section: str | None = None
    """The heading's id on that page where the reader wants to land, or None for the page."""


def load_queries(path: Path = QUERIES) -> dict[str, list[Query]]:
    """The query set by language code; raises OSError/yaml.YAMLError/TypeError on a broken file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: [Query(**item) for item in items] for lang, items in data.items()}


def page_path(href: str, lang_root: str) -> tuple[str, str]:
    """("pillars/attachment/", "absent-parent") for a result link under `lang_root` (a URL ending in "/").
    Offline links (…/attachment.html) are read as their directory form."""
    url = urlparse(href)
    path = unquote(url.path)[len(urlparse(lang_root).path) :]
    path = path.removesuffix("index.html")
    if path.endswith(".html"):
        path = path.removesuffix(".html") + "/"
    return path, url.fragment


def results(page, query: str) -> list[str]:
    """Type `query` into the open search page, submit by keyboard, wait until the status names the
    query, and return the result links' hrefs, best first."""
    field = page.locator("#vt-search-input")
    field.fill(query)
    field.press("Enter")
    page.wait_for_function(
        "q => (document.querySelector('.vt-search__status') || {}).textContent.includes(q)", arg=query, timeout=10000
    )
    return page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.href)")


def found(hrefs: list[str], lang_root: str, query: Query, top: int = 3) -> bool:
    """Whether the wanted page is among the first `top` distinct pages, linked at the wanted section if
    the query names one."""
    seen: list[tuple[str, str]] = []
    for href in hrefs:
        path, fragment = page_path(href, lang_root)
        if path not in [p for p, _ in seen]:
            seen.append((path, fragment))
    for path, fragment in seen[:top]:
        if path == query.page:
            return query.section is None or fragment == query.section
    return False


def misses(page, search_url: str, lang_root: str, queries: list[Query]) -> list[str]:
    """Open the search page at `search_url` and run every query; the ones whose page is not in the top 3,
    each as "query -> what came first"."""
    page.goto(search_url)
    missed = []
    for query in queries:
        hrefs = results(page, query.q)
        if not found(hrefs, lang_root, query):
            first = [page_path(h, lang_root) for h in hrefs[:3]]
            missed.append(f"{query.q} -> {first}")
    return missed


def index_sizes(site: Path) -> dict[str, float]:
    """KiB gzip (level 6) of each language's search index script, by language code."""
    return {
        path.name.split(".")[1]: len(gzip.compress(path.read_bytes(), 6)) / 1024
        for path in sorted((site / "assets" / "search").glob("index.*.js"))
    }


def library_sizes(site: Path) -> dict[str, float]:
    """KiB gzip (level 6) of the library scripts each language's index names, by language code."""
    sizes = {}
    for path in sorted((site / "assets" / "search").glob("index.*.js")):
        names = json.loads(path.read_text(encoding="utf-8").split(" = ", 2)[-1].rstrip().rstrip(";"))["scripts"]
        lib = site / "assets" / "search" / "lib"
        sizes[path.name.split(".")[1]] = sum(len(gzip.compress((lib / n).read_bytes(), 6)) for n in names) / 1024
    return sizes


def time_to_first_result(browser, search_url: str, query: str) -> float:
    """Milliseconds from opening `search_url?q=query` (cold cache, CPU slowed as on a phone, phone
    viewport) until the first result is on screen."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
    start = time.perf_counter()
    page.goto(f"{search_url}?q={quote(query)}")
    page.wait_for_selector(RESULT_LINKS, timeout=30000)
    elapsed = (time.perf_counter() - start) * 1000
    context.close()
    return elapsed


FIRST_RESULT_QUERIES = {"nl": "hechting", "en": "attachment"}
TOP3_TARGET = 0.95


def rows(site: Path, base_url: str) -> list[list[str]]:
    """`make bench` rows: per language the query set's top-3 share, the index size and the time to a first
    result on a phone profile (cold cache, 4× slower CPU). Languages are the site's index scripts."""
    from playwright.sync_api import sync_playwright

    from ..localsite import CHROMIUM, CHROMIUM_ARGS

    queries = load_queries()
    library = library_sizes(site)
    table = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang, kib in index_sizes(site).items():
            root = base_url + ("/" if lang == "nl" else f"/{lang}/")
            page = browser.new_page()
            missed = misses(page, root + "search/", root, queries.get(lang, []))
            page.close()
            total = len(queries.get(lang, []))
            share = 1 - len(missed) / total if total else 0.0
            ok = share >= TOP3_TARGET
            table.append(
                [
                    f"search ({lang}): wanted page in top 3",
                    f"{share:.0%} of {total} queries",
                    f"≥ {TOP3_TARGET:.0%}",
                    "met" if ok else "NOT MET",
                ]
            )
            table.append([f"search ({lang}): index", f"{kib:.0f} KiB gzip (+ library {library[lang]:.0f} KiB)", "", ""])
            query = FIRST_RESULT_QUERIES.get(lang, "a")
            elapsed = time_to_first_result(browser, root + "search/", query)
            table.append(
                [f"search ({lang}): time to first result, phone profile ('{query}')", f"{elapsed:.0f} ms", "", ""]
            )
        browser.close()
    return table
