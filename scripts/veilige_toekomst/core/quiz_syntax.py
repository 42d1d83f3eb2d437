"""mkdocs-quiz's own parser for `<quiz>` blocks, without the plugin.

`mkdocs_quiz/__init__.py` imports the MkDocs plugin (and so MkDocs itself); its `parsing` module needs
only `re`. Loading that one file by its path lets the content engine read quizzes exactly as the plugin
does while knowing nothing of MkDocs (the layer contract in pyproject.toml).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_package = importlib.util.find_spec("mkdocs_quiz")  # finds the package without running its __init__
if _package is None or not _package.submodule_search_locations:
    raise ImportError("mkdocs-quiz is not installed (pip install -e .)")
_spec = importlib.util.spec_from_file_location(
    "veilige_toekomst.core._mkdocs_quiz_parsing", Path(next(iter(_package.submodule_search_locations))) / "parsing.py"
)
assert _spec is not None and _spec.loader is not None
_parsing = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_parsing)

CHECKBOX_REGEX = _parsing.CHECKBOX_REGEX
FEEDBACK_REGEX = _parsing.FEEDBACK_REGEX
collect_feedback = _parsing.collect_feedback
find_quizzes = _parsing.find_quizzes
