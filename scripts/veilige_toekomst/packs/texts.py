"""The training packs' own texts, docs/training/packs.yml: typed, and checked in every language.

Learning goals, reflection questions, the session plan, prompts for the quote cards and the guidance
on trauma-sensitive facilitation are new text, written by the project (not the booklet's).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, ValidationError

from .. import shortcodes, yamlsource
from ..content import Content
from ..findings import Collector, ContentError
from ..models import Strict, Translations
from ..pages import pydantic_findings

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


def load_pack_texts(content: Content) -> PackTexts:
    """Read and check docs/training/packs.yml against the content; raise ContentError listing every mistake.

    A content model that passed its checks has read the file already: that copy is used."""
    if content.pack_texts is not None:
        return content.pack_texts
    collector = Collector()
    texts = read_and_check(content, collector)
    collector.raise_if_any()
    assert texts is not None
    return texts


def check_pack_texts(content: Content, c: Collector) -> None:
    """For `validate` and the site build: the file is optional there (a fork may have no packs)."""
    if (content.project.docs_dir / TEXTS_FILE).is_file():
        content.pack_texts = read_and_check(content, c)


def read_and_check(content: Content, c: Collector) -> PackTexts | None:
    path = content.project.docs_dir / TEXTS_FILE
    shown = content.project.shown(path)
    if not path.is_file():
        c.add(shown, 1, "packs-texts", "the training packs' texts are missing (docs/training/packs.yml)")
        return None
    try:
        located = yamlsource.load_file(str(path), shown)
    except ContentError as exc:
        c.extend(exc.findings)
        return None
    _check_languages(located, located.data, (), content, c)
    try:
        texts = PackTexts.model_validate(located.data)
    except ValidationError as exc:
        pydantic_findings(exc, located, c)
        return None
    _check_session(texts, located, c)
    if _check_modules(texts, located, content, c):
        _check_prompts(texts, located, content, c)
    return texts


def _check_languages(located: yamlsource.Located, data: Any, loc: tuple, content: Content, c: Collector) -> None:
    """Every text in every complete language: any mapping whose keys are language codes is a text."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            _check_languages(located, item, loc + (index,), content, c)
    elif isinstance(data, dict) and data and all(isinstance(k, str) and LANGUAGE_KEY.match(k) for k in data):
        for lang in content.project.complete_languages:
            if not str(data.get(lang) or "").strip():
                c.add(located.path, located.line_of(loc), "translation-missing", f"{_where(loc)} has no {lang} text")
        for lang in data:
            if lang not in content.languages:
                c.add(located.path, located.line_of(loc + (lang,)), "unknown-language",
                      f"{_where(loc)}: '{lang}' is not a language of the site ({', '.join(content.languages)})")
    elif isinstance(data, dict):
        for key, value in data.items():
            _check_languages(located, value, loc + (key,), content, c)


def _where(loc: tuple) -> str:
    return ".".join(str(part) if not isinstance(part, int) else f"[{part}]" for part in loc).replace(".[", "[") or "text"


def _check_session(texts: PackTexts, located: yamlsource.Located, c: Collector) -> None:
    total = sum(step.minutes for step in texts.session.steps)
    if total != texts.session.minutes:
        c.add(located.path, located.line_of(("session", "minutes")), "session-minutes",
              f"the steps of the session plan add up to {total} minutes, not {texts.session.minutes}")
    if not any("{activity}" in text for step in texts.session.steps for text in step.text.values()):
        c.add(located.path, located.line_of(("session", "steps")), "session-activity",
              "no step of the session plan has {activity}, so the modules' activities are never shown")


def _check_modules(texts: PackTexts, located: yamlsource.Located, content: Content, c: Collector) -> bool:
    """Each module once, with what it needs; True when every module is there."""
    lang = content.default_language
    topics = [page.meta.id for page in content.pillars(lang) + content.living_areas(lang)]  # type: ignore[attr-defined]
    known = [CONTEXT, *topics, COURSE]
    ids = [m.id for m in texts.modules]
    for index, module in enumerate(texts.modules):
        loc = ("modules", index)
        if module.id not in known:
            c.add(located.path, located.line_of(loc + ("id",)), "unknown-module",
                  f"module '{module.id}' is not context, course or a pillar or living-area id ({', '.join(topics)})")
        elif ids.count(module.id) > 1:
            c.add(located.path, located.line_of(loc + ("id",)), "duplicate-id", f"module '{module.id}' is listed twice")
        needs_title = module.id in (CONTEXT, COURSE)
        if needs_title != (module.title is not None):
            c.add(located.path, located.line_of(loc), "module-title",
                  f"module '{module.id}': " + ("give it a title" if needs_title else "its title comes from its page; remove title"))
        if (module.id == CONTEXT) != bool(module.pages):
            c.add(located.path, located.line_of(loc), "module-pages",
                  f"module '{module.id}': " + ("list its pages" if module.id == CONTEXT else "only the context module lists pages"))
        for j, page_id in enumerate(module.pages):
            if content.page(lang, f"{page_id}.md") is None:
                c.add(located.path, located.line_of(loc + ("pages", j)), "unknown-page", f"no page '{page_id}'")
        if module.id != COURSE and (module.activity is None or not module.reflection):
            c.add(located.path, located.line_of(loc), "module-texts",
                  f"module '{module.id}' needs reflection questions and an activity for the session plan")
    missing = sorted(set(known) - set(ids))
    for module_id in missing:
        c.add(located.path, located.line_of(("modules",)), "module-missing", f"no texts for module '{module_id}'")
    return not missing


def _check_prompts(texts: PackTexts, located: yamlsource.Located, content: Content, c: Collector) -> None:
    """A discussion prompt for every quote that becomes a card: every quote on the course's pages."""
    from .modules import catalogue  # the catalogue is built from these texts

    course = catalogue(content, texts)[COURSE]
    pages = course.pages(content, content.default_language)
    on_cards = {quote_id for page in pages for quote_id, _ in shortcodes.used_ids(page, "quote")}
    for quote_id in sorted(on_cards - set(texts.quote_prompts)):
        c.add(located.path, located.line_of(("quote_prompts",)), "prompt-missing",
              f"quote {quote_id} is on a discussion card but has no prompt in quote_prompts")
    for quote_id in sorted(set(texts.quote_prompts) - set(content.quotes_by_id)):
        c.add(located.path, located.line_of(("quote_prompts", quote_id)), "unknown-quote", f"no quote '{quote_id}'")
