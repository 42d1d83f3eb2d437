"""The booklet's quotations: in the data, on the content pages, and on the quotes page with its filters."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import build_site, html_pages, make_project, run_cli
from veilige_toekomst.render import quotes

QUOTE_COUNT = 29
"""The booklet has 29 quotations: 28 of children, 1 of a professional."""
FIGURE = re.compile(r'<figure class="vt-quote" id="(?P<id>q\d+)"(?P<attrs>[^>]*)>(?P<body>.*?)</figure>', re.S)
COLLECTION = {"nl": "quotes/index.html", "en": "en/quotes/index.html"}


def figures(path: Path) -> list[re.Match[str]]:
    return list(FIGURE.finditer(path.read_text(encoding="utf-8")))


def test_the_data_holds_every_quote_in_dutch_and_english(content):
    assert len(content.quotes) == QUOTE_COUNT
    assert [q.id for q in content.quotes] == [f"q{n:02d}" for n in range(1, QUOTE_COUNT + 1)]
    for quote in content.quotes:
        assert quote.text["nl"].strip() and quote.text["en"].strip(), quote.id
        assert quote.text["nl"] != quote.text["en"], quote.id


def test_the_export_gives_each_quote_in_the_language_asked_with_its_dutch_original(content):
    data = json.loads(run_cli("export", "--lang", "en", check=True).stdout)
    assert len(data["quotes"]) == QUOTE_COUNT
    by_id = content.quotes_by_id
    for item in data["quotes"]:
        quote = by_id[item["id"]]
        assert item["text"] == quote.text["en"] and item["original_text"] == quote.text["nl"]
        assert (item["speaker"], item["age"], item["setting"], item["themes"]) == (
            quote.speaker,
            quote.age,
            quote.setting,
            list(quote.themes),
        )


@pytest.mark.parametrize("lang, status", [("nl", "29 citaten getoond"), ("en", "29 quotes shown")])
def test_the_quotes_page_shows_every_quote_once_with_attribution_page_and_permalink(site, content, lang, status):
    page = site / COLLECTION[lang]
    text = page.read_text(encoding="utf-8")
    found = figures(page)
    assert sorted(f["id"] for f in found) == [q.id for q in content.quotes]
    assert status in text
    for figure in found:
        quote = content.quotes_by_id[figure["id"]]
        body = figure["body"]
        assert "<blockquote" in body and html.escape(quotes.attribution(content, quote, lang)) in body
        assert f'href="#{quote.id}"' in body  # the visible permalink
        link = re.search(r'href="\.\./(?P<page>[^"#]+)#(?P<anchor>q\d+)"', body)
        assert link and link["anchor"] == quote.id
        location = (page.parent.parent / link["page"] / "index.html").resolve()
        assert location == (page.parent.parent / quote.location / "index.html").resolve()
        assert f'id="{quote.id}"' in location.read_text(encoding="utf-8"), f"{quote.id} is not on {location}"


def test_every_quote_stands_on_a_content_page_in_both_languages(site, content):
    shown: dict[str, set[str]] = {"nl": set(), "en": set()}
    for path in html_pages(site):
        rel = path.relative_to(site).as_posix()
        if rel in COLLECTION.values():
            continue
        lang = "en" if rel.startswith("en/") else "nl"
        shown[lang] |= {f["id"] for f in figures(path)}
    everything = {q.id for q in content.quotes}
    assert shown["nl"] == everything and shown["en"] == everything


def test_english_pages_give_our_translation_and_the_dutch_original_marked_as_dutch(site, content):
    for path in html_pages(site):
        english = path.relative_to(site).parts[0] == "en"
        for figure in figures(path):
            quote, body = content.quotes_by_id[figure["id"]], figure["body"]
            dutch = quotes.paragraphs(quote.text["nl"])
            if english:
                assert quotes.paragraphs(quote.text["en"]) in body, (path, quote.id)
                assert "translated from Dutch" in body, (path, quote.id)
                assert f'<blockquote lang="nl">{dutch}</blockquote>' in body, (path, quote.id)
            else:
                assert f"<blockquote>{dutch}</blockquote>" in body and "vertaald" not in body, (path, quote.id)


def test_the_filter_script_is_loaded_on_the_quotes_page_only_and_runs_nothing_inline(site):
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        on_quotes_page = path.relative_to(site).as_posix() in COLLECTION.values()
        assert ("quotes-filter.js" in text) == on_quotes_page, path
        if on_quotes_page:
            collection = text[text.index('<div class="vt-quotes"') : text.index("quotes-filter.js")]
            assert not re.search(r"\son[a-z]+=|<script>|javascript:", collection)


def test_an_unknown_quote_id_stops_the_site_build_with_file_and_line(tmp_path):
    project = make_project(tmp_path)
    page = project / "docs" / "pillars" / "safety.nl.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join(lines + ["", "<!-- quote q77 -->", ""]), encoding="utf-8")
    collection = project / "docs" / "quotes"
    for lang in ("nl", "en"):
        (collection / f"index.{lang}.md").write_text(
            "---\ntitle: Q\ndescription: Q.\n---\n\n<!-- quotes-collection all -->\n"
        )
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"docs/pillars/safety.nl.md:{len(lines) + 2}: shortcode: unknown quote id 'q77'" in output
    assert "docs/quotes/index.en.md:6: shortcode: 'quotes-collection' takes no arguments" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


# --- In a real browser ------------------------------------------------------------------------------

browser_test = pytest.mark.xdist_group("browser")


def count_message(page) -> str:
    """What the live region of the quotes page says (the page has others, e.g. the quick exit's)."""
    return page.locator("[data-vt-quotes]").get_by_role("status").inner_text().strip()


def visible_ids(page) -> list[str]:
    return page.locator("figure.vt-quote:visible").evaluate_all("els => els.map(e => e.id)")


@browser_test
def test_choosing_a_setting_shows_only_those_quotes_and_says_how_many(page, base_url, content):
    page.goto(f"{base_url}/en/quotes/")
    assert count_message(page) == "29 quotes shown"
    page.get_by_role("group", name="Shelter").get_by_label("Homeless shelter").check()
    expected = [q.id for q in content.quotes if q.setting == "homeless_shelter"]
    assert visible_ids(page) == expected
    assert count_message(page) == f"{len(expected)} quotes shown"
    # Theme sections without a matching quote disappear with their heading.
    assert (
        page.locator("section.vt-quotes-group:visible h2").count() < page.locator("section.vt-quotes-group h2").count()
    )


@browser_test
def test_the_filters_work_with_the_keyboard_alone(page, base_url, content):
    page.goto(f"{base_url}/quotes/")
    for _ in range(200):  # Tab from the top of the page to the first filter: nothing on the way traps focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "age":
            break
    else:
        pytest.fail("Tab never reached the age filter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # radio buttons: arrows move and choose (12–18)
    page.keyboard.press("Tab")  # to the chosen radio of the shelter group
    page.keyboard.press("ArrowDown")  # women's shelter
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the theme list: first theme, Safety
    expected = [
        q.id
        for q in content.quotes
        if quotes.age_group(q) == "12-18" and q.setting == "womens_shelter" and "safety" in q.themes
    ]
    assert visible_ids(page) == expected
    assert count_message(page) == f"{len(expected)} citaten getoond"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.vtQuotesReset") == ""
    page.keyboard.press("Space")  # "Alle citaten tonen"
    assert len(visible_ids(page)) == QUOTE_COUNT
    assert count_message(page) == "29 citaten getoond"
    page.keyboard.press("Tab")  # and on out of the form
    assert page.evaluate("document.activeElement.closest('form') === null")


@browser_test
def test_without_javascript_every_quote_is_there_grouped_by_theme(browser, base_url, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/en/quotes/")
        assert len(visible_ids(page)) == QUOTE_COUNT
        assert not page.locator("form.vt-quotes-filter").is_visible()  # controls that could do nothing
        groups = page.locator("section.vt-quotes-group").evaluate_all(
            "els => els.map(s => [s.querySelector('h2').id, [...s.querySelectorAll('figure')].map(f => f.id)])"
        )
        first_theme = {q.id: q.themes[0] for q in content.quotes}
        assert sum(len(ids) for _, ids in groups) == QUOTE_COUNT
        for heading, ids in groups:
            assert ids and all(f"theme-{first_theme[i]}" == heading for i in ids), heading
    finally:
        context.close()
