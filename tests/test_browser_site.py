"""The site in real Chromium: Dutch home, language switch to the same page, print view."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.xdist_group("browser")


def test_dutch_home_page(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator(".vt-overview a").count() == 13
    page.locator(".vt-overview a", has_text="Veiligheid").click()
    page.wait_for_url("**/pillars/safety/")
    assert page.locator("h1").inner_text() == "Veiligheid"


@pytest.mark.parametrize(
    "start, switch_to, expected, title",
    [
        ("/pillars/attachment/", "English", "/en/pillars/attachment/", "Attachment"),
        ("/en/living-areas/education/", "Nederlands", "/living-areas/education/", "Onderwijs"),
    ],
)
def test_language_switch_lands_on_the_same_page(page, base_url, start, switch_to, expected, title):
    page.goto(base_url + start)
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name=switch_to).click()
    page.wait_for_url(base_url + expected)
    assert page.locator("h1").inner_text() == title


def test_print_shows_content_title_and_source_only(page, base_url):
    """The shared build has no SITE_URL, so the print names no address (tests/test_publish.py has one)."""
    page.goto(base_url + "/en/pillars/future/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    meta = page.locator(".vt-print-meta")
    assert meta.is_visible()
    text = meta.inner_text()
    assert "Future" in text and "Veilige Toekomst" in text
    assert "http" not in text and not page.locator(".vt-print-url").count()
