"""The wheel carries what the package needs at run time (fonts, templates, schemas, locales) and
nothing of the developers' tools; a pack renders from the wheel alone."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from conftest import ROOT


def test_a_built_wheel_has_its_data_and_renders_a_pack(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("veilige_toekomst-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "veilige_toekomst/fonts/atkinson-hyperlegible-latin-400-normal.woff2",
        "veilige_toekomst/print/templates/pack.html.j2",
        "veilige_toekomst/schemas/self-assessment.schema.json",
        "veilige_toekomst/locales/mkdocs-quiz.nl.po",
    ):
        assert needed in names, needed
    assert not [n for n in names if n.startswith("devtools/") or "/bench/" in n or "localsite" in n]

    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = (
        "import sys, veilige_toekomst; from pathlib import Path; "
        f"assert veilige_toekomst.__file__.startswith({str(unpacked)!r}), veilige_toekomst.__file__; "
        "from veilige_toekomst.print.packs_build import build_packs; "
        f"r = build_packs(Path({str(ROOT)!r}), ['safety'], ['en'], ['participant'], out=Path({str(tmp_path / 'out')!r}), workers=1, progress=sys.stderr); "
        "print(r[0].pages)"
    )
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip()) > 1
    assert (tmp_path / "out" / "safety-participant.en.pdf").stat().st_size > 10_000
