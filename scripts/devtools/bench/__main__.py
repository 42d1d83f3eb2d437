"""`make bench`: one table of where the project stands against its speed and size targets.

Build time against a bare mkdocs-material build of the same Markdown; the training packs, cold and
cached; what a first visit to key pages costs; how well search finds the query set, its index size and
time to a first result; Lighthouse scores. Targets are the project's aims and
are reported, never enforced.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from ..localsite import CHROMIUM
from . import lighthouse, search
from .builds import build_times
from .common import pages, print_table, serve_gzip, timed, url_of
from .weights import measure

KIB = 1024
PAGE_TYPES = {
    "home": "/",
    "context": "/context/trauma/",
    "pillar": "/pillars/safety/",
    "area": "/living-areas/housing/",
    "figures": "/figures/",
    "quotes": "/quotes/",
    "quiz": "/quizzes/safety/",
    "self-assessment": "/self-assessment/",
    "search": "/search/",
    "404": "/404.html",
}
"""One page of each kind; measured in each language (English under /en/)."""
LANGUAGE_PREFIXES = {"nl": "", "en": "/en"}
BUILD_OVERHEAD = 1.5
PAGE_BYTES, PAGE_REQUESTS = 100 * KIB, 10
FIGURES_BYTES = 130 * KIB
"""The figures page carries its charts: a larger budget."""
LIGHTHOUSE_TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_LAYOUT_SHIFT = 0.05


def page_urls(site: Path) -> dict[str, str]:
    """'type (lang)' -> address, for the page types the built site has."""
    found = {}
    for lang, prefix in LANGUAGE_PREFIXES.items():
        for name, path in PAGE_TYPES.items():
            url = prefix + path if name != "404" or lang == "nl" else prefix + "/404.html"
            file = site / url.lstrip("/") / ("" if url.endswith(".html") else "index.html")
            if file.exists():
                found[f"{name} ({lang})"] = url
    return found


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def seconds(wall: float, cpu: float) -> str:
    return f"{wall:.1f} s (CPU {cpu:.1f} s)"


def build_rows(root: Path, site: Path, runs: int) -> list[list[str]]:
    (wall, cpu), (bare_wall, bare_cpu) = build_times(root, site, runs)
    ratio = cpu / bare_cpu
    return [
        ["site build (strict, hooks)", seconds(wall, cpu), "", ""],
        ["bare mkdocs-material build", seconds(bare_wall, bare_cpu), "", ""],
        [
            "build overhead (CPU ratio)",
            f"{ratio:.2f}× (wall {wall / bare_wall:.2f}×)",
            f"≤ {BUILD_OVERHEAD}×",
            verdict(ratio <= BUILD_OVERHEAD),
        ],
    ]


def packs_rows(root: Path) -> list[list[str]]:
    """Time of `veilige-toekomst packs` for everything: the PDF packs, and the slides (PPTX and 16:9 PDF)
    and handouts (DOCX) for trainers; cold, then cached."""
    cli = Path(sys.executable).parent / "veilige-toekomst"
    if subprocess.run([str(cli), "packs", "--help"], capture_output=True).returncode != 0:
        return [["training packs, all", "missing (no `veilige-toekomst packs`)", "", ""]]
    with tempfile.TemporaryDirectory(prefix="vt-bench-packs-") as tmp:
        command = [str(cli), "packs", "--lang", "all", "--module", "all", "--edition", "all", "--out", tmp]
        cold = timed(command, root)
        cached = timed(command, root)
        files = [f for f in Path(tmp).iterdir() if f.suffix in (".pdf", ".pptx", ".docx")]
        packs = sum(1 for f in files if f.suffix == ".pdf" and not f.name.endswith(".slides.pdf"))
    return [
        [
            f"training packs, all formats ({packs} packs, {len(files) - packs} trainer files), cold",
            seconds(*cold),
            "",
            "",
        ],
        ["training packs, all formats, cached (second run)", seconds(*cached), "", ""],
    ]


def weight_rows(site: Path, base_url: str) -> list[list[str]]:
    """First-load weight and requests of every page type in both languages, and the largest page."""
    targets = page_urls(site)
    urls = sorted({*(url_of(site, page) for page in pages(site)), *targets.values()})
    weights = {weight.url: weight for weight in measure(base_url, urls)}
    largest = max(weights.values(), key=lambda weight: weight.transferred)
    rows = []
    for name, url in [*targets.items(), (f"largest of {len(weights)}", largest.url)]:
        weight = weights.get(url)
        if weight is None:
            rows.append([f"first load: {name} ({url})", "missing", "", ""])
            continue
        budget = FIGURES_BYTES if name.startswith("figures") else PAGE_BYTES
        ok = weight.transferred <= budget and weight.requests <= PAGE_REQUESTS
        rows.append(
            [
                f"first load: {name} {url}",
                f"{weight.transferred / KIB:.0f} KiB gzip, {weight.requests} requests",
                f"≤ {budget // KIB} KiB, ≤ {PAGE_REQUESTS}",
                verdict(ok),
            ]
        )
    return rows


def lighthouse_rows(root: Path, site: Path, base_url: str) -> list[list[str]]:
    """Lighthouse mobile scores, layout shift and first contentful paint of every page type."""
    rows = []
    targets = ", ".join(f"{value}" for value in LIGHTHOUSE_TARGETS.values())
    for name, url in page_urls(site).items():
        result = lighthouse.scores(root, base_url + url)
        if isinstance(result, str):
            rows.append([f"Lighthouse: {name}", result, "", ""])
            continue
        ok = all(result[category] >= target for category, target in LIGHTHOUSE_TARGETS.items())
        ok = ok and result["cls"] <= MAX_LAYOUT_SHIFT
        scores = " / ".join(str(int(result[c])) for c in LIGHTHOUSE_TARGETS)
        rows.append(
            [
                f"Lighthouse: {name}",
                f"{scores}, CLS {result['cls']:.3f}, FCP {result['fcp']:.1f} s",
                f"≥ {targets}, CLS ≤ {MAX_LAYOUT_SHIFT}",
                verdict(ok),
            ]
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind; the median counts (default 3)")
    args = parser.parse_args()
    root = Path.cwd()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: run `make system-deps`")
    with tempfile.TemporaryDirectory(prefix="vt-bench-") as tmp:
        site = Path(tmp) / "site"
        rows = build_rows(root, site, args.runs)
        rows += packs_rows(root)
        server, base_url = serve_gzip(site)
        try:
            rows += weight_rows(site, base_url)
            rows += search.rows(site, base_url)
            rows += lighthouse_rows(root, site, base_url)
        finally:
            server.shutdown()
    print_table(
        "Benchmarks (Lighthouse: performance / accessibility / best practices / SEO)",
        ["measure", "result", "target", "status"],
        rows,
    )


if __name__ == "__main__":
    main()
