"""The phone menu by keyboard, on a phone (375 px) and on a desktop zoomed to 400% (1280×1024 at 400%
is 320×256 CSS px): a real button with a name, Enter/Space, focus into the menu and back, Escape
closes, and no Tab stop in the closed, off-screen menu."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.xdist_group("browser")

SCREENS = {
    "phone 375px": {"viewport": {"width": 375, "height": 740}},
    "desktop at 400%": {"viewport": {"width": 320, "height": 256}, "device_scale_factor": 4},
}
PAGES = [("/living-areas/education/", "Menu"), ("/en/living-areas/education/", "Menu")]

FOCUS = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect();
  return {inMenu: !!e.closest('.md-sidebar--primary'), inMain: !!e.closest('main'),
          menuButton: e.hasAttribute('data-vt-menu-button'), onScreen: r.right > 0 && r.left < innerWidth,
          name: e.getAttribute('aria-label') || e.textContent.trim(), expanded: e.getAttribute('aria-expanded')};
}"""


def _tab_until(page, wanted: str, limit: int = 40) -> tuple[int, list[dict]]:
    """Press Tab until the focused element has `wanted` true; return the number of presses and each stop."""
    stops = []
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS))
        if stops[-1][wanted]:
            return presses, stops
    raise AssertionError(f"no {wanted} within {limit} Tabs: {stops}")


@pytest.fixture(params=SCREENS)
def screen(request, browser):
    context = browser.new_context(**SCREENS[request.param])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("path", "name"), PAGES)
def test_the_closed_menu_has_no_tab_stop(screen, base_url, path, name):
    screen.goto(base_url + path)
    presses, stops = _tab_until(screen, "inMain")
    assert not [stop for stop in stops if stop["inMenu"]]
    assert all(stop["onScreen"] for stop in stops)  # every stop is where the reader can see it
    assert presses <= 9, stops  # skip links, menu, language (2 options), search, quick exit, then the page


@pytest.mark.parametrize(("path", "name"), PAGES)
@pytest.mark.parametrize("key", ["Enter", " "])
def test_the_menu_button_opens_moves_focus_and_escape_brings_it_back(screen, base_url, path, name, key):
    screen.goto(base_url + path)
    _, stops = _tab_until(screen, "menuButton")
    assert stops[-1]["name"] == name and stops[-1]["expanded"] == "false"
    screen.keyboard.press(key)
    screen.wait_for_timeout(300)  # the drawer slides in
    opened = screen.evaluate(FOCUS)
    assert opened["inMenu"] and opened["onScreen"]
    assert screen.get_attribute("[data-vt-menu-button]", "aria-expanded") == "true"
    screen.keyboard.press("Tab")
    assert screen.evaluate(FOCUS)["inMenu"]  # Tab walks the open menu
    screen.keyboard.press("Escape")
    back = screen.evaluate(FOCUS)
    assert back["menuButton"] and back["expanded"] == "false"
    screen.wait_for_timeout(300)  # the drawer slides out
    assert screen.evaluate("document.querySelector('.md-sidebar--primary').getBoundingClientRect().right <= 0")


def test_on_a_wide_screen_the_sidebar_menu_stays_in_the_tab_order(browser, base_url):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(base_url + "/living-areas/education/")
    assert not page.is_visible("[data-vt-menu-button]")
    _, stops = _tab_until(page, "inMenu")
    assert stops[-1]["onScreen"]
    context.close()


@pytest.mark.parametrize("web_font", [True, False], ids=["web font", "phone's own font"])
@pytest.mark.parametrize("home", ["/", "/en/"])
@pytest.mark.parametrize("screen_name", list(SCREENS))
def test_the_phone_header_shows_the_whole_site_title(browser, base_url, home, screen_name, web_font):
    """Also while the web font has not arrived (or never does): the phone's own font is wider."""
    context = browser.new_context(**SCREENS[screen_name])
    page = context.new_page()
    if not web_font:
        page.route("**/*.woff2", lambda route: route.abort())
    page.goto(base_url + home)
    title, right, next_left = page.evaluate(
        """() => {
          const e = document.querySelector('.md-header__topic:first-child .md-ellipsis');
          const range = document.createRange(); range.selectNodeContents(e);
          const next = document.querySelector('.md-header__option .md-header__button');
          return [getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth ? '' : e.textContent.trim(),
                  range.getBoundingClientRect().right, next.getBoundingClientRect().left];
        }"""
    )
    assert title == "Veilige Toekomst"
    assert right <= next_left + 1  # the title does not run under the language button
    context.close()
