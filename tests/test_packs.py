"""Training packs: real PDFs checked with poppler (pdfinfo, pdffonts, pdftotext).

One module (safety, Dutch, both editions) is built once for the module; the other tests build only
what they need. The whole set is timed by `make bench`, not here.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from conftest import ROOT, make_project, run_cli

EPOCH = "1446508800"  # 3 November 2015, the day the booklet was presented
ENV = {"SOURCE_DATE_EPOCH": EPOCH}
MODULE, LANG = "safety", "nl"


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def pdftext(path: Path) -> str:
    """The PDF's text with every run of whitespace as one space, so line breaks do not split phrases."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


def flat(text: str) -> str:
    """Markdown or YAML text as it reads on paper: no emphasis marks, one space between words."""
    return " ".join(re.sub(r"[*_`]", "", text).split())


def catalog_language(path: Path) -> str | None:
    """/Lang of the document catalog (in a compressed object stream in WeasyPrint's PDFs)."""
    data = path.read_bytes()
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        try:
            chunks.append(zlib.decompress(data[match.end() : end]))
        except zlib.error:
            continue
    for chunk in chunks:
        found = re.search(rb"/Type /Catalog.*?/Lang \((\w+)\)", chunk, re.S)
        if found:
            return found[1].decode()
    return None


def build(out: Path, *args: str, env: dict | None = None) -> str:
    result = run_cli("packs", "--module", MODULE, "--lang", LANG, "--out", str(out), *args, env={**ENV, **(env or {})})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("packs")
    build(out)
    return out


def pack(folder: Path, edition: str) -> Path:
    return folder / f"{MODULE}-{edition}.{LANG}.pdf"


@pytest.mark.parametrize("edition", ["participant", "trainer"])
def test_a4_tagged_with_title_author_and_language(packs, edition):
    info = pdfinfo(pack(packs, edition))
    assert "(A4)" in info["Page size"]
    assert info["Tagged"] == "yes"
    assert "Veiligheid" in info["Title"]
    assert info["Author"] == "Veilige Toekomst"
    assert catalog_language(pack(packs, edition)) == LANG


@pytest.mark.parametrize("edition", ["participant", "trainer"])
def test_every_font_is_embedded_and_is_the_bundled_one(packs, edition):
    lines = subprocess.run(
        ["pdffonts", str(pack(packs, edition))], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines
    for line in lines:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", line
        assert "Atkinson-Hyperlegible" in name, line


@pytest.mark.parametrize("edition", ["participant", "trainer"])
def test_pack_holds_title_needs_quotes_and_quiz(packs, content, edition):
    text = pdftext(pack(packs, edition))
    page = content.page(LANG, f"pillars/{MODULE}.md")
    assert page.meta.title in text
    for need in page.meta.needs:
        assert flat(need) in text
    for quote_id in ("q04", "q05"):
        assert flat(content.quotes_by_id[quote_id].text[LANG]) in text
    quiz = content.quizzes.get((LANG, MODULE))
    for question in quiz.questions if quiz else []:
        assert flat(question.text) in text


def test_only_the_trainer_edition_has_the_answer_key_and_session_plan(packs, content):
    trainer, participant = pdftext(pack(packs, "trainer")), pdftext(pack(packs, "participant"))
    for heading in (
        "Antwoorden bij het werkblad",
        "Sessieplan",
        "Traumasensitief begeleiden",
        "Gespreksvragen bij de kaarten",
    ):
        assert heading in trainer
        assert heading not in participant
    quiz = content.quizzes.get((LANG, MODULE))
    if quiz:
        explanation = flat(re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", quiz.questions[0].explanation)).rstrip(".")[:60]
        assert explanation in trainer
        assert explanation not in participant


def test_the_same_inputs_give_the_same_bytes(packs, tmp_path):
    build(tmp_path, "--edition", "participant")
    assert pack(tmp_path, "participant").read_bytes() == pack(packs, "participant").read_bytes()


def test_a_second_run_skips_every_unchanged_pack(packs):
    before = {p.name: p.stat().st_mtime_ns for p in packs.glob("*.pdf")}
    summary = build(packs)
    assert "2 packs: 0 built, 2 cached." in summary
    assert {p.name: p.stat().st_mtime_ns for p in packs.glob("*.pdf")} == before


def test_the_organisation_is_on_the_cover(tmp_path):
    (tmp_path / "org.yml").write_text("name: Stichting Voorbeeld\nlogo: logo.svg\n")
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        '<rect width="40" height="20" fill="#1f5c57"/></svg>'
    )
    build(tmp_path / "out", "--edition", "participant", "--org", str(tmp_path / "org.yml"))
    path = pack(tmp_path / "out", "participant")
    cover = subprocess.run(["pdftotext", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Stichting Voorbeeld" in cover
    assert pdfinfo(path)["Author"] == "Stichting Voorbeeld"


def test_a_failed_or_interrupted_build_keeps_the_earlier_pdf(packs, tmp_path, monkeypatch):
    from veilige_toekomst.print import packs_build as builder

    out = tmp_path / "out"
    shutil.copytree(packs, out)
    good = pack(out, "participant").read_bytes()
    record = (out / f"{MODULE}-participant.{LANG}.json").read_text()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1446595200")  # a new date: the pack must be made again
    request = dict(modules=[MODULE], langs=[LANG], editions=["participant"], out=out, workers=1)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(builder, "render_prepared", interrupted)
    with pytest.raises(KeyboardInterrupt):
        builder.build_packs(ROOT, **request)
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1446595200")

    real_write = Path.write_bytes

    def dies_halfway(self, data):  # the disk fills up (or the power goes) halfway through the new PDF
        real_write(self, data[: len(data) // 2])
        raise OSError("No space left on device")

    monkeypatch.setattr(Path, "write_bytes", dies_halfway)
    with pytest.raises(OSError):
        builder.build_packs(ROOT, **request)
    monkeypatch.undo()

    assert pack(out, "participant").read_bytes() == good
    assert (out / f"{MODULE}-participant.{LANG}.json").read_text() == record
    assert pdfinfo(pack(out, "participant"))["Pages"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--module", "nonsense"], "unknown module 'nonsense'"),
        (["--lang", "fr"], "unknown language 'fr'"),
        (["--edition", "teacher"], "unknown edition 'teacher'"),
        (["--minutes", "60"], "no 60-minute session plan (choose from: 45, 90, 120)"),
        (["--org", "{tmp}/missing-logo.yml"], "org-logo: logo 'nowhere.png' not found"),
        (["--org", "{tmp}/bad-field.yml"], "unknown-field: colour"),
        (["--org", "{tmp}/absent.yml"], "org-file: organisation file not found"),
    ],
)
def test_bad_requests_name_the_problem_without_a_traceback(tmp_path, args, message):
    (tmp_path / "missing-logo.yml").write_text("name: Voorbeeld\nlogo: nowhere.png\n")
    (tmp_path / "bad-field.yml").write_text("name: Voorbeeld\ncolour: red\n")
    result = run_cli("packs", "--out", str(tmp_path / "out"), *[a.format(tmp=tmp_path) for a in args], env=ENV)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_translation_in_the_pack_texts_is_a_finding(tmp_path):

    project = make_project(tmp_path)
    texts = (ROOT / "docs" / "training" / "packs.yml").read_text()
    broken = texts.replace('  notes: {nl: "Aantekeningen", en: "Notes"}', '  notes: {nl: "Aantekeningen"}')
    assert broken != texts
    (project / "docs" / "training").mkdir()
    (project / "docs" / "training" / "packs.yml").write_text(broken)
    line = broken.splitlines().index('  notes: {nl: "Aantekeningen"}') + 1
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    assert f"docs/training/packs.yml:{line}: translation-missing: labels.notes has no en text" in result.stderr


def test_module_pages_and_the_training_page_link_the_built_packs(packs, content):
    from veilige_toekomst.render import packs as site

    page = content.page(LANG, f"pillars/{MODULE}.md")
    section = site.module_downloads(content, page, LANG, directory_urls=True, folder=packs)
    for edition, name in (("participant", "Deelnemerseditie"), ("trainer", "Trainerseditie")):
        pages = json.loads((packs / f"{MODULE}-{edition}.{LANG}.json").read_text())["pages"]
        assert f'href="../../training/packs/{MODULE}-{edition}.{LANG}.pdf"' in section
        assert f"{name} (PDF, {pages} pagina's, " in section
    table = site.packs_table(content, LANG, folder=packs)
    assert f'href="packs/{MODULE}-trainer.{LANG}.pdf"' in table
    assert "kB)" in table


def test_without_built_packs_the_site_says_so(content, tmp_path):
    from veilige_toekomst.render import packs as site

    page = content.page("en", f"pillars/{MODULE}.md")
    assert "have not been made" in site.module_downloads(content, page, "en", directory_urls=True, folder=tmp_path)
    assert "have not been made" in site.packs_table(content, "en", folder=tmp_path)


def test_the_built_site_links_only_pdfs_it_contains(site):
    """Whatever build/packs held when the site was built: every PDF link on the training pages works."""
    for lang_root in (site, site / "en"):
        html = (lang_root / "training" / "index.html").read_text()
        links = re.findall(r'href="(packs/[^"]+\.pdf)"', html)
        assert links or "vt-packs-missing" in html
        for link in links:
            assert (lang_root / "training" / link).is_file(), link


# A session a trainer can run from the pack alone (issue 20) -------------------------------------------------

SESSION_MODULES = ("attachment", "psychoeducation", "stability-continuity")
PAPERS = {
    "nl": ("Presentielijst", "Evaluatieformulier", "Deelnamebewijs", "Voorbereiding en materialen"),
    "en": ("Attendance list", "Evaluation form", "Certificate of participation", "Preparation and materials"),
}


@pytest.fixture(scope="module")
def trainer_packs(tmp_path_factory) -> Path:
    """The three modules that had one card, trainer edition, both languages."""
    out = tmp_path_factory.mktemp("trainer")
    result = run_cli("packs", "--module", ",".join(SESSION_MODULES), "--edition", "trainer", "--out", str(out), env=ENV)
    assert result.returncode == 0, result.stderr
    return out


def pdfpages(path: Path) -> list[str]:
    """The text of each page, as pdftotext lays it out (form feed between pages)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


@pytest.mark.parametrize("module", SESSION_MODULES)
def test_every_quote_tagged_with_the_module_is_a_card_once(trainer_packs, content, module):
    tagged = [q for q in content.quotes if module in q.themes]
    text = pdftext(trainer_packs / f"{module}-trainer.en.pdf")
    cards = set(re.findall(r"Card (\d+) · ", text))
    assert len(cards) == len(tagged) >= 2
    for quote in tagged:
        words = flat(quote.text["en"])[:60]
        assert text.count(words) == 1, (quote.id, words)  # on its card, not again in the text
    assert f"Print 3 sets of the {len(tagged)} discussion cards" in text


def test_the_answer_key_holds_each_options_feedback_and_page_numbers(trainer_packs, content):
    text = pdftext(trainer_packs / "attachment-trainer.en.pdf")
    quiz = content.quizzes[("en", "attachment")]
    key = text[text.index("Answer key to the worksheet 1.") :]
    for question in quiz.questions:
        for option in question.options:
            assert flat(option.feedback) in key
    references = re.findall(r"Read ([^.]*?) \(page (\d+)\)", key)
    assert len(references) >= len(quiz.questions)
    pages = pdfpages(trainer_packs / "attachment-trainer.en.pdf")
    for title, page in references:
        assert title.split(" and ")[-1].split(" (page")[0] in pages[int(page) - 1], (title, page)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_session_length_has_a_plan_that_adds_up(trainer_packs, lang):
    text = pdftext(trainer_packs / f"attachment-trainer.{lang}.pdf")
    label = "Sessieplan: {} minuten" if lang == "nl" else "Session plan: {} minutes"
    after = "Gespreksvragen bij de kaarten" if lang == "nl" else "Discussion prompts for the cards"
    for length, following in ((45, 90), (90, 120), (120, None)):
        start = text.rindex(label.format(length))  # the plan itself, after the contents
        end = text.index(label.format(following), start) if following else text.index(after, start)
        plan = text[start:end]
        assert sum(int(m) for m in re.findall(r"(\d+) min\b", plan)) == length, plan


@pytest.mark.parametrize("module", SESSION_MODULES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_trainer_edition_has_the_papers_around_a_session(trainer_packs, module, lang):
    text = pdftext(trainer_packs / f"{module}-trainer.{lang}.pdf")
    for heading in PAPERS[lang]:
        assert text.count(heading) >= 2, heading  # in the contents and on its own page


def test_only_the_trainer_edition_has_the_papers(packs):
    text = pdftext(pack(packs, "participant"))
    for heading in PAPERS["nl"]:
        assert heading not in text


def test_both_editions_of_a_module_carry_one_version_code(packs):
    versions = {re.search(r"Versie (\S+ · \w+)", pdftext(pack(packs, e)))[1] for e in ("participant", "trainer")}
    assert len(versions) == 1


def test_no_page_ends_with_a_heading(trainer_packs, packs, content):
    from veilige_toekomst.core.pack_catalogue import catalogue
    from veilige_toekomst.print import packs_render

    for module, lang, path in [
        *((m, "en", trainer_packs / f"{m}-trainer.en.pdf") for m in SESSION_MODULES),
        (MODULE, LANG, pack(packs, "trainer")),
    ]:
        texts = content.pack_texts
        edition = packs_render.Edition(lang, "trainer", content.project.organisation, "v", "d")
        html, _ = packs_render.render_html(content, texts, catalogue(content, texts)[module], edition)
        headings = {
            " ".join(re.sub(r"<[^>]+>", "", h).split()) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html)
        }
        for number, page in enumerate(pdfpages(path)[2:], 3):  # after the cover and the contents
            body = [line.strip() for line in page.splitlines() if line.strip()]
            body = [line for line in body if not re.match(r"^(pagina|page) \d+ (van|of) \d+$", line)]
            # a heading that is the page's only text (after the running head) heads lines to write on: fine
            alone = len(body) <= 3
            assert alone or body[-1] not in headings, f"{path.name} page {number} ends with heading {body[-1]!r}"


def test_the_markdown_constructs_the_site_enables_render_on_paper():
    from veilige_toekomst.print.packs_render import markdown

    html = markdown(
        '!!! note "Let op"\n    Een opmerking.\n\n??? tip "Meer"\n    Ingeklapt op de site.\n\n'
        "Term\n:   Uitleg van de term.\n\n[Knop](../x.md){ .md-button }\n\nTekst met *nadruk*{: .klein }.\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert '<div class="admonition note">' in html and "Een opmerking." in html
    assert "Ingeklapt op de site." in html
    assert "<dt>Term</dt>" in html and "<dd>" in html
    assert "{" not in html and "Knop" not in html
    assert "<table>" in html


def test_no_worksheet_question_asks_what_the_booklet_says(content):
    """Participants have the pack, not the booklet: a question asks what is true, not what the booklet says."""
    asked = re.compile(r"what does the booklet say|wat zegt het boekje", re.I)
    for (lang, module), quiz in content.quizzes.items():
        for question in quiz.questions:
            assert not asked.search(question.text), (lang, module, question.id)


def test_markdown_the_packs_cannot_print_is_named_by_validation(tmp_path):
    project = make_project(tmp_path)
    (project / "docs" / "training").mkdir()
    shutil.copy(ROOT / "docs" / "training" / "packs.yml", project / "docs" / "training" / "packs.yml")
    page = project / "docs" / "pillars" / "safety.nl.md"
    lines = page.read_text().splitlines()
    page.write_text("\n".join([*lines, "", '<div class="vt-note" markdown>**Let op.**</div>', "", "[TOC]", ""]))
    result = run_cli("validate", cwd=project)
    assert f"docs/pillars/safety.nl.md:{len(lines) + 2}: pack-markdown: the training packs cannot print md_in_html" in (
        result.stderr
    )
    assert (
        f"docs/pillars/safety.nl.md:{len(lines) + 4}: pack-markdown: the training packs cannot print toc's [TOC]"
        in (result.stderr)
    )
