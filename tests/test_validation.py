"""Each content rule has a small broken fixture; validation must name file, line, rule and what to do.

The fixtures run through the loader in-process (fast); a few run through the command and the site
build as well, to hold the exit code, the absence of tracebacks and the build stopping."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, build_site, make_project, run_cli
from veilige_toekomst.core.findings import ContentError
from veilige_toekomst.render.validate import load_checked

BROKEN = sorted(p.name for p in (FIXTURES / "broken").iterdir() if p.is_dir())


def findings_of(project) -> list[str]:
    """The lines `validate` would print for `project` (empty when it is valid)."""
    try:
        load_checked(project)
    except ContentError as exc:
        return exc.report().splitlines()
    return []


def test_minimal_project_is_valid(tmp_path):
    result = run_cli("validate", cwd=make_project(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "OK: 6 pages in nl, en, 1 quotes, 1 figures." in result.stdout


@pytest.mark.parametrize("case", BROKEN)
def test_each_rule_reports_file_line_rule_message(tmp_path, case):
    expected = (FIXTURES / "broken" / case / "expected.txt").read_text().strip()
    lines = findings_of(make_project(tmp_path, case))
    assert any(line.startswith(expected) for line in lines), "\n".join(lines)


@pytest.mark.parametrize("case", ["yaml-syntax", "quote-age", "quiz-no-correct"])
def test_the_command_exits_1_without_a_traceback(tmp_path, case):
    expected = (FIXTURES / "broken" / case / "expected.txt").read_text().strip()
    result = run_cli("validate", cwd=make_project(tmp_path, case))
    assert result.returncode == 1
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", ["unknown-quote", "broken-anchor", "figure-typed"])
def test_the_site_build_stops_on_the_same_mistakes(tmp_path, case):
    project = make_project(tmp_path, case)
    result = build_site(project, tmp_path / "site")
    expected = (FIXTURES / "broken" / case / "expected.txt").read_text().strip()
    assert result.returncode == 1
    assert expected in (result.stdout + result.stderr)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_export_of_a_broken_project_writes_nothing(tmp_path):
    out = tmp_path / "export.json"
    result = run_cli("export", "--lang", "en", "-o", str(out), cwd=make_project(tmp_path, "needs-count"))
    assert result.returncode == 1
    assert not out.exists()
