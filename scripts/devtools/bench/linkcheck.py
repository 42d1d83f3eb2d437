"""`make linkcheck-external`: list every external address the built site links to and check that each still
answers. Never part of `make test` and never blocking: without a network it says so and exits 0; it exits 1
only when the network works and an address is gone (a 4xx/5xx answer or a name that no longer exists)."""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from .common import build

TIMEOUT = 10
PROBE = ("example.org", 443)
"""A host that is always there: if it cannot be reached, neither can anything else."""


class _ExternalLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and urlparse(value).scheme in ("http", "https"):
                self.urls.add(value)


def external_urls(site: Path, own: str) -> dict[str, list[str]]:
    """External address -> pages that link to it; the site's own address (canonical, hreflang) excluded."""
    found: dict[str, list[str]] = defaultdict(list)
    for page in sorted(site.rglob("*.html")):
        parser = _ExternalLinks()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            if not (own and url.startswith(own)):
                found[url.split("#")[0]].append("/" + page.relative_to(site).as_posix())
    return dict(sorted(found.items()))


def online() -> bool:
    try:
        socket.create_connection(PROBE, timeout=TIMEOUT).close()
        return True
    except OSError:
        return False


def check(url: str) -> str:
    """ "ok", or what went wrong."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": "veilige-toekomst-linkcheck"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT):
                return "ok"
        except urllib.error.HTTPError as exc:
            if method == "GET" or exc.code not in (403, 405, 501):
                return f"HTTP {exc.code}"
        except (urllib.error.URLError, OSError) as exc:
            return f"unreachable ({getattr(exc, 'reason', exc)})"
    return "no answer"


def report(site: Path, own: str) -> int:
    urls = external_urls(site, own)
    print(f"{len(urls)} external addresses in the built site.")
    if not urls:
        return 0
    if not online():
        print(f"NOT CHECKED: no network here ({PROBE[0]} cannot be reached). The addresses were only listed:")
        for url, where in urls.items():
            print(f"  {url}  (on {len(where)} pages, e.g. {where[0]})")
        return 0
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(urls, pool.map(check, urls)))
    broken = {url: result for url, result in results.items() if result != "ok"}
    for url, result in results.items():
        print(f"  {result:>12}  {url}" + (f"  (e.g. on {urls[url][0]})" if result != "ok" else ""))
    print(f"{len(broken)} of {len(urls)} external addresses do not answer.")
    return 1 if broken else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    args = parser.parse_args()
    root = Path.cwd()
    own = os.environ.get("SITE_URL", "")  # the site's own address, as the build takes it (site/address.py)
    if args.site:
        sys.exit(report(args.site, own))
    with tempfile.TemporaryDirectory(prefix="vt-linkcheck-") as tmp:
        build(root, Path(tmp) / "site")
        sys.exit(report(Path(tmp) / "site", own))


if __name__ == "__main__":
    main()
