"""Bad input never misleads, crashes or runs: the real mistake comes first, in one line, with no traceback.

In-process (load_checked on a project made from the minimal fixture) where that is enough: faster
than a subprocess per case.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, make_project
from veilige_toekomst.core.findings import ContentError
from veilige_toekomst.render.validate import load_checked

ROOT_CAUSES = [
    "yaml-tab",
    "yaml-bom",
    "yaml-syntax",
    "yaml-alias-bomb",
    "duplicate-key",
    "duplicate-front-matter-key",
    "page-latin1",
    "page-binary",
    "page-empty",
    "front-matter-unclosed",
    "unclosed-comment",
    "raw-script",
    "event-handler",
]
"""Broken fixtures whose mistake is in a file that does not read (or a page that must not run): the
finding must be the first line of the report, ahead of what follows from it."""


def findings_of(project) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_checked(project)
    return [str(finding) for finding in caught.value.findings]


@pytest.mark.parametrize("case", ROOT_CAUSES)
def test_the_root_cause_is_reported_first(tmp_path, case):
    expected = (FIXTURES / "broken" / case / "expected.txt").read_text().strip()
    found = findings_of(make_project(tmp_path, case))
    assert found[0].startswith(expected), found


def test_a_quotes_file_that_does_not_read_comes_before_the_unknown_quotes_it_causes(tmp_path):
    found = findings_of(make_project(tmp_path, "yaml-tab"))
    assert found[0].startswith("docs/quotes/quotes.yml:4: yaml-syntax:")
    assert "a tab character stands where YAML needs spaces" in found[0]
    assert any("unknown quote id 'q01'" in line for line in found[1:]), found


def test_a_symlink_loop_in_docs_is_a_finding(tmp_path):
    project = make_project(tmp_path)
    (project / "docs" / "loop").symlink_to("..")
    (project / "docs" / "nowhere.nl.md").symlink_to("missing.nl.md")
    found = findings_of(project)
    assert "docs/loop:1: symlink: symbolic link loops back to a folder above it" in found
    assert any(line.startswith("docs/nowhere.nl.md:1: symlink:") for line in found), found


def test_code_that_shows_a_script_is_not_a_script(tmp_path):
    project = make_project(tmp_path)
    page = project / "docs" / "index.nl.md"
    page.write_text(
        page.read_text() + "\nSchrijf nooit `<script>` of `<!--` zomaar.\n\n```html\n<script>x</script>\n```\n"
    )
    load_checked(project)
