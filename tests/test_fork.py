"""A fork makes the site its own (organisation file, local pages) and adds a language, in temporary
copies of the project: the site, a training pack and `i18n status` show what the organisation and the
translator would see."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_site, run_cli, serve
from veilige_toekomst.core.assessment import load_export
from veilige_toekomst.print.scan_report import known_ids, render_html
from veilige_toekomst.render.validate import load_checked

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"

ORG_NAME = "Stichting Voorbeeld"
PRIMARY = (91, 42, 134)  # "#5b2a86", 9.9:1 on white
ORG_FILE = f"""\
name: {ORG_NAME}
logo: logo.png
colours:
  primary: "#5b2a86"
  accent: "#9c2f00"
contacts:
  - label: {{nl: Vertrouwenspersoon, en: Confidential adviser}}
    phone: "(uw nummer)"
    email: vertrouwenspersoon@example.org
quick_exit: https://www.example.org/
sections:
  quizzes: false
"""
LOCAL_PAGE = {
    "nl": "---\ntitle: Contact in onze opvang\ndescription: Bij wie je terechtkunt.\n---\n\nLoop binnen bij de balie van de opvang.\n",
    "en": "---\ntitle: Contact in our shelter\ndescription: Who to turn to.\n---\n\nDrop in at the shelter's front desk.\n",
}


def copy_project(tmp_path: Path) -> Path:
    """What a fork holds: docs, overrides and mkdocs.yml; scripts/ only for the paths mkdocs.yml names
    (the hooks file, the quiz translations) — the package itself is installed, and so are the npm
    packages the site ships (search)."""
    project = tmp_path / "fork"
    project.mkdir()
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copy(ROOT / ".gitignore", project / ".gitignore")  # build output (build/, site/) stays out of git
    (project / "scripts").symlink_to(ROOT / "scripts")
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # as `npm ci` installs it in a fork
    return project


def plain_png(path: Path, rgb: tuple[int, int, int] = PRIMARY, width: int = 128, height: int = 64) -> bytes:
    """A PNG in one colour (128×64 unless told), written by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(data)
    return data


def menu_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)" class="md-nav__link', html)


@pytest.mark.xdist_group("browser")
def test_a_fork_shows_its_name_logo_colours_contacts_and_local_pages(tmp_path, browser):
    project = copy_project(tmp_path)
    (project / "organisation.yml").write_text(ORG_FILE)
    logo = plain_png(project / "logo.png")
    for lang, text in LOCAL_PAGE.items():
        (project / "docs" / "local").mkdir(exist_ok=True)
        (project / "docs" / "local" / f"contact.{lang}.md").write_text(text)

    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    assert (site / "assets" / "organisation" / "logo.png").read_bytes() == logo
    for lang, prefix, provided, local_title in (
        ("nl", "", "Deze site wordt aangeboden door", "Lokaal"),
        ("en", "en/", "This site is provided by", "Local"),
    ):
        home = (site / prefix / "index.html").read_text()
        assert f"{provided} {ORG_NAME}." in home  # the footer
        assert re.search(
            r'class="md-header__button md-logo"[^>]*>\s*<img src="(\.\./)?assets/organisation/logo.png"', home
        )
        assert "https://www.example.org/" in home and "knmi.nl" not in home  # the organisation's quick exit
        assert local_title in home and "local/contact/" in " ".join(menu_links(home))
        assert not [link for link in menu_links(home) if "quizzes/" in link]  # switched off in the file
        about = (site / prefix / "about" / "index.html").read_text()
        assert ORG_NAME in about and ("Vertrouwenspersoon" if lang == "nl" else "Confidential adviser") in about
        local = (site / prefix / "local" / "contact" / "index.html").read_text()
        assert ("balie van de opvang" if lang == "nl" else "front desk") in local

    # The colours reach the page through the generated stylesheet, within the Content-Security-Policy.
    server, url = serve(site)
    try:
        tab = browser.new_page()
        blocked = []
        tab.on(
            "console",
            lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None,
        )
        tab.goto(f"{url}/en/local/contact/")
        assert tab.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor") == "rgb(91, 42, 134)"
        assert tab.eval_on_selector(".md-logo img", "e => e.naturalWidth") == 128
        assert not blocked
        tab.close()
        # The logo sits on a white chip, in the header on phones too, and never pushes "Quick exit" off screen.
        for width in (1280, 390, 360):
            phone = browser.new_page(viewport={"width": width, "height": 700})
            phone.goto(f"{url}/")
            chip = phone.eval_on_selector(
                ".md-header .md-logo",
                "e => [getComputedStyle(e).backgroundColor, e.getBoundingClientRect().width, e.querySelector('img').getBoundingClientRect().height]",
            )
            assert chip[0] == "rgb(255, 255, 255)" and chip[1] > 40 and chip[2] >= 24, (width, chip)
            exit_right = phone.eval_on_selector("#vt-quick-exit", "e => e.getBoundingClientRect().right")
            assert exit_right <= width and phone.evaluate("document.documentElement.scrollWidth") == width, width
            phone.close()
    finally:
        server.shutdown()


def make_pack(out: Path, *org: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    if run_cli("packs", "--help").returncode != 0:
        pytest.skip("no `veilige-toekomst packs` command yet")
    return run_cli(
        "packs", "--lang", "nl", "--module", "safety", "--edition", "participant", *org, "--out", str(out), cwd=cwd
    )


def test_a_forks_training_pack_carries_its_name(tmp_path):
    """Without --org the pack takes the fork's organisation.yml, as the site does."""
    project = copy_project(tmp_path)
    (project / "organisation.yml").write_text(ORG_FILE)
    plain_png(project / "logo.png")
    result = make_pack(tmp_path / "packs", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    (pdf,) = (tmp_path / "packs").glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert ORG_NAME in text


def minimal_with_organisation(tmp_path: Path, org_text: str) -> Path:
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    shutil.copy(ROOT / "docs" / "strings.yml", project / "docs" / "strings.yml")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("extra:\n", "extra:\n  organisation: organisation.yml\n", 1))
    (project / "organisation.yml").write_text(org_text)
    return project


BAD_FILES = {
    "colour too light": (
        'name: X\ncolours:\n  primary: "#7fb3ae"\n',
        "organisation.yml:3: org-colour: primary #7fb3ae on white text has contrast 2.34:1, needs at least 4.5:1",
    ),
    "accent too light": (
        'name: X\ncolours:\n  accent: "#f0a030"\n',
        "organisation.yml:3: org-colour: accent #f0a030 as text on white has contrast",
    ),
    "not a colour": (
        "name: X\ncolours:\n  primary: teal\n",
        "organisation.yml:3: org-colour: primary: 'teal' is not a colour",
    ),
    "colour without quotes": (
        "name: X\ncolours:\n  primary: #1f5c57\n",
        "organisation.yml:3: org-colour: primary: no colour given; put it in quotes",
    ),
    "unknown key": (
        "name: X\ncolors:\n  primary: '#1f5c57'\n",
        "organisation.yml:2: unknown-field: colors: not a known key; did you mean 'colours'?",
    ),
    "unknown nested key": (
        "name: X\ncolours:\n  primay: '#1f5c57'\n",
        "organisation.yml:3: unknown-field: colours.primay: not a known key; did you mean 'primary'?",
    ),
    "colour with the passing shade": (
        'name: X\ncolours:\n  primary: "#FFD700"\n',
        "organisation.yml:3: org-colour: primary #ffd700 on white text has contrast 1.40:1, needs at least 4.5:1; "
        'the nearest darker shade that passes is "#7d6900"',
    ),
    "three-digit colour": (
        'name: X\ncolours:\n  primary: "#15a"\n',
        "organisation.yml:3: org-colour: primary: '#15a' has three digits; write all six: \"#1155aa\"",
    ),
    "tab": (
        "name: X\ncolours:\n\tprimary: '#1f5c57'\n",
        "organisation.yml:3: yaml-syntax: YAML cannot be read: a tab is used to indent this line; YAML indents with spaces only",
    ),
    "missing colon": (
        "name: X\nlogo logo.png\ncolours:\n  primary: '#1f5c57'\n",
        "organisation.yml:3: yaml-syntax: YAML cannot be read: a line has no colon",
    ),
    "site address not absolute": (
        "name: X\nsite_url: kennis.example.org\n",
        "organisation.yml:2: org-site-url: the site's address must be an absolute address",
    ),
    "missing logo": ("name: X\nlogo: logo.png\n", "organisation.yml:2: org-logo: logo 'logo.png' not found"),
    "quick exit not https": (
        "name: X\nquick_exit: http://example.org/\n",
        "organisation.yml:2: quick-exit: the quick-exit target must be an absolute https:// address",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_mistake_in_the_organisation_file_names_file_line_and_key(tmp_path, case):
    org_text, expected = BAD_FILES[case]
    project = minimal_with_organisation(tmp_path, org_text)
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("rgb", "size", "expected"),
    [
        (
            PRIMARY,
            (40, 20),
            "organisation.yml:2: org-logo: logo 'logo.png' is 40×20 px; the header shows it 32 px high",
        ),
        ((250, 250, 250), (128, 64), "organisation.yml:2: org-logo: logo 'logo.png' is (almost) all light"),
    ],
)
def test_a_logo_that_would_not_read_in_the_header_is_named(tmp_path, rgb, size, expected):
    project = minimal_with_organisation(tmp_path, "name: X\nlogo: logo.png\n")
    plain_png(project / "logo.png", rgb, *size)
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1 and expected in result.stderr, result.stderr


def test_the_site_build_refuses_a_bad_organisation_file(tmp_path):
    org_text, expected = BAD_FILES["colour too light"]
    project = minimal_with_organisation(tmp_path, org_text)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1 and expected in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_packs_refuse_a_bad_organisation_file(tmp_path):
    org_file = tmp_path / "organisation.yml"
    org_file.write_text(BAD_FILES["colour too light"][0])
    result = make_pack(tmp_path / "packs", "--org", str(org_file))
    assert result.returncode == 1 and "org-colour: primary #7fb3ae on white text has contrast 2.34:1" in result.stderr
    assert not list((tmp_path / "packs").glob("*.pdf"))


def test_a_local_page_may_not_take_the_place_of_a_page_of_the_project(tmp_path):
    project = minimal_with_organisation(tmp_path, "name: X\n")
    local = project / "docs" / "local" / "pillars"
    local.mkdir(parents=True)
    for lang, text in LOCAL_PAGE.items():
        (local / f"safety.{lang}.md").write_text(text)
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    assert (
        "docs/local/pillars/safety.nl.md:1: local-clash: 'pillars/safety' is already a page of the project "
        "(docs/pillars/safety.nl.md)"
    ) in result.stderr


def add_language(project: Path, code: str, name: str) -> None:
    """One entry in mkdocs.yml's i18n languages, as the adaptation guide says."""
    config = project / "mkdocs.yml"
    text = config.read_text()
    match = re.search(r"^(\s*)languages:\n(\s*)- locale:", text, re.M)
    assert match, "mkdocs.yml has no i18n languages list"
    indent = match[2]
    entry = (
        f"{indent}- locale: {code}\n{indent}  name: {name}\n{indent}  build: true\n"
        f"{indent}  nav_translations:\n{indent}    Over: Über\n"
    )
    config.write_text(text[: match.end(1) + len("languages:\n")] + entry + text[match.end(1) + len("languages:\n") :])


def expected_keys(docs: Path) -> set[str]:
    """Every translatable item, read straight from the files (pages, quizzes, quotes, figures, strings)."""
    keys = set()
    for page in docs.rglob("*.nl.md"):
        stem = page.relative_to(docs).as_posix()[: -len(".nl.md")]
        is_quiz = stem.startswith("quizzes/") and not stem.endswith("index")
        keys.add(f"quiz:{stem[len('quizzes/') :]}" if is_quiz else f"page:{stem}")
    quotes = yaml.safe_load((docs / "quotes" / "quotes.yml").read_text())["quotes"]
    figures = yaml.safe_load((docs / "figures" / "statistics.yml").read_text())
    strings = yaml.safe_load((docs / "strings.yml").read_text())
    keys |= {f"quote:{q['id']}" for q in quotes}
    keys |= {f"figure-group:{g['id']}" for g in figures["groups"]} | {
        f"figure:{s['id']}" for s in figures["statistics"]
    }
    return keys | {f"string:{key}" for key in strings}


def status_keys(output: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {"missing": set(), "outdated": set(), "not marked": set()}
    for line in output.splitlines():
        match = re.match(r"^  (missing|outdated|not marked)\s+(\S+)", line)
        if match:
            found[match[1]].add(match[2])
    return found


def test_a_half_translated_language_builds_falls_back_with_a_notice_and_is_reported(tmp_path):
    project = copy_project(tmp_path)
    docs = project / "docs"
    add_language(project, "de", "Deutsch")
    about = (docs / "about.en.md").read_text().replace("title: About this site", "title: Über diese Seite", 1)
    (docs / "about.de.md").write_text(about)
    strings = yaml.safe_load((docs / "strings.yml").read_text())
    strings["not_translated"]["de"] = "Diese Seite ist noch nicht übersetzt. Sie lesen den niederländischen Text."
    (docs / "strings.yml").write_text(yaml.safe_dump(strings, allow_unicode=True, width=1000))

    marked = run_cli("i18n", "mark", "de", "page:about", "string:not_translated", cwd=project)
    assert marked.returncode == 0, marked.stderr
    result = run_cli("i18n", "status", "de", cwd=project)
    assert result.returncode == 1
    found = status_keys(result.stdout)
    assert found["missing"] == expected_keys(docs) - {"page:about", "string:not_translated"}
    assert found["outdated"] == found["not marked"] == set()
    assert "missing     page:index" in result.stdout and "docs/index.de.md" in result.stdout

    site = tmp_path / "site"
    build = build_site(project, site)
    assert build.returncode == 0, build.stdout + build.stderr
    fallback = (site / "de" / "pillars" / "safety" / "index.html").read_text()
    assert re.search(
        r'<div class="admonition info vt-not-translated" lang="de" role="note">\s*'
        r"<p>Diese Seite ist noch nicht übersetzt\.",
        fallback,
    )
    assert '<div lang="nl">' in fallback and '<html lang="de"' in fallback
    translated = (site / "de" / "about" / "index.html").read_text()
    assert "Über diese Seite" in translated and "vt-not-translated" not in translated
    assert "vt-not-translated" not in (site / "en" / "pillars" / "safety" / "index.html").read_text()
    assert "Über" in translated  # the menu heading, from nav_translations

    # The Dutch source changes after the translation was marked: the translation is now outdated.
    dutch = docs / "about.nl.md"
    dutch.write_text(dutch.read_text() + "\nEen nieuwe alinea.\n")
    found = status_keys(run_cli("i18n", "status", "de", cwd=project).stdout)
    assert found["outdated"] == {"page:about"}


def test_the_example_organisation_file_is_valid_and_ships_no_phone_number():
    from veilige_toekomst.core.organisation import load_organisation

    org = load_organisation(ROOT / "organisation.example.yml", languages=("nl", "en"))
    assert org.name == "Stichting Voorbeeld" and org.contacts == [] and org.logo and org.logo.is_file()
    assert not re.search(r"\+?\d[\d ()-]{6,}\d", (ROOT / "organisation.example.yml").read_text())


def test_a_fork_publishes_at_its_address_and_upstream_files_stay_untouched(tmp_path):
    """A fork as the guide walks it: organisation file with logo and colours, a local page in both
    languages, its translation marked, built with SITE_URL. Git then shows only the fork's own files:
    the local page's translation record is in docs/local/, not upstream's docs/translations.lock.yml."""
    project = copy_project(tmp_path)
    git = ["git", "-c", "user.name=Fork", "-c", "user.email=fork@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "upstream"], cwd=project, check=True)

    (project / "organisation.yml").write_text(ORG_FILE)
    plain_png(project / "logo.png")
    for lang, text in LOCAL_PAGE.items():
        (project / "docs" / "local" / f"contact.{lang}.md").write_text(text)
    assert run_cli("i18n", "status", "en", cwd=project).returncode == 1  # the new page is not yet marked
    marked = run_cli("i18n", "mark", "en", "page:local/contact", cwd=project)
    assert marked.returncode == 0, marked.stderr
    status = run_cli("i18n", "status", "en", cwd=project)
    assert status.returncode == 0, status.stdout
    assert run_cli("validate", cwd=project).returncode == 0

    address = "https://intranet.example.org/kennis/"
    result = build_site(project, tmp_path / "site", site_url=address)
    assert result.returncode == 0, result.stdout + result.stderr
    local = (tmp_path / "site" / "en" / "local" / "contact" / "index.html").read_text()
    assert f'<link rel="canonical" href="{address}en/local/contact/">' in local

    changed = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert sorted(line[3:] for line in changed if line) == [
        "docs/local/contact.en.md",
        "docs/local/contact.nl.md",
        "docs/local/translations.lock.yml",
        "logo.png",
        "organisation.yml",
    ]


def test_a_forks_self_assessment_report_carries_its_logo_and_colours(tmp_path):
    """The team report (scan-report) looks like the organisation's packs: its logo on the cover, its colour."""
    project = copy_project(tmp_path)
    (project / "organisation.yml").write_text(ORG_FILE)
    plain_png(project / "logo.png")
    export = ROOT / "tests" / "fixtures" / "self-assessment" / "opvang-de-linde.json"
    out = tmp_path / "report.pdf"
    result = run_cli("scan-report", str(export), "--lang", "nl", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) > 2, "the logo is on the cover"
    content = load_checked(project).content
    html = render_html(content, [load_export(export, known_ids(content))], "nl")
    assert "--vt-primary: #5b2a86" in html
