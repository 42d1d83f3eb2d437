"""The organisation a print is made for: its name and logo on the cover (training packs, reports).

An organisation file is YAML, e.g.

    name: Stichting Voorbeeld Opvang
    logo: logo.png        # optional; relative to the file's own folder

Unknown keys are mistakes (a typo should not silently disappear from the cover).
Without a file, prints carry the project's own name.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import yamlsource
from .findings import Collector, ContentError, Finding
from .pages import pydantic_findings

PROJECT_NAME = "Veilige Toekomst"
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg")


class Organisation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=120)
    logo: Path | None = None
    """Absolute path once loaded."""


DEFAULT = Organisation(name=PROJECT_NAME)


def load_organisation(path: Path) -> Organisation:
    """Read and check an organisation file; raise ContentError naming file, line and problem."""
    shown = str(path)
    if not path.is_file():
        raise ContentError([Finding(shown, 1, "org-file", "organisation file not found")])
    located = yamlsource.load_file(str(path), shown)
    if not isinstance(located.data, dict):
        raise ContentError([Finding(shown, 1, "org-file", "an organisation file is a mapping with at least 'name'")])
    collector = Collector()
    try:
        org = Organisation.model_validate(located.data)
    except ValidationError as exc:
        pydantic_findings(exc, located, collector)
        collector.raise_if_any()
        raise  # pragma: no cover - pydantic always reports at least one error
    if org.logo is None:
        return org
    logo = (path.parent / org.logo).resolve()
    line = located.line_of(("logo",))
    if not logo.is_file():
        collector.add(shown, line, "org-logo", f"logo '{org.logo}' not found (looked for {logo})")
    elif logo.suffix.lower() not in LOGO_TYPES:
        collector.add(shown, line, "org-logo", f"logo must be one of {', '.join(LOGO_TYPES)}, got '{logo.suffix}'")
    collector.raise_if_any()
    return org.model_copy(update={"logo": logo})
