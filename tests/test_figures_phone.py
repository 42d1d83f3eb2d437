"""The figures page on a phone, in real Chromium and both languages: a table that follows a chart (the
same figures again) is folded into a <details> named after it, so the reader scrolls past one line
instead of a screenful; open on a desktop, without JavaScript and on paper; operable by keyboard; axe-clean
with the tables closed and open (figure_shortcodes.py, figures-fold.js)."""

from __future__ import annotations

import pytest

from test_accessibility import axe

pytestmark = pytest.mark.xdist_group("browser")

LANGS = ("nl", "en")
PHONE = {"width": 375, "height": 800}
FOLDS = "details[data-vt-fold]"
HEIGHT = "document.documentElement.scrollHeight"


def figures_url(base_url: str, lang: str) -> str:
    return f"{base_url}{'' if lang == 'nl' else '/en'}/figures/"


def open_all(tab) -> None:
    tab.evaluate(f"document.querySelectorAll('{FOLDS}').forEach(d => d.open = true)")


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_each_table_after_a_chart_is_one_line_to_scroll_past(browser, base_url, lang):
    context = browser.new_context(viewport=PHONE, is_mobile=True, bypass_csp=True)  # CSP off for axe only
    tab = context.new_page()
    tab.goto(figures_url(base_url, lang))
    charted = tab.locator(".vt-figures:has(figure.vt-chart)")
    assert charted.count() >= 3
    for n in range(charted.count()):
        group = charted.nth(n)
        fold = group.locator(FOLDS)
        assert fold.count() == 1, "the table after a chart folds"
        assert not fold.evaluate("d => d.open"), "closed on a phone"
        caption = fold.locator("caption").text_content()
        assert caption.split(" — ")[0] in fold.locator("summary").inner_text(), "the summary names the table"
    assert tab.locator(f".vt-figures:not(:has(figure.vt-chart)) {FOLDS}").count() == 0, "a table alone stays open"

    closed = tab.evaluate(HEIGHT)
    assert axe(tab, "figures, tables closed") == []
    open_all(tab)
    opened = tab.evaluate(HEIGHT)
    assert opened - closed > 1500, f"{closed} px with the tables closed, {opened} px open"
    assert axe(tab, "figures, tables open") == []

    # By keyboard: the summary takes focus with a visible ring, Enter opens the table and its note links
    tab.reload()
    summary = tab.locator(f"{FOLDS} > summary").first
    summary.focus()
    tab.keyboard.press("Tab")
    tab.keyboard.press("Shift+Tab")
    assert tab.evaluate("document.activeElement.matches('details[data-vt-fold] > summary')")
    assert tab.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    tab.keyboard.press("Enter")
    assert tab.locator(FOLDS).first.locator("table").is_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_tables_are_open_on_a_desktop_without_javascript_and_on_paper(browser, base_url, lang):
    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = desktop.new_page()
    tab.goto(figures_url(base_url, lang))
    assert tab.locator(FOLDS).count() >= 3
    assert tab.evaluate(f"[...document.querySelectorAll('{FOLDS}')].every(d => d.open)")
    desktop.close()

    for options in ({"java_script_enabled": False}, {}):
        phone = browser.new_context(viewport=PHONE, is_mobile=True, **options)
        tab = phone.new_page()
        tab.goto(figures_url(base_url, lang))
        if options:  # no script: as written in the HTML
            assert tab.evaluate(f"[...document.querySelectorAll('{FOLDS}')].every(d => d.open)")
        else:  # printing from a phone opens them again, and prints no summary line
            tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
            tab.emulate_media(media="print")
            assert tab.evaluate(f"[...document.querySelectorAll('{FOLDS}')].every(d => d.open)")
            assert not tab.locator(f"{FOLDS} > summary").first.is_visible()
            assert tab.locator(f"{FOLDS} table").first.is_visible()
        phone.close()
