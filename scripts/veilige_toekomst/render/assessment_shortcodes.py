"""`<!-- self-assessment -->`: the zelfscan as a printable checklist, with data for the script that adds the rest.

Without JavaScript the page is a complete checklist (every item with its four ratings and a note field).
self-assessment.js unhides the tool bar and the results, and keeps the answers in the browser. The items
and the interface strings travel inside the page as JSON, so it works opened from disk too. Links to the
pillar and area pages are Markdown links, so mkdocs writes them for the site and for the offline edition
alike (and checks their anchors); the script takes each page's address from them.
"""

from __future__ import annotations

import json
from html import escape

from ..core import assessment
from ..core.assessment import Group
from ..core.urls import relative_md
from .context import Context, no_args, shortcode

STORAGE_KEY = f"veilige-toekomst.self-assessment.v{assessment.VERSION}"
"""One key for every language: the item ids are the same in Dutch and English."""

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
    "sa_gaps_none",
    "sa_gap_rating",
    "sa_item_where",
    "sa_gap_note",
    "sa_compare_active",
    "sa_compare_yours",
    "sa_compare_yours_short",
    "sa_compare_col_short",
    "sa_msg_saved_nowhere",
    "sa_msg_storage_corrupt",
    "sa_msg_storage_unknown_one",
    "sa_msg_storage_unknown_other",
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


def _json_for_script(data: object) -> str:
    """JSON that cannot end the <script> element it stands in, whatever the texts contain."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _page_data(ctx: Context, groups: list[Group]) -> dict:
    return {
        "format": assessment.FORMAT,
        "version": assessment.VERSION,
        "language": ctx.lang,
        "storageKey": STORAGE_KEY,
        "ratings": list(assessment.RATINGS),
        "gapRatings": list(assessment.GAP_RATINGS),
        "noteMax": assessment.NOTE_MAX,
        "organisationMax": assessment.ORGANISATION_MAX,
        "csvSeparator": ctx.ui("sa_csv_separator"),
        "groups": [
            {
                "id": g.id,
                "kind": g.kind,
                "number": g.number,
                "title": g.title,
                "items": [{"id": i.id, "number": i.number, "text": i.text, "anchor": i.anchor} for i in g.items],
            }
            for g in groups
        ],
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
        f'<fieldset class="vt-sa-item" id="{dom_id}" data-item="{item.id}">\n'
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
    return f'{heading}\n\n{link}\n\n<div class="vt-sa-group" data-group="{group.id}">\n{items}\n</div>'


def _toolbar(ctx: Context, total: int) -> str:
    ui = lambda key, **values: escape(ctx.ui(key, **values))  # noqa: E731
    button = '<button type="button" class="md-button{extra}" data-action="{action}">{label}</button>'
    actions = [
        '<a class="md-button md-button--primary" href="#sa-results">' + ui("sa_show_results") + "</a>",
        button.format(extra="", action="export-json", label=ui("sa_export_json")),
        button.format(extra="", action="export-csv", label=ui("sa_export_csv")),
        button.format(extra="", action="import", label=ui("sa_import")),
        button.format(extra="", action="print", label=ui("sa_print")),
        button.format(extra=" vt-sa-danger", action="delete", label=ui("sa_delete")),
    ]
    return f"""<div class="vt-sa-tool" id="vt-sa-tool" hidden>
<div class="vt-sa-organisation"><label for="vt-sa-organisation">{ui("sa_organisation")}</label>
<input type="text" id="vt-sa-organisation" maxlength="{assessment.ORGANISATION_MAX}" autocomplete="organization"></div>
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
    ui = lambda key: escape(ctx.ui(key))  # noqa: E731
    return f"""<section class="vt-sa-results" id="sa-results" aria-labelledby="sa-results-title" hidden>
<h2 id="sa-results-title">{ui("sa_results")}</h2>
<p>{ui("sa_results_intro")}</p>
<p id="vt-sa-summary"></p>
<div id="vt-sa-compare" class="vt-sa-compare" hidden><p id="vt-sa-compare-text"></p>
<button type="button" class="md-button" data-action="stop-compare">{ui("sa_compare_stop")}</button></div>
<div id="vt-sa-charts" class="vt-sa-charts"></div>
<h3 id="sa-gaps">{ui("sa_gaps")}</h3>
<p>{ui("sa_gaps_intro")}</p>
<div id="vt-sa-gaps"></div>
</section>"""


@shortcode("self-assessment")
def _self_assessment(ctx: Context, args: list[str]) -> str:
    no_args(args, "self-assessment")
    groups = assessment.groups(ctx.content, ctx.lang)
    total = sum(len(g.items) for g in groups)
    data = _json_for_script(_page_data(ctx, groups))
    parts = [
        _toolbar(ctx, total),
        f'<script type="application/json" id="vt-assessment-data">{data}</script>',
        f"## {ctx.ui('sa_pillars')} {{#sa-pillars}}",
        *[_group_markdown(ctx, g) for g in groups if g.kind == "pillar"],
        f"## {ctx.ui('sa_living_areas')} {{#sa-living-areas}}",
        *[_group_markdown(ctx, g) for g in groups if g.kind == "living_area"],
        _results(ctx),
    ]
    return "\n\n".join(parts)
