"""The quiz pages' shortcodes (introduction, answer key, list of quizzes) and quiz texts with their
figures filled in, for every output that shows a quiz outside its own page."""

from __future__ import annotations

from html import escape

from ..core.content import Content
from ..core.quiz_index import module_page, quiz_groups
from ..core.quizzes import Quiz, quiz_module
from ..core.urls import relative_md
from .context import Context, ShortcodeError, asset_url, no_args, shortcode

VERDICT_SCRIPT = "assets/javascripts/quiz-verdicts.js"

_resolved: list[tuple[Content, dict[tuple[str, str], Quiz]]] = []


def resolved_quiz(ctx: Context, module: str) -> Quiz | None:
    """The quiz of `module` in `ctx.lang` (or its fallback) with the shortcodes in its texts (figures)
    replaced by `ctx.expand`: ready-to-use Markdown. Each quiz is resolved once per loaded content."""
    content, lang = ctx.content, ctx.lang
    quiz = content.quiz(lang, module)
    if quiz is None:
        return None
    if not _resolved or _resolved[0][0] is not content:
        _resolved[:] = [(content, {})]
    done = _resolved[0][1]
    if (lang, module) not in done:
        page = content.pages[(quiz.lang, quiz.page + ".md")]
        # Mistakes in these shortcodes are reported once, with their line, by the check of the whole page.
        done[(lang, module)] = quiz.map_texts(lambda text: ctx.expand(page, text))
    return done[(lang, module)]


def _page_quiz(ctx: Context) -> Quiz:
    module = quiz_module(ctx.page)
    quiz = resolved_quiz(ctx, module) if module else None
    if quiz is None:
        raise ShortcodeError("this shortcode belongs on a quiz page (docs/quizzes/<module>.<lang>.md)")
    return quiz


@shortcode("quiz-intro")
def _quiz_intro(ctx: Context, args: list[str]) -> str:
    """What the quiz is about, how it works, and where the answers are for readers without JavaScript."""
    no_args(args, "quiz-intro")
    quiz = _page_quiz(ctx)
    about = module_page(ctx.content, quiz.id, ctx.lang)
    assert about is not None, "this quiz has no module page"
    link = f"[{about.meta.title}]({relative_md(ctx.page.src, about.src)})"
    how = f'<div class="vt-quiz-how" markdown>\n\n{ctx.ui("quiz_how")}\n\n</div>'
    # The heading is the first entry of the table of contents, so the theme's "skip to content" link
    # lands on the questions (without it, it would jump past them to the answer key).
    heading = f"## {ctx.ui('quiz_questions_title')} {{#questions}}"
    return "\n\n".join(
        (ctx.ui_count("quiz_intro", len(quiz.questions), module=link), how, "<!-- mkdocs-quiz intro -->", heading)
    )


@shortcode("quiz-answers")
def _quiz_answers(ctx: Context, args: list[str]) -> str:
    """Every right answer with its explanation, folded away: the answer key without JavaScript; and the
    page's own quiz script (quiz-verdicts.js: partial answers, answers kept by content) with its message."""
    no_args(args, "quiz-answers")
    quiz = _page_quiz(ctx)
    parts = [
        '<div class="vt-quiz-key" markdown>',
        "",
        f"## {ctx.ui('quiz_answers_title')} {{#answers}}",
        "",
        '<details class="vt-quiz-answers" markdown>',
        f"<summary>{ctx.ui('quiz_answers_show')}</summary>",
        "",
    ]
    for number, question in enumerate(quiz.questions, 1):
        right = [o.text for o in question.options if o.correct]
        parts += [
            f'<div class="vt-quiz-answer" id="answer-{question.id}" markdown>',
            "",
            f"**{number}.** {question.text}",
            "",
            f"{ctx.ui('quiz_right_answer' if len(right) == 1 else 'quiz_right_answers')}",
            "",
        ]
        parts += [f"- {text}" for text in right]
        parts += ["", question.explanation, "", "</div>", ""]
    script = (
        f'<script src="{asset_url(ctx, VERDICT_SCRIPT)}" defer '
        f'data-vt-missed="{escape(ctx.plural_forms("quiz_missed"), quote=True)}"></script>'
    )
    return "\n".join(parts + ["</details>", "", "</div>", "", script])


@shortcode("quiz-list")
def _quiz_list(ctx: Context, args: list[str]) -> str:
    """Every quiz under the heading of its part of the site, with its number of questions."""
    no_args(args, "quiz-list")
    parts = []
    for folder, quizzes in quiz_groups(ctx.content, ctx.lang):
        heading = ctx.content.page(ctx.lang, f"{folder}/index.md")
        assert heading is not None, f"no index page for {folder}"
        parts += [f"## {heading.meta.title} {{#{folder}}}", ""]
        for quiz in quizzes:
            about = module_page(ctx.content, quiz.id, ctx.lang)
            assert about is not None
            link = relative_md(ctx.page.src, quiz.page + ".md")
            parts.append(f"- [{about.meta.title}]({link}) · {ctx.ui_count('quiz_count', len(quiz.questions))}")
        parts.append("")
    return "\n".join(parts)
