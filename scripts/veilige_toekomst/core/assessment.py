"""The self-assessment (zelfscan): its items, the export format, validation and scoring.

An organisation rates every need of the six pillars and every condition of the seven living areas.
The browser keeps the answers (overrides/assets/javascripts/self-assessment/*.js) and exports them as
JSON in the format below; `veilige-toekomst scan-report` reads such an export back.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import ValidationError, model_validator

from .content import Content, area_meta, pillar_meta
from .models import Strict

FORMAT = "veilige-toekomst-self-assessment"
VERSION = 2
"""The version the page writes. 2 added the person's name or role, answered_at and the action plan."""
VERSIONS = (1, 2)
"""The versions readers accept."""
ACTION_STATUSES = ("planned", "in_progress", "done")
NAME_MAX = 100
GAP_RATINGS: tuple[Rating, ...] = ("not_in_place", "partly")
"""Ratings that make an item a gap, the most urgent first."""
NOTE_MAX = 2000
ORGANISATION_MAX = 200
ITEM_ID = r"^[a-z][a-z-]*\.(need|condition)-[1-9][0-9]*$"

Rating = Literal["not_in_place", "partly", "in_place", "not_applicable"]
RATINGS: tuple[Rating, ...] = get_args(Rating)
"""In the order the page offers them."""


@dataclass(frozen=True)
class Item:
    id: str
    """Stable across languages: "<pillar or area id>.need-N" / ".condition-N"."""
    number: int
    text: str
    anchor: str
    """The id of the item on its pillar or area page ("need-2"), written by the needs/conditions shortcodes."""


@dataclass(frozen=True)
class Group:
    """A pillar or a living area with the items it is rated on."""

    id: str
    kind: Literal["pillar", "living_area"]
    number: int
    title: str
    page_src: str
    section: str
    """The heading id on its page that lists the items ("needs" / "conditions")."""
    items: tuple[Item, ...]


def _items(group_id: str, prefix: str, texts: list[str]) -> tuple[Item, ...]:
    return tuple(Item(f"{group_id}.{prefix}-{n}", n, text, f"{prefix}-{n}") for n, text in enumerate(texts, 1))


def groups(content: Content, lang: str) -> list[Group]:
    """The six pillars (their needs), then the seven living areas (their conditions), in booklet order."""
    found = []
    for page in content.pillars(lang):
        meta = pillar_meta(page)
        found.append(
            Group(meta.id, "pillar", meta.number, meta.title, page.src, "needs", _items(meta.id, "need", meta.needs))
        )
    for page in content.living_areas(lang):
        area = area_meta(page)
        found.append(
            Group(
                area.id,
                "living_area",
                area.number,
                area.title,
                page.src,
                "conditions",
                _items(area.id, "condition", area.conditions),
            )
        )
    return found


# --- the export file -------------------------------------------------------------------------------


# The constraints are the JSON Schema's (schemas/self-assessment.schema.json), checked before these
# typed models are built; the models only give the checked data its Python types.


class Answer(Strict):
    id: str
    rating: Rating | None
    note: str = ""
    answered_at: datetime | None = None


class Action(Strict):
    """One line of the action plan (version 2): what will be done about an item, by whom, by when."""

    id: str
    what: str
    who: str
    due: str
    """YYYY-MM-DD or empty."""
    status: Literal["planned", "in_progress", "done"]


class AssessmentExport(Strict):
    format: Literal[FORMAT]  # type: ignore[valid-type]
    version: Literal[1, 2]
    language: str
    exported_at: datetime
    organisation: str = ""
    name: str = ""
    """Who filled it in (version 2, optional)."""
    answers: list[Answer]
    actions: list[Action] = []

    @model_validator(mode="after")
    def _each_item_once(self) -> AssessmentExport:
        seen: set[str] = set()
        for answer in self.answers:
            if answer.id in seen:
                raise ValueError(f"item {answer.id} is answered more than once")
            seen.add(answer.id)
        return self

    def ratings(self) -> dict[str, Rating | None]:
        return {answer.id: answer.rating for answer in self.answers}

    def notes(self) -> dict[str, str]:
        return {answer.id: answer.note for answer in self.answers if answer.note.strip()}


class ExportError(Exception):
    """An export that cannot be used; the message says what is wrong, for a person to act on."""


@cache
def schema() -> dict[str, Any]:
    text = resources.files("veilige_toekomst").joinpath("schemas/self-assessment.schema.json").read_text("utf-8")
    return json.loads(text)


MAX_EXPORT_BYTES = 2 * 1024 * 1024
"""An export of every item with long notes is about 100 kB; a larger file is not an export."""
MAX_MESSAGE = 200
"""Characters of a message about the file: never more than a short excerpt of what it holds."""


def _short(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _problem(path, message: str) -> str:
    """E.g. "answers[3].rating: 'mostly' is not one of …"; just the message for the file as a whole."""
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
    return _short(f"{where}: {message}" if where else message)


def parse_export(text: str, known_ids: set[str]) -> AssessmentExport:
    """Check an export in the order a person can fix it: JSON, format, version, schema, item ids."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExportError(f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ExportError("not a self-assessment export (its JSON nests far too deep)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExportError(f'not a self-assessment export (expected "format": "{FORMAT}")')
    if data.get("version") not in VERSIONS:
        raise ExportError(
            f"export version {data.get('version')!r} is not supported"
            f" (this tool reads versions {', '.join(map(str, VERSIONS))})"
        )
    import jsonschema  # here, not at the top: the site build imports this module and never reads an export

    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema()).iter_errors(data))
    if error is not None:
        raise ExportError(_problem(error.absolute_path, error.message))
    try:
        export = AssessmentExport.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ExportError(_problem(first["loc"], first["msg"].removeprefix("Value error, "))) from None
    unknown = [answer.id for answer in export.answers if answer.id not in known_ids]
    if unknown:
        raise ExportError(_short(f"unknown item id(s) (not a need or condition in this content): {', '.join(unknown)}"))
    return export


def load_export(path: Path, known_ids: set[str]) -> AssessmentExport:
    """Read and check the export at `path`; ExportError with one short line when it is not one
    (unreadable, over MAX_EXPORT_BYTES, not UTF-8, not JSON, or not fitting the schema)."""
    try:
        if not path.is_file():
            raise ExportError("not a file")
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise ExportError(
                f"the file is {size / 1024 / 1024:.1f} MB; an export is at most {MAX_EXPORT_BYTES // 1024 // 1024} MB"
            )
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ExportError(f"not UTF-8 (byte offset {exc.start}); export it again from the site") from None
    except OSError as exc:
        raise ExportError(f"cannot read the file ({exc.strerror or exc.__class__.__name__})") from None
    return parse_export(text, known_ids)


# --- scoring ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    counts: dict[Rating | None, int]
    """Items per rating; unrated items are under None."""

    @property
    def rated_applicable(self) -> int:
        return sum(self.counts.get(r, 0) for r in GAP_RATINGS + ("in_place",))

    @property
    def value(self) -> float | None:
        """(in place + 0.5 × partly) / rated applicable items; None when nothing applicable is rated."""
        if not self.rated_applicable:
            return None
        return (self.counts.get("in_place", 0) + 0.5 * self.counts.get("partly", 0)) / self.rated_applicable


def percent(score: Score) -> int | None:
    """The score as a whole percentage, halves rounded up (as the page's script does), or None."""
    return None if score.value is None else math.floor(score.value * 100 + 0.5)


def score(group: Group, ratings: dict[str, Rating | None]) -> Score:
    counts: dict[Rating | None, int] = {}
    for item in group.items:
        rating = ratings.get(item.id)
        counts[rating] = counts.get(rating, 0) + 1
    return Score(counts)


def gaps(all_groups: list[Group], ratings: dict[str, Rating | None]) -> list[tuple[Group, Item, Rating]]:
    """Items not in place, then those partly in place, each in booklet order."""
    return [
        (group, item, rating)
        for rating in GAP_RATINGS
        for group in all_groups
        for item in group.items
        if ratings.get(item.id) == rating
    ]
