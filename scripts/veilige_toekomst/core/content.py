"""The one content model: pages, pillars, living areas, quotes, figures, quizzes and pack texts, read.

Reading only reads: it never checks more than a file's own form (YAML, types) and never renders.
The rules live in `checks`, rendering in `render`; `render.validate.load_checked` does all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import plurals, yamlsource
from .findings import Collector
from .models import LivingAreaMeta, PillarMeta, Quote, QuotesFile, Statistic, StatisticsFile, UiStrings
from .pack_texts import TEXTS_FILE, PackTexts
from .pages import Page, read_pages
from .project import Project, load_project
from .quizzes import Quiz, read_quizzes
from .texts import text_in

UI_STRINGS_FILE = "strings.yml"
QUOTES_FILE = "quotes/quotes.yml"
STATISTICS_FILE = "figures/statistics.yml"


@dataclass
class Content:
    project: Project
    pages: dict[tuple[str, str], Page]
    """Every page by (language, language-neutral source path)."""
    quotes: list[Quote] = field(default_factory=list)
    quotes_located: yamlsource.Located | None = None
    statistics: StatisticsFile | None = None
    statistics_located: yamlsource.Located | None = None
    ui_strings: UiStrings | None = None
    ui_located: yamlsource.Located | None = None
    quizzes: dict[tuple[str, str], Quiz] = field(default_factory=dict)
    """Self-check quizzes by (language, module id), as written (shortcodes in their texts unresolved)."""
    pack_texts: PackTexts | None = None
    """docs/training/packs.yml; None in a project without training packs (or when it does not read)."""
    pack_texts_located: yamlsource.Located | None = None
    _numbered_pages: dict[tuple[str, str], list[Page]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """The pillars and the living areas by (language, kind), as `_numbered` sorted them."""

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
        # Asked for again and again while the pages are rendered (every quiz names its page): sorted once.
        # The pages never change after reading.
        if (lang, kind) not in self._numbered_pages:
            srcs = sorted({p.src for p in self.pages.values() if p.kind == kind})
            found = [page for src in srcs if (page := self.page(lang, src)) is not None]
            self._numbered_pages[(lang, kind)] = sorted(found, key=lambda p: p.numbered.number)
        return list(self._numbered_pages[(lang, kind)])

    def pillars(self, lang: str) -> list[Page]:
        """The six pillars (booklet, "De zes pijlers") in `lang`, by number."""
        return self._numbered(lang, "pillar")

    def living_areas(self, lang: str) -> list[Page]:
        """The seven living areas (booklet, "De zeven leefgebieden") in `lang`, by number."""
        return self._numbered(lang, "living_area")

    def module_ids(self) -> set[str]:
        """Ids of every pillar and living area ("safety", "housing", ...)."""
        lang = self.default_language
        return {p.numbered.id for p in self.pillars(lang) + self.living_areas(lang)}

    def ui(self, lang: str, key: str, **values: object) -> str:
        """An interface string in `lang` (falling back to the default language), with {values} filled in."""
        texts = self.ui_strings.root.get(key) if self.ui_strings else None
        text = text_in(texts, lang, self.default_language) or key
        return text.format(**values) if values else text

    def ui_count(self, lang: str, key: str, count: int, **values: object) -> str:
        """The plural form of `key` for `count` in `lang` (core/plurals.py), `count` filled in as {n}/{count}."""
        form = self.plural_forms(lang, key)
        text = form.get(plurals.category(lang, count)) or form.get("other") or key
        return text.format(n=count, count=count, **values)

    def plural_forms(self, lang: str, key: str) -> dict[str, str]:
        """Every plural form of `key` in `lang`, by CLDR category ({"one": ..., "other": ...}), for scripts."""
        strings = self.ui_strings.root if self.ui_strings else {}
        found = {c: strings.get(f"{key}_{c}") for c in plurals.categories(lang)}
        return {c: text_in(texts, lang, self.default_language) for c, texts in found.items() if texts}

    def quiz(self, lang: str, module: str) -> Quiz | None:
        """The quiz of `module` in `lang`, or the default language's quiz it falls back to."""
        return self.quizzes.get((lang, module)) or self.quizzes.get((self.default_language, module))

    @cached_property
    def quotes_by_id(self) -> dict[str, Quote]:
        return {quote.id: quote for quote in self.quotes}

    @cached_property
    def statistics_by_id(self) -> dict[str, Statistic]:
        return {stat.id: stat for stat in self.statistics.statistics} if self.statistics else {}


def read_content(root: Path | None, collector: Collector) -> Content:
    """Read everything under docs/ into the model; every mistake in a file's form goes to `collector`.

    Raises ContentError only when there is no project at all (no mkdocs.yml, no languages).
    """
    project = load_project(root)
    content = Content(project=project, pages=read_pages(project, collector))

    def data(rel: str, model):
        path = project.docs_dir / rel
        if not path.is_file():
            return None, None
        return yamlsource.load_model(path, project.shown(path), model, collector)

    quotes_file, content.quotes_located = data(QUOTES_FILE, QuotesFile)
    content.quotes = list(quotes_file.quotes) if quotes_file else []
    content.statistics, content.statistics_located = data(STATISTICS_FILE, StatisticsFile)
    content.ui_strings, content.ui_located = data(UI_STRINGS_FILE, UiStrings)
    content.pack_texts, content.pack_texts_located = data(TEXTS_FILE, PackTexts)
    content.quizzes = read_quizzes(content.pages.values(), collector)
    return content


def pillar_meta(page: Page) -> PillarMeta:
    assert isinstance(page.meta, PillarMeta)
    return page.meta


def area_meta(page: Page) -> LivingAreaMeta:
    assert isinstance(page.meta, LivingAreaMeta)
    return page.meta
