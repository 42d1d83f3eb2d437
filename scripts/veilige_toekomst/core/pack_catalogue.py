"""The modules a pack can be made of: the context, each pillar, each living area, and the whole course."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import Content
from .markdown_syntax import used_ids
from .pack_texts import CONTEXT, COURSE, ModuleTexts, PackTexts
from .pages import Page
from .texts import text_in

EDITIONS = ("participant", "trainer")
PACKS_DIR = Path("build") / "packs"
"""Where `veilige-toekomst packs` writes the PDFs (relative to the project root) and the site finds them."""


@dataclass(frozen=True)
class Module:
    id: str
    kind: str
    """"context", "pillar", "living_area" or "course"."""
    texts: ModuleTexts
    page_srcs: tuple[str, ...]
    """Language-neutral sources of its pages, in reading order ("pillars/safety.md")."""
    number: int | None = None
    chapters: tuple[Module, ...] = ()
    """The course's modules; empty for a single module."""

    def parts(self) -> tuple[Module, ...]:
        """What the pack is made of, one chapter per module: the course has many, a module one."""
        return self.chapters or (self,)

    def pages(self, content: Content, lang: str) -> list[Page]:
        return [page for src in self.page_srcs if (page := content.page(lang, src)) is not None]

    def card_quotes(self, content: Content) -> list[str]:
        """Ids of the quotes that become its discussion cards, in quotes.yml order: every quote tagged
        with the module (quotes.yml `themes`) and every quote on its pages (the context module has no tag)."""
        ids = {part.id for part in self.parts()}
        on_pages = {
            quote_id
            for part in self.parts()
            for page in part.pages(content, content.default_language)
            for quote_id, _ in used_ids(page, "quote")
        }
        return [q.id for q in content.quotes if q.id in on_pages or ids & set(q.themes)]

    def title(self, content: Content, lang: str) -> str:
        if self.texts.title is not None:
            return text_in(self.texts.title, lang, content.default_language)
        return self.pages(content, lang)[0].meta.title


def catalogue(content: Content, texts: PackTexts) -> dict[str, Module]:
    """Every module by id, in reading order: context, pillars, living areas, course."""
    lang = content.default_language
    context = texts.module(CONTEXT)
    modules = [Module(CONTEXT, "context", context, tuple(f"{page_id}.md" for page_id in context.pages))]
    for kind, pages in (("pillar", content.pillars(lang)), ("living_area", content.living_areas(lang))):
        modules += [
            Module(p.numbered.id, kind, texts.module(p.numbered.id), (p.src,), p.numbered.number) for p in pages
        ]
    course = Module(
        COURSE,
        "course",
        texts.module(COURSE),
        tuple(src for m in modules for src in m.page_srcs),
        chapters=tuple(modules),
    )
    return {module.id: module for module in [*modules, course]}
