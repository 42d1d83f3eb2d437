"""Typed models for every piece of content: page front matter, quotes, figures, quizzes."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

Translations = dict[str, str]
"""Text per language code, e.g. {"nl": "...", "en": "..."}; completeness is checked by the loader."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageMeta(Strict):
    """Front matter every page has. Extra mkdocs/theme keys are listed so typos still fail."""

    title: str = Field(min_length=1)
    description: str = Field(min_length=1, max_length=200)
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = []
    template: str | None = None
    quiz: dict[str, Any] | None = None
    search: dict[str, Any] | None = None


class NumberedMeta(PageMeta):
    """A pillar's or living area's front matter: an id shared by every language and its number."""

    id: str = Field(pattern=r"^[a-z][a-z-]*$")
    number: int = Field(ge=1)


class PillarMeta(NumberedMeta):
    number: int = Field(ge=1, le=6)
    focus: str = Field(min_length=1)
    needs: list[str] = Field(min_length=1)
    protective_factors: list[str] = []


class LivingAreaMeta(NumberedMeta):
    number: int = Field(ge=1, le=7)
    conditions: list[str] = Field(min_length=1)


class Quote(Strict):
    id: str = Field(pattern=r"^q\d{2,}$")
    speaker: Literal["girl", "boy", "professional"]
    age: int | None = None
    setting: Literal["womens_shelter", "homeless_shelter"]
    location: str
    themes: list[str] = Field(min_length=1)
    text: Translations

    @model_validator(mode="after")
    def _child_has_a_childs_age(self) -> Quote:
        if self.speaker != "professional" and self.age is not None and not 0 <= self.age <= 18:
            raise ValueError(f"age {self.age} is outside 0–18 for a child")
        return self


class StatisticGroup(Strict):
    id: str
    title: Translations


Unit = Literal["percent", "count", "months", "years", "days", "times", "euro_million", "year"]


class Statistic(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    group: str
    value: float | None = None
    value_max: float | None = None
    qualifier: Literal["more_than"] | None = None
    qualifier_max: Literal["more_than"] | None = None
    approximate: bool = False
    """The booklet says "about" (zo'n); the prose around the figure says so, the number does not."""
    unit: Unit
    display: Translations | None = None
    label: Translations
    womens_shelter: float | None = None
    homeless_shelter: float | None = None
    section: str
    footnote: list[int] = []
    note: Translations | None = None

    @model_validator(mode="before")
    @classmethod
    def _renamed(cls, data: object) -> object:
        if isinstance(data, dict) and {"vo", "mo"} & data.keys():
            raise ValueError("vo and mo are now womens_shelter and homeless_shelter, as a quote's setting is named")
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Statistic:
        if (self.womens_shelter is None) != (self.homeless_shelter is None):
            raise ValueError("a split needs both womens_shelter and homeless_shelter")
        if self.value is None and self.womens_shelter is None and self.display is None:
            raise ValueError("give a value, a womens_shelter/homeless_shelter split or a display text")
        if self.unit == "percent":
            for name in ("value", "value_max", "womens_shelter", "homeless_shelter"):
                number = getattr(self, name)
                if number is not None and not 0 <= number <= 100:
                    raise ValueError(f"{name} {number:g} is not a percentage (0–100)")
        return self


class StatisticsFile(Strict):
    year: int
    groups: list[StatisticGroup]
    statistics: list[Statistic]


class QuotesFile(Strict):
    quotes: list[Quote]


class UiStrings(RootModel[dict[str, Translations]]):
    """Interface strings: key -> text per language."""
