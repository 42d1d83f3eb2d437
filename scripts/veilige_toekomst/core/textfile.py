"""Text files from outside (typed in Word, saved on Windows, copied from a mail): read as UTF-8 or say why not."""

from __future__ import annotations

from pathlib import Path

from .findings import ContentError, Finding

BOM = b"\xef\xbb\xbf"


def read_utf8(path: Path, shown: str) -> str:
    """The text of `path`, which must be UTF-8 without a byte-order mark.

    Raises ContentError with one `encoding` finding naming `shown`, the line and the byte offset
    (counted from 0) of the first byte that is not UTF-8, or the BOM; OSError when it cannot be read.
    """
    data = path.read_bytes()
    if data.startswith(BOM):
        raise ContentError(
            [
                Finding(
                    shown,
                    1,
                    "encoding",
                    "the file starts with a byte-order mark (byte offset 0); save it as UTF-8 without BOM",
                )
            ]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ContentError(
            [
                Finding(
                    shown,
                    line,
                    "encoding",
                    f"not UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start} "
                    "(perhaps Latin-1 or Windows-1252); save the file as UTF-8",
                )
            ]
        ) from None
