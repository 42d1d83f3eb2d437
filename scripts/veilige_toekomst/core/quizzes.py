"""Self-check quizzes: the <quiz> blocks of docs/quizzes/<module>.<lang>.md read into typed models.

The blocks are written for the mkdocs-quiz plugin, which renders them on the site. This module reads the
same blocks with the plugin's own patterns, so the site, the export, the checks and the training packs
all see one quiz. Our convention on top of the plugin's syntax: the first line inside each block is
`<!-- question: <module>-<n> single|multiple -->`.

The id of a question is its position (safety-1, safety-2, ...), the same in both languages. Answers a
visitor keeps in the browser are not tied to these positions: on the site each question is keyed by its
content and each option by its text (site/quiz_hooks.py), so an edited question starts unanswered and
options may move without carrying an old verdict along.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from textwrap import dedent
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from .findings import Collector, Finding
from .markdown_syntax import LINK
from .models import Strict
from .quiz_syntax import CHECKBOX_REGEX, FEEDBACK_REGEX, collect_feedback, find_quizzes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .pages import Page

QUIZ_FOLDER = "quizzes/"
QUESTION_LINE = re.compile(r"^<!--\s*question:\s*(?P<id>\S+)\s+(?P<kind>\S+)\s*-->\s*$")
KINDS = ("single", "multiple")
QuizKind = Literal["single", "multiple"]
Add = Callable[[int, str, str], None]
"""Records a finding on the quiz page: add(line, rule, message)."""


class QuizOption(Strict):
    text: str
    correct: bool
    feedback: str
    """Why this option is right or wrong; starts with the verdict (docs/strings.yml quiz_right/quiz_wrong)."""
    line: int = Field(default=0, exclude=True)


class QuizQuestion(Strict):
    id: str
    text: str
    kind: QuizKind
    options: list[QuizOption]
    explanation: str
    """Markdown after the options; links to the section of the page that answers the question."""
    line: int = Field(default=0, exclude=True)


class Quiz(Strict):
    id: str
    """The module: a pillar or living-area id, or a section with an index page (context)."""
    lang: str
    title: str
    page: str
    """Page id of the quiz page, e.g. "quizzes/safety"."""
    questions: list[QuizQuestion]

    def map_texts(self, change: Callable[[str], str]) -> Quiz:
        """The same quiz with `change` applied to every text (question, option, feedback, explanation)."""
        questions = [
            q.model_copy(
                update={
                    "text": change(q.text),
                    "explanation": change(q.explanation),
                    "options": [
                        o.model_copy(update={"text": change(o.text), "feedback": change(o.feedback)}) for o in q.options
                    ],
                }
            )
            for q in self.questions
        ]
        return self.model_copy(update={"questions": questions})


def quiz_module(page: Page) -> str | None:
    """The module id of a quiz page ("quizzes/safety.md" -> "safety"), None for every other page."""
    if not page.src.startswith(QUIZ_FOLDER) or page.src.endswith("index.md"):
        return None
    return page.src[len(QUIZ_FOLDER) : -len(".md")]


def parse_quiz_page(page: Page) -> tuple[Quiz | None, list[Finding]]:
    """The quiz on a quiz page (None on other pages), and every mistake in it as a finding with its line."""
    module = quiz_module(page)
    if module is None:
        return None, []
    findings: list[Finding] = []

    def add(line: int, rule: str, message: str) -> None:
        findings.append(Finding(page.path, line, rule, message))

    questions: list[QuizQuestion] = []
    blocks = find_quizzes(page.body)
    if not blocks:
        add(page.body_line, "quiz-question", "a quiz page needs at least one <quiz> block")
    for position, block in enumerate(blocks, 1):
        first_line = page.line_of_body_offset(block.start(1))
        question = _parse_block(block[1], first_line, f"{module}-{position}", add)
        if question is not None:
            questions.append(question)
    quiz = Quiz(id=module, lang=page.lang, title=page.meta.title, page=page.id, questions=questions)
    return quiz, findings


def _parse_block(inner: str, first_line: int, expected_id: str, add: Add) -> QuizQuestion | None:
    """One <quiz> block, read the way mkdocs-quiz reads it (plugin.py _parse_quiz_question_and_answers)."""
    numbered = [(first_line + i, line) for i, line in enumerate(dedent(inner).split("\n"))]
    while numbered and not numbered[0][1].strip():
        numbered.pop(0)
    if not numbered:
        add(first_line, "quiz-question", "empty <quiz> block")
        return None
    line_no, head = numbered[0]
    header = QUESTION_LINE.match(head.strip())
    if header is None:
        add(line_no, "quiz-question", "the first line inside <quiz> must be <!-- question: ID single|multiple -->")
        return None
    qid, kind = header["id"], header["kind"]
    if qid != expected_id:
        add(
            line_no,
            "quiz-id",
            f"question id '{qid}' should be '{expected_id}': ids number the questions in order, "
            "so both languages and every export name a question alike",
        )
    if kind not in KINDS:
        add(line_no, "quiz-question", f"kind '{kind}' of {qid} is not single or multiple")
        return None

    lines = [text for _, text in numbered[1:]]
    numbers = [number for number, _ in numbered[1:]]
    first_option = next((i for i, text in enumerate(lines) if CHECKBOX_REGEX.match(text)), len(lines))
    text = "\n".join(lines[:first_option]).strip()
    if not text:
        add(line_no, "quiz-question", f"{qid} has no question text before its options")
    options: list[QuizOption] = []
    i = first_option
    while i < len(lines):
        option = CHECKBOX_REGEX.match(lines[i])
        if option:
            mark = option[1]
            if mark not in ("x", "X", " ", ""):
                add(numbers[i], "quiz-question", f"'[{mark}]' is not a checkbox: write [x] or [ ]")
            feedback, after = collect_feedback(lines, i + 1)
            options.append(
                QuizOption(
                    text=option[2].strip(),
                    correct=mark.lower() == "x",
                    feedback=(feedback or "").strip(),
                    line=numbers[i],
                )
            )
            i = after
        elif not lines[i].strip():
            i += 1
        elif FEEDBACK_REGEX.match(lines[i]):
            add(numbers[i], "quiz-feedback", "feedback (> ...) must follow its option without a blank line")
            i += 1
        else:
            break
    explanation = "\n".join(lines[i:]).strip()
    _check_question(qid, kind, options, explanation, line_no, add)
    question_kind: QuizKind = "single" if kind == "single" else "multiple"
    return QuizQuestion(id=qid, text=text, kind=question_kind, options=options, explanation=explanation, line=line_no)


def _check_question(qid: str, kind: str, options: list[QuizOption], explanation: str, line: int, add: Add) -> None:
    correct = sum(o.correct for o in options)
    if len(options) < 2:
        add(line, "quiz-question", f"{qid} needs at least two options (- [x] ... / - [ ] ...)")
    if len({o.text for o in options}) < len(options):  # mkdocs-quiz tells right from wrong by the text
        add(line, "quiz-question", f"{qid} has two options with the same text")
    if not correct:
        add(line, "quiz-correct", f"{qid} has no correct option: mark the right one(s) with [x]")
    elif kind == "single" and correct > 1:
        add(
            line,
            "quiz-correct",
            f"{qid} is single choice but has {correct} correct options (mark one, or make it 'multiple')",
        )
    elif kind == "multiple" and correct < 2:
        add(
            line,
            "quiz-correct",
            f"{qid} is multiple choice but has one correct option: mkdocs-quiz would show "
            "it as single choice (make it 'single', or mark more)",
        )
    for option in options:
        if not option.feedback:
            add(option.line, "quiz-feedback", f"option '{option.text[:40]}' of {qid} has no feedback (> why)")
    if not explanation:
        add(line, "quiz-explanation", f"{qid} has no explanation after its options")
    elif not any("#" in m["target"] for m in LINK.finditer(explanation)):
        add(
            line,
            "quiz-explanation",
            f"the explanation of {qid} must link to the section that answers it (e.g. ../pillars/safety.md#needs)",
        )


def read_quizzes(pages: Iterable[Page], collector: Collector) -> dict[tuple[str, str], Quiz]:
    """Every quiz by (language, module id), as written; each mistake in a block's form to `collector`."""
    quizzes: dict[tuple[str, str], Quiz] = {}
    for page in sorted(pages, key=lambda p: p.path):
        quiz, findings = parse_quiz_page(page)
        collector.extend(findings)
        if quiz is not None:
            quizzes[(page.lang, quiz.id)] = quiz
    return quizzes
