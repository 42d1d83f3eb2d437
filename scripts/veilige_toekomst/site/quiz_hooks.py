"""MkDocs hook for the quiz pages: fit mkdocs-quiz's HTML to the site's Content-Security-Policy.

mkdocs-quiz 1.7 writes its CSS as an inline <style>, `onsubmit="return false;"` on every form and
`style="..."` attributes in its progress box. The site allows no inline styles or event handlers
(page_safety.py: style-src 'self'; script-src 'self' plus the hashes of whole inline scripts), so
browsers refuse them and log a violation for each. The look comes from
overrides/assets/stylesheets/quiz.css instead, and quiz.js itself stops the forms from submitting,
so those three are taken out. The plugin's inline scripts stay: page_safety allows them by hash.

mkdocs-quiz also keeps a visitor's answers by position: the question's element id (quiz-0, quiz-1, ...)
and the option's value (0, 1, ...), with the verdict (right or wrong) stored as it was. After an edit,
a returning visitor would see the old verdict on other options. So each question gets an id made from
its content (question, options, which are right) and each option a value made from its text: an edited
question is a new question, and options moved around keep their answers. quiz-verdicts.js forgets
answers to questions no longer on the page. Listed in mkdocs.yml under `hooks:`.
"""

from __future__ import annotations

import hashlib
import re

from mkdocs.plugins import event_priority

# Up to the first closing tag, written out rather than with a lazy `.*?`, which tries the closing tag
# at each character of the plugin's stylesheet (twice as slow).
PLUGIN_STYLE = re.compile(r'<style type="text/css">[^<]*(?:<(?!/style>)[^<]*)*</style>')
FORM_HANDLER = ' onsubmit="return false;"'
STYLE_ATTRIBUTE = re.compile(r'\s+style="[^"]*"')
PROGRESS_BOX = re.compile(r'<div id="quiz-progress-sidebar"[^<]*(?:<(?!/nav>)[^<]*)*</nav>')
"""The plugin's progress box (desktop <div>, then mobile <nav>): its only markup with style=""."""


# Two more bits of the plugin's HTML that the Nu Html Checker rejects (tests/test_html_valid.py): `defer`
# on its inline script (browsers ignore it there: the script runs the same without), and a name on the
# progress box, a plain <div>, which only an element with a role may carry (a named group).
INLINE_DEFER = ('<script type="text/javascript" defer>', '<script type="text/javascript">')
PROGRESS_NAME = (
    '<div id="quiz-progress-sidebar" aria-label=',
    '<div id="quiz-progress-sidebar" role="group" aria-label=',
)


QUIZ_START = re.compile(r'<div class="quiz"[^>]* id="(quiz-\d+)">')
QUESTION = re.compile(r'<div class="quiz-question"[^>]*>(.*?)</div>\s*<form', re.S)
OPTION = re.compile(
    r'(<input type="(?:checkbox|radio)" name="answer" value=")(\d+)(" id="[^"]+"\s*(data-correct="true")?\s*>'
    r'<label for="[^"]+">(.*?)</label>)',
    re.S,
)
COMMENT = re.compile(r"<!--.*?-->", re.S)
KEY_LENGTH = 10
"""Hex digits of a content key: enough to tell apart the questions of one page and the options of one question."""


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:KEY_LENGTH]


def content_keys(html: str) -> str:
    """The page's quiz HTML with each question's ids keyed by its content and each option's value by its text.

    Question id: "quiz-" + a hash of the question's HTML (comments left out) and of its options' texts
    with whether each is right, in any order; a second question with the same content gets "-2" added.
    Option value: a hash of the option's label HTML. Markup other than mkdocs-quiz 1.7's is left as is.
    """
    starts = list(QUIZ_START.finditer(html))
    if not starts:
        return html
    parts = [html[: starts[0].start()]]
    seen: dict[str, int] = {}
    for n, start in enumerate(starts):
        block = html[start.start() : starts[n + 1].start() if n + 1 < len(starts) else len(html)]
        question = QUESTION.search(block)
        options = OPTION.findall(block)
        if question is None or not options:
            parts.append(block)
            continue
        keyed = sorted(f"{_key(label)}:{bool(right)}" for *_, right, label in options)
        new_id = "quiz-" + _key(COMMENT.sub("", question[1]).strip(), *keyed)
        seen[new_id] = seen.get(new_id, 0) + 1
        if seen[new_id] > 1:
            new_id += f"-{seen[new_id]}"
        block = OPTION.sub(lambda m: m[1] + _key(m[5]) + m[3], block)
        parts.append(_renamed(block, start[1], new_id))
    return "".join(parts)


def _renamed(block: str, old_id: str, new_id: str) -> str:
    """`block` with `old_id` renamed where it stands as a word before a quote or a hyphen (quiz-3",
    quiz-3-question). The word boundary is checked here: in the pattern it would keep the regex engine
    from scanning for the id, ten times slower."""

    def rename(match: re.Match[str]) -> str:
        before = block[match.start() - 1 : match.start()]
        return match[0] if before.isalnum() or before == "_" else new_id

    return re.sub(rf"{old_id}(?=[\"-])", rename, block)


def valid_html(html: str) -> str:
    return html.replace(*INLINE_DEFER).replace(*PROGRESS_NAME)


def without_inline_styles(html: str) -> str:
    html = PLUGIN_STYLE.sub("", html).replace(FORM_HANDLER, "")
    return PROGRESS_BOX.sub(lambda box: STYLE_ATTRIBUTE.sub("", box[0]), html)


@event_priority(-100)  # after mkdocs-quiz has put its HTML into the page
def on_page_content(html, page, config, files):
    quiz = page.meta.get("quiz")
    return (
        content_keys(valid_html(without_inline_styles(html)))
        if isinstance(quiz, dict) and quiz.get("enabled")
        else html
    )
