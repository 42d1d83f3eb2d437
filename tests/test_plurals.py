"""Counts read right: every counted message has its plural forms per language, Python and the
browser pick the same form for 0, 1 and 2, and a count in a plain string is a finding."""

from __future__ import annotations

from string import Formatter

import pytest

from conftest import make_project, run_cli
from veilige_toekomst.core import plurals

pytestmark = pytest.mark.xdist_group("browser")


FILL = {
    "q": "x",
    "module": "m",
    "high": "",
    "high_label": "",
    "low": "",
    "low_label": "",
    "year": 2015,
    "persons": "Anna, Bram",
    "person": "Anna",
}


def _counted(content) -> list[str]:
    return sorted({split[0] for key in content.ui_strings.root if (split := plurals.split_key(key))})


def test_every_counted_message_reads_right_for_0_1_2(content):
    bases = _counted(content)
    assert {"search_results", "quiz_count", "quotes_shown", "quick_exit_shift_status", "sa_msg_imported"} <= set(bases)
    for base in bases:
        for lang in ("nl", "en"):
            one, other = (content.ui(lang, f"{base}_{form}") for form in ("one", "other"))
            fill = {
                name: FILL.get(name, name)
                for form in (one, other)
                for _, name, _, _ in Formatter().parse(form)
                if name and name not in ("n", "count")
            }
            for count, form in ((0, other), (1, one), (2, other)):
                assert content.ui_count(lang, base, count, **fill) == form.format(n=count, count=count, **fill)
    assert content.ui_count("en", "quiz_count", 1) == "1 question"
    assert content.ui_count("en", "quiz_count", 2) == "2 questions"
    assert content.ui_count("nl", "quiz_count", 0) == "0 vragen"
    assert content.ui_count("nl", "search_results", 1, q="a") == "1 resultaat voor ‘a’"


def test_a_count_in_a_plain_string_is_a_finding(tmp_path):
    project = make_project(tmp_path)
    strings = project / "docs" / "strings.yml"
    lines = strings.read_text().splitlines()
    strings.write_text("\n".join([*lines, 'apples: {nl: "{n} appels", en: "{n} apples"}', ""]))
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    assert (
        f"docs/strings.yml:{len(lines) + 1}: plural: interface string 'apples' has a count but no plural forms"
        in result.stderr
    )


def test_a_counted_message_without_its_one_form_is_a_finding(tmp_path):
    project = make_project(tmp_path)
    strings = project / "docs" / "strings.yml"
    text = strings.read_text()
    strings.write_text("\n".join(line for line in text.splitlines() if not line.startswith("quiz_count_one:")) + "\n")
    result = run_cli("validate", cwd=project)
    assert "plural: counted message 'quiz_count' needs quiz_count_one for nl" in result.stderr


@pytest.mark.parametrize(
    ("path", "query", "one"),
    [("/search/", "leerplicht", "1 resultaat voor"), ("/en/search/", "compulsory", "1 result for")],
)
def test_search_says_1_result_and_picks_forms_like_python(page, base_url, content, path, query, one):
    page.goto(f"{base_url}{path}?q={query}")
    status = page.locator(".vt-search__status")
    page.wait_for_function("document.querySelector('.vt-search__status').textContent !== ''")
    assert page.locator(".vt-search__results li").count() == 1
    assert status.inner_text().startswith(one)
    lang = "en" if path.startswith("/en/") else "nl"
    for count in (0, 1, 2):
        shown = page.evaluate(
            "n => vtPlural(document.querySelector('form.vt-search').getAttribute('data-vt-search_results'), n)", count
        )
        assert shown == content.ui_count(lang, "search_results", count, q="{q}")


@pytest.mark.parametrize(("path", "lang"), [("/quotes/", "nl"), ("/en/quotes/", "en")])
def test_the_quotes_filter_counts_in_the_right_form(page, base_url, content, path, lang):
    page.goto(base_url + path)
    status = page.locator("[data-vt-quotes-status]")
    for count in (1, 2):
        shown = page.evaluate(
            "n => vtPlural(document.querySelector('[data-vt-quotes]').getAttribute('data-shown'), n)", count
        )
        assert shown == content.ui_count(lang, "quotes_shown", count)
    assert status.inner_text() == content.ui_count(lang, "quotes_shown", len(content.quotes))
