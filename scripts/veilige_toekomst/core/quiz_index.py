"""Which page a quiz is about, and the quizzes in reading order."""

from __future__ import annotations

from .content import Content
from .pages import Page
from .quizzes import Quiz


def module_page(content: Content, module: str, lang: str) -> Page | None:
    """The page a quiz is about: a pillar, a living area, or a section's index page."""
    for page in content.pillars(lang) + content.living_areas(lang):
        if page.numbered.id == module:
            return page
    return content.page(lang, f"{module}/index.md")


def quiz_groups(content: Content, lang: str) -> list[tuple[str, list[Quiz]]]:
    """The quizzes in `lang` (a missing translation falls back to Dutch), grouped by the folder of their
    part of the site and in reading order: sections such as the context, then pillars, then living areas."""

    def quiz(module: str) -> Quiz | None:
        return content.quiz(lang, module)

    numbered = {p.numbered.id: p for p in content.pillars(lang) + content.living_areas(lang)}
    sections = sorted({module for (_, module) in content.quizzes} - set(numbered))
    groups = [(section, [quiz(section)]) for section in sections] + [
        (folder, [quiz(m) for m, page in numbered.items() if page.src.startswith(folder + "/")])
        for folder in ("pillars", "living-areas")
    ]
    return [(folder, found) for folder, quizzes in groups if (found := [q for q in quizzes if q is not None])]
