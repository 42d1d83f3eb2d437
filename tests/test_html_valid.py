"""Valid HTML: the Nu Html Checker over the whole built site, both languages, in one run (one JVM start)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# The one error we accept, and only where it occurs: mkdocs-material's base.html puts autocomplete="off"
# on its hidden checkbox toggles (drawer, search) so that Firefox does not restore their state on Back.
# The attribute is not allowed on a checkbox and browsers other than Firefox ignore it; overriding the
# whole of base.html for it is not worth it. Any other error, or this one elsewhere, fails.
AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is"
THEME_TOGGLE = re.compile(
    r'<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+" autocomplete="off">'
)


def accepted(message: dict) -> bool:
    return message["message"].startswith(AUTOCOMPLETE) and bool(THEME_TOGGLE.search(message.get("extract", "")))


def test_every_page_is_valid_html(site):
    java = shutil.which("java")
    assert java, "java is missing: `make system-deps` installs it"
    # --verbose lists each file checked on stdout; the JSON report goes to stderr.
    result = subprocess.run(
        [java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--verbose", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    checked = {Path(line) for line in result.stdout.splitlines() if line.endswith(".html")}
    assert checked == set(site.rglob("*.html")), f"the checker did not check every page:\n{result.stderr[-2000:]}"
    messages = json.loads(result.stderr)["messages"]
    errors = [m for m in messages if m["type"] != "info" and not accepted(m)]
    report = [
        f"{m.get('url', '').removeprefix('file:' + str(site))}:{m.get('lastLine', '?')}: {m['message']}\n"
        f"    {' '.join(m.get('extract', '').split())}"
        for m in errors
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(report)
