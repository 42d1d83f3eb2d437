"""The training packs' own texts, docs/training/packs.yml, as a typed model (checked in `checks.pack_texts`).

Learning goals, reflection questions, the session plan, prompts for the quote cards and the guidance
on trauma-sensitive facilitation are new text, written by the project (not the booklet's).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, model_validator

from .models import Strict, Translations

TEXTS_FILE = "training/packs.yml"
CONTEXT, COURSE = "context", "course"
LANGUAGE_KEY = re.compile(r"^[a-z]{2}$")


class Labels(Strict):
    """Headings and short texts of the packs and of their download links on the site."""

    training_pack: Translations
    edition_participant: Translations
    edition_trainer: Translations
    language: Translations
    language_name: Translations
    organisation: Translations
    version: Translations
    date: Translations
    contents: Translations
    learning_goals: Translations
    learning_goals_intro: Translations
    key_content: Translations
    needs_checklist: Translations
    figures: Translations
    figures_intro: Translations
    cards: Translations
    cards_intro: Translations
    card: Translations
    worksheet: Translations
    worksheet_intro: Translations
    choose_one: Translations
    choose_all: Translations
    question: Translations
    reflection: Translations
    reflection_intro: Translations
    notes: Translations
    sources: Translations
    trainer_guide: Translations
    trainer_guide_intro: Translations
    facilitation: Translations
    session_plan: Translations
    session_plan_intro: Translations
    course_plan_intro: Translations
    time: Translations
    duration: Translations
    activity: Translations
    minutes: Translations
    prompts: Translations
    answer_key: Translations
    correct_answer: Translations
    explanation: Translations
    participant_material: Translations
    module: Translations
    page_of: Translations
    made_with: Translations
    downloads: Translations
    download_link: Translations
    downloads_intro: Translations
    packs_not_built: Translations
    table_pack: Translations
    table_trainer_files: Translations
    file_pptx: Translations
    file_slides_pdf: Translations
    file_docx: Translations
    table_pages: Translations
    table_size: Translations
    lengths: Translations
    session_plan_length: Translations
    cards_activity_all: Translations
    cards_activity_choose: Translations
    card_ref: Translations
    verdict_right: Translations
    verdict_wrong: Translations
    see_page: Translations
    optional_step: Translations
    papers: Translations
    papers_intro: Translations
    preparation: Translations
    attendance: Translations
    attendance_intro: Translations
    attendance_columns: list[Translations]
    trainer: Translations
    place: Translations
    evaluation: Translations
    evaluation_intro: Translations
    evaluation_moment: Translations
    evaluation_before: Translations
    evaluation_after: Translations
    certificate: Translations
    certificate_text: Translations
    certificate_name: Translations
    signature: Translations


class Section(Strict):
    title: Translations
    text: Translations


class Step(Strict):
    block: Literal["core", "optional"]
    """A core step is in the plan of every length; an optional one only where it has minutes."""
    minutes: dict[int, int]
    """Its minutes in the plan of each session length: {45: 5, 90: 10, 120: 10}."""
    title: Translations
    text: Translations


class Session(Strict):
    """The session plans, one per length, made of the same steps (a step's text may use {activity})."""

    lengths: list[int] = Field(min_length=1)
    """The session lengths in minutes, shortest first: [45, 90, 120]."""
    participants: int = Field(ge=2, le=40)
    """The group the preparation list counts on (copies, sets of cards)."""
    group_size: int = Field(ge=2, le=8)
    """People per group for the discussion cards: one set of cards per group."""
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _plans_add_up(self) -> Session:
        for index, step in enumerate(self.steps, 1):
            unknown = sorted(set(step.minutes) - set(self.lengths))
            if unknown:
                raise ValueError(f"step {index} has minutes for {unknown[0]}, not one of the lengths {self.lengths}")
            if any(m < 1 for m in step.minutes.values()):
                raise ValueError(f"step {index}: leave a length out instead of giving it 0 minutes")
            missing = [length for length in self.lengths if length not in step.minutes]
            if step.block == "core" and missing:
                raise ValueError(f"step {index} is core but has no minutes in the {missing[0]}-minute plan")
        for length in self.lengths:
            total = sum(step.minutes.get(length, 0) for step in self.steps)
            if total != length:
                raise ValueError(f"the steps of the {length}-minute plan add up to {total} minutes, not {length}")
        return self

    def plan(self, length: int) -> list[tuple[Step, int]]:
        """The steps of the `length`-minute plan with their minutes, in order (adds up: checked)."""
        return [(step, step.minutes[length]) for step in self.steps if length in step.minutes]


class Evaluation(Strict):
    """The evaluation form: statements to rate on a scale and open questions; the same form before and after."""

    scale: list[Translations] = Field(min_length=3)
    closed: list[Translations] = Field(min_length=1)
    open: list[Translations] = Field(min_length=1)


class ModuleTexts(Strict):
    id: str
    title: Translations | None = None
    """Only for `context` and `course`; a pillar or living area is called what its page is called."""
    pages: list[str] = []
    """Only for `context`: page ids, in reading order."""
    learning_goals: list[Translations] = Field(min_length=1)
    reflection: list[Translations] = []
    activity: Translations | None = None
    """The module's own part of the session plan (replaces {activity})."""


class PackTexts(Strict):
    labels: Labels
    sources: list[Translations] = Field(min_length=1)
    facilitation: list[Section] = Field(min_length=1)
    session: Session
    preparation: list[Translations] = Field(min_length=1)
    """The preparation and materials list; may use {sets}, {cards}, {participants}, {group_size}."""
    evaluation: Evaluation
    modules: list[ModuleTexts]
    quote_prompts: dict[str, Translations]

    def module(self, module_id: str) -> ModuleTexts:
        return next(m for m in self.modules if m.id == module_id)
