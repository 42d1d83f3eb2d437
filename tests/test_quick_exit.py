"""The quick exit keeps the word its page gives: what Back does after it (with and without the
single-entry setting), no referrer to the exit target, and Shift ×3 that exits when meant and only then."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site, serve
from test_fork import copy_project

pytestmark = pytest.mark.xdist_group("browser")
NEUTRAL = "https://www.knmi.nl/"
START = "https://start.invalid/"
LANGS = [("nl", "/"), ("en", "/en/")]


def _open(browser, referrers: list | None = None):
    """A fresh tab whose outside sites are stand-ins; the exit target records the Referer it gets."""
    context = browser.new_context()

    def neutral(route, request):
        if referrers is not None:
            referrers.append(request.headers.get("referer"))
        route.fulfill(body="<title>Weer</title>neutral", content_type="text/html")

    context.route(NEUTRAL + "**", neutral)
    context.route(START + "**", lambda route: route.fulfill(body="<title>Start</title>start", content_type="text/html"))
    return context, context.new_page()


def _visit_home_then_two_pages(page, base_url: str, home: str) -> int:
    """Start elsewhere, open the home page, then follow two links inside the site, as a reader does.

    Returns how many history entries the two links added."""
    page.goto(START)
    page.goto(base_url + home)
    entries = page.evaluate("history.length")
    for _ in range(2):
        page.locator("article a[href$='/']:not([href^='http'])").first.click()
        page.wait_for_load_state()
    assert page.url.startswith(base_url) and page.url != base_url + home
    return page.evaluate("history.length") - entries


@pytest.mark.parametrize(("lang", "home"), LANGS)
def test_back_after_the_exit_is_the_sites_previous_page_by_default(browser, base_url, site, lang, home):
    """Without the setting each page is its own history entry: the exit replaces only the open one."""
    context, page = _open(browser)
    assert _visit_home_then_two_pages(page, base_url, home) == 2
    before_exit = page.evaluate("history.length")
    page.locator("#vt-quick-exit").click()
    page.wait_for_url(NEUTRAL)
    assert page.evaluate("history.length") == before_exit  # replaced, not added
    page.go_back()
    assert page.url.startswith(base_url) and page.url != base_url + home  # the first page followed
    page.go_back()
    page.go_back()
    assert page.url == START
    # … and the page says exactly that.
    text = (site / home.strip("/") / "quick-exit" / "index.html").read_text()
    assert ("startpagina van deze site, niet op de pijler" if lang == "nl" else "this site's home page, not to") in text
    context.close()


@pytest.fixture(scope="module")
def single_entry_site(tmp_path_factory):
    """The project built with the organisation setting single_entry_visit: true."""
    tmp = tmp_path_factory.mktemp("single")
    project = copy_project(tmp)
    (project / "organisation.yml").write_text("name: Stichting Voorbeeld\nsingle_entry_visit: true\n")
    site = tmp / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(site)
    yield site, url
    server.shutdown()


@pytest.mark.parametrize(("lang", "home"), LANGS)
def test_with_the_setting_back_after_the_exit_leaves_the_site(browser, single_entry_site, lang, home):
    site, url = single_entry_site
    context, page = _open(browser)
    assert _visit_home_then_two_pages(page, url, home) == 0  # the whole visit is one entry
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert page.url == START
    text = (site / home.strip("/") / "quick-exit" / "index.html").read_text()
    assert ("je hele bezoek is één plek" if lang == "nl" else "your whole visit is one entry") in text
    context.close()


@pytest.mark.parametrize("how", ["button", "shift"])
def test_the_exit_sends_no_referrer(browser, base_url, how):
    referrers: list = []
    context, page = _open(browser, referrers)
    page.goto(base_url + "/en/pillars/safety/")
    if how == "button":
        page.locator("#vt-quick-exit").click()
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    assert referrers == [None]
    assert page.evaluate("document.referrer") == ""
    context.close()


def _ios_shift(page, event: str = "keyup", key: str = "Shift", shift: bool = False) -> None:
    """What an on-screen keyboard sends: a key event on its own, with no press before a release."""
    page.evaluate(
        "([type, key, shift]) => document.dispatchEvent(new KeyboardEvent(type, {key, shiftKey: shift, bubbles: true}))",
        [event, key, shift],
    )


def _capital_on_ios(page) -> None:
    _ios_shift(page)
    _ios_shift(page, "keydown", "A", True)
    _ios_shift(page, "keyup", "A", True)


def _sloppy_capital(page) -> None:
    """Shift let go a moment before the letter: the desktop order GOV.UK's keyup count let through."""
    page.keyboard.down("Shift")
    page.keyboard.down("a")
    page.keyboard.up("Shift")
    page.keyboard.up("a")


EXITS = {
    "three Shifts": lambda page: [page.keyboard.press("Shift") for _ in range(3)],
    "left, right, left Shift": lambda page: [page.keyboard.press(k) for k in ("ShiftLeft", "ShiftRight", "ShiftLeft")],
    "on-screen keyboard Shift ×3": lambda page: [_ios_shift(page) for _ in range(3)],
    "a capital, then three Shifts": lambda page: (
        [page.keyboard.press("Shift+A")] + [page.keyboard.press("Shift") for _ in range(3)]
    ),
}
STAYS = {
    "three capitals": lambda page: [page.keyboard.press("Shift+A") for _ in range(3)],
    "Shift let go before the letter, three times": lambda page: [_sloppy_capital(page) for _ in range(3)],
    "two Shifts, a letter, one Shift": lambda page: [page.keyboard.press(k) for k in ("Shift", "Shift", "a", "Shift")],
    "on-screen keyboard capitals": lambda page: [_capital_on_ios(page) for _ in range(3)],
    "Ctrl+Shift three times": lambda page: [page.keyboard.press("Control+Shift") for _ in range(3)],
    "Shift held down": lambda page: [page.keyboard.down("Shift")] + [page.keyboard.down("Shift") for _ in range(4)],
}


@pytest.mark.parametrize("sequence", EXITS)
def test_sequences_that_exit(browser, base_url, sequence):
    context, page = _open(browser)
    page.goto(base_url + "/pillars/safety/")
    EXITS[sequence](page)
    page.wait_for_url(NEUTRAL, timeout=3000)
    context.close()


@pytest.mark.parametrize("sequence", STAYS)
def test_sequences_that_do_not_exit(browser, base_url, sequence):
    context, page = _open(browser)
    page.goto(base_url + "/pillars/safety/")
    STAYS[sequence](page)
    page.wait_for_timeout(300)
    assert page.url.startswith(base_url)
    context.close()


def test_the_count_starts_again_after_five_seconds(browser, base_url):
    context, page = _open(browser)
    page.clock.install()
    page.goto(base_url + "/pillars/safety/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5100)
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.startswith(base_url)
    context.close()


@pytest.mark.parametrize(
    ("home", "after_one", "after_two"),
    [
        ("/", "Druk nog 2 keer op Shift", "Druk nog 1 keer op Shift"),
        ("/en/", "Press Shift 2 more times", "Press Shift 1 more time to"),
    ],
)
def test_the_shift_count_is_announced_in_the_right_plural(page, base_url, home, after_one, after_two):
    page.goto(base_url + home)
    status = page.locator("[data-vt-shift-status]")
    page.keyboard.press("Shift")
    assert after_one in status.inner_text()
    page.keyboard.press("Shift")
    assert after_two in status.inner_text()


def test_the_setting_is_off_unless_switched_on(site: Path):
    home = (site / "index.html").read_text()
    assert 'id="vt-quick-exit"' in home and "data-vt-single-entry" not in home
    assert '<meta name="referrer" content="no-referrer">' in home
