"""Writing files so that nobody ever sees half of one."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` in one step: a temporary file with a unique name in the same folder,
    flushed, then renamed over the target (POSIX rename is atomic within a file system).

    A failed or interrupted write removes its temporary file and leaves any earlier `path` as it was.
    Raises OSError (e.g. the folder is read-only or full); `path` that exists and is not a regular file
    (a folder, a device, a pipe) is refused with an OSError saying so before anything is written.
    """
    if path.exists() and not path.is_file():
        raise OSError(
            errno.EISDIR if path.is_dir() else errno.EINVAL, "not a regular file; give a file name", str(path)
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
