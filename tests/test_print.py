"""A printed pillar page, as Chromium prints it (page.pdf, then poppler): no page holding only the
footer or nothing, the page's title and address on paper, buttons left out."""

from __future__ import annotations

import subprocess

import pytest

pytestmark = pytest.mark.xdist_group("browser")


def _page_texts(pdf) -> list[str]:
    pages = int(
        next(
            line
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        ).split()[1]
    )
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for n in range(1, pages + 1)
    ]


@pytest.mark.parametrize(
    ("path", "title", "button"),
    [
        ("/pillars/safety/", "Veiligheid", "Test jezelf"),
        ("/en/pillars/safety/", "Safety", "Test yourself"),
        ("/living-areas/education/", "Onderwijs", "Test jezelf"),
    ],
)
def test_a_printed_pillar_page_has_no_empty_or_footer_only_page(page, base_url, tmp_path, path, title, button):
    page.goto(base_url + path)
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    texts = _page_texts(pdf)
    assert 1 <= len(texts) <= 3
    assert texts[0].lstrip().startswith(f"{title} · ")  # title, source and address lead the first page
    assert "127.0.0.1" not in texts[0]  # no made-up address; with SITE_URL set it prints (test_publish)
    for n, text in enumerate(texts, 1):
        assert len(text.split()) > 40, f"page {n} of {len(texts)} holds almost nothing: {text!r}"
    assert button not in "".join(texts)  # a button is no use on paper
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == len(texts)
