"""The one content model: pages, pillars, living areas, quotes and figures, loaded and checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from . import yamlsource
from .findings import Collector, ContentError
from .models import LivingAreaMeta, PillarMeta, Quote, QuotesFile, Statistic, StatisticsFile, UiStrings
from .pages import Page, pydantic_findings, read_pages
from .project import Project, load_project

if TYPE_CHECKING:
    from .quizzes import Quiz
    from .packs.texts import PackTexts

UI_STRINGS_FILE = "strings.yml"
QUOTES_FILE = "quotes/quotes.yml"
STATISTICS_FILE = "figures/statistics.yml"

M = TypeVar("M", bound=BaseModel)


@dataclass
class Content:
    project: Project
    pages: dict[tuple[str, str], Page]
    quotes: list[Quote] = field(default_factory=list)
    quotes_located: yamlsource.Located | None = None
    statistics: StatisticsFile | None = None
    statistics_located: yamlsource.Located | None = None
    ui_strings: UiStrings | None = None
    ui_located: yamlsource.Located | None = None
    quizzes: dict[tuple[str, str], Quiz] = field(default_factory=dict)
    pack_texts: PackTexts | None = None
    """docs/training/packs.yml as the checks read it; None in a project without training packs."""
    """Self-check quizzes by (language, module id), figures resolved (see quizzes.py)."""

    @property
    def languages(self) -> tuple[str, ...]:
        return self.project.languages

    @property
    def default_language(self) -> str:
        return self.project.default_language

    def page(self, lang: str, src: str) -> Page | None:
        """The page in `lang`, or the default language's page it falls back to."""
        return self.pages.get((lang, src)) or self.pages.get((self.default_language, src))

    def page_ids(self) -> set[str]:
        return {page.id for page in self.pages.values()}

    def _numbered(self, lang: str, kind: str) -> list[Page]:
        srcs = sorted({p.src for p in self.pages.values() if p.kind == kind})
        found = [self.page(lang, src) for src in srcs]
        return sorted((p for p in found if p is not None), key=lambda p: p.meta.number)  # type: ignore[attr-defined]

    def pillars(self, lang: str) -> list[Page]:
        return self._numbered(lang, "pillar")

    def living_areas(self, lang: str) -> list[Page]:
        return self._numbered(lang, "living_area")

    def module_ids(self) -> set[str]:
        return {p.meta.id for p in self.pillars(self.default_language) + self.living_areas(self.default_language)}  # type: ignore[attr-defined]

    def ui(self, lang: str, key: str, **values: object) -> str:
        """An interface string in `lang` (falling back to the default language), with {values} filled in."""
        texts = self.ui_strings.root[key] if self.ui_strings else {}
        text = texts.get(lang) or texts.get(self.default_language) or key
        return text.format(**values) if values else text

    @property
    def quotes_by_id(self) -> dict[str, Quote]:
        return {quote.id: quote for quote in self.quotes}

    @property
    def statistics_by_id(self) -> dict[str, Statistic]:
        return {stat.id: stat for stat in self.statistics.statistics} if self.statistics else {}


def _load_data(project: Project, rel: str, model: type[M], collector: Collector) -> tuple[M | None, yamlsource.Located | None]:
    path = project.docs_dir / rel
    if not path.is_file():
        return None, None
    shown = project.shown(path)
    try:
        located = yamlsource.load_file(str(path), shown)
    except ContentError as exc:
        collector.extend(exc.findings)
        return None, None
    try:
        return model.model_validate(located.data), located
    except ValidationError as exc:
        pydantic_findings(exc, located, collector)
        return None, located


def load_content(root: Path | None = None) -> Content:
    """Read everything under docs/ and check it; raise ContentError listing every mistake."""
    project = load_project(root)
    collector = Collector()
    pages = read_pages(project, collector)
    content = Content(project=project, pages=pages)
    quotes_file, content.quotes_located = _load_data(project, QUOTES_FILE, QuotesFile, collector)
    content.quotes = list(quotes_file.quotes) if quotes_file else []
    content.statistics, content.statistics_located = _load_data(project, STATISTICS_FILE, StatisticsFile, collector)
    content.ui_strings, content.ui_located = _load_data(project, UI_STRINGS_FILE, UiStrings, collector)

    # Imported here: the checks need the loaded model, and the model module stays free of them.
    from .checks import check_content
    from .quizzes import load_quizzes

    content.quizzes = load_quizzes(content)

    check_content(content, collector)
    collector.raise_if_any()
    return content


def pillar_meta(page: Page) -> PillarMeta:
    assert isinstance(page.meta, PillarMeta)
    return page.meta


def area_meta(page: Page) -> LivingAreaMeta:
    assert isinstance(page.meta, LivingAreaMeta)
    return page.meta
