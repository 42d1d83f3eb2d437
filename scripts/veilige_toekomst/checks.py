"""Every content rule, each with an id: run by `veilige-toekomst validate` and by the site build."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import shortcodes
from .content import Content
from .findings import Collector
from .links import anchors, check_links, explicit_heading_ids
from .local_pages import check_local_pages
from .pages import Page
from .packs.texts import check_pack_texts
from .quizzes import quiz_findings
from .style_rules import check_address_form, check_voices_heading
from .yamlsource import Located

LITERAL_FIGURE = re.compile(r"\b\d{1,3}(?:[.,]\d+)?\s?(?:%|procent\b|per ?cent\b)", re.I)
LITERAL_OK = "<!-- literal-ok -->"
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def _normalise(text: str) -> str:
    return " ".join(text.split()).lower()


def check_page_parity(content: Content, c: Collector) -> None:
    """Every page in every complete language; the same ids, numbers and list lengths as Dutch."""
    default = content.default_language
    srcs = sorted({src for (_, src) in content.pages})
    for src in srcs:
        base = content.pages.get((default, src))
        for lang in content.project.complete_languages:
            page = content.pages.get((lang, src))
            if page is None:
                other = base or next(p for (l, s), p in content.pages.items() if s == src)
                c.add(other.path, 1, "translation-missing", f"no {lang} version of this page ({src[:-3]}.{lang}.md)")
                continue
            if base is None or page is base:
                continue
            _compare_meta(base, page, c)
            ids, base_ids = explicit_heading_ids(page.body), explicit_heading_ids(base.body)
            if sorted(ids) != sorted(base_ids):
                missing = sorted(set(base_ids) - set(ids)) or sorted(set(ids) - set(base_ids))
                c.add(page.path, page.body_line, "heading-ids", f"heading ids differ from {base.path}: {', '.join(missing)}")


def _compare_meta(base: Page, page: Page, c: Collector) -> None:
    for key in ("id", "number"):
        if getattr(base.meta, key, None) != getattr(page.meta, key, None):
            c.add(page.path, page.located.line_of((key,)), "id-mismatch",
                  f"{key} is {getattr(page.meta, key, None)!r} here but {getattr(base.meta, key, None)!r} in {base.path}")
    for key in ("needs", "conditions", "protective_factors"):
        mine, theirs = getattr(page.meta, key, None), getattr(base.meta, key, None)
        if mine is not None and theirs is not None and len(mine) != len(theirs):
            c.add(page.path, page.located.line_of((key,)), f"{key.replace('_', '-')}-count",
                  f"{len(mine)} {key} in {page.lang}, {base.lang} has {len(theirs)} ({base.path})")


def check_numbering(content: Content, c: Collector) -> None:
    for kind_pages in (content.pillars(content.default_language), content.living_areas(content.default_language)):
        for field in ("id", "number"):
            counts = Counter(getattr(p.meta, field) for p in kind_pages)
            for page in kind_pages:
                if counts[getattr(page.meta, field)] > 1:
                    c.add(page.path, page.located.line_of((field,)), f"duplicate-{field}",
                          f"{field} {getattr(page.meta, field)!r} is used by more than one page")


def _check_translations(located: Located | None, loc: tuple, texts: dict[str, str] | None,
                        languages: tuple[str, ...], what: str, c: Collector) -> None:
    if texts is None or located is None:
        return
    for lang in languages:
        if not (texts.get(lang) or "").strip():
            c.add(located.path, located.line_of(loc), "translation-missing", f"{what} has no {lang} text")


def check_quotes(content: Content, c: Collector) -> None:
    located = content.quotes_located
    if located is None:
        return
    page_ids, modules = content.page_ids(), content.module_ids()
    seen: Counter[str] = Counter(q.id for q in content.quotes)
    for i, quote in enumerate(content.quotes):
        if seen[quote.id] > 1:
            c.add(located.path, located.line_of(("quotes", i, "id")), "duplicate-id", f"quote id {quote.id} is used more than once")
        _check_translations(located, ("quotes", i, "text"), quote.text, content.project.complete_languages, f"quote {quote.id}", c)
        if quote.location not in page_ids:
            c.add(located.path, located.line_of(("quotes", i, "location")), "unknown-page", f"quote {quote.id}: no page '{quote.location}'")
        if quote.speaker != "professional" and quote.age is None:
            c.add(located.path, located.line_of(("quotes", i, "speaker")), "quote-age",
                  f"quote {quote.id}: a child's quote needs the age the booklet gives")
        _check_quote_on_its_page(content, quote.id, quote.location, c)
        for j, theme in enumerate(quote.themes):
            if theme not in modules:
                c.add(located.path, located.line_of(("quotes", i, "themes", j)), "unknown-theme",
                      f"quote {quote.id}: '{theme}' is not a pillar or living-area id")


def _check_quote_on_its_page(content: Content, quote_id: str, location: str, c: Collector) -> None:
    """A quote stands where the booklet has it, in every language (it may stand elsewhere too)."""
    for lang in content.project.complete_languages:
        page = content.pages.get((lang, f"{location}.md"))
        if page is None or quote_id in {used for used, _ in shortcodes.used_ids(page, "quote")}:
            continue
        line = next((n for n, text in enumerate(page.body.splitlines(), page.body_line) if "{#voices}" in text), page.body_line)
        c.add(page.path, line, "quote-not-on-its-page",
              f"{quote_id} stands on this page in the booklet (docs/quotes/quotes.yml); add <!-- quote {quote_id} -->")


def check_statistics(content: Content, c: Collector) -> None:
    stats, located = content.statistics, content.statistics_located
    if stats is None or located is None:
        return
    langs = content.project.complete_languages
    groups = {g.id for g in stats.groups}
    for i, group in enumerate(stats.groups):
        _check_translations(located, ("groups", i, "title"), group.title, langs, f"group {group.id}", c)
    seen: Counter[str] = Counter(s.id for s in stats.statistics)
    page_ids = content.page_ids()
    for i, stat in enumerate(stats.statistics):
        loc = ("statistics", i)
        if seen[stat.id] > 1:
            c.add(located.path, located.line_of(loc + ("id",)), "duplicate-id", f"figure id {stat.id} is used more than once")
        if stat.group not in groups:
            c.add(located.path, located.line_of(loc + ("group",)), "unknown-group", f"figure {stat.id}: no group '{stat.group}'")
        if stat.section not in page_ids:
            c.add(located.path, located.line_of(loc + ("section",)), "unknown-page", f"figure {stat.id}: no page '{stat.section}'")
        for key in ("label", "display", "note"):
            _check_translations(located, loc + (key,), getattr(stat, key), langs, f"figure {stat.id} {key}", c)


def check_ui_strings(content: Content, c: Collector) -> None:
    if content.ui_strings is None or content.ui_located is None:
        return
    for key, texts in content.ui_strings.root.items():
        _check_translations(content.ui_located, (key,), texts, content.project.complete_languages, f"interface string '{key}'", c)


def check_usage(content: Content, c: Collector) -> None:
    """Every quote and figure shown somewhere; none typed into a page instead of pulled from data."""
    default_pages = [p for p in content.pages.values() if p.lang == content.default_language]
    for name, located, items, key in (
        ("quote", content.quotes_located, content.quotes, "quotes"),
        ("stat", content.statistics_located, content.statistics.statistics if content.statistics else [], "statistics"),
    ):
        used = {i for page in default_pages for i, _ in shortcodes.used_ids(page, name)}
        if name == "stat":  # a figure is shown, too, where its whole group is: <!-- figures GROUP -->
            groups = {g for page in default_pages for g, _ in shortcodes.used_ids(page, "figures")}
            used |= {stat.id for stat in items if stat.group in groups}
        for index, item in enumerate(items):
            if item.id not in used and located is not None:
                c.add(located.path, located.line_of((key, index, "id")), "unused",
                      f"{item.id} is not shown on any page (add <!-- {name} {item.id} --> where it belongs)")
    for page in content.pages.values():
        body = FENCE.sub(lambda m: "\n" * m[0].count("\n"), page.body)
        flat = _normalise(shortcodes.SHORTCODE.sub(" ", body))
        for quote in content.quotes:
            text = quote.text.get(page.lang) or ""
            start = _normalise(text)[:40]
            if len(start) >= 25 and start in flat:
                c.add(page.path, _line_containing(page, body, start[:20]), "quote-typed",
                      f"the words of {quote.id} are typed into the page; use <!-- quote {quote.id} -->")
        for number, line in enumerate(body.splitlines(), page.body_line):
            if LITERAL_OK in line:
                continue
            found = LITERAL_FIGURE.search(shortcodes.SHORTCODE.sub("", line))
            if found:
                c.add(page.path, number, "figure-typed",
                      f"'{found[0]}' is typed into the page; use <!-- stat ID --> (or end the line with {LITERAL_OK})")


def _line_containing(page: Page, body: str, needle: str) -> int:
    for number, line in enumerate(body.splitlines(), page.body_line):
        if needle in _normalise(line):
            return number
    return page.body_line


def check_shortcodes_and_links(content: Content, c: Collector) -> None:
    @lru_cache(maxsize=None)
    def resolved(lang: str, src: str) -> str | None:
        page = content.page(lang, src)
        if page is None:
            return None
        text, findings = shortcodes.resolve(content, page, lang)
        c.extend(findings)
        return text

    @lru_cache(maxsize=None)
    def anchors_of(lang: str, src: str) -> set[str] | None:
        text = resolved(lang, src)
        return None if text is None else anchors(text)

    for lang in content.languages:
        for src in sorted({s for (_, s) in content.pages}):
            page = content.page(lang, src)
            if page is not None and (page.lang == lang or lang == content.default_language):
                resolved(lang, src)
                c.extend(check_links(content, page, lang, anchors_of))


def check_quizzes(content: Content, c: Collector) -> None:
    """Each quiz well formed (a right option, one for single choice, feedback, a linked explanation), and
    each translation asking the same questions with the same right answers as the Dutch quiz."""
    c.extend(quiz_findings(content))


CHECKS = (check_page_parity, check_numbering, check_quotes, check_statistics, check_ui_strings,
          check_usage, check_shortcodes_and_links, check_quizzes, check_pack_texts,
          check_local_pages, check_address_form, check_voices_heading)


def check_content(content: Content, c: Collector) -> None:
    for check in CHECKS:
        check(content, c)
