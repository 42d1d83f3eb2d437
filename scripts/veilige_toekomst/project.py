"""Where the project's files are and which languages it has, read from mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import yamlsource
from .findings import ContentError, Finding


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    languages: tuple[str, ...]
    default_language: str
    complete_languages: tuple[str, ...]
    """Languages that must have every page and entry; others may be partial (fall back to the default)."""

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
    config = yamlsource.load_file(str(config_path), "mkdocs.yml").data or {}
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
    return Project(
        root=root,
        docs_dir=root / config.get("docs_dir", "docs"),
        languages=tuple(languages),
        default_language=default,
        complete_languages=complete,
    )
