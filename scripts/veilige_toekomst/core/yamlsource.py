"""YAML that remembers where each value stands, so errors can name a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .findings import Collector, ContentError, Finding, location_path

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
    """Parse `text` (which starts at `first_line` of `path`) or raise a ContentError."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Location, int] = {}
        if node is None:
            return Located(None, lines, path, first_line)
        _record(node, (), lines, first_line)
        # Built from the same nodes: the text is parsed once, for the values and their lines.
        return Located(loader.construct_document(node), lines, path, first_line)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError([Finding(path, line, "yaml-syntax", f"YAML cannot be read: {problem}")]) from None
    finally:
        loader.dispose()


def _record(node: yaml.Node, loc: Location, lines: dict[Location, int], first_line: int) -> None:
    lines[loc] = first_line + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            _record(value_node, loc + (key,), lines, first_line)
            lines[loc + (key,)] = first_line + key_node.start_mark.line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, loc + (index,), lines, first_line)


def load_file(path_on_disk: str, shown_path: str) -> Located:
    with open(path_on_disk, encoding="utf-8") as handle:
        return load(handle.read(), shown_path)


def model_findings(error: ValidationError, located: Located, collector: Collector) -> None:
    """Each of pydantic's complaints about `located` as a finding on the line of the value concerned."""
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
        collector.add(located.path, located.line_of(loc), rule, f"{location_path(loc) or 'front matter'}: {message}")


def validated(located: Located, model: type[M], collector: Collector) -> M | None:
    """`located`'s data as a `model`; None, with a finding per mistake in `collector`, when it does not fit."""
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        model_findings(exc, located, collector)
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
