"""What the PowerPoint and Word files share: document properties and reproducible bytes.

python-pptx and python-docx write an Office Open XML zip with the time of writing on every member
and in the document properties. `reproducible` rewrites the zip with one fixed member date and
`stamp_properties` writes the build date (SOURCE_DATE_EPOCH, else the sources' date), so the same
inputs give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip can hold; every member gets it."""
EPOCH = datetime(1980, 1, 1, tzinfo=UTC)
"""The document date when neither SOURCE_DATE_EPOCH nor a source date is known: fixed, never 'now'."""


def stamp_properties(properties, title: str, author: str, lang: str, created: datetime | None) -> None:
    """Set the core properties (docProps/core.xml) of a python-pptx or python-docx document."""
    when = (created or EPOCH).astimezone(UTC).replace(tzinfo=None)
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.language = lang
    properties.created = properties.modified = when
    properties.last_printed = when
    properties.revision = 1
    properties.comments = "Veilige Toekomst"


def reproducible(data: bytes) -> bytes:
    """The same zip with every member dated ZIP_DATE, in the same order and compression: same content, same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member))
    return out.getvalue()
