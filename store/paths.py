"""What a file system allows in a path that a person typed, checked before anything touches it.

A name part over 255 bytes (ext4, APFS and most others count UTF-8 bytes; NTFS counts 255
UTF-16 units, which a name within 255 bytes never exceeds) makes every file call raise
"File name too long", even `Path.exists()`; a Chinese unit name of 86 characters is enough.
"""

from __future__ import annotations

from pathlib import Path

from store.refusal import Refusal

#: Longest name of one file or folder, in bytes of UTF-8.
MAX_NAME_BYTES = 255


def name_bytes(name: str) -> int:
    """How many bytes `name` takes on disk (UTF-8; characters it cannot encode count as one byte each)."""
    return len(name.encode("utf-8", "surrogateescape"))


def overlong_part(path: Path | str) -> str | None:
    """The first file or folder name of `path` longer than MAX_NAME_BYTES, or None when every one fits."""
    return next((part for part in Path(path).parts if name_bytes(part) > MAX_NAME_BYTES), None)


def check_names(path: Path | str, refusal: type[Refusal] = Refusal) -> None:
    """Refuse (`name_too_long`, as `refusal`) a path with a name part no file system can hold."""
    part = overlong_part(path)
    if part is not None:
        raise refusal("name_too_long", name=part, size=name_bytes(part), limit=MAX_NAME_BYTES)


def beside(path: Path, suffix: str) -> Path:
    """A hidden name in `path`'s folder for writing it whole before swapping it in: `.NAME.SUFFIX`,
    or `.jixiao.SUFFIX` when a name near the limit would make that one too long."""
    temp = path.with_name(f".{path.name}.{suffix}")
    return temp if name_bytes(temp.name) <= MAX_NAME_BYTES else path.with_name(f".jixiao.{suffix}")
