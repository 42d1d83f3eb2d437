"""What a first visit to a page costs: bytes over the wire (gzip) and the number of requests, measured in
Chromium with an empty cache, from the browser's own resource timing."""

from __future__ import annotations

from dataclasses import dataclass

from ..localsite import CHROMIUM, CHROMIUM_ARGS

TIMING = """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
  .map(entry => [entry.name, entry.transferSize])"""


@dataclass(frozen=True)
class Weight:
    url: str
    transferred: int
    """Bytes on the wire: compressed bodies plus response headers."""
    requests: int


def measure(base_url: str, urls: list[str]) -> list[Weight]:
    """Each page in a fresh browser context (nothing cached), after the network has gone quiet."""
    from playwright.sync_api import sync_playwright

    weights = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for url in urls:
            context = browser.new_context()
            page = context.new_page()
            page.goto(base_url + url, wait_until="networkidle")
            entries = page.evaluate(TIMING)
            context.close()
            weights.append(Weight(url, sum(size for _, size in entries), len(entries)))
        browser.close()
    return weights
