"""Where the project's files are and which languages it has, read from mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import yamlsource
from .findings import ContentError, Finding
from .organisation import DEFAULT, Organisation, load_organisation, quick_exit_problem

DEFAULT_QUICK_EXIT = "https://www.knmi.nl/"
"""A neutral, everyday site (the Dutch weather service), as GOV.UK uses a weather page."""


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    languages: tuple[str, ...]
    default_language: str
    complete_languages: tuple[str, ...]
    """Languages that must have every page and entry; others may be partial (fall back to the default)."""
    quick_exit_url: str | None
    """Where the quick-exit button goes; None when it is switched off."""
    single_entry_visit: bool
    """Links inside the site replace the current history entry, so a whole visit is one entry and the
    quick exit replaces it (mkdocs.yml extra.quick_exit.single_entry_visit, or the organisation file)."""
    organisation: Organisation
    """Who runs this copy of the site (organisation.py); the project's own defaults without a file."""
    organisation_file: Path | None
    """The organisation file mkdocs.yml's extra.organisation names, when it exists."""

    def shown(self, path: Path) -> str:
        """A path as people see it in messages: relative to the project root."""
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def find_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "mkdocs.yml").is_file():
            return candidate
    raise ContentError([Finding(str(here), 1, "project", "no mkdocs.yml here or in a parent folder")])


def load_project(root: Path | None = None) -> Project:
    root = find_root(root)
    config_path = root / "mkdocs.yml"
    located = yamlsource.load_file(str(config_path), "mkdocs.yml")
    config = located.data or {}
    languages: list[str] = []
    default = ""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in plugin["i18n"].get("languages", []):
                languages.append(lang["locale"])
                if lang.get("default"):
                    default = lang["locale"]
    if not languages or not default:
        raise ContentError([Finding("mkdocs.yml", 1, "config", "the i18n plugin needs languages and a default")])
    extra = config.get("extra") or {}
    complete = tuple(extra.get("complete_languages") or languages)
    org_file = root / extra["organisation"] if extra.get("organisation") else None
    if org_file is not None and not org_file.is_file():
        org_file = None  # optional: upstream names the file but never ships it
    org = (
        DEFAULT
        if org_file is None
        else load_organisation(org_file, shown=extra["organisation"], languages=complete, root=root)
    )
    quick_exit = _quick_exit(extra.get("quick_exit") or {}, located)
    return Project(
        root=root,
        docs_dir=root / config.get("docs_dir", "docs"),
        languages=tuple(languages),
        default_language=default,
        complete_languages=complete,
        quick_exit_url=org.quick_exit if quick_exit and org.quick_exit else quick_exit,
        single_entry_visit=_single_entry_visit(extra.get("quick_exit") or {}, org, located),
        organisation=org,
        organisation_file=org_file,
    )


def _quick_exit(options: dict, located: yamlsource.Located) -> str | None:
    """The quick-exit target: on by default (an organisation file may name another target)."""
    if options.get("enabled", True) is False:
        return None
    url = options.get("url", DEFAULT_QUICK_EXIT)
    problem = quick_exit_problem(url)
    if problem:
        raise ContentError(
            [Finding("mkdocs.yml", located.line_of(("extra", "quick_exit", "url")), "quick-exit", problem)]
        )
    return url


def _single_entry_visit(options: dict, org: Organisation, located: yamlsource.Located) -> bool:
    """Off unless switched on: the organisation file's choice wins over mkdocs.yml's."""
    if org.single_entry_visit is not None:
        return org.single_entry_visit
    value = options.get("single_entry_visit", False)
    if not isinstance(value, bool):
        line = located.line_of(("extra", "quick_exit", "single_entry_visit"))
        raise ContentError(
            [Finding("mkdocs.yml", line, "quick-exit", f"single_entry_visit is true or false, not {value!r}")]
        )
    return value
