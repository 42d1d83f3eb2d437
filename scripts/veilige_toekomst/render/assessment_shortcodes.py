"""`<!-- self-assessment -->`: the zelfscan as a printable checklist, with data for the script that adds the rest.

Without JavaScript the page is a complete checklist (every item with its four ratings and a note field).
The scripts in assets/javascripts/self-assessment/ (SCRIPTS, joined into SCRIPT_URI, loaded only here) unhide the tool bar, the
results, the team round and the action plan, and keep the answers in the browser. The script
reads the items from the checklist (the data attributes of each group and item); the interface strings
travel inside the page as JSON, and the export schema is a script it loads when it first reads a file,
so it works opened from disk too. Links to the
pillar and area pages are Markdown links, so mkdocs writes them for the site and for the offline edition
alike (and checks their anchors); the script takes each page's address from them.
"""

from __future__ import annotations

import json
from html import escape

from ..core import assessment
from ..core.assessment import Group
from ..core.urls import relative_md
from . import charts
from .context import Context, asset_url, no_args, shortcode

OLD_STORAGE_KEY = "veilige-toekomst.self-assessment.v1"
"""Where the first version of the page kept all answers under one key; read once and moved over."""
STORAGE_PREFIX = "veilige-toekomst.self-assessment."
"""Each answer, action and consensus has its own key under this prefix, the same in every language."""
SCRIPTS = tuple(
    f"assets/javascripts/self-assessment/{part}.js"
    for part in ("base", "store", "model", "render", "files", "team", "page")
)
"""Classic scripts sharing window.VT.sa, in the order they run (ES modules do not load from file://)."""
SCRIPT_URI = "assets/javascripts/self-assessment.js"
"""SCRIPTS joined into one file by the site build (site/stylesheets.py): one request instead of seven."""
SCHEMA_URI = "assets/javascripts/self-assessment-schema.js"
"""The export's JSON Schema as a script (schema_script), written by the site build; the page's script
loads it the first time it reads a file, so the page itself does not carry it."""

SCRIPT_STRINGS = (
    "pillar",
    "living_area",
    "sa_progress",
    "sa_chart_title_pillar",
    "sa_chart_title_living_area",
    "sa_chart_desc",
    "sa_chart_desc_item",
    "sa_chart_desc_compare",
    "sa_no_score",
    "sa_score_col",
    "sa_compare_col",
    "sa_difference_col",
    "sa_unrated_col",
    "sa_summary",
    "sa_summary_not_applicable_one",
    "sa_summary_not_applicable_other",
    "sa_gaps_none",
    "sa_gap_rating",
    "sa_item_where",
    "sa_gap_note",
    "sa_compare_active",
    "sa_compare_yours",
    "sa_compare_yours_short",
    "sa_compare_col_short",
    "sa_msg_saved_nowhere",
    "sa_msg_storage_full",
    "sa_msg_storage_room",
    "sa_msg_storage_dropped_one",
    "sa_msg_storage_dropped_other",
    "sa_err_not_utf8",
    "sa_team_added_one",
    "sa_team_added_other",
    "sa_team_not_added",
    "sa_team_twice",
    "sa_team_unknown_one",
    "sa_team_unknown_other",
    "sa_team_language",
    "sa_team_summary_one",
    "sa_team_summary_other",
    "sa_team_disagree",
    "sa_team_rating_col",
    "sa_team_count_col",
    "sa_team_who_col",
    "sa_team_consensus",
    "sa_team_consensus_none",
    "sa_plan",
    "sa_plan_none",
    "sa_plan_item",
    "sa_plan_what",
    "sa_plan_who",
    "sa_plan_due",
    "sa_plan_status",
    "sa_plan_file_stem",
    "sa_msg_imported_one",
    "sa_msg_imported_other",
    "sa_msg_comparing",
    "sa_msg_compare_stopped",
    "sa_msg_import_kept",
    "sa_msg_deleted",
    "sa_msg_nothing_to_delete",
    "sa_confirm_delete",
    "sa_err_not_json",
    "sa_err_not_export",
    "sa_err_version",
    "sa_err_unknown_ids",
    "sa_err_invalid",
    "sa_err_read",
    "sa_err_too_big",
    "sa_file_stem",
    "sa_csv_kind",
    "sa_csv_group",
    "sa_csv_item",
    "sa_csv_text",
    "sa_csv_rating",
    "sa_csv_rating_label",
    "sa_csv_note",
    "sa_msg_exported",
) + tuple(f"sa_rating_{rating}" for rating in assessment.RATINGS)
SCRIPT_STRINGS += tuple(f"sa_plan_status_{status}" for status in assessment.ACTION_STATUSES)


def _json_for_script(data: object) -> str:
    """JSON that cannot end the <script> element it stands in, whatever the texts contain."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def schema_script() -> str:
    """The text of SCHEMA_URI: a classic script that puts the export's JSON Schema at
    window.VT.assessmentSchema (a script, not a JSON file: a page opened from disk cannot fetch one)."""
    return f"(window.VT = window.VT || {{}}).assessmentSchema = {_json_for_script(assessment.schema())};\n"


def _page_data(ctx: Context) -> dict:
    return {
        "format": assessment.FORMAT,
        "versions": list(assessment.VERSIONS),
        "schemaScript": asset_url(ctx, SCHEMA_URI),
        "chart": charts.constants(),
        "language": ctx.lang,
        "storagePrefix": STORAGE_PREFIX,
        "oldStorageKey": OLD_STORAGE_KEY,
        "actionStatuses": list(assessment.ACTION_STATUSES),
        "ratings": list(assessment.RATINGS),
        "gapRatings": list(assessment.GAP_RATINGS),
        "noteMax": assessment.NOTE_MAX,
        "organisationMax": assessment.ORGANISATION_MAX,
        "csvSeparator": ctx.ui("sa_csv_separator"),
        "strings": {key: ctx.ui(key) for key in SCRIPT_STRINGS},
    }


def _item_html(ctx: Context, item: assessment.Item) -> str:
    dom_id = "sa-" + item.id.replace(".", "-")
    options = "\n".join(
        f'<label class="vt-sa-rating"><input type="radio" name="{item.id}" value="{rating}"> '
        f"<span>{escape(ctx.ui('sa_rating_' + rating))}</span></label>"
        for rating in assessment.RATINGS
    )
    return (
        f'<fieldset class="vt-sa-item" id="{dom_id}" data-item="{item.id}" data-anchor="{item.anchor}">\n'
        f"<legend>{escape(item.text)}</legend>\n"
        f'<div class="vt-sa-ratings">\n{options}\n</div>\n'
        f'<div class="vt-sa-note vt-sa-note--empty"><label for="{dom_id}-note">{escape(ctx.ui("sa_note"))}</label>'
        f'<textarea id="{dom_id}-note" rows="2" maxlength="{assessment.NOTE_MAX}"></textarea>'
        f'<p class="vt-sa-note-print" aria-hidden="true"></p></div>\n'
        "</fieldset>"
    )


def _group_markdown(ctx: Context, group: Group) -> str:
    heading = f"### {ctx.ui(group.kind)} {group.number}: {group.title} {{#sa-{group.id}}}"
    target = f"{relative_md(ctx.page.src, group.page_src)}#{group.section}"
    link = f'[{ctx.ui("sa_read_more", title=group.title)}]({target}){{: .vt-sa-more data-group-link="{group.id}" }}'
    items = "\n".join(_item_html(ctx, item) for item in group.items)
    data = f'data-group="{group.id}" data-kind="{group.kind}" data-number="{group.number}" data-title="{escape(group.title)}"'
    return f'{heading}\n\n{link}\n\n<div class="vt-sa-group" {data}>\n{items}\n</div>'


def _toolbar(ctx: Context, total: int) -> str:
    ui = lambda key, **values: escape(ctx.ui(key, **values))  # noqa: E731
    button = '<button type="button" class="md-button{extra}" data-action="{action}">{label}</button>'
    actions = [
        '<a class="md-button md-button--primary" href="#sa-results">' + ui("sa_show_results") + "</a>",
        button.format(extra="", action="export-json", label=ui("sa_export_json")),
        button.format(extra="", action="export-csv", label=ui("sa_export_csv")),
        button.format(extra="", action="import", label=ui("sa_import")),
        button.format(extra="", action="export-plan-csv", label=ui("sa_export_plan_csv")),
        button.format(extra="", action="print", label=ui("sa_print")),
        button.format(extra=" vt-sa-danger", action="delete", label=ui("sa_delete")),
    ]
    return f"""<div class="vt-sa-tool" id="vt-sa-tool" hidden>
<div class="vt-sa-organisation"><label for="vt-sa-organisation">{ui("sa_organisation")}</label>
<input type="text" id="vt-sa-organisation" maxlength="{assessment.ORGANISATION_MAX}" autocomplete="organization">
<label for="vt-sa-name">{ui("sa_name")}</label>
<input type="text" id="vt-sa-name" maxlength="{assessment.NAME_MAX}"></div>
<div class="vt-sa-actions">
{chr(10).join(actions)}
<input type="file" id="vt-sa-import-file" accept=".json,application/json" hidden aria-label="{ui("sa_import")}">
</div>
<p id="vt-sa-message" class="vt-sa-message" aria-live="polite"></p>
<dialog id="vt-sa-import-dialog" class="vt-sa-dialog" aria-labelledby="vt-sa-import-title">
<h2 id="vt-sa-import-title">{ui("sa_import_title")}</h2>
<p>{ui("sa_import_question")}</p>
<div class="vt-sa-actions">
{button.format(extra=" md-button--primary", action="import-compare", label=ui("sa_import_compare"))}
{button.format(extra=" vt-sa-danger", action="import-replace", label=ui("sa_import_replace"))}
{button.format(extra="", action="import-cancel", label=ui("sa_cancel"))}
</div>
</dialog>
</div>

<div class="vt-sa-progress" id="vt-sa-progress" hidden>
<label for="vt-sa-progress-bar">{ui("sa_progress_label")}</label>
<progress id="vt-sa-progress-bar" max="{total}" value="0"></progress>
<p id="vt-sa-progress-text" aria-live="polite">{ui("sa_progress", rated=0, total=total)}</p>
</div>"""


def _results(ctx: Context) -> str:
    """The result, the team round and the action plan, filled in by the script. The headings are
    Markdown, so the table of contents lists them; CSS hides them until the script runs."""
    ui = lambda key: escape(ctx.ui(key))  # noqa: E731
    button = '<button type="button" class="md-button" data-action="{action}">{label}</button>'
    return f"""## {ctx.ui("sa_results")} {{#sa-results-title .vt-sa-scripted}}

<section class="vt-sa-results" id="sa-results" aria-labelledby="sa-results-title" hidden>
<p>{ui("sa_results_intro")}</p>
<p id="vt-sa-summary"></p>
<div id="vt-sa-compare" class="vt-sa-compare" hidden><p id="vt-sa-compare-text"></p>
<button type="button" class="md-button" data-action="stop-compare">{ui("sa_compare_stop")}</button></div>
<div id="vt-sa-charts" class="vt-sa-charts"></div>
<h3 id="sa-gaps">{ui("sa_gaps")}</h3>
<p>{ui("sa_gaps_intro")}</p>
<div id="vt-sa-gaps"></div>
</section>

## {ctx.ui("sa_team")} {{#sa-team .vt-sa-scripted}}

<section class="vt-sa-team" id="vt-sa-team" aria-labelledby="sa-team" hidden>
<p>{ui("sa_team_intro")}</p>
<div class="vt-sa-drop" id="vt-sa-team-drop">
{button.format(action="team-add", label=ui("sa_team_add"))}
<span>{ui("sa_team_drop")}</span>
{button.format(action="team-clear", label=ui("sa_team_clear"))}
<input type="file" id="vt-sa-team-files" accept=".json,application/json" multiple hidden aria-label="{ui("sa_team_add")}">
</div>
<ul id="vt-sa-team-messages" class="vt-sa-team-messages" aria-live="polite"></ul>
<div id="vt-sa-team-result"></div>
</section>

## {ctx.ui("sa_plan")} {{#sa-plan .vt-sa-scripted}}

<section class="vt-sa-plan" aria-labelledby="sa-plan">
<p class="vt-sa-scripted">{ui("sa_plan_intro")}</p>
<div id="vt-sa-plan"></div>
</section>"""


@shortcode("self-assessment")
def _self_assessment(ctx: Context, args: list[str]) -> str:
    no_args(args, "self-assessment")
    groups = assessment.groups(ctx.content, ctx.lang)
    total = sum(len(g.items) for g in groups)
    data = _json_for_script(_page_data(ctx))
    parts = [
        _toolbar(ctx, total),
        f'<script type="application/json" id="vt-assessment-data">{data}</script>',
        f"## {ctx.ui('sa_pillars')} {{#sa-pillars}}",
        *[_group_markdown(ctx, g) for g in groups if g.kind == "pillar"],
        f"## {ctx.ui('sa_living_areas')} {{#sa-living-areas}}",
        *[_group_markdown(ctx, g) for g in groups if g.kind == "living_area"],
        _results(ctx),
        f'<script src="{asset_url(ctx, SCRIPT_URI)}"></script>',
    ]
    return "\n\n".join(parts)
