"""The self-assessment (zelfscan): items from the content model, scoring, the export format, the page
in real Chromium (storage, export, import, bad input), and the PDF report of an export."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from conftest import run_cli
from veilige_toekomst.core import assessment
from veilige_toekomst.render.assessment_shortcodes import OLD_STORAGE_KEY, STORAGE_PREFIX

browser_test = pytest.mark.xdist_group("browser")

FIXTURES = Path(__file__).parent / "fixtures" / "self-assessment"
EXPORT = FIXTURES / "opvang-de-linde.json"
MARKUP = FIXTURES / "markup-in-notes.json"
PAGE = "/self-assessment/"


@pytest.fixture(scope="module")
def groups(content):
    return assessment.groups(content, "nl")


def item_count(groups) -> int:
    return sum(len(g.items) for g in groups)


# --- the model -----------------------------------------------------------------------------------


def test_items_are_every_need_and_condition_with_the_same_ids_in_both_languages(content, groups):
    needs = sum(len(p.meta.needs) for p in content.pillars("nl"))
    conditions = sum(len(a.meta.conditions) for a in content.living_areas("nl"))
    assert item_count(groups) == needs + conditions
    assert [g.id for g in groups][:6] == [p.meta.id for p in content.pillars("nl")]
    english = assessment.groups(content, "en")
    assert [i.id for g in english for i in g.items] == [i.id for g in groups for i in g.items]
    assert groups[0].items[0].id == "safety.need-1"
    assert [i.id for g in groups if g.id == "housing" for i in g.items][2] == "housing.condition-3"


def test_score_counts_partly_as_half_and_leaves_out_not_applicable_and_unrated(groups):
    group = next(g for g in groups if len(g.items) >= 5)
    ids = [i.id for i in group.items]
    ratings = {ids[0]: "in_place", ids[1]: "partly", ids[2]: "not_in_place", ids[3]: "not_applicable"}
    assert assessment.score(group, ratings).value == pytest.approx((1 + 0.5) / 3)
    assert assessment.score(group, {ids[0]: "not_applicable"}).value is None
    gaps = assessment.gaps(groups, {ids[1]: "partly", ids[2]: "not_in_place", ids[0]: "in_place"})
    assert [(item.id, rating) for _, item, rating in gaps] == [(ids[2], "not_in_place"), (ids[1], "partly")]


def test_schema_says_what_the_code_reads():
    schema = assessment.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    props = schema["properties"]
    assert props["format"]["const"] == assessment.FORMAT and props["version"]["enum"] == list(assessment.VERSIONS)
    answer = props["answers"]["items"]["properties"]
    assert answer["rating"]["enum"] == [*assessment.RATINGS, None]
    assert answer["note"]["maxLength"] == assessment.NOTE_MAX
    assert answer["id"]["pattern"] == assessment.ITEM_ID
    assert props["organisation"]["maxLength"] == assessment.ORGANISATION_MAX


def test_checklist_is_in_the_html_without_script(site, groups):
    html = (site / "self-assessment" / "index.html").read_text()
    assert html.count('<fieldset class="vt-sa-item"') == item_count(groups)
    first = groups[0].items[0]
    assert f"<legend>{first.text}</legend>" in html
    assert html.count(f'name="{first.id}"') == len(assessment.RATINGS)
    # The script reads the items from the checklist: each carries what it needs, in booklet order.
    found = re.findall(r'<fieldset class="vt-sa-item" id="[^"]+" data-item="([^"]+)" data-anchor="([^"]+)">', html)
    assert found == [(i.id, i.anchor) for g in groups for i in g.items]
    assert f'data-group="{groups[0].id}" data-kind="pillar" data-number="1" data-title="{groups[0].title}"' in html
    assert not re.search(r"\son[a-z]+=", html), "no inline event handlers (strict CSP)"
    assert "json-schema.org" not in html  # the export schema loads only when a file is read
    english = (site / "en" / "self-assessment" / "index.html").read_text()
    assert "Not applicable" in english and "Self-assessment" in english


# --- the CLI report --------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_report_pdf_has_scores_gaps_and_notes(tmp_path, content, groups):
    out = tmp_path / "verslag.pdf"
    result = run_cli("scan-report", str(EXPORT), "--lang", "nl", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_text(out).split())
    export = assessment.load_export(EXPORT, {i.id for g in groups for i in g.items})
    assert export.organisation in text and "Wat nog aandacht vraagt" in text
    for group in groups:
        value = assessment.percent(assessment.score(group, export.ratings()))
        expected = "–" if value is None else f"{value}%"
        assert re.search(rf"{group.number}\. {re.escape(group.title)} {re.escape(expected)}", text), group.title
    first_gap = assessment.gaps(groups, export.ratings())[0][1]
    assert " ".join(first_gap.text.split()) in text
    for note in export.notes().values():
        assert note in text
    assert "Focus van de pijler:" in text


def test_report_prints_markup_in_notes_as_text(tmp_path):
    out = tmp_path / "report.pdf"
    result = run_cli("scan-report", str(MARKUP), "--lang", "en", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "<script>window.__pwned = 1</script>" in text and "<b>Shelter</b> & Co" in text


BAD_EXPORTS = [
    ("not-json.json", "not JSON (line 1"),
    ("not-an-export.json", "not a self-assessment export"),
    ("unknown-version.json", "export version 7 is not supported (this tool reads versions 1, 2)"),
    (
        "unknown-ids.json",
        "unknown item id(s) (not a need or condition in this content): safety.need-9, gardening.condition-1",
    ),
    ("bad-rating.json", "answers[0].rating: 'mostly' is not one of"),
    ("answered-twice.json", "item safety.need-1 is answered more than once"),
]


@pytest.mark.parametrize("name, problem", BAD_EXPORTS)
def test_a_bad_export_is_refused_with_the_reason(groups, name, problem):
    with pytest.raises(assessment.ExportError, match=re.escape(problem)):
        assessment.load_export(FIXTURES / "bad" / name, {i.id for g in groups for i in g.items})


def test_report_command_refuses_a_bad_export_with_exit_1_and_no_traceback(tmp_path):
    out = tmp_path / "report.pdf"
    result = run_cli("scan-report", str(FIXTURES / "bad" / "unknown-ids.json"), "--lang", "en", "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"{FIXTURES / 'bad' / 'unknown-ids.json'}: {BAD_EXPORTS[3][1]}")
    assert not out.exists()


# --- the page in Chromium --------------------------------------------------------------------------


def open_page(page, url: str):
    """The self-assessment page, failing the test on a script error or a blocked resource (CSP)."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: problems.append(msg.text) if "Content Security Policy" in msg.text else None)
    missing: list[str] = []
    page.on(
        "response",
        lambda response: missing.append(f"{response.status} {response.url}") if response.status >= 400 else None,
    )
    page.goto(url)
    try:
        page.wait_for_selector("#vt-sa-tool:not([hidden])", timeout=10_000)
    except PlaywrightTimeout:
        pytest.fail(f"the script did not start on {url}: {problems + missing}")
    return problems


def item(page, item_id: str):
    return page.locator(f'fieldset[data-item="{item_id}"]')


def rate(page, item_id: str, rating: str) -> None:
    item(page, item_id).locator(f'input[value="{rating}"]').check()


def import_file(page, path: Path) -> None:
    page.set_input_files("#vt-sa-import-file", str(path))


def message(page) -> str:
    return page.locator("#vt-sa-message").inner_text()


@browser_test
def test_ratings_and_notes_are_kept_after_reload(page, base_url, groups):
    problems = open_page(page, base_url + PAGE)
    total = item_count(groups)
    assert page.locator("#vt-sa-progress-text").inner_text() == f"0 van {total} beoordeeld"
    rate(page, "safety.need-1", "in_place")
    rate(page, "safety.need-2", "partly")
    rate(page, "housing.condition-3", "not_in_place")
    item(page, "housing.condition-3").locator("textarea").fill("Tienerruimte is er nog niet.")
    assert page.locator("#vt-sa-progress-text").inner_text() == f"3 van {total} beoordeeld"
    assert page.locator("#vt-sa-progress-text").get_attribute("aria-live") == "polite"
    assert page.locator("#vt-sa-progress-bar").evaluate("bar => bar.value") == 3

    page.reload()
    page.wait_for_selector("#vt-sa-tool:not([hidden])")
    assert item(page, "safety.need-1").locator('input[value="in_place"]').is_checked()
    assert item(page, "housing.condition-3").locator("textarea").input_value() == "Tienerruimte is er nog niet."
    assert page.locator("#vt-sa-progress-text").inner_text() == f"3 van {total} beoordeeld"
    # Result: safety (1 + 0.5) / 2, and the gap listed first links to its item on the housing page.
    chart = page.locator('.vt-sa-chart[data-kind="pillar"]')
    assert chart.locator("svg[role=img] > title").text_content() == "Score per pijler"
    assert "Veiligheid: 75%" in chart.locator("svg desc").text_content()
    assert chart.locator("tbody tr").first.locator("td").first.inner_text() == "75%"
    gap = page.locator(".vt-sa-gap-list").first
    assert gap.get_attribute("data-rating") == "not_in_place"
    gap.locator("a").first.click()
    page.wait_for_url("**/living-areas/housing/#condition-3")
    assert page.locator("#condition-3").is_visible()
    assert problems == []


@browser_test
def test_print_view_shows_the_checklist_without_the_tools(page, base_url):
    open_page(page, base_url + PAGE)
    rate(page, "safety.need-1", "partly")
    page.locator("#vt-sa-organisation").fill("Opvang Oost")
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Exporteer als JSON").is_visible()
    assert not page.locator("#vt-sa-progress").is_visible()
    assert page.locator("#vt-sa-organisation").is_visible()
    assert item(page, "safety.need-1").is_visible()
    assert item(page, "safety.need-1").locator('input[value="partly"]').is_checked()


@browser_test
def test_export_json_and_csv(page, base_url, groups):
    problems = open_page(page, base_url + PAGE)
    rate(page, "safety.need-1", "not_in_place")
    rate(page, "future.need-2", "not_applicable")
    note = 'Eerste regel; "met aanhalingstekens"\n=SUM(A1:A2)'
    item(page, "safety.need-1").locator("textarea").fill(note)
    page.locator("#vt-sa-organisation").fill("Opvang Zuid")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer als JSON").click()
    assert download.value.suggested_filename.startswith("zelfscan-veilige-toekomst-")
    exported = json.loads(Path(download.value.path()).read_text())
    jsonschema.validate(exported, assessment.schema())
    parsed = assessment.parse_export(json.dumps(exported), {i.id for g in groups for i in g.items})
    assert parsed.organisation == "Opvang Zuid" and parsed.language == "nl"
    assert [(a.id, a.rating, a.note) for a in parsed.answers] == [
        ("safety.need-1", "not_in_place", note),
        ("future.need-2", "not_applicable", ""),
    ]

    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer als CSV (spreadsheet)").click()
    raw = Path(download.value.path()).read_text(encoding="utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][0] == "Id" and len(rows) == 1 + item_count(groups)
    first = rows[1]
    assert first[0] == "safety.need-1" and first[2] == "1. Veiligheid" and first[4] == "not_in_place"
    assert first[5] == "Niet geregeld" and first[6] == note
    assert next(r for r in rows if r[0] == "future.need-2")[5] == "Niet van toepassing"
    assert download.value.suggested_filename in message(page)
    assert problems == []


@browser_test
def test_formula_in_a_note_is_plain_text_in_the_csv(page, base_url):
    open_page(page, base_url + "/en" + PAGE)
    item(page, "safety.need-1").locator("textarea").fill("=1+1")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as CSV (spreadsheet)").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[1][0] == "safety.need-1" and rows[1][6] == "'=1+1"


@browser_test
def test_import_into_a_fresh_browser_gives_the_same_scores_as_the_report(browser, base_url, groups):
    context = browser.new_context()
    page = context.new_page()
    problems = open_page(page, base_url + PAGE)
    import_file(page, EXPORT)
    export = assessment.load_export(EXPORT, {i.id for g in groups for i in g.items})
    expect(page.locator("#vt-sa-message")).to_contain_text(
        f"Het bestand is ingelezen: {len(export.answers)} antwoorden."
    )
    assert page.locator("#vt-sa-organisation").input_value() == export.organisation
    rows = page.locator(".vt-sa-chart tbody tr")
    assert rows.count() == len(groups)
    for row, group in zip(rows.all(), groups):
        value = assessment.percent(assessment.score(group, export.ratings()))
        expected = "geen score" if value is None else f"{value}%"
        assert row.locator("td").first.inner_text() == expected, group.id

    # With answers in the browser, a second import asks first; "compare" keeps the answers.
    before = page.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
    import_file(page, MARKUP)
    dialog = page.locator("#vt-sa-import-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Vergelijken met mijn antwoorden").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#vt-sa-compare")).to_be_visible()
    assert page.locator('.vt-sa-chart[data-kind="pillar"] thead th').nth(2).inner_text() == "Score in het bestand"
    assert page.evaluate("JSON.stringify(Object.entries(localStorage).sort())") == before
    assert problems == []
    context.close()


@browser_test
def test_markup_in_an_imported_file_stays_text_and_runs_nothing(page, base_url):
    page.add_init_script("window.__pwned = 0")
    problems = open_page(page, base_url + "/en" + PAGE)
    import_file(page, MARKUP)
    page.wait_for_selector(".vt-sa-gap-list")
    script_note = "<script>window.__pwned = 1</script>"
    assert item(page, "safety.need-1").locator("textarea").input_value() == script_note
    gaps = page.locator("#vt-sa-gaps")
    assert script_note in gaps.inner_text()
    assert '<img src=x onerror="window.__pwned = 2">' in gaps.inner_text()
    assert gaps.locator("script, img").count() == 0
    assert page.locator("#vt-sa-organisation").input_value() == "<b>Shelter</b> & Co"
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") == 0
    assert problems == []


@browser_test
@pytest.mark.parametrize(
    "name, expected",
    [
        ("not-json.json", "This file is not a JSON file."),
        ("unknown-version.json", "This file is version 7. This page can only read these versions: 1, 2."),
        ("unknown-ids.json", "does not know: safety.need-9, gardening.condition-1."),
        ("bad-rating.json", "damaged or was changed by hand (answers[0].rating)"),
    ],
)
def test_a_bad_import_is_refused_and_the_answers_stay(page, base_url, name, expected):
    open_page(page, base_url + "/en" + PAGE)
    rate(page, "attachment.need-2", "in_place")
    import_file(page, FIXTURES / "bad" / name)
    expect(page.locator("#vt-sa-message")).not_to_be_empty()
    text = message(page)
    assert expected in text and "Your answers have not changed." in text
    assert page.locator("#vt-sa-message").get_attribute("aria-live") == "polite"
    assert not page.locator("#vt-sa-import-dialog").is_visible()
    assert item(page, "attachment.need-2").locator('input[value="in_place"]').is_checked()


@browser_test
@pytest.mark.parametrize("stored", ["{not json", '{"rating": "mostly", "note": "", "at": 1}', "[1, 2, 3]"])
def test_a_damaged_answer_in_storage_is_dropped_and_the_others_kept(page, base_url, stored):
    problems = open_page(page, base_url + PAGE)
    rate(page, "safety.need-2", "partly")
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)", [STORAGE_PREFIX + "answer.safety.need-1", stored]
    )
    page.reload()
    page.wait_for_selector("#vt-sa-tool:not([hidden])")
    assert "1 bewaard antwoord was beschadigd" in message(page)
    assert item(page, "safety.need-2").locator('input[value="partly"]').is_checked()
    assert page.locator("fieldset.vt-sa-item input:checked").count() == 1
    rate(page, "safety.need-1", "in_place")  # and it works again
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_PREFIX}answer.safety.need-1')"))
    assert saved["rating"] == "in_place" and saved["at"] > 0
    assert problems == []


@browser_test
def test_on_a_phone_the_page_never_scrolls_sideways_only_its_tables_do(browser, base_url):
    """The result, the team round and the action plan draw wide tables; each scrolls in its own box."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    open_page(page, base_url + PAGE)
    rate(page, "safety.need-1", "partly")
    rate(page, "housing.condition-1", "not_in_place")
    page.set_input_files("#vt-sa-team-files", [str(p) for p in TEAM])
    expect(page.locator("#vt-sa-team-summary")).to_contain_text("3 exports meegeteld")
    expect(page.locator(".vt-sa-plan-table")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for table in page.locator(".vt-sa-scroller").all():
        assert table.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    context.close()


@browser_test
def test_the_offline_edition_reads_an_export_from_disk(browser, offline_site, groups):
    """Opened from disk (file://), the page loads the export schema the first time it reads a file."""
    context = browser.new_context()
    page = context.new_page()
    problems = open_page(page, (offline_site / "self-assessment" / "index.html").as_uri())
    assert "json-schema.org" not in page.content()
    import_file(page, EXPORT)
    export = assessment.load_export(EXPORT, {i.id for g in groups for i in g.items})
    expect(page.locator("#vt-sa-message")).to_contain_text(
        f"Het bestand is ingelezen: {len(export.answers)} antwoorden."
    )
    assert item(page, "safety.need-1").locator('input[value="partly"]').is_checked()
    assert problems == []
    context.close()


@browser_test
def test_answers_kept_by_the_first_version_of_the_page_are_moved_over(page, base_url):
    open_page(page, base_url + PAGE)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [OLD_STORAGE_KEY, EXPORT.read_text()])
    page.reload()
    page.wait_for_selector("#vt-sa-tool:not([hidden])")
    assert item(page, "safety.need-1").locator('input[value="partly"]').is_checked()
    assert page.evaluate(f"localStorage.getItem('{OLD_STORAGE_KEY}')") is None


@browser_test
def test_delete_asks_first_then_removes_everything(page, base_url):
    open_page(page, base_url + "/en" + PAGE)
    rate(page, "future.need-1", "partly")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Delete my answers").click()
    assert item(page, "future.need-1").locator('input[value="partly"]').is_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete my answers").click()
    assert message(page) == "Your answers and notes have been deleted from this browser."
    assert not item(page, "future.need-1").locator('input[value="partly"]').is_checked()
    assert page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{STORAGE_PREFIX}'))") == []


@browser_test
def test_works_opened_from_disk(page, site, groups):
    problems = open_page(page, (site / "en" / "self-assessment" / "index.html").as_uri())
    rate(page, "relaxation.condition-2", "in_place")
    assert page.locator("#vt-sa-progress-text").inner_text() == f"1 of {item_count(groups)} rated"
    assert "Relaxation: 100%" in page.locator('.vt-sa-chart[data-kind="living_area"] svg desc').text_content()
    assert problems == []


# --- working as a team (issue 18) --------------------------------------------------------------------

TEAM = [FIXTURES / "team" / f"{name}.json" for name in ("anna", "bram", "chris")]


@browser_test
def test_two_tabs_keep_every_answer(browser, base_url):
    """Dutch and English page share answers: neither tab writes back the state it read when it loaded."""
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    problems = open_page(first, base_url + PAGE) + open_page(second, base_url + "/en" + PAGE)
    rate(first, "safety.need-1", "partly")
    item(first, "safety.need-1").locator("textarea").fill("Notitie uit tab 1")
    item(first, "safety.need-1").locator("textarea").blur()
    rate(second, "safety.need-2", "in_place")
    # The second tab heard the first: it shows the rating and note without a reload.
    expect(item(second, "safety.need-1").locator("textarea")).to_have_value("Notitie uit tab 1")
    rate(first, "future.need-1", "not_in_place")
    first.reload()
    first.wait_for_selector("#vt-sa-tool:not([hidden])")
    assert item(first, "safety.need-1").locator('input[value="partly"]').is_checked()
    assert item(first, "safety.need-1").locator("textarea").input_value() == "Notitie uit tab 1"
    assert item(first, "safety.need-2").locator('input[value="in_place"]').is_checked()
    second.reload()
    second.wait_for_selector("#vt-sa-tool:not([hidden])")
    assert item(second, "future.need-1").locator('input[value="not_in_place"]').is_checked()
    # An older record never overwrites a newer one.
    key = STORAGE_PREFIX + "answer.safety.need-1"
    newer = json.loads(first.evaluate(f"localStorage.getItem('{key}')"))
    assert (
        second.evaluate("([key]) => { const r = JSON.parse(localStorage.getItem(key)); return r.rating; }", [key])
        == newer["rating"]
    )
    assert problems == []
    context.close()


@browser_test
def test_three_exports_combine_into_counts_disagreements_first(page, base_url, tmp_path):
    problems = open_page(page, base_url + PAGE)
    broken = tmp_path / "kapot.json"
    broken.write_bytes(b"\xff\xfe not utf-8")
    page.set_input_files("#vt-sa-team-files", [str(p) for p in TEAM] + [str(broken), str(TEAM[0])])
    expect(page.locator("#vt-sa-team-summary")).to_contain_text("3 exports meegeteld")
    messages = page.locator("#vt-sa-team-messages").inner_text()
    assert "kapot.json: Niet meegeteld. Dit bestand is niet als UTF-8 opgeslagen" in messages
    assert "dezelfde persoon of hetzelfde bestand als anna.json" in messages
    assert "Bram, teamleider: 3 antwoorden meegeteld." in messages
    entries = page.locator(".vt-sa-team-item")
    # Disagreements first: safety.need-1 (in place 1, partly 2) and housing.condition-3; then safety.need-2.
    assert [e.get_attribute("data-item") for e in entries.all()] == [
        "safety.need-1",
        "housing.condition-3",
        "safety.need-2",
    ]
    first = item_team = page.locator('.vt-sa-team-item[data-item="safety.need-1"]')
    assert "Verschil van mening:" in first.locator("h4").inner_text()  # not by colour alone
    rows = {r.locator("th").inner_text(): r.locator("td").all_inner_texts() for r in first.locator("tbody tr").all()}
    assert rows["Geregeld"] == ["1", "Anna, pedagogisch medewerker"]
    assert rows["Deels geregeld"] == ["2", "Bram, teamleider, Chris, kindbegeleider"]
    assert rows["Niet geregeld"][0] == "0"
    assert "Plan ligt er." in item_team.inner_text() and "Niet voor ieder kind." in item_team.inner_text()
    agreed = page.locator('.vt-sa-team-item[data-item="safety.need-2"]')
    assert agreed.get_attribute("data-disagree") == "false"
    assert agreed.locator("tbody tr").first.locator("td").first.inner_text() == "3"
    # The consensus puts the item in the action plan and survives a reload.
    first.locator("select").select_option("partly")
    expect(page.locator('#vt-sa-plan [data-item="safety.need-1"][data-action-field="what"]')).to_be_visible()
    page.reload()
    page.wait_for_selector("#vt-sa-tool:not([hidden])")
    expect(page.locator('#vt-sa-plan [data-item="safety.need-1"][data-action-field="what"]')).to_be_visible()
    assert problems == []


@browser_test
def test_action_plan_survives_reload_export_and_import(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    problems = open_page(page, base_url + "/en" + PAGE)
    rate(page, "safety.need-1", "not_in_place")
    field = lambda name: page.locator(f'#vt-sa-plan [data-item="safety.need-1"][data-action-field="{name}"]')  # noqa: E731
    field("what").fill("Write a safety plan with every child")
    field("who").fill("Team leader")
    field("due").fill("2026-06-30")
    field("status").select_option("in_progress")
    page.reload()
    page.wait_for_selector("#vt-sa-tool:not([hidden])")
    assert field("what").input_value() == "Write a safety plan with every child"
    assert field("due").input_value() == "2026-06-30" and field("status").input_value() == "in_progress"
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as JSON").click()
    exported = Path(download.value.path()).read_text()
    doc = json.loads(exported)
    jsonschema.validate(doc, assessment.schema())
    assert doc["version"] == 2
    assert doc["actions"] == [
        {
            "id": "safety.need-1",
            "what": "Write a safety plan with every child",
            "who": "Team leader",
            "due": "2026-06-30",
            "status": "in_progress",
        }
    ]
    with page.expect_download() as download:
        page.get_by_role("button", name="Export the action plan as CSV").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[1] == [
        "safety.need-1",
        rows[1][1],
        "Not in place",
        "Write a safety plan with every child",
        "Team leader",
        "2026-06-30",
        "In progress",
    ]
    fresh = browser.new_context().new_page()
    open_page(fresh, base_url + PAGE)
    path = Path(download.value.path()).with_suffix(".json")
    path.write_text(exported)
    import_file(fresh, path)
    expect(fresh.locator('#vt-sa-plan [data-item="safety.need-1"][data-action-field="who"]')).to_have_value(
        "Team leader"
    )
    assert problems == []
    context.close()


@browser_test
def test_an_earlier_round_shows_what_moved(page, base_url, groups):
    problems = open_page(page, base_url + PAGE)
    safety = next(g for g in groups if g.id == "safety")
    for entry in safety.items:
        rate(page, entry.id, "in_place")
    import_file(page, EXPORT)  # the earlier round: safety.need-1 partly, safety.need-2 not in place, ...
    page.locator("#vt-sa-import-dialog").get_by_role("button", name="Vergelijken met mijn antwoorden").click()
    export = assessment.load_export(EXPORT, {i.id for g in groups for i in g.items})
    before = assessment.percent(assessment.score(safety, export.ratings()))
    row = page.locator('.vt-sa-chart[data-kind="pillar"] tbody tr').first
    cells = row.locator("td").all_inner_texts()
    assert cells[:3] == ["100%", f"{before}%", f"+{100 - before}"]
    assert problems == []


def test_the_page_loads_its_scripts_only_on_its_page_and_tells_the_right_command(site):
    html = (site / "self-assessment" / "index.html").read_text()
    assert '<script src="../assets/javascripts/self-assessment.js">' in html
    other = (site / "index.html").read_text()
    assert "self-assessment" not in re.sub(r'href="[^"]*"', "", other).split("<script")[-1]
    assert "self-assessment" not in "".join(re.findall(r'<script src="([^"]*)"', other))
    english = (site / "en" / "self-assessment" / "index.html").read_text()
    assert '<script src="../../assets/javascripts/self-assessment.js">' in english
    joined = (site / "assets" / "javascripts" / "self-assessment.js").read_text()
    parts = [joined.index(f"/* assets/javascripts/self-assessment/{part}.js */") for part in ("base", "store", "page")]
    assert parts == sorted(parts)  # in the order they run
    assert 'href="#sa-results-title"' in html  # the result in the table of contents


def test_report_of_three_exports_and_an_earlier_round(tmp_path):
    out = tmp_path / "team.pdf"
    result = run_cli("scan-report", *map(str, TEAM), "--earlier", str(EXPORT), "--lang", "nl", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_text(out).split())
    assert "telt de antwoorden van 3 exports bij elkaar op: Anna, pedagogisch medewerker, Bram, teamleider" in text
    # Safety over all nine answers: in place 1, partly 2, not in place 3 -> (1 + 1) / 6 = 33%.
    assert "1. Veiligheid 33%" in text
    assert "Vergeleken met de vorige ronde" in text and "Bram, teamleider: Niet voor ieder kind." in text


def test_report_names_every_bad_file(tmp_path):
    bad = FIXTURES / "bad" / "not-json.json"
    result = run_cli("scan-report", str(TEAM[0]), str(bad), "--lang", "nl", "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 1 and result.stderr.startswith(f"{bad}: not JSON")


@browser_test
def test_saving_comes_back_when_the_browser_has_room_again(page, base_url):
    """Issue 14: once storage was full, the page went on not saving for the rest of the visit."""
    # The browser's storage is "full" until the test frees it: every write throws QuotaExceededError.
    page.add_init_script(
        "(() => { const set = Storage.prototype.setItem; window.vtFull = false;"
        " Storage.prototype.setItem = function (k, v) {"
        "  if (window.vtFull) throw new DOMException('full', 'QuotaExceededError');"
        "  return set.call(this, k, v); }; })()"
    )
    problems = open_page(page, base_url + PAGE)
    page.evaluate("window.vtFull = true")
    rate(page, "safety.need-1", "partly")
    expect(page.locator("#vt-sa-message")).to_contain_text("geen ruimte meer")
    page.evaluate("window.vtFull = false")
    rate(page, "safety.need-2", "in_place")
    expect(page.locator("#vt-sa-message")).to_contain_text("Er is weer ruimte")
    page.reload()
    page.wait_for_selector("#vt-sa-tool:not([hidden])")
    assert item(page, "safety.need-1").locator('input[value="partly"]').is_checked()  # the answer that waited
    assert item(page, "safety.need-2").locator('input[value="in_place"]').is_checked()
    assert problems == []


@browser_test
def test_the_printed_result_shows_every_column_of_its_tables(page, base_url, tmp_path):
    """On a screen the result tables scroll sideways; on paper a scroll box would cut their last columns."""
    open_page(page, base_url + PAGE)
    rate(page, "safety.need-1", "partly")
    pdf = tmp_path / "result.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    for header in ("Niet van", "toepassing", "Nog niet", "beoordeeld"):
        assert header in text, header
