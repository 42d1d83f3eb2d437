"""Build time of the site against a bare mkdocs-material build of the same Markdown: the ratio is the
project's overhead (hooks, shortcodes, checks, quizzes, overrides)."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

import yaml

from .common import build


def bare_config(root: Path, folder: Path) -> Path:
    """A minimal mkdocs.yml for the same docs: material and i18n with the same languages, the same nav and
    Markdown extensions; no hooks, no other plugins, no overrides. Shortcodes stay HTML comments."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    bare = {
        "site_name": config["site_name"],
        "site_url": config.get("site_url"),
        "docs_dir": str((root / config.get("docs_dir", "docs")).resolve()),
        "theme": {
            "name": "material",
            "language": config["theme"].get("language", "en"),
            "features": config["theme"].get("features", []),
        },
        "markdown_extensions": config.get("markdown_extensions", []),
        "exclude_docs": config.get("exclude_docs", ""),
        "not_in_nav": config.get("not_in_nav", ""),
        "nav": config.get("nav"),
        "plugins": ["search", {"i18n": i18n}],
    }
    path = folder / "mkdocs.yml"
    path.write_text(
        yaml.safe_dump({k: v for k, v in bare.items() if v is not None}, allow_unicode=True), encoding="utf-8"
    )
    return path


def median_times(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """Median wall and median CPU seconds of several runs."""
    return statistics.median(wall for wall, _ in runs), statistics.median(cpu for _, cpu in runs)


def build_times(root: Path, site: Path, runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(wall, CPU) median seconds of the project's strict build (the last one stays in `site`) and of the
    bare build."""
    with tempfile.TemporaryDirectory(prefix="vt-bench-bare-") as tmp:
        config = bare_config(root, Path(tmp))
        project, bare = [], []
        for _ in range(runs):  # alternated, so a busy moment of the machine hits both alike
            bare.append(build(root, Path(tmp) / "site", config=config, strict=False))
            project.append(build(root, site))
    return median_times(project), median_times(bare)
