"""The training packs' texts (docs/training/packs.yml) against the content: every language, every
module once with what it needs, a session plan that shows the activities, a prompt for every quote card."""

from __future__ import annotations

from typing import Any

from ..core import yamlsource
from ..core.content import Content
from ..core.findings import Collector, location_path
from ..core.pack_catalogue import catalogue
from ..core.pack_texts import CONTEXT, COURSE, LANGUAGE_KEY, PackTexts
from ..core.texts import missing_languages


def check_pack_texts(content: Content, c: Collector) -> None:
    """The file is optional (a fork may have no packs); when it is there, it must be whole."""
    located, texts = content.pack_texts_located, content.pack_texts
    if located is None:
        return
    _check_languages(located, located.data, (), content, c)
    if texts is None:
        return
    _check_session(texts, located, c)
    if _check_modules(texts, located, content, c):
        _check_prompts(texts, located, content, c)


def _check_languages(located: yamlsource.Located, data: Any, loc: tuple, content: Content, c: Collector) -> None:
    """Every text in every complete language: any mapping whose keys are language codes is a text."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            _check_languages(located, item, loc + (index,), content, c)
    elif isinstance(data, dict) and data and all(isinstance(k, str) and LANGUAGE_KEY.match(k) for k in data):
        for lang in missing_languages(data, content.project.complete_languages):
            c.add(located.path, located.line_of(loc), "translation-missing", f"{_where(loc)} has no {lang} text")
        for lang in data:
            if lang not in content.languages:
                c.add(
                    located.path,
                    located.line_of(loc + (lang,)),
                    "unknown-language",
                    f"{_where(loc)}: '{lang}' is not a language of the site ({', '.join(content.languages)})",
                )
    elif isinstance(data, dict):
        for key, value in data.items():
            _check_languages(located, value, loc + (key,), content, c)


def _where(loc: tuple) -> str:
    return location_path(loc) or "text"


def _check_session(texts: PackTexts, located: yamlsource.Located, c: Collector) -> None:
    """That each length's plan adds up is checked as the file is read (`pack_texts.Session`)."""
    if not any("{activity}" in text for step in texts.session.steps for text in step.text.values()):
        c.add(
            located.path,
            located.line_of(("session", "steps")),
            "session-activity",
            "no step of the session plan has {activity}, so the modules' activities are never shown",
        )


def _check_modules(texts: PackTexts, located: yamlsource.Located, content: Content, c: Collector) -> bool:
    """Each module once, with what it needs; True when every module is there."""
    lang = content.default_language
    topics = [page.numbered.id for page in content.pillars(lang) + content.living_areas(lang)]
    known = [CONTEXT, *topics, COURSE]
    ids = [m.id for m in texts.modules]
    for index, module in enumerate(texts.modules):
        loc = ("modules", index)
        if module.id not in known:
            c.add(
                located.path,
                located.line_of(loc + ("id",)),
                "unknown-module",
                f"module '{module.id}' is not context, course or a pillar or living-area id ({', '.join(topics)})",
            )
        elif ids.count(module.id) > 1:
            c.add(located.path, located.line_of(loc + ("id",)), "duplicate-id", f"module '{module.id}' is listed twice")
        needs_title = module.id in (CONTEXT, COURSE)
        if needs_title != (module.title is not None):
            c.add(
                located.path,
                located.line_of(loc),
                "module-title",
                f"module '{module.id}': "
                + ("give it a title" if needs_title else "its title comes from its page; remove title"),
            )
        if (module.id == CONTEXT) != bool(module.pages):
            c.add(
                located.path,
                located.line_of(loc),
                "module-pages",
                f"module '{module.id}': "
                + ("list its pages" if module.id == CONTEXT else "only the context module lists pages"),
            )
        for j, page_id in enumerate(module.pages):
            if content.page(lang, f"{page_id}.md") is None:
                c.add(located.path, located.line_of(loc + ("pages", j)), "unknown-page", f"no page '{page_id}'")
        if module.id != COURSE and (module.activity is None or not module.reflection):
            c.add(
                located.path,
                located.line_of(loc),
                "module-texts",
                f"module '{module.id}' needs reflection questions and an activity for the session plan",
            )
    missing = sorted(set(known) - set(ids))
    for module_id in missing:
        c.add(located.path, located.line_of(("modules",)), "module-missing", f"no texts for module '{module_id}'")
    return not missing


def _check_prompts(texts: PackTexts, located: yamlsource.Located, content: Content, c: Collector) -> None:
    """A discussion prompt for every quote that becomes a card in some module (`Module.card_quotes`)."""
    on_cards = set(catalogue(content, texts)[COURSE].card_quotes(content))
    for quote_id in sorted(on_cards - set(texts.quote_prompts)):
        c.add(
            located.path,
            located.line_of(("quote_prompts",)),
            "prompt-missing",
            f"quote {quote_id} is on a discussion card but has no prompt in quote_prompts",
        )
    for quote_id in sorted(set(texts.quote_prompts) - set(content.quotes_by_id)):
        c.add(located.path, located.line_of(("quote_prompts", quote_id)), "unknown-quote", f"no quote '{quote_id}'")
