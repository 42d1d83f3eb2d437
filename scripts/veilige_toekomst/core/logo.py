"""A logo from outside (the communications department's file) checked for what it is before it is published.

The site serves the logo from its own origin, where the self-assessment keeps its answers: opening an
SVG's own address runs any script in it. So a logo must lie inside the project, be a real PNG, JPEG or
SVG (by its first bytes, not its name), and an SVG must be a drawing only. SVGs are parsed with
defusedxml (maintained for exactly this: XML from untrusted sources, with entity expansion, external
entities and DTDs refused, so a "billion laughs" file cannot exhaust memory) and refused, not
rewritten, when they carry scripts, event handlers, foreignObject or references outside the file:
a silently changed logo could look wrong on every cover, a refusal names what to remove.
"""

from __future__ import annotations

import re
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

SVG_NS = "{http://www.w3.org/2000/svg}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
MAX_BYTES = 5 * 1024 * 1024
"""A logo larger than 5 MB is a mistake (a print-quality photo), and slows every page."""
FORBIDDEN_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
EXTERNAL_URL = re.compile(r"url\(\s*['\"]?(?!#)|@import", re.I)


def logo_problem(logo: Path, root: Path) -> str | None:
    """Why `logo` cannot be published (one line, naming the reason), or None when it can.

    `logo` must be an existing file; `root` is the project folder it must lie in (after following links). The type is read from
    the first bytes: PNG, JPEG or SVG (XML whose root element is <svg>), whatever the name says.
    """
    if not logo.resolve().is_relative_to(root.resolve()):
        return f"the logo must lie inside the project folder ({root}), not at {logo}"
    data = logo.read_bytes()
    if len(data) > MAX_BYTES:
        return f"the logo is {len(data) // 1024 // 1024} MB; use a file under {MAX_BYTES // 1024 // 1024} MB"
    if data.startswith(PNG_MAGIC) or data.startswith(JPEG_MAGIC):
        return None
    return _svg_problem(data)


def _svg_problem(data: bytes) -> str | None:
    try:
        tree = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return "the logo's SVG declares a DTD or entities; save it as plain SVG"
    except (ParseError, ValueError):  # not XML, or bytes that do not decode
        return "the logo is not a PNG, JPEG or SVG file (judged by its content, not its name)"
    if tree.tag != f"{SVG_NS}svg":
        return "the logo is not a PNG, JPEG or SVG file (its XML has no <svg> root in the SVG namespace)"
    for element in tree.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name in FORBIDDEN_ELEMENTS:
            return f"the logo's SVG contains <{name}>; a logo may only draw (remove it)"
        if name == "style" and EXTERNAL_URL.search(element.text or ""):
            return "the logo's SVG style loads something from outside the file; a logo may only draw"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                return f"the logo's SVG has an event handler ({local}=) on <{name}>; a logo may only draw"
            if local == "href" and not value.strip().startswith("#"):
                return f"the logo's SVG refers outside the file (href on <{name}>); a logo may only draw"
            if EXTERNAL_URL.search(value):
                return f"the logo's SVG loads something from outside the file ({local} on <{name}>)"
    return None
