"""MkDocs hook for the quiz pages: fit mkdocs-quiz's HTML to the site's Content-Security-Policy.

mkdocs-quiz 1.7 writes its CSS as an inline <style>, `onsubmit="return false;"` on every form and
`style="..."` attributes in its progress box. The site allows no inline styles or event handlers
(page_safety.py: style-src 'self'; script-src 'self' plus the hashes of whole inline scripts), so
browsers refuse them and log a violation for each. The look comes from
overrides/assets/stylesheets/quiz.css instead, and quiz.js itself stops the forms from submitting,
so those three are taken out. The plugin's inline scripts stay: page_safety allows them by hash.
Listed in mkdocs.yml under `hooks:`.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

PLUGIN_STYLE = re.compile(r'<style type="text/css">.*?</style>', re.S)
FORM_HANDLER = ' onsubmit="return false;"'
STYLE_ATTRIBUTE = re.compile(r'\s+style="[^"]*"')
PROGRESS_BOX = re.compile(r'<div id="quiz-progress-sidebar".*?</nav>', re.S)
"""The plugin's progress box (desktop <div>, then mobile <nav>): its only markup with style=""."""


# Two more bits of the plugin's HTML that the Nu Html Checker rejects (tests/test_html_valid.py): `defer`
# on its inline script (browsers ignore it there: the script runs the same without), and a name on the
# progress box, a plain <div>, which only an element with a role may carry (a named group).
INLINE_DEFER = ('<script type="text/javascript" defer>', '<script type="text/javascript">')
PROGRESS_NAME = (
    '<div id="quiz-progress-sidebar" aria-label=',
    '<div id="quiz-progress-sidebar" role="group" aria-label=',
)


def valid_html(html: str) -> str:
    return html.replace(*INLINE_DEFER).replace(*PROGRESS_NAME)


def without_inline_styles(html: str) -> str:
    html = PLUGIN_STYLE.sub("", html).replace(FORM_HANDLER, "")
    return PROGRESS_BOX.sub(lambda box: STYLE_ATTRIBUTE.sub("", box[0]), html)


@event_priority(-100)  # after mkdocs-quiz has put its HTML into the page
def on_page_content(html, page, config, files):
    quiz = page.meta.get("quiz")
    return valid_html(without_inline_styles(html)) if isinstance(quiz, dict) and quiz.get("enabled") else html
