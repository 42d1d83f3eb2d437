"""Safe to visit: nothing leaves the site, quick exit works, search stays in its language, offline works."""

from __future__ import annotations

import re
import subprocess
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import BIN, ROOT, html_pages
from test_validation import make_project

pytestmark = pytest.mark.xdist_group("browser")
NEUTRAL = "https://www.knmi.nl/"
START = "https://start.invalid/"


def _page_urls(site: Path) -> list[str]:
    return ["/" + p.relative_to(site).as_posix().removesuffix("index.html") for p in html_pages(site)]


def test_no_request_leaves_the_site_and_no_cookies(browser, site, base_url):
    context = browser.new_context()
    page = context.new_page()
    outside, violations = [], []
    page.on("request", lambda r: None if r.url.startswith(base_url) or r.url.startswith("data:") else outside.append(r.url))
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    urls = _page_urls(site)
    for url in urls:
        page.goto(base_url + url, wait_until="load")
    assert len(urls) > 80
    assert outside == []
    assert violations == []
    assert context.cookies() == []
    context.close()


def test_every_page_has_a_csp_that_allows_only_the_site(site):
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert csp, path
        assert "default-src 'self'" in csp[1] and "http" not in csp[1] and "unsafe-inline" not in csp[1]
        loads = re.findall(r'\ssrc="([^"]+)"', html) + re.findall(
            r'<link rel="(?:stylesheet|icon|preload|modulepreload|manifest)"[^>]*href="([^"]+)"', html)
        assert not [u for u in loads if re.match(r"(https?:)?//", u)], f"{path} loads something from elsewhere"


def _route_outside(context):
    context.route(NEUTRAL + "**", lambda route: route.fulfill(body="<title>Weer</title>neutral", content_type="text/html"))
    context.route(START + "**", lambda route: route.fulfill(body="<title>Start</title>start", content_type="text/html"))


@pytest.mark.parametrize("path", ["/", "/en/pillars/safety/", "/living-areas/housing/"])
def test_quick_exit_button_leaves_and_back_does_not_return(browser, base_url, path):
    context = browser.new_context()
    _route_outside(context)
    page = context.new_page()
    page.goto(START)
    page.goto(base_url + path)
    button = page.locator("#vt-quick-exit")
    assert button.inner_text().split("\n")[0] in ("Snel weg", "Quick exit")
    button.click()
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert page.url == START  # the site's page was replaced in the history
    context.close()


def test_shift_three_times_leaves_but_typing_does_not(browser, base_url):
    context = browser.new_context()
    _route_outside(context)
    page = context.new_page()
    page.goto(base_url + "/en/pillars/future/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert "1 more" in page.locator("[data-vt-shift-status]").inner_text()
    page.keyboard.press("a")  # any other key starts the count again
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url.startswith(base_url)
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    context.close()


def test_keyboard_skip_link_reaches_the_exit_button(page, base_url):
    page.goto(base_url + "/context/cycle/")
    for _ in range(2):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "vt-skip-exit":
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de knop Snel weg"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "vt-quick-exit"


def test_explanation_page_says_history_is_not_cleared(site):
    assert "wist je <strong>browsergeschiedenis niet</strong>" in (site / "quick-exit/index.html").read_text()
    assert "does <strong>not clear your browsing history</strong>" in (site / "en/quick-exit/index.html").read_text()


def test_a_quick_exit_target_that_is_not_https_stops_the_build(tmp_path):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("extra:\n", "extra:\n  quick_exit:\n    url: http://example.org/\n"))
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "out")], cwd=project,
                            capture_output=True, text=True)
    line = config.read_text().splitlines().index("    url: http://example.org/") + 1
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}: quick-exit: the quick-exit target must be an absolute https:// address, not 'http://example.org/'" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("lang, query, prefix", [("nl", "veiligheid", "/"), ("en", "safety", "/en/")])
def test_search_finds_only_pages_in_the_readers_language(page, base_url, lang, query, prefix):
    page.goto(base_url + ("/en/" if lang == "en" else "/"))
    page.locator(".vt-search-link").click()
    page.fill("#vt-search-input", query)
    page.keyboard.press("Enter")
    page.wait_for_selector(".vt-search__results li")
    hrefs = page.locator(".vt-search__results a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) >= 3
    paths = [urlparse(h).path for h in hrefs]
    if lang == "en":
        assert all(p.startswith("/en/") for p in paths), paths
    else:
        assert not any(p.startswith("/en/") for p in paths), paths
    assert urlparse(hrefs[0]).path in ((prefix + "pillars/safety/"),)


def test_404_page_speaks_both_languages(site):
    html = (site / "404.html").read_text()
    assert "Pagina niet gevonden" in html and '<span lang="en">· Page not found</span>' in html
    assert "hreflang" not in html and "md-select" not in html  # no other page's alternates leak in


def test_sitemap_description_and_absolute_hreflang(site):
    assert (site / "sitemap.xml").exists()
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), path
        for href in re.findall(r'<link rel=" alternate" hreflang="[a-z]+" href="([^"]+)"', html):
            assert href.startswith("http"), path


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline") / "veilige-toekomst"
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--quiet", "-f", "mkdocs.offline.yml", "-d", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return out


def test_offline_edition_from_disk_search_and_language_switch(browser, offline_site):
    context = browser.new_context()
    page = context.new_page()
    outside = []
    page.on("request", lambda r: None if r.url.startswith("file://") or r.url.startswith("data:") else outside.append(r.url))
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".vt-overview a", has_text="Hechting").click()
    assert page.url.endswith("/pillars/attachment.html")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/pillars/attachment.html")
    page.locator(".vt-search-link").click()
    page.fill("#vt-search-input", "attachment figure")
    page.keyboard.press("Enter")
    first = page.locator(".vt-search__results a").first
    assert first.inner_text() == "Attachment"
    first.click()
    assert page.url.endswith("/en/pillars/attachment.html")
    assert outside == []
    context.close()


def test_quick_exit_can_be_switched_off_in_config(tmp_path):
    from veilige_toekomst.project import load_project

    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    assert load_project(project).quick_exit_url == "https://www.knmi.nl/"
    config.write_text(config.read_text().replace("extra:\n", "extra:\n  quick_exit:\n    enabled: false\n"))
    assert load_project(project).quick_exit_url is None
