"""Lighthouse scores (mobile preset, the default) from the npm package, run on the local Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from ..localsite import CHROMIUM

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def scores(root: Path, url: str) -> dict[str, int] | str:
    """Score 0–100 per category, or why Lighthouse could not run."""
    lighthouse = root / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        return "missing: run `npm ci`"
    with tempfile.TemporaryDirectory(prefix="vt-lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        result = subprocess.run(
            [
                str(lighthouse),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless --no-sandbox --disable-gpu",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        if result.returncode != 0 or not report.exists():
            return "failed: " + (result.stderr.strip().splitlines() or ["no output"])[-1][:80]
        categories = json.loads(report.read_text())["categories"]
    return {name: round((categories[name]["score"] or 0) * 100) for name in CATEGORIES}
