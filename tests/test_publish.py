"""Publishing at an organisation's own address: SITE_URL, a sub-folder, the headers and nginx for real.

The site is built once with SITE_URL=https://kennis.example.org/veilige-toekomst/ and served by Debian's
nginx, unprivileged on a loopback port, with the config `veilige-toekomst nginx-config` generates.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import ROOT, build_site, run_cli
from veilige_toekomst.site import headers, page_safety

ADDRESS = "https://kennis.example.org/veilige-toekomst/"
PREFIX = "/veilige-toekomst/"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The site built with SITE_URL, in www/veilige-toekomst/ (the sub-folder the address names)."""
    www = tmp_path_factory.mktemp("www")
    site = www / "veilige-toekomst"
    result = build_site(ROOT, site, site_url=ADDRESS)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_no_file_names_localhost_and_every_address_is_the_sites(published):
    named = [p for p in published.rglob("*") if p.is_file() and b"127.0.0.1" in p.read_bytes()]
    assert not named, named
    home = (published / "index.html").read_text()
    assert f'<link rel="canonical" href="{ADDRESS}">' in home
    assert f'hreflang="en" href="{ADDRESS}en/"' in home
    english = (published / "en" / "pillars" / "safety" / "index.html").read_text()
    assert f'hreflang="nl" href="{ADDRESS}pillars/safety/"' in english
    assert f'<span class="vt-print-url">{ADDRESS}en/pillars/safety/</span>' in english
    sitemap = (published / "sitemap.xml").read_text()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith(ADDRESS) for loc in locations)


def test_the_headers_file_carries_the_pages_own_policy(published):
    text = (published / "_headers").read_text()
    policy = page_safety.header_policy()
    assert f"  Content-Security-Policy: {policy}\n" in text and "frame-ancestors 'none'" in policy
    page_policy = re.search(
        r'http-equiv="Content-Security-Policy" content="([^"]+)"', (published / "index.html").read_text()
    )[1]
    assert all(directive in page_policy for directive in page_safety.SHARED_POLICY)
    for line in ("Referrer-Policy: no-referrer", "X-Content-Type-Options: nosniff", "Permissions-Policy: camera=()"):
        assert line in text
    assert re.search(r"^/assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js\n  Cache-Control: .*immutable", text, re.M)


def test_the_shipped_nginx_config_is_what_the_generator_makes(tmp_path):
    result = run_cli("nginx-config", env={"SITE_URL": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout == (ROOT / "deploy" / "nginx.conf").read_text()


def test_a_wrong_site_url_stops_the_build_in_plain_words(tmp_path):
    result = build_site(ROOT, tmp_path / "site", site_url="kennis.example.org")
    assert result.returncode != 0
    assert "SITE_URL: the site's address must be an absolute address" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(published, tmp_path_factory):
    """nginx serving the published site at http://127.0.0.1:PORT/veilige-toekomst/, as generated."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed: `make system-deps` installs it (Debian package nginx)")
    run = tmp_path_factory.mktemp("nginx")
    port = free_port()
    server = run_cli(
        "nginx-config", "--root-dir", str(published.parent), "--listen", f"127.0.0.1:{port}", env={"SITE_URL": ADDRESS}
    )
    assert server.returncode == 0, server.stderr
    (run / "server.conf").write_text(server.stdout)
    temp = "\n".join(
        f"    {kind}_temp_path {run}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (run / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")  # workers must read the test's private temp folder
        + f"worker_processes 1;\nerror_log {run}/error.log;\nevents {{ worker_connections 64; }}\n"
        + f"http {{\n    include /etc/nginx/mime.types;\n    access_log off;\n{temp}\n    include {run}/server.conf;\n}}\n"
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(run), "-c", str(run / "nginx.conf"), "-g", f"daemon off; pid {run}/nginx.pid;"],
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}{PREFIX}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None:
                pytest.fail(f"nginx stopped: {process.stderr.read().decode()}")
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_nginx_sends_the_headers_and_a_404_in_each_language(nginx):
    status, sent, _ = fetch(nginx)
    assert status == 200
    for name, value in headers.security_headers().items():
        assert sent.get(name) == value, name
    status, sent, body = fetch(nginx + "bestaat-niet/")
    assert status == 404 and '<html lang="nl"' in body and "Pagina niet gevonden" in body
    assert "frame-ancestors 'none'" in sent["Content-Security-Policy"]
    status, _, body = fetch(nginx + "en/does-not-exist/")
    assert status == 404 and '<html lang="en"' in body and "Page not found" in body
    assert f'href="{ADDRESS}en/"' in body  # back to the English home, at the site's own address
    bundle = re.search(r'src="([^"]*bundle\.[0-9a-f]{8}\.min\.js)"', fetch(nginx)[2])[1]
    status, sent, _ = fetch(urljoin(nginx, bundle))
    assert status == 200 and "immutable" in sent["Cache-Control"] and sent["X-Content-Type-Options"] == "nosniff"


@pytest.mark.xdist_group("browser")
def test_from_a_sub_folder_the_language_switch_works_and_no_site_can_frame_a_page(nginx, browser):
    tab = browser.new_page()
    tab.goto(nginx)
    tab.locator('.md-select a[hreflang="en"]').dispatch_event("click")
    tab.wait_for_url(nginx + "en/")
    assert tab.locator("html").get_attribute("lang") == "en"
    assert tab.title() and "404" not in tab.title()
    # Another site (here: a page from disk) puts the site in a frame: the browser refuses to show it.
    tab.set_content(f'<iframe src="{nginx}" width="400" height="300"></iframe>')
    tab.wait_for_timeout(1000)
    frame = tab.frames[1]
    assert frame.url != nginx or not frame.locator(".md-header").count()
    tab.close()


def test_make_serve_says_plainly_when_the_port_is_busy():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            ["make", "-o", "build", "serve", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
    assert result.returncode != 0
    assert f"Port {port} is already in use" in result.stdout and f"make serve PORT={port + 1}" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("name", ["github-pages.yml", "gitlab-pages.yml"])
def test_the_pages_jobs_for_forks_build_with_the_address_and_say_what_they_cannot(name):
    import yaml

    text = (ROOT / "deploy" / name).read_text()
    job = yaml.safe_load(text)
    assert job, name
    assert "make build" in text and "SITE_URL" in text and "libpango-1.0-0" in text
    assert "no headers of your own" in text and "frame-ancestors" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_command_in_the_adaptation_guide_exists(lang):
    """`make TARGET` and `veilige-toekomst COMMAND` in the guide: each target and command is real."""
    guide = (ROOT / "docs" / f"adapt.{lang}.md").read_text()
    targets = set(re.findall(r"`make ([a-z-]+)", guide)) | set(re.findall(r"^make ([a-z-]+)", guide, re.M))
    assert {"serve", "build", "validate", "offline"} <= targets
    for target in targets:
        dry = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True)
        assert dry.returncode == 0, f"make {target}: {dry.stderr}"
    commands = set(re.findall(r"veilige-toekomst ((?:i18n )?[a-z-]+)", guide))
    assert {"nginx-config", "i18n mark", "i18n status"} <= commands
    for command in commands:
        assert run_cli(*command.split(), "--help").returncode == 0, command
    assert "127.0.0.1" not in guide
