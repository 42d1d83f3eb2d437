"""Bad input never misleads, crashes or runs: the real mistake comes first, in one line, with no traceback.

In-process (load_checked on a project made from the minimal fixture) where that is enough: faster
than a subprocess per case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, make_project, run_cli
from test_fork import plain_png
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
    assert "a tab is used to indent this line; YAML indents with spaces only" in found[0]
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


SAFE_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'
HOSTILE_SVGS = {
    "script": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "contains <script>"),
    "handler": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "event handler (onload=)"),
    "foreignObject": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
        "contains <foreignObject>",
    ),
    "external image": (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<image xlink:href="https://tracker.invalid/x.png"/></svg>',
        "refers outside the file (href on <image>)",
    ),
    "external style": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://x.invalid/a.css";</style></svg>',
        "style loads something from outside",
    ),
    "entity bomb": (
        b'<!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>',
        "declares a DTD or entities",
    ),
    "not an image": (b"MZ\x90\x00 this is a program", "not a PNG, JPEG or SVG"),
    "html named svg": (b"<html><script>alert(1)</script></html>", "no <svg> root"),
}


def org_with_logo(tmp_path, data: bytes, logo: str = "logo.svg"):
    from veilige_toekomst.core.organisation import load_organisation

    (tmp_path / "repo").mkdir(exist_ok=True)
    if data:
        (tmp_path / "repo" / logo).write_bytes(data)
    org_file = tmp_path / "repo" / "organisation.yml"
    org_file.write_text(f"name: X\nlogo: {logo}\n")
    return lambda: load_organisation(org_file, shown="organisation.yml", root=tmp_path / "repo")


@pytest.mark.parametrize("case", sorted(HOSTILE_SVGS))
def test_a_logo_that_could_run_or_load_anything_is_refused(tmp_path, case):
    data, reason = HOSTILE_SVGS[case]
    with pytest.raises(ContentError) as caught:
        org_with_logo(tmp_path, data)()
    assert str(caught.value.findings[0]).startswith("organisation.yml:2: org-logo: ")
    assert reason in str(caught.value), caught.value


def test_a_plain_svg_logo_and_a_real_png_are_accepted(tmp_path):
    assert org_with_logo(tmp_path, SAFE_SVG)().logo.name == "logo.svg"
    assert org_with_logo(tmp_path, plain_png(tmp_path / "made.png"), "logo.png")().logo.name == "logo.png"


def test_a_logo_outside_the_repository_is_refused(tmp_path):
    (tmp_path / "secret.svg").write_bytes(SAFE_SVG)
    with pytest.raises(ContentError) as caught:
        org_with_logo(tmp_path, b"", "../secret.svg")()
    assert "must lie inside the project folder" in str(caught.value)


def scan(tmp_path, data: bytes, out=None):
    export = tmp_path / "export.json"
    export.write_bytes(data)
    out = out or tmp_path / "report.pdf"
    return run_cli("scan-report", str(export), "--lang", "nl", "--out", str(out), cwd=make_project(tmp_path))


@pytest.mark.parametrize(
    ("case", "data", "reason"),
    [
        ("deep", b"[" * 100_000 + b"]" * 100_000, "nests far too deep"),
        ("huge", b'{"format": "' + b"x" * (3 * 1024 * 1024) + b'"}', "an export is at most 2 MB"),
        ("latin-1", b'{"format": "Caf\xe9"}', "not UTF-8 (byte offset 15)"),
        (
            "long bad value",
            b'{"format": "veilige-toekomst-self-assessment", "version": 1, "answers": "' + b"y" * 100_000 + b'"}',
            "",
        ),
    ],
)
def test_a_bad_export_gives_one_short_line(tmp_path, case, data, reason):
    result = scan(tmp_path, data)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr) < 400, result.stderr[:400]
    assert reason in result.stderr
    assert not list(tmp_path.glob("*.tmp")) and not (tmp_path / "report.pdf").exists()


def test_scan_report_into_a_folder_or_a_read_only_place_is_one_line(tmp_path):
    (tmp_path / "folder").mkdir()
    result = scan(tmp_path, b"{}", out=tmp_path / "folder")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    export = tmp_path / "export.json"
    result = run_cli("export", "--lang", "nl", "-o", str(tmp_path / "folder"), cwd=make_project(tmp_path / "p"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        result.stderr.strip()
        == f"{tmp_path / 'folder'}: cannot write the export (not a regular file; give a file name)"
    )
    assert export.exists()


def test_write_atomically_refuses_special_files_and_leaves_no_temporary_file(tmp_path):
    from veilige_toekomst.core.io import write_atomically

    with pytest.raises(OSError, match="not a regular file"):
        write_atomically(Path("/dev/null"), b"x")
    (tmp_path / "dir").mkdir()
    with pytest.raises(OSError, match="not a regular file"):
        write_atomically(tmp_path / "dir", b"x")
    assert list(tmp_path.rglob("*.tmp")) == []


def test_pack_workers_end_when_the_main_process_is_killed(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    pids = tmp_path / "pids"
    script = f"""
import os, time
from multiprocessing import Pool
from veilige_toekomst.print import packs_build
def work(_):
    open({str(pids)!r}, "a").write(f"{{os.getpid()}}\\n"); time.sleep(60)
pool = Pool(2, initializer=packs_build._leave_interrupts_to_the_main_process, initargs=(os.getpid(),))
pool.map(work, range(2))
"""
    main = subprocess.Popen([sys.executable, "-c", script])
    for _ in range(100):
        if pids.exists() and len(pids.read_text().split()) == 2:
            break
        time.sleep(0.1)
    workers = [int(pid) for pid in pids.read_text().split()]
    os.kill(main.pid, signal.SIGKILL)
    main.wait()
    time.sleep(0.5)
    alive = [
        pid
        for pid in workers
        if os.path.exists(f"/proc/{pid}") and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]
    ]
    assert alive == []
