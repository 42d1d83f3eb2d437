"""Switching language keeps the section you were reading; the search page opens with focus in its field."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.xdist_group("browser")


@pytest.mark.parametrize(
    ("start", "other", "name"),
    [
        ("/living-areas/education/#bullying", "/en/living-areas/education/#bullying", "English"),
        ("/en/living-areas/education/#bullying", "/living-areas/education/#bullying", "Nederlands"),
    ],
)
def test_the_language_switch_keeps_the_section(page, base_url, start, other, name):
    page.goto(base_url + start)
    page.locator(".md-select .md-header__button").hover()
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_url(base_url + other)
    top = page.evaluate("document.getElementById('bullying').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2  # the section is on the screen, near the top


def test_the_language_switch_follows_a_section_chosen_on_the_page(page, base_url):
    page.goto(base_url + "/living-areas/education/")
    page.evaluate("location.hash = 'bullying'")
    href = page.get_attribute(".md-select__link[hreflang=en]", "href")
    assert href.endswith("/en/living-areas/education/#bullying")


@pytest.mark.parametrize("home", ["/", "/en/"])
@pytest.mark.parametrize("width", [375, 1280])
def test_search_opens_with_focus_in_its_field(browser, base_url, home, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + home + "pillars/safety/")
    page.locator("a.vt-search-link").click()
    # autofocus acts when the field is shown, which on a busy machine can come after the load event
    page.wait_for_function("document.activeElement && document.activeElement.id === 'vt-search-input'")
    page.keyboard.type("pesten" if home == "/" else "bullying")
    page.keyboard.press("Enter")
    page.locator(".vt-search__results li").first.wait_for()  # no eval: the site's CSP forbids it
    context.close()
