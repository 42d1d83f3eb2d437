"""Accessibility: axe-core in real Chromium on every page in both languages, the main path by keyboard
only, and the language of every page and of every piece of text in the other language."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, html_pages

pytestmark = pytest.mark.xdist_group("browser")

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHARDS = 2
"""The pages are split in this many groups, one per xdist group, so two workers share the axe runs."""


def page_urls(site: Path) -> list[str]:
    """The address of every page of the built site, in both languages, the 404 page included."""
    urls = ["/" + path.parent.relative_to(site).as_posix() + "/" for path in html_pages(site)]
    return [url.replace("/./", "/") for url in urls] + ["/404.html"]


def axe(tab, where: str) -> list[str]:
    """axe-core's violations on the page as it is now, one line per element."""
    tab.add_script_tag(path=str(AXE))
    # No runOnly: every rule axe enables by default, the best-practice rules included.
    result = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{where}: {rule['id']} ({rule['impact']}) {rule['help']}: {' '.join(map(str, node['target']))}"
        for rule in result["violations"]
        for node in rule["nodes"]
    ]


@pytest.mark.parametrize("shard", [pytest.param(n, marks=pytest.mark.xdist_group(f"axe-{n}")) for n in range(SHARDS)])
def test_axe_finds_no_violations_on_any_page(browser, site, base_url, shard):
    # axe is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
    context = browser.new_context(bypass_csp=True)
    tab = context.new_page()
    urls = page_urls(site)[shard::SHARDS]
    problems = []
    for url in urls:
        tab.goto(base_url + url)
        problems += axe(tab, url)
    context.close()
    assert urls
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


@pytest.mark.xdist_group("axe-phone")
def test_axe_on_a_phone_with_the_menu_closed_and_open(browser, site, base_url):
    """The phone layout differs (menu drawer, narrow tables): one page of each section, in Dutch."""
    firsts: dict[str, str] = {}
    for url in page_urls(site):
        if not url.startswith("/en/") and url != "/404.html":
            firsts.setdefault(url.split("/")[1], url)
    context = browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 800}, is_mobile=True)
    tab = context.new_page()
    problems = []
    for url in firsts.values():
        tab.goto(base_url + url)
        problems += axe(tab, url)
        tab.locator(".md-header [data-vt-menu-button]").click()  # partials/header.html's button
        tab.locator(".md-sidebar--primary").wait_for(state="visible")
        problems += axe(tab, url + " (menu open)")
    context.close()
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


def tab_to(page, selector: str, limit: int = 150) -> None:
    """Press Tab until the focused element matches `selector`; it must be visible when it has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            assert page.locator(":focus").is_visible(), f"{selector} has focus but cannot be seen"
            return
    pytest.fail(f"{limit} presses of Tab on {page.url} never reached {selector}")


PILLAR_LINK = '.md-content a[href*="pillars/"]:not([href$="pillars/"])'


def test_keyboard_only_home_to_pillar_to_quiz_and_other_language(page, base_url):
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')"), "first Tab: skip link"
    page.keyboard.press("Enter")

    tab_to(page, PILLAR_LINK)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/pillars/[a-z-]+/$"))

    pillar_id = re.search(r"/pillars/([a-z-]+)/$", page.url)[1]
    tab_to(page, f'.md-content a[href$="quizzes/{pillar_id}/"]')  # the pillar's own quiz
    page.keyboard.press("Enter")
    quiz = f"/quizzes/{pillar_id}/"
    page.wait_for_url(base_url + quiz)

    tab_to(page, '.md-select a[hreflang="en"]')
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "/en" + quiz)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".md-content h1").is_visible()


class _LangTexts(HTMLParser):
    """Text of a page with the language in force where it stands, and the language-switcher links."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = [("", "")]
        self.texts: list[tuple[str, str]] = []
        self.switcher: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang", self.stack[-1][1])
        if tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switcher.append((attrs.get("hreflang", ""), lang))
        if tag not in self.VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if self.stack[-1][0] not in ("script", "style") and data.strip():
            self.texts.append((self.stack[-1][1], data))


def lang_texts(path: Path) -> _LangTexts:
    parser = _LangTexts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def english_pages(site: Path) -> list[Path]:
    return [p for p in html_pages(site) if p.relative_to(site).parts[0] == "en"]


def test_language_names_in_the_switcher_carry_their_own_language(site):
    wrong = [
        f"{path.relative_to(site)}: the link to {hreflang!r} is read as {lang!r}"
        for path in html_pages(site)
        for hreflang, lang in lang_texts(path).switcher
        if hreflang != lang
    ]
    assert not wrong, "\n".join(wrong)


def test_dutch_words_on_english_pages_are_marked_dutch(site, content):
    """Dutch quotations and the Dutch terms the glossary gives ("In Dutch: vrouwenopvang") carry lang="nl"."""
    dutch = [
        " ".join(part.split()) for quote in content.quotes for part in quote.text["nl"].split("\n\n") if part.strip()
    ]
    unmarked = []
    for path in english_pages(site):
        parsed = lang_texts(path)
        english = " ".join(" ".join(text.split()) for lang, text in parsed.texts if lang != "nl")
        unmarked += [f"{path.relative_to(site)}: quote {text[:40]!r}" for text in dutch if text in english]
        unmarked += [
            f"{path.relative_to(site)}: term after {text.strip()[-20:]!r}"
            for (lang, text), (next_lang, _) in zip(parsed.texts, parsed.texts[1:])
            if lang != "nl" and text.rstrip().endswith("In Dutch:") and next_lang != "nl"
        ]
        unmarked += [
            f"{path.relative_to(site)}: {match[0]!r}"
            for lang, text in parsed.texts
            if lang != "nl"
            for match in re.finditer(r"In Dutch: \w[^.;)]*", text)
        ]
    assert not unmarked, 'Dutch text on English pages without lang="nl":\n' + "\n".join(unmarked)


def test_the_404_page_marks_each_of_its_two_languages(site, content):
    """One 404 page serves both languages; each text says which it is, whatever the page's own lang."""
    texts = [(lang, " ".join(text.split())) for lang, text in lang_texts(site / "404.html").texts]
    for lang in content.languages:
        expected = " ".join(content.ui(lang, "not_found_text").split())
        assert any(expected in text for text_lang, text in texts if text_lang == lang), f"{lang}: {expected!r}"
