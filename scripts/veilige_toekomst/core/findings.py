"""Content mistakes as `path:line: rule: message` lines a person can act on."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from .rules import RULES


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    rule: str
    message: str

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(f"rule id {self.rule!r} is not in core/rules.py")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.message}"

    def for_ci(self) -> str:
        """GitHub-style annotation, printed as well when CI is set."""
        return f"::error file={self.path},line={self.line}::{self.rule}: {self.message}"


def location_path(loc: Sequence[object]) -> str:
    """A place in a YAML document as people write it: ("quotes", 0, "text") -> "quotes[0].text"."""
    return ".".join(f"[{part}]" if isinstance(part, int) else str(part) for part in loc).replace(".[", "[")


class ContentError(Exception):
    """Raised with every finding at once, so one run shows all mistakes.

    `causes` are findings about files that could not be read (or read only in part); they come first,
    because the findings after them often follow from them (a quotes.yml that does not read makes
    every quote reference unknown). Each group is sorted by path and line; duplicates are dropped.
    """

    def __init__(self, findings: list[Finding], causes: list[Finding] | None = None):
        first = sorted(set(causes or []))
        self.findings = first + sorted(set(findings) - set(first))
        super().__init__("\n".join(str(f) for f in self.findings))

    def report(self) -> str:
        lines = [str(f) for f in self.findings]
        if os.environ.get("CI"):
            lines += [f.for_ci() for f in self.findings]
        return "\n".join(lines)


class Collector:
    """Gathers findings from many checks; raises them together, those of `mark_causes()` first."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.causes: list[Finding] = []

    def mark_causes(self) -> None:
        """Take every finding so far as a possible cause of the later ones (reported first)."""
        self.causes = list(self.findings)

    def add(self, path: str, line: int, rule: str, message: str) -> None:
        self.findings.append(Finding(path, line, rule, message))

    def extend(self, findings: list[Finding]) -> None:
        self.findings.extend(findings)

    def raise_if_any(self) -> None:
        if self.findings:
            raise ContentError(self.findings, self.causes)
