"""Shared fixtures: the built site (once per test run), a local server for it, and real Chromium."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.localsite import CHROMIUM, CHROMIUM_ARGS, serve
from veilige_toekomst.core.content import Content
from veilige_toekomst.render.validate import load_checked

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "test"
BIN = Path(sys.executable).parent
FIXTURES = Path(__file__).parent / "fixtures"


def make_project(tmp_path: Path, overlay: str | None = None) -> Path:
    """The minimal project (tests/fixtures/minimal), with one broken case (fixtures/broken/<overlay>) laid over it."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    shutil.copy(ROOT / "docs" / "strings.yml", project / "docs" / "strings.yml")
    if overlay:
        case = FIXTURES / "broken" / overlay
        for file in case.rglob("*"):
            if file.is_file() and file.name not in ("expected.txt", "delete.txt"):
                target = project / file.relative_to(case)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(file, target)
        if (case / "delete.txt").exists():
            for rel in (case / "delete.txt").read_text().split():
                (project / rel).unlink()
    return project


@pytest.fixture(scope="session")
def content() -> Content:
    """The project's own content, read, checked and rendered once per test run."""
    return load_checked(ROOT).content


def run_cli(*args: str, cwd: Path = ROOT, check: bool = False, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "veilige-toekomst"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=check,
        env={**os.environ, **(env or {})},
    )


def build_site(project: Path, site: Path, *extra: str, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site`; SITE_URL only when given (not from the caller's shell)."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env |= {"NO_MKDOCS_2_WARNING": "1", **({"SITE_URL": site_url} if site_url else {})}
    return subprocess.run(
        [
            str(BIN / "mkdocs"),
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
            *extra,
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.fixture(scope="session")
def site() -> Path:
    """The site built with --strict, once per run; parallel workers wait for the first to finish."""
    BUILD.mkdir(parents=True, exist_ok=True)
    target = BUILD / "site"
    with open(BUILD / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        marker = BUILD / f".built-{os.environ.get('PYTEST_XDIST_TESTRUNUID', os.getpid())}"
        if not marker.exists():
            shutil.rmtree(target, ignore_errors=True)
            result = build_site(ROOT, target)
            if result.returncode != 0:
                pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}")
            for old in BUILD.glob(".built-*"):
                old.unlink()
            marker.touch()
    return target


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The offline edition (mkdocs.offline.yml) built with --strict, once per run."""
    out = tmp_path_factory.mktemp("offline") / "veilige-toekomst"
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "-f", "mkdocs.offline.yml", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return out


def html_pages(site: Path) -> list[Path]:
    """Every content page of the built site (not the search index, not assets)."""
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)
