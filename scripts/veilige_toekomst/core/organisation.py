"""The organisation that runs a copy of the site: its name, logo, colours, local contacts and choices.

The site, the training packs and the scan reports use it. organisation.example.yml explains every key;
a fork copies it to organisation.yml (which mkdocs.yml's `extra.organisation` names; upstream never
ships that file, so a fork's own file never conflicts when it takes in updates). The smallest file is

    name: Stichting Voorbeeld Opvang
    logo: logo.png        # optional; relative to the file's own folder

Unknown keys are mistakes (a typo should not silently disappear from the cover).
Without a file, the site and prints carry the project's own name, logo and colours.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from pydantic import Field, model_validator

from . import colours, yamlsource
from .findings import Collector, ContentError, Finding
from .logo import logo_problem
from .models import Strict
from .texts import Text, missing_languages

PROJECT_NAME = "Veilige Toekomst"
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg")
LOGO_MIN_HEIGHT = 64
"""Pixels: the header shows the logo 32 px high (1.6rem), twice that is sharp on phones and hi-dpi screens."""
LOGO_MIN_DARK_SHARE = 0.02
"""The header shows the logo on a white chip: at least this share of its visible pixels must stand out."""
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{4,}[0-9]$")
"""What can be dialled; anything else (e.g. "(your number)") is shown as plain text."""

HTTPS_URL = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/\S*)?$")
SITE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d+)?(/[^\s?#]*)?$")


class Colours(Strict):
    primary: str | None = None
    """Header, buttons and links; white text must be readable on it."""
    accent: str | None = None
    """A link under the pointer, warning buttons, the edge of a quotation."""


class Contact(Strict):
    label: Text
    phone: str | None = None
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    note: Text | None = None
    """E.g. when the line is open."""

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.phone or self.email or self.url):
            raise ValueError("a contact needs a phone, email or url")
        return self

    @property
    def dialable(self) -> bool:
        return bool(self.phone and PHONE.match(self.phone))


class Sections(Strict):
    """Optional parts of the site; false takes a part out of the menu (its pages stay reachable by link)."""

    training: bool = True
    self_assessment: bool = True
    quizzes: bool = True


SECTION_FOLDERS = {"training": "training/", "self_assessment": "self-assessment/", "quizzes": "quizzes/"}


class Organisation(Strict):
    name: str = Field(min_length=1, max_length=120)
    logo: Path | None = None
    """Absolute path once loaded."""
    colours: Colours = Colours()
    """Checked colours in #rrggbb form once loaded."""
    contacts: list[Contact] = []
    quick_exit: str | None = None
    """Where the quick-exit button goes instead of mkdocs.yml's extra.quick_exit."""
    single_entry_visit: bool | None = None
    """True: links inside the site replace the history entry (one entry per visit); None: mkdocs.yml decides."""
    sections: Sections = Sections()
    site_url: str | None = None
    """The site's public address (e.g. https://kennis.example.org/veilige-toekomst/); SITE_URL in the
    environment of the build wins over it."""

    def hidden_folders(self) -> list[str]:
        return [folder for key, folder in SECTION_FOLDERS.items() if not getattr(self.sections, key)]


DEFAULT = Organisation(name=PROJECT_NAME)


def quick_exit_problem(url: object) -> str | None:
    """Why `url` cannot be the quick-exit target (it must be an absolute https address), or None."""
    if isinstance(url, str) and HTTPS_URL.match(url):
        return None
    return f"the quick-exit target must be an absolute https:// address, not {url!r}"


def site_url_problem(url: object) -> str | None:
    """Why `url` cannot be the site's public address (an absolute http(s) address, no query), or None."""
    if isinstance(url, str) and SITE_URL.match(url):
        return None
    return f"the site's address must be an absolute address such as https://example.org/veilige-toekomst/, not {url!r}"


def load_organisation(
    path: Path, *, shown: str | None = None, languages: tuple[str, ...] = (), root: Path | None = None
) -> Organisation:
    """Read and check an organisation file; raise ContentError naming file, line and problem.

    `languages` are the languages every text per language must have (the project's complete ones);
    `root` is the project folder the logo must lie in (default: the file's own folder).
    """
    shown = shown or str(path)
    if not path.is_file():
        raise ContentError([Finding(shown, 1, "org-file", "organisation file not found")])
    located = yamlsource.load_file(str(path), shown)
    if not isinstance(located.data, dict):
        raise ContentError([Finding(shown, 1, "org-file", "an organisation file is a mapping with at least 'name'")])
    # Every check on the file as written, so one run shows every mistake, typos and colours alike.
    data, collector = located.data, Collector()
    checked = {
        "colours": _check_colours(data, located, collector),
        "logo": _check_logo(data, path, root or path.parent, located, collector),
    }
    _check_texts(data, languages, located, collector)
    _check_quick_exit(data, located, collector)
    _check_site_url(data, located, collector)
    org = yamlsource.validated(located, Organisation, collector)
    collector.raise_if_any()
    assert org is not None
    return org.model_copy(update=checked)


def _check_colours(data: dict, located: yamlsource.Located, collector: Collector) -> Colours:
    given = data.get("colours")
    parsed: dict[str, str] = {}
    for role in ("primary", "accent"):
        if not isinstance(given, dict) or role not in given:
            continue
        line = located.line_of(("colours", role))
        if given[role] is None:
            collector.add(
                located.path,
                line,
                "org-colour",
                f"{role}: no colour given; put it in quotes, e.g. "
                f'{role}: "#1f5c57" (without quotes a # starts a comment)',
            )
            continue
        try:
            parsed[role] = colours.parse(given[role])
        except ValueError as exc:
            collector.add(located.path, line, "org-colour", f"{role}: {exc}")
    for role, message in colours.contrast_problems(parsed).items():
        collector.add(located.path, located.line_of(("colours", role)), "org-colour", message)
    return Colours(**parsed)


def _check_logo(data: dict, path: Path, root: Path, located: yamlsource.Located, collector: Collector) -> Path | None:
    given = data.get("logo")
    if not isinstance(given, str):
        return None
    logo = (path.parent / given).resolve()
    line = located.line_of(("logo",))
    if not logo.is_file():
        collector.add(located.path, line, "org-logo", f"logo '{given}' not found (looked for {logo})")
    elif logo.suffix.lower() not in LOGO_TYPES:
        collector.add(
            located.path, line, "org-logo", f"logo must be one of {', '.join(LOGO_TYPES)}, got '{logo.suffix}'"
        )
    elif problem := logo_problem(logo, root):
        collector.add(located.path, line, "org-logo", problem)
    elif logo.suffix.lower() != ".svg" and (problem := raster_logo_problem(logo, given)):
        collector.add(located.path, line, "org-logo", problem)  # a drawing scales to any size
    return logo


def raster_logo_problem(logo: Path, shown: str) -> str | None:
    """Why a PNG or JPEG logo would not read in the header (too small, or nearly all light on the white
    chip it sits on), or None. Pixels with alpha under 128 count as background."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(logo) as image:
            width, height = image.size
            rgba = image.convert("RGBA").resize((min(width, 200), min(height, 200)))
    except (OSError, UnidentifiedImageError):
        return f"logo '{shown}' cannot be read as an image"
    if height < LOGO_MIN_HEIGHT:
        return (
            f"logo '{shown}' is {width}×{height} px; the header shows it 32 px high, so it would look blurred: "
            f"use one at least {LOGO_MIN_HEIGHT} px high, or an .svg"
        )
    data = rgba.tobytes()  # r, g, b, a, r, g, b, a, …
    visible = Counter(tuple(data[i : i + 3]) for i in range(0, len(data), 4) if data[i + 3] >= 128)
    dark = sum(n for (r, g, b), n in visible.items() if colours.contrast(f"#{r:02x}{g:02x}{b:02x}", colours.WHITE) >= 3)
    if not visible or dark / visible.total() < LOGO_MIN_DARK_SHARE:
        return (
            f"logo '{shown}' is (almost) all light: the header shows it on a white chip, where it would not be "
            "seen; use the version of the logo with dark lettering"
        )
    return None


def _check_texts(data: dict, languages: tuple[str, ...], located: yamlsource.Located, collector: Collector) -> None:
    contacts = data.get("contacts")
    for index, contact in enumerate(contacts if isinstance(contacts, list) else []):
        for key in ("label", "note"):
            text = contact.get(key) if isinstance(contact, dict) else None
            for lang in missing_languages(text if isinstance(text, (str, dict)) else None, languages):
                collector.add(
                    located.path,
                    located.line_of(("contacts", index, key)),
                    "translation-missing",
                    f"contacts[{index}].{key} has no {lang} text (or give one text for all languages)",
                )


def _check_quick_exit(data: dict, located: yamlsource.Located, collector: Collector) -> None:
    problem = quick_exit_problem(data["quick_exit"]) if data.get("quick_exit") is not None else None
    if problem:
        collector.add(located.path, located.line_of(("quick_exit",)), "quick-exit", problem)


def _check_site_url(data: dict, located: yamlsource.Located, collector: Collector) -> None:
    problem = site_url_problem(data["site_url"]) if data.get("site_url") is not None else None
    if problem:
        collector.add(located.path, located.line_of(("site_url",)), "org-site-url", problem)
