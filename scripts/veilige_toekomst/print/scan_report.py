"""`veilige-toekomst scan-report`: a self-assessment export as a PDF report for a management meeting.

Scores per pillar and living area (chart and table, drawn like the figures page), the gaps with what
the booklet says is needed, and every note. The look is the training packs': print-base.css and the
packs' cover, rendered by pdf.py. Notes are the person's own text: the template escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..core import assessment
from ..core.assessment import AssessmentExport, Group, Score
from ..core.content import Content, pillar_meta
from ..render import charts
from . import pdf

TEMPLATE = "scan-report.html.j2"
STYLESHEETS = (pdf.TEMPLATES / "pack.css", pdf.TEMPLATES / "scan-report.css")
"""The packs' cover and sections first, then what only the report has."""

_templates = pdf.templates()


def percent(score: Score) -> str:
    value = assessment.percent(score)
    return "–" if value is None else f"{value}%"


@dataclass(frozen=True)
class Kind:
    """The pillars or the living areas, with their scores as a chart and a table."""

    kind: str
    chart: Markup
    table: Markup


class ReportView:
    def __init__(self, content: Content, export: AssessmentExport, lang: str):
        self.content, self.export, self.lang = content, export, lang
        self.groups = assessment.groups(content, lang)
        self.ratings = export.ratings()
        self.notes = export.notes()
        self.scores = {g.id: assessment.score(g, self.ratings) for g in self.groups}
        self.total = sum(len(g.items) for g in self.groups)
        self.gaps = assessment.gaps(self.groups, self.ratings)
        self.focus = {pillar_meta(page).id: pillar_meta(page).focus for page in content.pillars(lang)}

    def t(self, key: str, **values: object) -> str:
        return self.content.ui(self.lang, key, **values)

    def count(self, rating: str | None) -> int:
        return sum(1 for g in self.groups for i in g.items if self.ratings.get(i.id) == rating)

    def where(self, group: Group) -> str:
        return self.t("sa_item_where", kind=self.t(group.kind), number=group.number, title=group.title)

    def kinds(self) -> list[Kind]:
        found = []
        for kind in ("pillar", "living_area"):
            groups = [g for g in self.groups if g.kind == kind]
            title = self.t(f"sa_chart_title_{kind}")
            label = {g.id: f"{g.number}. {g.title}" for g in groups}
            bars = [
                charts.Bar(label[g.id], (self.scores[g.id].value or 0) * 100, percent(self.scores[g.id]))
                for g in groups
            ]
            items = "; ".join(self.t("sa_chart_desc_item", title=g.title, score=self.score_words(g)) for g in groups)
            chart = charts.bar_chart(f"scores-{kind}", bars, title, self.t("sa_chart_desc", items=items + "."))
            # WeasyPrint draws SVG text apart from the page's CSS: name the bundled font on the chart itself.
            chart = chart.replace("<svg ", f'<svg font-family="{pdf.FONT_FAMILY}, sans-serif" ', 1)
            columns = [
                self.t(kind),
                self.t("sa_score_col"),
                *(self.t(f"sa_rating_{r}") for r in assessment.RATINGS),
                self.t("sa_unrated_col"),
            ]
            rows = [
                [
                    label[g.id],
                    percent(self.scores[g.id]),
                    *(str(self.scores[g.id].counts.get(r, 0)) for r in assessment.RATINGS),
                    str(self.scores[g.id].counts.get(None, 0)),
                ]
                for g in groups
            ]
            table = charts.data_table(title, columns, rows, numeric=range(1, len(columns)))
            found.append(Kind(kind, Markup(chart), Markup(table)))
        return found

    def score_words(self, group: Group) -> str:
        score = self.scores[group.id]
        return self.t("sa_no_score") if score.value is None else percent(score)

    def gaps_by_rating(self) -> list[tuple[str, list]]:
        return [(rating, [gap for gap in self.gaps if gap[2] == rating]) for rating in assessment.GAP_RATINGS]

    def noted(self) -> list[tuple[Group, list]]:
        """Groups with their noted items, each as (item, rating)."""
        found = []
        for group in self.groups:
            items = [(item, self.ratings.get(item.id)) for item in group.items if item.id in self.notes]
            if items:
                found.append((group, items))
        return found

    def unrated(self) -> list[tuple[Group, list]]:
        found = []
        for group in self.groups:
            items = [item for item in group.items if self.ratings.get(item.id) is None]
            if items:
                found.append((group, items))
        return found


def title(content: Content, lang: str) -> str:
    return f"{content.ui(lang, 'sa_report_kicker')}: {content.ui(lang, 'sa_report_title')}"


def render_html(content: Content, export: AssessmentExport, lang: str) -> str:
    view = ReportView(content, export, lang)
    return _templates.get_template(TEMPLATE).render(
        view=view,
        t=view.t,
        title=title(content, lang),
        export=export,
        date=export.exported_at.date().isoformat(),
        stylesheets=Markup(pdf.stylesheet_tags(*STYLESHEETS)),
    )


def render_pdf(content: Content, export: AssessmentExport, lang: str) -> pdf.Pdf:
    author = export.organisation or content.ui(lang, "sa_report_kicker")
    return pdf.render_pdf(
        render_html(content, export, lang),
        base_url=pdf.TEMPLATES,
        lang=lang,
        title=title(content, lang),
        author=author,
        page_label=content.ui(lang, "sa_report_page"),
    )


def known_ids(content: Content) -> set[str]:
    return {item.id for group in assessment.groups(content, content.default_language) for item in group.items}


def write_report(content: Content, export_path: Path, lang: str, out: Path) -> pdf.Pdf:
    """Check the export against this content, then write the report; raise ExportError on a bad export."""
    export = assessment.load_export(export_path, known_ids(content))
    result = render_pdf(content, export, lang)
    pdf.write_pdf(out, result.data)
    return result
