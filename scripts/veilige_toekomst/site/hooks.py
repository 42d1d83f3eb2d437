"""MkDocs hooks: the site build reads the same checked content model as every other output.

Listed in mkdocs.yml under `hooks:`. A content mistake stops the build with `path:line: rule: message`.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from veilige_toekomst.core.content import Content
from veilige_toekomst.core.findings import ContentError
from veilige_toekomst.render import notices, packs, shortcodes
from veilige_toekomst.render.validate import Checked, load_checked
from veilige_toekomst.site import address, favicon, fonts, headers, minify, page_safety, stylesheets, theme_css
from veilige_toekomst.site import organisation as site_organisation
from veilige_toekomst.site import packs as site_packs
from veilige_toekomst.site import search as site_search
from veilige_toekomst.site.compiled_templates import compiled_templates


class _QuizHasDutch(logging.Filter):
    """mkdocs-quiz 1.7 ships no Dutch and warns on every Dutch quiz page, which fails --strict, although
    mkdocs.yml supplies Dutch through its custom_translations. Drop only that warning; remove this once
    a release of mkdocs-quiz ships locales/nl.po."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Built-in translation for 'nl' not found")


_quiz_log = logging.getLogger("mkdocs.plugins.mkdocs_quiz")
if not any(type(f).__name__ == _QuizHasDutch.__name__ for f in _quiz_log.filters):  # hooks may load twice
    _quiz_log.addFilter(_QuizHasDutch())

_cache: dict[tuple[str, bool], tuple[tuple, Checked]] = {}
_files: dict[str, Files] = {}
_search_entries: dict[str, list] = {}
_not_found: dict[str, str] = {}
"""Each language's 404 page, as built: every language build writes 404.html at the root, the last wins."""


def _fingerprint(config) -> tuple:
    """Name, size and change time of every source file: unchanged while the languages of one build
    are built one after the other, changed after an edit under `mkdocs serve`."""
    root = Path(config.config_file_path).parent
    files = [*sorted(root.glob("*.yml")), *sorted(Path(config.docs_dir).rglob("*"))]
    return tuple((str(f), st.st_mtime_ns, st.st_size) for f in files if f.is_file() for st in [f.stat()])


def _checked(config, fresh: bool = False) -> Checked:
    """The checked content model and every page rendered, once per build rather than once per language.

    `fresh` (at the start of each language's build) compares the sources with what was loaded, so that
    `mkdocs serve` reloads after an edit; the other hooks of that build use what was loaded."""
    key = (str(Path(config.config_file_path).parent), bool(config.use_directory_urls))
    if key in _cache and not fresh:
        return _cache[key][1]
    fingerprint = _fingerprint(config)
    if key not in _cache or _cache[key][0] != fingerprint:
        try:
            _cache[key] = (fingerprint, load_checked(Path(key[0]), directory_urls=key[1]))
        except ContentError as exc:
            raise Abort("Content errors:\n" + exc.report()) from None
    return _cache[key][1]


def _content(config) -> Content:
    return _checked(config).content


def _lang(config) -> str:
    return config.theme["language"]


def _online(config) -> bool:
    """The offline edition (file://) is built with use_directory_urls off and no site_url."""
    return bool(config.use_directory_urls and config.site_url)


def on_config(config):
    try:
        address.configure(config, _content(config))
    except address.AddressError as exc:
        raise Abort(str(exc)) from None
    stylesheets.configure(config)
    site_organisation.configure(config, _checked(config, fresh=True).content)
    return config


def on_pre_build(config) -> None:
    _search_entries.clear()
    _checked(config, fresh=True)


@event_priority(-100)  # after the i18n plugin has given each file its language's URL
def on_files(files, config):
    _files[_lang(config)] = files
    stylesheets.add_bundle(files, config)
    fonts.add_fonts(files, config)
    site_organisation.add_files(files, config, _content(config))
    return files


def on_nav(nav, config, files):
    return site_organisation.hide_sections(nav, _content(config))


def _source_page(content: Content, page, lang: str):
    src = page.file.src_uri
    for code in content.languages:
        src = src.replace(f".{code}.md", ".md")
    return content.page(lang, src) or content.page(page.file.locale, src)


def _rendered(checked: Checked, source, lang: str, markdown: str) -> str | None:
    """The page as the check rendered it, if `markdown` is still the source's text. mkdocs hands it over
    without the blank lines that follow the front matter, which the source's body keeps (and which the
    shortcodes leave as they are): without them, the rendered text is the same."""
    text = checked.markdown.get((lang, source.src))
    dropped = len(source.body) - len(markdown)
    if text is None or dropped < 0 or source.body[dropped:] != markdown or source.body[:dropped].strip("\n"):
        return None
    return text[dropped:]


@event_priority(100)  # before mkdocs-quiz reads the page, so figures in quizzes are resolved too
def on_page_markdown(markdown, page, config, files):
    checked = _checked(config)
    content, lang = checked.content, _lang(config)
    source = _source_page(content, page, lang)
    if source is None:
        return markdown
    text = _rendered(checked, source, lang, markdown)
    if text is None:  # another plugin changed the Markdown first: render what it gave
        text, findings = shortcodes.resolve(content, source, lang, markdown, directory_urls=config.use_directory_urls)
        if findings:
            raise Abort("Content errors:\n" + ContentError(findings).report())
    if getattr(page.file, "locale", lang) != lang:  # falls back to the default language
        text = notices.not_translated_notice(content, lang) + text
    return text + packs.module_downloads(content, source, lang, config.use_directory_urls)


def _page_url(lang: str, name: str) -> str | None:
    files = _files.get(lang)
    if files is None:
        return None
    for candidate in (f"{name}.{lang}.md", f"{name}.md"):
        file = files.get_file_from_path(candidate)
        if file is not None:
            return file.url
    return None


def _template_globals(config, page_url: str, content_html: str) -> dict:
    content = _content(config)
    lang = _lang(config)
    search = _page_url(lang, "search")
    return {
        "home_prefix": _page_url(lang, "index") or "",
        "ui": lambda key, **values: content.ui(lang, key, **values),
        "ui_in": lambda in_lang, key: content.ui(in_lang, key),
        "plural_forms": lambda key: content.plural_forms(lang, key),
        "lang": lang,
        "search_url": get_relative_url(search, page_url) if search is not None else "",
        "quick_exit": content.project.quick_exit_url,
        "single_entry_visit": content.project.single_entry_visit,
        "organisation": site_organisation.footer_name(content),
        "root_relative": lambda link: address.root_relative(link, config.site_url),
        # The online site preloads the first screen's fonts; from file:// a preload (a CORS request)
        # would fail, and the offline edition's files are on disk anyway.
        "preload_fonts": fonts.preload_fonts(content_html) if config.use_directory_urls else (),
        "favicon": favicon.data_uri(config, content.project.organisation.colours.primary),
    }


def on_page_context(context, page, config, nav):
    context["vt"] = _template_globals(config, page.url, page.content or "")
    return context


def on_env(env, config, files):
    # The next language's build, and the next build, reuse this one's compiled templates.
    env.bytecode_cache = compiled_templates(Path(config.config_file_path).parent / "build" / "cache" / "templates")
    # Static templates (the 404 page) get no page context: give them the same globals.
    env.globals["vt"] = _template_globals(config, "404.html", "")
    return env


def on_post_page(output, page, config):
    if not page.meta.get("search", {}).get("exclude"):
        _search_entries.setdefault(_lang(config), []).extend(
            site_search.entries(output, page.url, page.title, page.meta.get("description", ""))
        )
    output = page_safety.language_alternates(output, page.url, config.site_url if _online(config) else None)
    output = stylesheets.link_components(output, page.url, config)
    return page_safety.add_csp(output)


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    output = page_safety.add_csp(page_safety.without_alternates(output))
    _not_found[_lang(config)] = output
    return output


def _after_each_language(config):
    lang = _lang(config)
    node_modules = Path(config.config_file_path).parent / "node_modules"
    site_search.write_index(Path(config.site_dir), node_modules, lang, _search_entries.get(lang, []))
    site_packs.publish(_content(config), lang, Path(config.site_dir))
    _write_not_found_pages(config)
    address.drop_sitemap_without_address(config)
    address.drop_source_maps(config)
    headers.write_headers_file(Path(config.site_dir))


@event_priority(-200)  # after mkdocs-static-i18n's on_post_build (-100), which builds the other languages
def _after_all_languages(config):
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # a language built inside the i18n plugin's loop: the outer build comes back here last
    root = Path(config.config_file_path).parent
    own = stylesheets.own_assets(config)
    theme_css.purge(
        Path(config.site_dir),
        root / "node_modules",
        root / "build" / "cache" / "theme-css",
        frozenset(own),
        theme_css.features_off(config),
    )
    # After the purge: it reads the scripts' words, and the readable ones keep its cache key stable.
    minify.minify(Path(config.site_dir), own, root / "node_modules", root / "build" / "cache" / "minified")


on_post_build = CombinedEvent(_after_each_language, _after_all_languages)


def _write_not_found_pages(config) -> None:
    """The 404 page of each language built so far at its language's root: 404.html, en/404.html."""
    for lang, html in _not_found.items():
        home = _page_url(lang, "index") or ""  # "", "en/"; offline "index.html", "en/index.html"
        target = Path(config.site_dir, posixpath.dirname(home), "404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
