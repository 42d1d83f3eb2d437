"""Self-check quizzes: one per module in both languages, one source for site and export, and in real
Chromium: feedback on right and wrong answers, a whole quiz by keyboard, progress kept over a reload,
no axe violations, Dutch buttons on Dutch pages, readable without JavaScript, a clean worksheet on paper.

The rules for broken quizzes (no right option, two in single choice, translations that differ, a link
to a missing section, ...) each have a fixture under fixtures/broken/quiz-*, run by test_validation.py.
"""

from __future__ import annotations

import json
from functools import cache
from html.parser import HTMLParser

import jsonschema
import pytest

from conftest import FIXTURES, ROOT, build_site, make_project
from veilige_toekomst.core.content import Content
from veilige_toekomst.core.quizzes import Quiz
from veilige_toekomst.render.export import build_export
from veilige_toekomst.render.shortcodes import quiz_markdown
from veilige_toekomst.render.validate import load_checked

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMA = ROOT / "scripts" / "veilige_toekomst" / "schemas" / "export.schema.json"
LANGS = ("nl", "en")


@cache
def content() -> Content:
    return load_checked(ROOT).content


def modules() -> list[str]:
    c = content()
    return ["context"] + [p.meta.id for p in c.pillars("nl") + c.living_areas("nl")]


# The quizzes as content ------------------------------------------------------------------------------


def test_every_module_has_a_quiz_of_four_to_six_questions_in_both_languages():
    assert len(modules()) == 14
    for lang in LANGS:
        for module in modules():
            quiz = content().quizzes[(lang, module)]
            assert quiz.lang == lang and quiz.page == f"quizzes/{module}"
            assert 4 <= len(quiz.questions) <= 6, f"{lang}/{module}: {len(quiz.questions)} questions"
            assert {q.kind for q in quiz.questions} == {"single", "multiple"}, f"{lang}/{module}: use both kinds"


def shape(quiz: Quiz) -> list[tuple[str, str, list[bool]]]:
    return [(q.id, q.kind, [o.correct for o in q.options]) for q in quiz.questions]


def test_dutch_and_english_quizzes_ask_the_same_with_the_same_right_answers():
    for module in modules():
        nl, en = content().quizzes[("nl", module)], content().quizzes[("en", module)]
        assert shape(nl) == shape(en), module
        assert nl.questions[0].text != en.questions[0].text, f"{module}: the English quiz is not translated"


def test_figures_in_quiz_texts_are_resolved_for_every_output():
    resolved = [quiz_markdown(content(), lang, module) for (lang, module) in content().quizzes]
    texts = [
        text
        for quiz in resolved
        if quiz
        for q in quiz.questions
        for text in (q.text, q.explanation, *[o.text for o in q.options], *[o.feedback for o in q.options])
    ]
    assert not [t for t in texts if "<!--" in t]
    assert any("8 dagen" in t for t in texts) and any("8 days" in t for t in texts)


def test_every_pillar_and_living_area_page_links_to_its_quiz():
    c = content()
    for lang in LANGS:
        for page in c.pillars(lang) + c.living_areas(lang):
            assert f"](../quizzes/{page.meta.id}.md)" in page.body, page.path


def test_export_carries_the_quizzes_and_matches_its_schema():
    schema = json.loads(SCHEMA.read_text())
    for lang in LANGS:
        data = build_export(content(), lang)
        jsonschema.validate(data, schema)
        assert [q["id"] for q in data["quizzes"]] == modules()
        safety = next(q for q in data["quizzes"] if q["id"] == "safety")
        assert safety == quiz_markdown(content(), lang, "safety").model_dump()
        option = safety["questions"][0]["options"][0]
        assert set(option) == {"text", "correct", "feedback"}


def test_the_site_build_stops_on_a_quiz_mistake(tmp_path):
    project = make_project(tmp_path, "quiz-single-two-correct")
    result = build_site(project, tmp_path / "site")
    expected = (FIXTURES / "broken" / "quiz-single-two-correct" / "expected.txt").read_text().strip()
    assert result.returncode == 1
    assert expected in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


class _Options(HTMLParser):
    """[data-correct of each option] of each quiz in a built page, in page order."""

    def __init__(self) -> None:
        super().__init__()
        self.quizzes: list[list[bool]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and "quiz" in (attributes.get("class") or "").split():
            self.quizzes.append([])
        elif tag == "input" and attributes.get("name") == "answer":
            self.quizzes[-1].append(attributes.get("data-correct") == "true")


def test_the_site_shows_exactly_the_model_one_source(site):
    for lang in LANGS:
        for module in modules():
            quiz = content().quizzes[(lang, module)]
            prefix = "" if lang == "nl" else "en/"
            parser = _Options()
            parser.feed((site / prefix / "quizzes" / module / "index.html").read_text())
            assert parser.quizzes == [[o.correct for o in q.options] for q in quiz.questions], f"{lang}/{module}"


# In the browser --------------------------------------------------------------------------------------

browser_test = pytest.mark.xdist_group("browser")


def quiz_url(base_url: str, lang: str, module: str) -> str:
    return f"{base_url}{'' if lang == 'nl' else '/en'}/quizzes/{module}/"


def correct_indexes(quiz: Quiz, n: int) -> list[int]:
    return [i for i, option in enumerate(quiz.questions[n].options) if option.correct]


@browser_test
def test_right_and_wrong_answers_show_their_feedback_and_the_explanation(page, base_url):
    quiz = content().quizzes[("nl", "safety")]
    refused = []  # mkdocs-quiz's inline CSS and handlers would be refused by the site's CSP (quiz_hooks.py)
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(quiz_url(base_url, "nl", "safety"))
    boxes = page.locator(".quiz")

    single = next(n for n, q in enumerate(quiz.questions) if q.kind == "single")
    box = boxes.nth(single)
    right = correct_indexes(quiz, single)[0]
    box.locator("label").nth(right).click()
    box.get_by_role("button", name="Nakijken").click()
    feedback = box.locator(".quiz-feedback-item")
    assert feedback.count() == 1 and "correct" in feedback.get_attribute("class").split()
    assert feedback.locator(".quiz-feedback-item-content").inner_text().startswith("Klopt.")
    assert box.locator(".content").is_visible()
    assert box.locator(".content a[href*='pillars/']").count() >= 1

    other = next(n for n, q in enumerate(quiz.questions) if q.kind == "single" and n != single)
    box = boxes.nth(other)
    wrong = next(i for i, o in enumerate(quiz.questions[other].options) if not o.correct)
    box.locator("label").nth(wrong).click()
    box.get_by_role("button", name="Nakijken").click()
    feedback = box.locator(".quiz-feedback-item")
    assert "incorrect" in feedback.get_attribute("class").split()
    assert feedback.locator(".quiz-feedback-item-content").inner_text().startswith("Klopt niet.")
    assert quiz.questions[other].options[wrong].feedback[:30] in feedback.inner_text()
    # the right option is shown too, and a second try is possible
    right_option = box.locator("fieldset > div").nth(correct_indexes(quiz, other)[0])
    assert "correct" in right_option.get_attribute("class").split()
    assert box.get_by_role("button", name="Opnieuw proberen").is_visible()
    assert refused == []


def tab_until(page, script: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(script):
            return
    pytest.fail(f"Tab never reached: {script}")


@browser_test
def test_a_whole_quiz_with_the_keyboard_only(page, base_url):
    quiz = content().quizzes[("en", "housing")]
    page.goto(quiz_url(base_url, "en", "housing"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('a.md-skip[href=\"#questions\"]')"), (
        "skip link to the questions"
    )
    page.keyboard.press("Enter")
    for n, question in enumerate(quiz.questions):
        box = f"document.querySelectorAll('.quiz')[{n}]"
        in_question = f"{box}.contains(document.activeElement) && document.activeElement.matches('input')"
        tab_until(page, in_question)
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "keyboard focus on an option must be visible"
        right = correct_indexes(quiz, n)
        if question.kind == "single":
            # Space selects the focused radio button; arrow keys move through the group, selecting as they go
            for _ in range(right[0]):
                page.keyboard.press("ArrowDown")
            if not right[0]:
                page.keyboard.press("Space")
        else:
            for i in range(len(question.options)):
                if i:
                    page.keyboard.press("Tab")
                if i in right:
                    page.keyboard.press("Space")
        tab_until(page, f"document.activeElement === {box}.querySelector('button[type=submit]')", limit=3)
        page.keyboard.press("Enter")
        assert page.evaluate(f"document.activeElement === {box}.querySelector('.quiz-feedback')"), "focus on feedback"
        assert page.locator(".quiz").nth(n).locator(".quiz-feedback-item.correct").count() == len(right)
    assert page.locator("#quiz-progress-sidebar .quiz-progress-score").inner_text() == str(len(quiz.questions))


@browser_test
def test_progress_is_kept_after_a_reload(page, base_url):
    quiz = content().quizzes[("nl", "attachment")]
    page.goto(quiz_url(base_url, "nl", "attachment"))
    first = page.locator(".quiz").first
    for i in correct_indexes(quiz, 0):
        first.locator("label").nth(i).click()
    first.get_by_role("button", name="Nakijken").click()
    page.reload()
    first = page.locator(".quiz").first
    checked = [first.locator("input").nth(i).is_checked() for i in range(len(quiz.questions[0].options))]
    assert checked == [o.correct for o in quiz.questions[0].options]
    assert first.locator(".quiz-feedback-item.correct").count() >= 1
    assert page.locator("#quiz-progress-sidebar .quiz-progress-answered").inner_text() == "1"


def run_axe(page, base_url: str) -> list[str]:
    # Served from the site's own address, so the page's Content-Security-Policy stays on and the quiz
    # is checked as visitors get it (add_script_tag(path=...) would be an inline script, refused by it).
    if page.evaluate("typeof axe === 'undefined'"):
        axe_url = base_url + "/__axe.min.js"
        page.route(axe_url, lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
        page.add_script_tag(url=axe_url)
    # No runOnly: every rule axe enables by default, the best-practice rules included.
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{rule['id']} ({rule['impact']}) {rule['help']}: {' '.join(map(str, node['target']))}"
        for rule in result["violations"]
        for node in rule["nodes"]
    ]


@browser_test
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_nothing_before_and_after_answering(page, base_url, lang):
    quiz = content().quizzes[(lang, "context")]
    page.goto(quiz_url(base_url, lang, "context"))
    assert run_axe(page, base_url) == []
    check = "Nakijken" if lang == "nl" else "Check"
    for n, pick in (
        (0, correct_indexes(quiz, 0)),
        (1, [i for i, o in enumerate(quiz.questions[1].options) if not o.correct][:1]),
    ):
        for i in pick:
            page.locator(".quiz").nth(n).locator("label").nth(i).click()
        page.locator(".quiz").nth(n).get_by_role("button", name=check).click()
    assert page.locator(".quiz-feedback-item.incorrect").count() == 1
    assert run_axe(page, base_url) == []


@browser_test
def test_dutch_buttons_and_progress_on_dutch_pages_english_on_english(page, base_url):
    page.goto(quiz_url(base_url, "nl", "future"))
    assert page.evaluate("window.mkdocsQuizTranslations['Submit']") == "Nakijken"
    assert page.locator(".quiz button[type=submit]").first.inner_text() == "Nakijken"
    assert "Voortgang" in page.locator("#quiz-progress-sidebar").inner_text()
    assert page.locator(".quiz-intro button").inner_text() == "Opnieuw beginnen"
    page.goto(quiz_url(base_url, "en", "future"))
    assert page.locator(".quiz button[type=submit]").first.inner_text() == "Check"
    assert "Progress" in page.locator("#quiz-progress-sidebar").inner_text()


@browser_test
def test_without_javascript_the_questions_and_the_answer_key_are_there(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(quiz_url(base_url, "en", "education"))
    quiz = quiz_markdown(content(), "en", "education")  # the answer key shows figures resolved
    assert page.locator(".quiz-question").count() == len(quiz.questions)
    assert page.locator(".quiz fieldset label").first.is_visible()
    assert not page.locator(".quiz button").first.is_visible(), "buttons that cannot work are hidden"
    page.locator('.md-content a[href="#answers"]').click()
    page.locator("details.vt-quiz-answers summary").click()
    key = page.locator("details.vt-quiz-answers").inner_text()
    assert all(o.text in key for q in quiz.questions for o in q.options if o.correct)
    assert page.locator("details.vt-quiz-answers a[href*='living-areas/education/#']").count() >= len(quiz.questions)
    context.close()


@browser_test
def test_print_is_a_clean_worksheet(page, base_url):
    quiz = content().quizzes[("nl", "housing")]
    page.goto(quiz_url(base_url, "nl", "housing"))
    page.locator(".quiz label").first.click()
    page.locator(".quiz button[type=submit]").first.click()
    page.emulate_media(media="print")
    assert page.locator(".quiz").count() == len(quiz.questions)
    assert page.locator(".quiz fieldset input").first.is_visible()
    for hidden in (
        ".quiz button",
        ".quiz-feedback",
        ".quiz .content",
        ".vt-quiz-key",
        ".quiz-intro",
        "#quiz-progress-sidebar",
    ):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed"
    colour = page.evaluate("getComputedStyle(document.querySelector('.quiz label')).color")
    assert colour == "rgb(0, 0, 0)", "an answered option prints like the others"
    assert page.pdf()[:4] == b"%PDF"
