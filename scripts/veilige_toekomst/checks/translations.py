"""Honest translations: which pages and entries a language lacks, and which lag behind their Dutch source.

Every translatable item has a key: `page:<page id>`, `quiz:<module>`, `quote:<id>`, `figure:<id>`,
`figure-group:<id>` and `string:<key>` (docs/strings.yml). The lock file docs/translations.lock.yml
records, per language and item, a hash of the Dutch text the translation was made from. The
translator writes it with `veilige-toekomst i18n mark LANG ITEM...` (or `--all`) after checking a
translation against today's Dutch text; `veilige-toekomst i18n status` compares it with the Dutch text
of today. The hash is of the content itself (not of a date or a commit), so the result depends only
on the files and is the same on every machine.

A fork's own pages (docs/local/) are recorded in docs/local/translations.lock.yml instead, so marking
them never changes upstream's lock file and taking in upstream updates gives no conflict.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import yaml

from ..core import yamlsource
from ..core.content import Content
from ..core.findings import ContentError, Finding
from ..core.local_pages import FOLDER as LOCAL_FOLDER
from ..core.quizzes import QUIZ_FOLDER

LOCK_FILE = "translations.lock.yml"
LOCAL_LOCK_FILE = "local/translations.lock.yml"
"""The fork's own record, for its pages in docs/local/ (both paths relative to the docs folder)."""
LOCK_HEADER = """\
# Which Dutch text each translation was made from, per language and item (a hash of that text).
# Written by `veilige-toekomst i18n mark LANG ITEM...`; read by `veilige-toekomst i18n status`.
# Do not edit by hand: mark an item again after bringing its translation up to date.
"""
KIND_ORDER = ("page", "quiz", "quote", "figure-group", "figure", "string")
"""Where quizzes.py finds its quiz pages (docs/quizzes/<module>.<lang>.md, besides an index page)."""


@dataclass(frozen=True)
class Item:
    key: str
    source: str
    """The Dutch text, as the hash sees it."""
    languages: frozenset[str]
    """The languages that have a translation (the default language included)."""
    where: str
    """Where a translator adds or updates it; `{lang}` stands for the language."""

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.source.encode()).hexdigest()[:16]

    @property
    def sort_key(self) -> tuple[int, str]:
        kind, _, name = self.key.partition(":")
        return KIND_ORDER.index(kind), name


def _texts(
    fields: dict[str, dict[str, str] | None], default: str, languages: tuple[str, ...]
) -> tuple[str, frozenset[str]]:
    """The Dutch texts of an entry's fields, and the languages that have every field the Dutch has."""
    dutch = {name: texts[default] for name, texts in fields.items() if texts and (texts.get(default) or "").strip()}
    have = frozenset(lang for lang in languages if all((fields[name] or {}).get(lang, "").strip() for name in dutch))
    return json.dumps(dutch, ensure_ascii=False, sort_keys=True), have


def items(content: Content) -> list[Item]:
    """Every translatable item that exists in the default language, in a fixed order."""
    default, languages = content.default_language, content.languages
    found: list[Item] = []
    for (lang, src), page in content.pages.items():
        if lang != default:
            continue
        is_quiz = page.id.startswith(QUIZ_FOLDER) and not page.id.endswith("index")
        source = json.dumps(page.located.data, ensure_ascii=False, sort_keys=True, default=str) + "\n" + page.body
        found.append(
            Item(
                f"quiz:{page.id[len(QUIZ_FOLDER) :]}" if is_quiz else f"page:{page.id}",
                source,
                frozenset(code for code in languages if (code, src) in content.pages),
                f"{page.path[: -len(f'.{default}.md')]}.{{lang}}.md",
            )
        )

    def entry(key: str, fields: dict, located: yamlsource.Located | None, loc: tuple) -> None:
        source, have = _texts(fields, default, languages)
        where = f"{located.path}:{located.line_of(loc)}" if located else ""
        found.append(Item(key, source, have, where))

    for i, quote in enumerate(content.quotes):
        entry(f"quote:{quote.id}", {"text": quote.text}, content.quotes_located, ("quotes", i, "text"))
    if content.statistics:
        for i, group in enumerate(content.statistics.groups):
            entry(f"figure-group:{group.id}", {"title": group.title}, content.statistics_located, ("groups", i))
        for i, stat in enumerate(content.statistics.statistics):
            entry(
                f"figure:{stat.id}",
                {"label": stat.label, "display": stat.display, "note": stat.note},
                content.statistics_located,
                ("statistics", i),
            )
    if content.ui_strings:
        for key, texts in content.ui_strings.root.items():
            entry(f"string:{key}", {"text": texts}, content.ui_located, (key,))
    return sorted(found, key=lambda item: item.sort_key)


def lock_file_of(key: str) -> str:
    """The lock file (relative to the docs folder) that records item `key`: a local page's own, else upstream's."""
    return LOCAL_LOCK_FILE if key.startswith(f"page:{LOCAL_FOLDER}") else LOCK_FILE


def read_lock(content: Content) -> dict[str, dict[str, str]]:
    """language -> item key -> hash, from upstream's lock file and the fork's local one together."""
    merged: dict[str, dict[str, str]] = {}
    for name in (LOCK_FILE, LOCAL_LOCK_FILE):
        for lang, entries in _read_lock_file(content, name).items():
            merged.setdefault(lang, {}).update(entries)
    return merged


def _read_lock_file(content: Content, name: str) -> dict[str, dict[str, str]]:
    path = content.project.docs_dir / name
    if not path.is_file():
        return {}
    located = yamlsource.load_file(str(path), content.project.shown(path))
    data = located.data or {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ContentError(
            [
                Finding(
                    located.path,
                    1,
                    "translation-lock",
                    "expected a mapping of language -> item -> hash (write it with `i18n mark`)",
                )
            ]
        )
    return data


@dataclass(frozen=True)
class Status:
    lang: str
    missing: list[Item]
    outdated: list[Item]
    """The Dutch text changed after the translation was marked."""
    unmarked: list[Item]
    """Translated, but never marked: nobody has said which Dutch text it follows."""

    @property
    def complete(self) -> bool:
        return not (self.missing or self.outdated or self.unmarked)


def status(content: Content, lang: str) -> Status:
    marked = read_lock(content).get(lang, {})
    missing, outdated, unmarked = [], [], []
    for item in items(content):
        if lang not in item.languages:
            missing.append(item)
        elif item.key not in marked:
            unmarked.append(item)
        elif marked[item.key] != item.hash:
            outdated.append(item)
    return Status(lang, missing, outdated, unmarked)


def report(result: Status) -> list[str]:
    """The status of one language as lines for people: what to add or update, and where."""
    if result.complete:
        return [f"{result.lang}: complete and up to date"]
    lines = [
        f"{result.lang}: {len(result.missing)} missing, {len(result.outdated)} outdated, "
        f"{len(result.unmarked)} not marked"
    ]
    for label, found, note in (
        ("missing", result.missing, ""),
        ("outdated", result.outdated, " (the Dutch text changed after it was marked)"),
        ("not marked", result.unmarked, ""),
    ):
        lines += [f"  {label:<10}  {item.key:<40}  {item.where.format(lang=result.lang)}{note}" for item in found]
    if result.outdated or result.unmarked:
        lines.append(
            f"  Once a translation follows the Dutch text: veilige-toekomst i18n mark {result.lang} ITEM... (or --all)"
        )
    return lines


def mark(content: Content, lang: str, keys: list[str] | None) -> tuple[dict[str, str], list[str]]:
    """The lock files' new texts with `keys` (None: every translated item) marked as following today's Dutch.

    Entries of items that no longer exist are dropped. Returns ({lock file relative to the docs folder:
    new text} for only the files that change, problems); with problems, nothing should be written.
    """
    known = {item.key: item for item in items(content)}
    chosen = [item for item in known.values() if lang in item.languages] if keys is None else []
    problems = []
    for key in keys or []:
        item = known.get(key)
        if item is None:
            problems.append(f"unknown item '{key}' (see `veilige-toekomst i18n status {lang}` for the keys)")
        elif lang not in item.languages:
            problems.append(f"{key} has no {lang} translation yet ({item.where.format(lang=lang)})")
        else:
            chosen.append(item)
    texts = {}
    for name in (LOCK_FILE, LOCAL_LOCK_FILE):
        lock = _read_lock_file(content, name)
        marked = {key: value for key, value in lock.get(lang, {}).items() if key in known}
        marked.update({item.key: item.hash for item in chosen if lock_file_of(item.key) == name})
        if lock.get(lang, {}) == marked:
            continue
        lock = {**{code: entries for code, entries in lock.items() if code != lang}, lang: marked}
        body = yaml.safe_dump(
            {code: dict(sorted(entries.items())) for code, entries in sorted(lock.items())},
            sort_keys=False,
            allow_unicode=True,
            width=1000,
        )
        texts[name] = LOCK_HEADER + body
    return texts, problems
