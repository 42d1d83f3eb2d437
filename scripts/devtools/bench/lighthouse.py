"""Lighthouse scores (mobile preset, the default) from the npm package, run on the local Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from ..localsite import CHROMIUM

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def scores(root: Path, url: str) -> dict[str, float] | str:
    """Score 0–100 per category, with "cls" (cumulative layout shift, unitless) and "fcp" (first
    contentful paint, seconds, simulated slow 4G on a mid-range phone); or why Lighthouse could not run."""
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
        data = json.loads(report.read_text())
    found: dict[str, float] = {name: round((data["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    found["cls"] = data["audits"]["cumulative-layout-shift"]["numericValue"]
    found["fcp"] = data["audits"]["first-contentful-paint"]["numericValue"] / 1000
    return found
