"""MkDocs hooks: the site build reads the same checked content model as every other output.

Listed in mkdocs.yml under `hooks:`. A content mistake stops the build with `path:line: rule: message`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from veilige_toekomst import shortcodes
from veilige_toekomst.content import Content, load_content
from veilige_toekomst.findings import ContentError

_cache: dict[str, Content] = {}


def _content(config) -> Content:
    root = str(Path(config.config_file_path).parent)
    if root not in _cache:
        try:
            _cache[root] = load_content(Path(root))
        except ContentError as exc:
            raise Abort("Content errors:\n" + exc.report()) from None
    return _cache[root]


def on_startup(command, dirty) -> None:
    _cache.clear()  # `mkdocs serve` rebuilds in one process: read the content anew each time


def on_pre_build(config) -> None:
    _cache.clear()
    _content(config)


def _lang(config) -> str:
    return config.theme["language"]


def _source_page(content: Content, page, lang: str):
    src = page.file.src_uri
    for code in content.languages:
        src = src.replace(f".{code}.md", ".md")
    return content.page(lang, src) or content.page(page.file.locale, src)


@event_priority(100)  # before mkdocs-quiz reads the page, so figures in quizzes are resolved too
def on_page_markdown(markdown, page, config, files):
    content = _content(config)
    source = _source_page(content, page, _lang(config))
    if source is None:
        return markdown
    text, findings = shortcodes.resolve(content, source, _lang(config), markdown)
    if findings:
        raise Abort("Content errors:\n" + ContentError(findings).report())
    return text


def on_page_context(context, page, config, nav):
    content = _content(config)
    lang = _lang(config)
    context["vt"] = {"ui": lambda key, **values: content.ui(lang, key, **values), "lang": lang}
    return context
