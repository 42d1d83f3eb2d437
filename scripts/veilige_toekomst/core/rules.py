"""Every content rule by id: what it holds and how to fix a finding of it.

The one list of rules. A finding with an id that is not here is a programming error
(`Finding` refuses it); CONTRIBUTING.md's table of rules is generated from this list
(`veilige-toekomst rules --check` says whether it is up to date), and the tests hold each rule
to a broken fixture under tests/fixtures/broken/. After the Carpentries' pegboard, which keeps
its rules with an id, a message and a fix next to the validator.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    what: str
    """The rule in one line: what holds when nothing is wrong."""
    fix: str
    """What to do about a finding."""


RULES_LIST = (
    # Reading files
    Rule("project", "the project has a mkdocs.yml", "run the command inside the project folder or pass --root"),
    Rule("config", "mkdocs.yml names the i18n languages and a default", "list the languages under the i18n plugin"),
    Rule(
        "yaml-syntax",
        "every YAML file and front matter can be read",
        "fix the line named; indent with spaces, not tabs",
    ),
    Rule("encoding", "every text file is UTF-8 without a byte-order mark", "save the file as UTF-8 (without BOM)"),
    Rule("duplicate-key", "no key is given twice in one mapping (YAML keeps only the last)", "remove one of them"),
    Rule("yaml-alias", "YAML anchors and aliases stay small and never refer to themselves", "write the values out"),
    Rule("symlink", "no link under docs/ loops or leads nowhere", "remove the link or point it at a file"),
    Rule("page-language", "a page is called name.<language>.md, a language of mkdocs.yml", "rename the file"),
    Rule(
        "front-matter",
        "every page starts with front matter (title, description)",
        "start the file with --- and the keys",
    ),
    Rule("missing-field", "front matter and data files have every key their model needs", "add the key named"),
    Rule(
        "unknown-field",
        "front matter and data files have no unknown keys (a typo is an error)",
        "correct or remove the key",
    ),
    Rule("field", "each value has the type and range its model allows", "correct the value named"),
    # Both languages alike
    Rule(
        "translation-missing",
        "every page, quote, figure, string and pack text exists in every complete language",
        "add the missing language's text or page",
    ),
    Rule("translation-lock", "docs/translations.lock.yml can be read", "repair it, or delete it and run i18n mark"),
    Rule(
        "id-mismatch",
        "a translated pillar or area page has the same id and number",
        "copy id and number from the Dutch page",
    ),
    Rule("needs-count", "a translated pillar page lists as many needs", "translate every need, one for one"),
    Rule(
        "conditions-count",
        "a translated living-area page lists as many conditions",
        "translate every condition, one for one",
    ),
    Rule(
        "protective-factors-count",
        "a translated page lists as many protective factors",
        "translate every factor, one for one",
    ),
    Rule("heading-ids", "a translated page has the same heading ids ({#id})", "keep the ids of the Dutch headings"),
    Rule(
        "plural",
        "an interface string with a count ({n}, {count}) has every plural form its language needs",
        "write it as key_one / key_other (CLDR categories) in docs/strings.yml",
    ),
    Rule(
        "address-form",
        "the Dutch site, its strings and its packs address the reader with je (not u/uw)",
        "write je/jij/jouw; quotations are not checked",
    ),
    Rule(
        "voices-heading",
        "a section headed In de woorden van kinderen / In children's words holds children's quotes only",
        "show a professional's quote elsewhere, saying who speaks",
    ),
    # Ids and references
    Rule(
        "duplicate-id", "ids of quotes, figures, pillars, areas and modules are unique", "give one of them another id"
    ),
    Rule("duplicate-number", "pillar and living-area numbers are unique", "renumber one of them"),
    Rule("unknown-page", "a page id in a data file names an existing page", "correct the page id"),
    Rule("unknown-theme", "a quote's themes are pillar or living-area ids", "use an id from the pillar or area pages"),
    Rule("unknown-group", "a figure's group is listed under groups", "add the group or correct the name"),
    Rule("unknown-quote", "a quote id in a data file names an existing quote", "correct the quote id"),
    Rule("unknown-language", "texts are given only in the site's languages", "remove or correct the language code"),
    # Quotes and figures from the data
    Rule("quote-age", "a child's quote has the age the booklet gives", "add age from the booklet"),
    Rule("quote-not-on-its-page", "a quote stands on the page where the booklet has it", "add <!-- quote ID --> there"),
    Rule("quote-typed", "a quotation is never typed into a page", "use <!-- quote qNN -->"),
    Rule(
        "figure-typed",
        "a percentage is never typed into a page",
        "use <!-- stat ID --> (or end the line with <!-- literal-ok -->)",
    ),
    Rule(
        "unused",
        "every quote and figure is shown on at least one page",
        "add <!-- quote ID --> or <!-- stat ID --> where it belongs",
    ),
    # Markup in pages
    Rule("unclosed-comment", "every <!-- comment --> in a page is closed", "add the closing -->"),
    Rule(
        "raw-script",
        "a page has no <script>, javascript: link or on…= handler (the site runs only its own scripts)",
        "remove it; interactive parts belong in overrides/ as files",
    ),
    # Rendering
    Rule("shortcode", "every <!-- shortcode --> is known and names existing ids", "correct the name or id"),
    Rule("link", "every internal link leads to an existing page or file", "correct the path"),
    Rule("anchor", "every #anchor exists on the page linked to", "correct the anchor or add {#id} to the heading"),
    # Quizzes
    Rule(
        "quiz-question",
        "a quiz block starts with <!-- question: ID single|multiple --> and has text and options",
        "follow the form in docs/quizzes/",
    ),
    Rule(
        "quiz-id", "question ids number the questions in order (<module>-<n>)", "renumber; add new questions at the end"
    ),
    Rule(
        "quiz-correct",
        "single choice has one right option, multiple choice two or more",
        "mark the right options with [x]",
    ),
    Rule(
        "quiz-feedback",
        "every option has feedback that starts with its verdict",
        "add > Klopt./> Niet helemaal. feedback",
    ),
    Rule(
        "quiz-explanation", "every question has an explanation linking to the section that answers it", "add the link"
    ),
    Rule(
        "quiz-module", "a quiz is about a pillar, a living area or a section with an index page", "rename the quiz file"
    ),
    Rule(
        "quiz-parity",
        "a translated quiz asks the same questions with the same right answers",
        "align it with the Dutch quiz",
    ),
    # Training packs
    Rule("packs-texts", "docs/training/packs.yml exists where packs are built", "add the file (see upstream's)"),
    Rule("unknown-module", "a module in packs.yml is context, course or a pillar or area id", "correct the id"),
    Rule("module-missing", "packs.yml has texts for every module", "add the module's texts"),
    Rule("module-title", "only context and course modules have a title", "add or remove title"),
    Rule("module-pages", "only the context module lists its pages", "add or remove pages"),
    Rule("module-texts", "every module has reflection questions and an activity", "add them in every language"),
    Rule("session-activity", "a step of the session plan shows the module's {activity}", "add {activity} to a step"),
    Rule(
        "pack-markdown",
        "a page that goes into a training pack uses only Markdown the packs can print",
        "leave a blank line after an HTML tag with markdown inside; no [TOC]",
    ),
    Rule("prompt-missing", "every quote on a discussion card has a prompt", "add it under quote_prompts"),
    # A fork's own files
    Rule("local-clash", "a local page never takes the place of a page of the project", "rename the local page"),
    Rule(
        "org-file", "the organisation file exists and is a mapping with at least name", "see organisation.example.yml"
    ),
    Rule("org-logo", "the organisation's logo exists and is PNG, JPEG or SVG", "correct the path or the file"),
    Rule(
        "org-colour",
        "the organisation's colours are #rrggbb and reach 4.5:1 against their text",
        "choose a darker colour",
    ),
    Rule(
        "org-site-url",
        "the organisation file's site_url is an absolute http(s) address",
        "give the full address, e.g. https://example.org/veilige-toekomst/",
    ),
    Rule("quick-exit", "the quick-exit target is an absolute https:// address", "give a full https:// address"),
)
RULES = {rule.id: rule for rule in RULES_LIST}
assert len(RULES) == len(RULES_LIST), "a rule id is listed twice"


def table() -> str:
    """CONTRIBUTING.md's table of rules, as Markdown."""
    rows = [f"| `{rule.id}` | {rule.what} | {rule.fix} |" for rule in RULES_LIST]
    return "\n".join(["| Rule id | What it holds | How to fix a finding |", "|---|---|---|", *rows])
