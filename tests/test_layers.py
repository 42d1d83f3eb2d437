"""The package's shape: layers that import one way, one registry of rules, the content engine free of
MkDocs, WeasyPrint and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import BIN, FIXTURES, ROOT, run_cli
from veilige_toekomst.core.rules import RULES

# Rules a fixture project cannot yet show: the training packs' texts (the minimal project has none), a
# fork's own files, and the lock file. Each still has a test elsewhere (test_packs, test_fork, test_i18n).
NO_BROKEN_FIXTURE_YET = {
    "symlink",  # a link loop cannot be copied into a fixture project: test_bad_input makes one
    "plural",  # needs the whole strings.yml with one string changed: test_plurals makes one
    "pack-markdown",  # needs the packs' texts, which the minimal project lacks: test_packs shows it
    "project",
    "config",
    "translation-lock",
    "protective-factors-count",
    "unknown-quote",
    "unknown-language",
    "packs-texts",
    "unknown-module",
    "module-missing",
    "module-title",
    "module-pages",
    "module-texts",
    "session-activity",
    "prompt-missing",
    "local-clash",
    "org-file",
    "org-logo",
    "org-site-url",  # test_publish and test_fork show the organisation file's mistakes
}


def test_the_layer_contract_holds():
    """core -> checks -> render -> site | print -> cli, no cycles (pyproject.toml [tool.importlinter])."""
    result = subprocess.run([str(BIN / "lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "BROKEN" not in result.stdout


def test_validating_imports_no_mkdocs_weasyprint_cli_or_pack_builder():
    code = (
        "import sys, json; from veilige_toekomst.render.validate import load_checked; load_checked(); "
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = json.loads(result.stdout)
    unwanted = [
        name
        for name in loaded
        if name.split(".")[0] in {"mkdocs", "mkdocs_quiz", "material", "weasyprint", "typer"}
        or name.startswith(("veilige_toekomst.print", "veilige_toekomst.site", "veilige_toekomst.cli"))
    ]
    assert not unwanted, unwanted


def test_contributing_lists_every_rule_from_the_registry():
    result = run_cli("rules", "--check")
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout


def _fixture_rules() -> dict[str, str]:
    found = {}
    for expected in sorted((FIXTURES / "broken").glob("*/expected.txt")):
        rule = expected.read_text().split(": ")[1].strip().rstrip(":")
        found[expected.parent.name] = rule
    return found


def test_every_fixture_names_a_registered_rule():
    unknown = {case: rule for case, rule in _fixture_rules().items() if rule not in RULES}
    assert not unknown, unknown


def test_every_rule_has_a_broken_fixture():
    covered = set(_fixture_rules().values())
    missing = sorted(set(RULES) - covered - NO_BROKEN_FIXTURE_YET)
    assert not missing, f"rules without a broken fixture under tests/fixtures/broken/: {missing}"
    assert not covered & NO_BROKEN_FIXTURE_YET, "a rule got its fixture: take it out of NO_BROKEN_FIXTURE_YET"
