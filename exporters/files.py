"""Writing an export to disk without ever leaving a half-written or lost file.

The bytes go to a temporary file in the target's folder, are flushed to disk, and only
then replace the target in one step (`os.replace`). If anything fails — the target is open
in Word (Windows refuses to replace it), the folder is read-only or missing, the disk is
full — the old file is untouched, the temporary file is removed, and an `ExportError`
names the file and says what to do. A database (the report file itself, mistyped as the
export's name) is never replaced.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from store.paths import beside, check_names
from store.refusal import Refusal
from store.repository import is_database


class ExportError(Refusal):
    """An export that could not be written."""


def _reason(error: OSError, path: Path, *, replacing: bool) -> ExportError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError("export.disk_full", path=path)
    if isinstance(error, PermissionError):
        return ExportError("export.in_use" if replacing else "export.folder_readonly", path=path)
    return ExportError("export.cannot_write", path=path, reason=error.strerror or str(error))


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` to `path` all at once; on failure raise ExportError and leave `path` as it was."""
    path = Path(path)
    check_names(path, ExportError)
    if path.is_dir():
        raise ExportError("export.is_folder", path=path)
    if is_database(path):
        raise ExportError("export.is_database", path=path)
    if not path.parent.is_dir():
        raise ExportError("export.no_folder", path=path, folder=path.parent)
    temp = beside(path, f"{secrets.token_hex(4)}.tmp")
    try:
        try:
            with open(temp, "xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise _reason(error, path, replacing=False) from error
        except UnicodeEncodeError as error:
            raise ExportError("export.bad_name", path=path) from error
        try:
            os.replace(temp, path)
        except OSError as error:
            raise _reason(error, path, replacing=True) from error
    finally:
        if temp.exists():
            temp.unlink()
    return path
