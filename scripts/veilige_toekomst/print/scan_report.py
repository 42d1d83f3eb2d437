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
from ..core.assessment import AssessmentExport, ExportError, Group, Score
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


def _team_score(group: Group, exports: list[AssessmentExport]) -> Score:
    """The counts of every export's ratings added up, so the score is over all answers together."""
    counts: dict[str | None, int] = {}
    for export in exports:
        for rating, count in assessment.score(group, export.ratings()).counts.items():
            counts[rating] = counts.get(rating, 0) + count
    return Score(counts)  # type: ignore[arg-type]


def _most_urgent(exports: list[AssessmentExport]) -> dict[str, assessment.Rating | None]:
    """Per item the most urgent rating anyone gave (RATINGS order), so a gap seen by one person is listed."""
    merged: dict[str, assessment.Rating | None] = {}
    for export in exports:
        for item_id, rating in export.ratings().items():
            old = merged.get(item_id)
            if (
                rating is not None and (old is None or assessment.RATINGS.index(rating) < assessment.RATINGS.index(old))
            ) or item_id not in merged:
                merged[item_id] = rating
    return merged


def person(export: AssessmentExport, index: int) -> str:
    """How the report names whoever filled in an export: the name or role they gave, else "1", "2", …"""
    return export.name or str(index + 1)


class ReportView:
    """What the template shows: one export, or several (a team round), optionally next to an earlier round."""

    def __init__(
        self, content: Content, exports: list[AssessmentExport], lang: str, earlier: AssessmentExport | None = None
    ):
        self.content, self.exports, self.export, self.lang = content, exports, exports[0], lang
        self.earlier = earlier
        self.groups = assessment.groups(content, lang)
        self.ratings = _most_urgent(exports)
        self.notes = self._notes()
        self.scores = {g.id: _team_score(g, exports) for g in self.groups}
        self.total = sum(len(g.items) for g in self.groups)
        self.gaps = assessment.gaps(self.groups, self.ratings)
        self.focus = {pillar_meta(page).id: pillar_meta(page).focus for page in content.pillars(lang)}

    def _notes(self) -> dict[str, str]:
        if len(self.exports) == 1:
            return self.export.notes()
        notes: dict[str, list[str]] = {}
        for index, export in enumerate(self.exports):
            for item_id, note in export.notes().items():
                notes.setdefault(item_id, []).append(f"{person(export, index)}: {note}")
        return {item_id: " · ".join(texts) for item_id, texts in notes.items()}

    def persons(self) -> str:
        return ", ".join(person(export, index) for index, export in enumerate(self.exports))

    def moved(self) -> list[list[str]]:
        """Per group: label, earlier score, score now, change in percentage points."""
        assert self.earlier is not None
        before = self.earlier.ratings()
        rows = []
        for group in self.groups:
            now, then = assessment.percent(self.scores[group.id]), assessment.percent(assessment.score(group, before))
            change = "–" if now is None or then is None else f"{now - then:+d}".replace("-", "−")
            rows.append(
                [
                    f"{group.number}. {group.title}",
                    "–" if then is None else f"{then}%",
                    percent(self.scores[group.id]),
                    change,
                ]
            )
        return rows

    def moved_table(self) -> Markup:
        columns = [
            self.t("sa_report_scores"),
            self.t("sa_report_earlier_col"),
            self.t("sa_score_col"),
            self.t("sa_difference_col"),
        ]
        return Markup(charts.data_table(self.t("sa_report_earlier"), columns, self.moved(), numeric=range(1, 4)))

    def t(self, key: str, **values: object) -> str:
        return self.content.ui(self.lang, key, **values)

    def t_count(self, key: str, count: int, **values: object) -> str:
        """A counted message in its plural form for `count` (docs/strings.yml key_one, key_other…)."""
        return self.content.ui_count(self.lang, key, count, **values)

    def count(self, rating: str | None) -> int:
        """Items with this rating (for a team: the most urgent rating anyone gave; None: rated by nobody)."""
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


def render_html(
    content: Content, exports: list[AssessmentExport], lang: str, earlier: AssessmentExport | None = None
) -> str:
    """The report as HTML: one export, or a team round of several, with an earlier round if given."""
    view = ReportView(content, exports, lang, earlier)
    return _templates.get_template(TEMPLATE).render(
        view=view,
        t=view.t,
        title=title(content, lang),
        export=view.export,
        date=max(e.exported_at for e in exports).date().isoformat(),
        stylesheets=Markup(pdf.stylesheet_tags(*STYLESHEETS)),
        organisation=content.project.organisation,
    )


def render_pdf(
    content: Content, exports: list[AssessmentExport], lang: str, earlier: AssessmentExport | None = None
) -> pdf.Pdf:
    """The report as PDF (see render_html)."""
    author = exports[0].organisation or content.ui(lang, "sa_report_kicker")
    return pdf.render_pdf(
        render_html(content, exports, lang, earlier),
        base_url=pdf.TEMPLATES,
        lang=lang,
        title=title(content, lang),
        author=author,
        page_label=content.ui(lang, "sa_report_page"),
    )


def known_ids(content: Content) -> set[str]:
    return {item.id for group in assessment.groups(content, content.default_language) for item in group.items}


class ReportError(Exception):
    """Exports that cannot be used, each with its problem: [(path, message)]."""

    def __init__(self, problems: list[tuple[Path, str]]):
        super().__init__("; ".join(f"{path}: {message}" for path, message in problems))
        self.problems = problems


def write_report(
    content: Content, export_paths: list[Path], lang: str, out: Path, earlier_path: Path | None = None
) -> pdf.Pdf:
    """Check every export (and the earlier round) against this content, then write the report.

    Raises ReportError listing every file with its problem when any cannot be used; nothing is written then.
    """
    ids = known_ids(content)
    exports, problems = [], []
    for path in [*export_paths, *([earlier_path] if earlier_path else [])]:
        try:
            exports.append(assessment.load_export(path, ids))
        except ExportError as exc:
            problems.append((path, str(exc)))
    if problems:
        raise ReportError(problems)
    earlier = exports.pop() if earlier_path else None
    result = render_pdf(content, exports, lang, earlier)
    pdf.write_pdf(out, result.data)
    return result
