"""The booklet's figures: every one shown, as accessible charts with tables, notes and the booklet's year."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import make_project, run_cli
from veilige_toekomst.render import charts, formatting

SVG = "{http://www.w3.org/2000/svg}"
BLOCK = re.compile(r'<div class="vt-figures" data-group="[a-z_]+">.*')
"""A group's markup is written on one line by the `figures` shortcode."""
SPLIT_PREFIX = {"nl": ("VO", "MO"), "en": ("WS", "HS")}


def page_of(site: Path, lang: str) -> str:
    return (site / ("en/" if lang == "en" else "") / "figures/index.html").read_text(encoding="utf-8")


def blocks(site: Path, lang: str) -> dict[str, ET.Element]:
    """Each group's charts, table and notes, parsed (which also checks the markup is well-formed)."""
    parsed = [ET.fromstring(match[0]) for match in BLOCK.finditer(page_of(site, lang))]
    return {block.get("data-group"): block for block in parsed}


def text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def table_rows(block: ET.Element) -> dict[str, list[str]]:
    """Label (without its note link) -> the other cells of its row."""
    rows = {}
    for row in block.iter("tr"):
        header = row.find("th[@scope='row']")
        if header is not None:
            label = " ".join((header.text or "").split())
            rows[label] = [text(cell) for cell in row.findall("td")]
    return rows


def chart(block: ET.Element, kind: str) -> ET.Element | None:
    return next((f.find(f"{SVG}svg") for f in block.iter("figure") if f.get("id", "").endswith("-" + kind)), None)


def bar_values(svg: ET.Element) -> list[str]:
    return [t.text or "" for t in svg.iter(f"{SVG}text") if t.get("font-weight") == "bold"]


def stat_text(content, stat, lang: str, value=None) -> str:
    return formatting.statistic(stat, lang, "nl", lambda key, **v: content.ui(lang, key, **v), value)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_figure_is_on_the_figures_page_with_its_value(site, content, lang):
    groups = blocks(site, lang)
    assert set(groups) == {g.id for g in content.statistics.groups}
    for stat in content.statistics.statistics:
        rows = table_rows(groups[stat.group])
        label = " ".join(stat.label[lang].split())
        assert label in rows, f"{stat.id} is missing from the table of {stat.group}"
        if stat.value is not None or stat.display:
            assert stat_text(content, stat, lang) in rows[label][0], stat.id


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_chart_has_title_description_and_a_table_with_the_same_numbers(site, content, lang):
    year = str(content.statistics.year)
    charts_seen = 0
    for group, block in blocks(site, lang).items():
        rows = table_rows(block)
        for figure in block.iter("figure"):
            svg = figure.find(f"{SVG}svg")
            charts_seen += 1
            assert svg.get("role") == "img"
            title_id, desc_id = svg.get("aria-labelledby").split()
            title = svg.find(f"{SVG}title[@id='{title_id}']")
            desc = svg.find(f"{SVG}desc[@id='{desc_id}']")
            assert title is not None and title.text and text(figure.find("figcaption")) == title.text
            assert desc is not None and year in desc.text
            labels = " ".join(t.text or "" for t in svg.iter(f"{SVG}text") if t.get("font-weight") != "bold")
            values = bar_values(svg)
            if figure.get("id").endswith("-all"):
                shown = [(label, cells[0]) for label, cells in rows.items() if cells[0].endswith("%")]
                assert values == [value for _, value in shown], group
            else:
                first, second = SPLIT_PREFIX[lang]
                shown = [(label, cells[1:3]) for label, cells in rows.items() if cells[1]]
                pairs = [
                    [values[i].removeprefix(first + " "), values[i + 1].removeprefix(second + " ")]
                    for i in range(0, len(values), 2)
                ]
                assert pairs == [cells for _, cells in shown], group
            for label, _ in shown:
                assert label in labels, f"{group}: '{label}' has a row in the table but no bar"
    assert charts_seen == 5  # three lists of percentages, two of them also split into WS and HS


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_split_has_a_pair_of_bars_including_splits_without_an_overall_figure(site, content, lang):
    groups = blocks(site, lang)
    first, second = SPLIT_PREFIX[lang]
    splits = [s for s in content.statistics.statistics if s.womens_shelter is not None]
    assert any(s.value is None for s in splits)
    for stat in splits:
        svg = chart(groups[stat.group], "split")
        assert svg is not None, stat.group
        values = bar_values(svg)
        pair = [
            f"{first} {stat_text(content, stat, lang, stat.womens_shelter)}",
            f"{second} {stat_text(content, stat, lang, stat.homeless_shelter)}",
        ]
        assert any(values[i : i + 2] == pair for i in range(0, len(values), 2)), f"{stat.id}: no bars {pair}"
        assert svg.find(f"{SVG}defs/{SVG}pattern") is not None, "the second series is striped, not told by colour alone"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_booklets_inconsistencies_are_noted_next_to_their_figures(site, content, lang):
    groups = blocks(site, lang)
    noted = [s for s in content.statistics.statistics if s.note]
    for stat in noted:
        block = groups[stat.group]
        row = next(
            r
            for r in block.iter("tr")
            if " ".join((r.find("th").text or "").split()) == " ".join(stat.label[lang].split())
        )
        link = row.find("th/a")
        assert link is not None and link.get("href").startswith(f"#note-{stat.group}-"), stat.id
        note = next(li for li in block.iter("li") if li.get("id") == link.get("href")[1:])
        assert " ".join(stat.note[lang].split()) in text(note), stat.id
    # The ones the booklet is known for: 7 and 7-8 events, four lengths of stay, 25% and "more than 80%" bullied.
    ids = {s.id for s in noted}
    assert {
        "stressful_events_average_list",
        "stressful_events_average_prose",
        "stay_crisis",
        "stay_supported_housing",
        "stay_average_development",
        "stay_period_difference",
        "child_problems_bullied",
        "bullied_prose",
    } <= ids


def test_numbers_are_written_as_each_language_writes_them(site):
    dutch, english = page_of(site, "nl"), page_of(site, "en")
    for nl, en in [
        ("ongeveer 4.300", "about 4,300"),
        ("1–1,5 jaar", "1–1.5 years"),
        ("ongeveer 12.700", "about 12,700"),
        ("€ 500 miljoen", "€500 million"),
        ("meer dan 80%", "more than 80%"),
    ]:
        assert nl in dutch and en not in dutch
        assert en in english and nl not in english
    assert ">2012<" in dutch and "2.012" not in dutch and "2,012" not in english


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_figure_carries_the_booklets_year_and_footnote_numbers_only(site, content, lang):
    year = content.statistics.year
    for block in blocks(site, lang).values():
        assert f"({year})" in text(block.find(".//caption"))
    rows = table_rows(blocks(site, lang)["risk"])
    footnote = {"nl": f"boekje ({year}), voetnoot 22", "en": f"booklet ({year}), footnote 22"}[lang]
    assert rows[" ".join(content.statistics_by_id["abuse_risk_multiplier"].label[lang].split())][-1] == footnote
    intro = page_of(site, lang).split('<div class="vt-figures"')[0]
    assert str(year) in intro and {"nl": "voetnoot", "en": "footnote"}[lang] in intro


def test_export_gives_each_figure_with_its_split():
    data = json.loads(run_cli("export", "--lang", "en", check=True).stdout)
    by_id = {s["id"]: s for s in data["statistics"]}
    split_only = by_id["risk_personality_disorder"]
    assert (split_only["value"], split_only["womens_shelter"], split_only["homeless_shelter"], split_only["unit"]) == (
        None,
        38,
        72,
        "percent",
    )
    assert by_id["children_per_year_ws"]["label"].startswith("children (aged 0 to 17)")
    assert all(
        {"id", "group", "value", "unit", "label", "womens_shelter", "homeless_shelter", "year"} <= set(s)
        for s in data["statistics"]
    )


def validate_errors(project: Path) -> list[str]:
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    return result.stderr.splitlines()


def test_figure_rules_on_pages_name_file_and_line_and_a_shown_group_counts_as_shown(tmp_path):
    project = make_project(tmp_path, "unused-stat")
    housing = project / "docs/living-areas/housing.nl.md"
    housing.write_text(
        housing.read_text() + "\n<!-- figures stay -->\n\nDat is 31% van de kinderen.\n"
        "Een bewuste uitzondering: 100% zeker. <!-- literal-ok -->\nOngeveer <!-- stat stay_crsis -->.\n",
        encoding="utf-8",
    )
    stats = project / "docs/figures/statistics.yml"
    stats.write_text(stats.read_text().replace("en: stay in a crisis shelter", "en: ''"), encoding="utf-8")
    errors = validate_errors(project)
    assert "docs/living-areas/housing.nl.md:14: figure-typed: '31%' is typed into the page" in "\n".join(errors)
    assert not any(":15: figure-typed" in line for line in errors), "a line marked literal-ok is allowed"
    assert "docs/living-areas/housing.nl.md:16: shortcode: unknown figure id 'stay_crsis'" in "\n".join(errors)
    assert "docs/figures/statistics.yml:19: translation-missing: figure stay_crisis label has no en text" in errors
    assert not any("unused: stay_crisis" in line for line in errors), "shown through <!-- figures stay -->"


def test_figure_rules_in_the_data_file_are_all_reported_at_once(tmp_path):
    project = make_project(tmp_path, "unused-stat")
    stats = project / "docs/figures/statistics.yml"
    stats.write_text(
        stats.read_text().replace("    value: 2\n", "    value: 2\n    womens_shelter: 40\n")
        + "  - {id: too_many, group: stay, value: 120, unit: percent, label: {nl: a, en: a}, section: index}\n",
        encoding="utf-8",
    )
    errors = validate_errors(project)
    assert (
        "docs/figures/statistics.yml:14: field: statistics[1]: a split needs both womens_shelter and homeless_shelter"
        in errors
    )
    assert "docs/figures/statistics.yml:22: field: statistics[2]: value 120 is not a percentage (0–100)" in errors


def test_a_fork_with_the_old_split_names_is_told_the_new_ones(tmp_path):
    """Export version 1 and older statistics.yml files called the split vo / mo."""
    project = make_project(tmp_path)
    stats = project / "docs/figures/statistics.yml"
    old_split = "  - {id: split, group: stay, vo: 40, mo: 60, unit: percent, label: {nl: a, en: a}, section: index}\n"
    stats.write_text(stats.read_text(encoding="utf-8") + old_split, encoding="utf-8")
    errors = validate_errors(project)
    renamed = [
        line
        for line in errors
        if line.endswith(": vo and mo are now womens_shelter and homeless_shelter, as a quote's setting is named")
    ]
    assert renamed and renamed[0] == errors[0] and renamed[0].startswith("docs/figures/statistics.yml:"), errors[:3]


def test_chart_colours_have_enough_contrast():
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    for bar in (charts.SOLID, charts.HATCH):
        assert contrast(bar, "#ffffff") >= 4.5 and contrast(bar, charts.TRACK) >= 3


def test_chart_ids_are_unique_per_chart_and_text_is_escaped():
    one = charts.bar_chart("a", [charts.Bar("<b> & co", 50, "50%")], "T", "D")
    two = charts.paired_bar_chart(
        "b",
        [charts.PairedBar("x", (1, 2), ("1%", "2%"))],
        (charts.Series("A", "Aa"), charts.Series("B", "Bb")),
        "T",
        "D",
    )
    assert 'aria-labelledby="a-title a-desc"' in one and "&lt;b&gt; &amp; co" in one
    assert 'id="b-hatch"' in two and 'fill="url(#b-hatch)"' in two
    ET.fromstring(one), ET.fromstring(two)


@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("web_font", [True, False], ids=["web font", "phone's own font"])
@pytest.mark.parametrize("width", [375, 1280])
def test_charts_are_readable_on_a_phone_and_on_a_desktop(browser, base_url, width, web_font):
    """Also in the phone's own font, which is wider and shows while the web font has not arrived."""
    tab = browser.new_page(viewport={"width": width, "height": 900})
    if not web_font:
        tab.route("**/*.woff2", lambda route: route.abort())
    tab.goto(base_url + "/figures/")
    measured = tab.evaluate(
        """(fontSize) => ({
        pageWidth: document.documentElement.scrollWidth,
        charts: [...document.querySelectorAll("svg.vt-chart-svg")].map(svg => ({
            font: fontSize * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
            overflow: [...svg.querySelectorAll("text")].filter(t => {
                const box = t.getBBox();
                return box.x + box.width > svg.viewBox.baseVal.width + 0.5;
            }).map(t => t.textContent),
        })),
        tables: [...document.querySelectorAll(".vt-figure-table")]
            .filter(box => box.querySelector("table").getBoundingClientRect().width > box.clientWidth + 1).length,
    })""",
        charts.FONT,
    )
    tab.close()
    assert measured["pageWidth"] <= width, "the page scrolls sideways"
    assert measured["tables"] == 0, "a table needs sideways scrolling"
    assert len(measured["charts"]) == 5
    for one in measured["charts"]:
        assert not one["overflow"], f"text runs out of the chart: {one['overflow']}"
        assert 14 <= one["font"] <= 20, f"chart text drawn at {one['font']:.1f}px"
