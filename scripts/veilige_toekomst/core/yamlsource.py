"""YAML that remembers where each value stands, so errors can name a line."""

from __future__ import annotations

import contextlib
import difflib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .findings import Collector, ContentError, Finding, location_path
from .textfile import read_utf8

Location = tuple[Any, ...]
M = TypeVar("M", bound=BaseModel)


_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: much faster


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """Safe loader that reads unknown tags (mkdocs.yml's `!!python/name:`) as plain values."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    assert isinstance(node, yaml.MappingNode)
    return loader.construct_mapping(node)


_Loader.add_multi_constructor("!", _unknown_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


class Located:
    """A parsed YAML document and the line of every key and item in it."""

    def __init__(self, data: Any, lines: dict[Location, int], path: str, first_line: int):
        self.data = data
        self.lines = lines
        self.path = path
        self.first_line = first_line

    def line_of(self, loc: Location) -> int:
        """The line of `loc`, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.first_line


def load(text: str, path: str, first_line: int = 1) -> Located:
    """Parse `text` (which starts at `first_line` of `path`) strictly, or raise a ContentError.

    Strict: a key given twice in one mapping is a `duplicate-key` finding naming both lines (YAML
    would keep the last silently); aliases (`*name`) are limited, a `yaml-alias` finding when the
    document refers to itself, nests deeper than MAX_DEPTH or expands to more than MAX_VALUES values
    (nested aliases can otherwise blow up to billions of values).
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Location, int] = {}
        if node is None:
            return Located(None, lines, path, first_line)
        problems: list[Finding] = []
        with contextlib.suppress(_TooBig):  # its finding is in `problems`
            _record(node, (), lines, _Walk(path, first_line, problems))
        if problems:
            raise ContentError(problems)
        # Built from the same nodes: the text is parsed once, for the values and their lines.
        return Located(loader.construct_document(node), lines, path, first_line)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        text_lines = text.splitlines()
        shown = text_lines[mark.line] if mark and mark.line < len(text_lines) else ""
        raise ContentError(
            [Finding(path, line, "yaml-syntax", f"YAML cannot be read: {plain_problem(problem, shown)}")]
        ) from None
    finally:
        loader.dispose()


TAB = "a tab is used to indent this line; YAML indents with spaces only"
PLAIN_PROBLEMS = (
    ("could not find expected ':'", "a line has no colon; write each setting as `key: value`"),
    (
        "mapping values are not allowed here",
        "a colon where none can stand; put the value in quotes, or check the indenting above",
    ),
    ("expected <block end>", "a line is indented differently from the one before, or has no colon (`key: value`)"),
)
"""libyaml's words for the usual slips -> what to do about them."""


def plain_problem(problem: str, line: str = "") -> str:
    """YAML's own message in plain words when it is a usual slip (a tab in `line`, the line it stopped
    at; a missing colon); else as it is."""
    if "\t" in line[: len(line) - len(line.lstrip())] or "'\\t'" in problem:
        return f"{TAB} ({problem})"
    for start, plain in PLAIN_PROBLEMS:
        if problem.startswith(start):
            return f"{plain} ({problem})"
    return problem


MAX_VALUES = 200_000
"""Values a document may hold once its aliases are expanded (the project's largest has about 10,000)."""
MAX_DEPTH = 60
"""Nesting a document may have (the project's deepest has about 6 levels)."""


class _TooBig(Exception):
    pass


@dataclass
class _Walk:
    path: str
    first_line: int
    problems: list[Finding]
    open: set[int] = field(default_factory=set)
    """Ids of the nodes being walked: one met again inside itself is an alias to itself."""
    values: int = 0


def _record(node: yaml.Node, loc: Location, lines: dict[Location, int], walk: _Walk) -> None:
    line = walk.first_line + node.start_mark.line
    walk.values += 1
    if walk.values > MAX_VALUES or len(loc) > MAX_DEPTH or id(node) in walk.open:
        what = "refers to itself" if id(node) in walk.open else "nests too deep or expands to too many values"
        walk.problems.append(Finding(walk.path, line, "yaml-alias", f"this document {what} (aliases *name?)"))
        raise _TooBig
    lines[loc] = line
    walk.open.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first_seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            key_line = walk.first_line + key_node.start_mark.line
            if isinstance(key, str) and key in first_seen:
                walk.problems.append(
                    Finding(
                        walk.path,
                        key_line,
                        "duplicate-key",
                        f"'{key}' is given twice, on lines {first_seen[key]} and {key_line}; keep one",
                    )
                )
                continue
            if isinstance(key, str):
                first_seen[key] = key_line
            _record(value_node, loc + (key,), lines, walk)
            lines[loc + (key,)] = key_line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, loc + (index,), lines, walk)
    walk.open.discard(id(node))


def load_file(path_on_disk: str, shown_path: str) -> Located:
    """Read a UTF-8 YAML file strictly (see `load` and `textfile.read_utf8`); raise ContentError."""
    return load(read_utf8(Path(path_on_disk), shown_path), shown_path)


def _model_at(model: type[BaseModel], loc: Location) -> type[BaseModel] | None:
    """The model that holds the value at `loc` (keys and list indexes) inside `model`, or None."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        field = current.model_fields.get(step) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if field is None:
            return None
        current = _first_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _first_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def unknown_key_message(model: type[BaseModel], loc: Location) -> str:
    """'not a known key; did you mean 'colours'?' for the key at `loc`, from the keys `model` allows there."""
    key = str(loc[-1])
    holder = _model_at(model, loc[:-1])
    known = list(holder.model_fields) if holder else []
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else (f"; known keys: {', '.join(known)}" if known else "")
    return f"not a known key{hint}"


def model_findings(
    error: ValidationError, located: Located, collector: Collector, model: type[BaseModel] | None = None
) -> None:
    """Each of pydantic's complaints about `located` as a finding on the line of the value concerned;
    an unknown key suggests the nearest known one of `model` ("did you mean 'colours'?")."""
    for item in error.errors():
        loc = tuple(item["loc"])
        rule = (
            "missing-field"
            if item["type"] == "missing"
            else "unknown-field"
            if item["type"] == "extra_forbidden"
            else "field"
        )
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden" and model is not None:
            message = unknown_key_message(model, loc)
        collector.add(located.path, located.line_of(loc), rule, f"{location_path(loc) or 'front matter'}: {message}")


def validated(located: Located, model: type[M], collector: Collector) -> M | None:
    """`located`'s data as a `model`; None, with a finding per mistake in `collector`, when it does not fit."""
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        model_findings(exc, located, collector, model)
        return None


def load_model(path: Path, shown: str, model: type[M], collector: Collector) -> tuple[M | None, Located | None]:
    """Read a YAML file into a typed `model`: (model, located document) when it fits.

    A YAML mistake gives (None, None), a model mistake (None, located); both leave their findings
    (`path:line: rule: message`) in `collector` rather than raising.
    """
    try:
        located = load_file(str(path), shown)
    except ContentError as exc:
        collector.extend(exc.findings)
        return None, None
    return validated(located, model, collector), located
