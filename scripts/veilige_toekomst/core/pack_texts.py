"""The training packs' own texts, docs/training/packs.yml, as a typed model (checked in `checks.pack_texts`).

Learning goals, reflection questions, the session plan, prompts for the quote cards and the guidance
on trauma-sensitive facilitation are new text, written by the project (not the booklet's).
"""

from __future__ import annotations

import re

from pydantic import Field

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
    table_pages: Translations
    table_size: Translations


class Section(Strict):
    title: Translations
    text: Translations


class Step(Strict):
    minutes: int = Field(ge=1, le=240)
    title: Translations
    text: Translations


class Session(Strict):
    minutes: int = Field(ge=10, le=480)
    steps: list[Step] = Field(min_length=1)


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
    modules: list[ModuleTexts]
    quote_prompts: dict[str, Translations]

    def module(self, module_id: str) -> ModuleTexts:
        return next(m for m in self.modules if m.id == module_id)
