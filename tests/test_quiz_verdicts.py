"""Quiz verdicts that stay true, in real Chromium and both languages: a "choose all correct answers"
question answered with right options only, but not all of them, says how many were missed in a neutral
style (not as wrong); and answers kept in the browser never show an old verdict after the quiz is edited
(site/quiz_hooks.py keys questions by content and options by text, quiz-verdicts.js forgets the rest)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build_site
from test_fork import copy_project
from test_quizzes import content, correct_indexes, quiz_url, run_axe

pytestmark = pytest.mark.xdist_group("browser")

LANGS = ("nl", "en")
CHECK = {"nl": "Nakijken", "en": "Check"}
MISSED_ONE = {"nl": "Je hebt één goed antwoord gemist.", "en": "You missed one correct answer."}
MODULE = "safety"
"""Question 1 of this quiz: multiple choice, two of four options right. Question 2: single choice."""


def answer(page, n: int, options: list[int], lang: str) -> None:
    box = page.locator(".quiz").nth(n)
    for i in options:
        box.locator("label").nth(i).click()
    box.get_by_role("button", name=CHECK[lang]).click()


@pytest.mark.parametrize("lang", LANGS)
def test_a_partial_answer_says_what_was_missed_and_is_not_wrong(page, base_url, lang):
    quiz = content().quizzes[(lang, MODULE)]
    right = correct_indexes(quiz, 0)
    assert quiz.questions[0].kind == "multiple" and len(right) == 2
    page.goto(quiz_url(base_url, lang, MODULE))
    answer(page, 0, right[:1], lang)
    box = page.locator(".quiz").first
    note = box.locator(".quiz-feedback .vt-quiz-missed")
    assert note.inner_text() == MISSED_ONE[lang]
    assert box.locator(".quiz-feedback-item.incorrect").count() == 0, "a partial answer is not shown as wrong"
    assert box.locator(".quiz-feedback-item.partial").count() == 2  # the note, and the chosen option's feedback
    assert page.evaluate("document.activeElement.classList.contains('quiz-feedback')"), "read out from the note on"
    tint = page.evaluate("getComputedStyle(document.querySelector('.vt-quiz-missed')).backgroundColor")
    assert tint not in ("rgb(252, 235, 235)", "rgb(231, 243, 236)"), "neither the wrong nor the right tint (quiz.css)"
    missed = box.locator("fieldset > div").nth(right[1])
    assert "vt-missed" in missed.get_attribute("class").split()
    assert run_axe(page, base_url) == []

    page.reload()  # a kept partial answer comes back as partial
    box = page.locator(".quiz").first
    assert box.locator(".vt-quiz-missed").inner_text() == MISSED_ONE[lang]
    assert box.locator(".quiz-feedback-item.incorrect").count() == 0

    # "Try again", then one right and one wrong option: that is wrong, with no note about a missed answer
    box.get_by_role("button", name="Opnieuw proberen" if lang == "nl" else "Try again").click()
    assert not box.locator(".vt-missed").count()
    wrong = next(i for i, o in enumerate(quiz.questions[0].options) if not o.correct)
    answer(page, 0, [right[0], wrong], lang)
    assert box.locator(".quiz-feedback-item.incorrect").count() >= 1
    assert box.locator(".vt-quiz-missed").count() == 0


def test_two_missed_answers_read_as_a_plural(content):
    assert content.ui_count("nl", "quiz_missed", 2) == "Je hebt 2 goede antwoorden gemist."
    assert content.ui_count("en", "quiz_missed", 2) == "You missed 2 correct answers."


def _blocks(text: str) -> list[re.Match]:
    return list(re.finditer(r"<quiz>\n(.*?)</quiz>", text, re.S))


def _edit(quiz_file: Path) -> None:
    """Question 1: its first two options (each with its feedback line) change places. Question 2: the text
    of its right option changes."""
    text = quiz_file.read_text()
    first, second = _blocks(text)[:2]
    lines = first[1].split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("- ["))
    lines[start : start + 4] = lines[start + 2 : start + 4] + lines[start : start + 2]
    edited_second = re.sub(r"^(- \[x\] .*)$", r"\1 (edited)", second[1], count=1, flags=re.M)
    quiz_file.write_text(
        text[: first.start(1)]
        + "\n".join(lines)
        + text[first.end(1) : second.start(1)]
        + edited_second
        + text[second.end(1) :]
    )


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory) -> Path:
    """The site built again with the safety quiz edited in both languages."""
    tmp = tmp_path_factory.mktemp("edited-quiz")
    project = copy_project(tmp)
    for lang in LANGS:
        _edit(project / "docs" / "quizzes" / f"{MODULE}.{lang}.md")
    result = build_site(project, tmp / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site"


@pytest.mark.parametrize("lang", LANGS)
def test_a_quiz_edited_after_answering_shows_no_old_verdict(page, base_url, edited_site, lang):
    quiz = content().quizzes[(lang, MODULE)]
    url = quiz_url(base_url, lang, MODULE)
    page.goto(url)
    answer(page, 0, correct_indexes(quiz, 0), lang)
    answer(page, 1, correct_indexes(quiz, 1), lang)
    assert page.locator(".quiz-feedback-item.correct").count() >= 2

    # The returning visitor gets the edited page at the same address, with the answers kept in the browser.
    edited = edited_site / ("" if lang == "nl" else "en") / "quizzes" / MODULE / "index.html"
    page.route(url, lambda route: route.fulfill(path=str(edited), content_type="text/html; charset=utf-8"))
    page.reload()
    boxes = page.locator(".quiz")

    # Options moved: the same options are still chosen (by their text), and they are the right ones.
    moved = boxes.nth(0)
    chosen = [
        moved.locator("label").nth(i).inner_text()
        for i in range(moved.locator("input").count())
        if moved.locator("input").nth(i).is_checked()
    ]
    assert sorted(chosen) == sorted(o.text for o in quiz.questions[0].options if o.correct)
    assert moved.locator("input:checked:not([data-correct])").count() == 0
    assert moved.locator(".quiz-feedback-item.correct").count() == 2

    # An option's text changed: the question is new, with no answer and no verdict.
    changed = boxes.nth(1)
    assert "(edited)" in changed.inner_text()
    assert changed.locator("input:checked").count() == 0
    assert not changed.locator(".quiz-feedback").is_visible()
    assert page.locator("#quiz-progress-sidebar .quiz-progress-answered").inner_text() == "1"
