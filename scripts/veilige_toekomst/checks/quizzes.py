"""The quizzes' rules beyond their form: each about a module, verdicts in words, translations alike."""

from __future__ import annotations

from ..core.content import Content
from ..core.findings import Finding
from ..core.pages import Page
from ..core.quiz_index import module_page
from ..core.quizzes import Quiz, QuizQuestion


def quiz_findings(content: Content) -> list[Finding]:
    """Mistakes in the quizzes: each page on its own, and each translation against the Dutch quiz."""
    findings: list[Finding] = []
    default = content.default_language
    for (lang, module), quiz in sorted(content.quizzes.items()):
        page = content.pages[(lang, quiz.page + ".md")]
        if module_page(content, quiz.id, page.lang) is None:
            findings.append(
                Finding(
                    page.path,
                    1,
                    "quiz-module",
                    f"'{quiz.id}' is not a pillar, a living area or a section with an index page",
                )
            )
        findings += _verdict_findings(content, page, quiz)
        base_quiz = content.quizzes.get((default, module))
        if lang != default and base_quiz is not None:
            base = content.pages[(default, base_quiz.page + ".md")]
            findings += _parity_findings(page, quiz, base, base_quiz)
    return findings


def _verdict_findings(content: Content, page: Page, quiz: Quiz) -> list[Finding]:
    """Feedback starts with its verdict, so right and wrong are told in words and not by colour alone."""
    words = {True: content.ui(page.lang, "quiz_right"), False: content.ui(page.lang, "quiz_wrong")}
    return [
        Finding(
            page.path,
            option.line,
            "quiz-feedback",
            f"feedback on a {'right' if option.correct else 'wrong'} option of {q.id} must start with "
            f"'{words[option.correct]}'",
        )
        for q in quiz.questions
        for option in q.options
        if option.feedback and not option.feedback.startswith(words[option.correct])
    ]


def _correct_positions(question: QuizQuestion) -> list[int]:
    return [n for n, option in enumerate(question.options, 1) if option.correct]


def _parity_findings(page: Page, quiz: Quiz, base: Page, base_quiz: Quiz) -> list[Finding]:
    """A translation asks the same questions: same number, ids, kinds, options and correct options."""
    if len(quiz.questions) != len(base_quiz.questions):
        return [
            Finding(
                page.path,
                page.body_line,
                "quiz-parity",
                f"{len(quiz.questions)} questions here, {len(base_quiz.questions)} in {base.path}",
            )
        ]
    findings = []
    for mine, theirs in zip(quiz.questions, base_quiz.questions):
        differences = [
            f"{what} {a} here but {b} in {base.path}"
            for what, a, b in (
                ("id", mine.id, theirs.id),
                ("kind", mine.kind, theirs.kind),
                ("number of options", len(mine.options), len(theirs.options)),
                ("correct options", _correct_positions(mine), _correct_positions(theirs)),
            )
            if a != b
        ]
        if differences:
            findings.append(Finding(page.path, mine.line, "quiz-parity", f"{mine.id}: " + "; ".join(differences)))
    return findings
