"""Backup copies of a report file, kept in a `backups` folder beside it.

A copy is made on the first open of each day and before any schema migration, and on
demand (`jixiao backup DB`). Each copy is a consistent snapshot taken with SQLite's backup
API while the file is open, written under a temporary name and renamed into place only when
complete, so a crash mid-copy never leaves a half backup that looks whole. Copies are plain
single-file databases (rollback journal, no -wal/-shm companions): restoring one is copying
it over the report file while jixiao is closed. The newest `KEEP` copies of a file are kept.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

#: The folder, beside the report file, that holds its backups.
FOLDER = "backups"
#: How many copies of one file are kept; older ones are removed after each new copy.
KEEP = 10

_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True, order=True)
class _Copy:
    taken: datetime
    serial: int
    path: Path


def folder_for(path: Path) -> Path:
    """The backups folder of the report file at `path`."""
    return path.parent / FOLDER


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(re.escape(stem) + r"-(\d{8}-\d{6})(?:-(\d+))?\.db")


def _copies(path: Path) -> list[_Copy]:
    folder = folder_for(path)
    if not folder.is_dir():
        return []
    pattern = _pattern(path.stem)
    copies = []
    for entry in folder.iterdir():
        match = pattern.fullmatch(entry.name)
        if not match or not entry.is_file():
            continue
        try:
            taken = datetime.strptime(match[1], _STAMP)
        except ValueError:
            continue
        copies.append(_Copy(taken, int(match[2] or 1), entry))
    return sorted(copies)


def backups_of(path: Path) -> list[Path]:
    """The backup copies of the file at `path`, oldest first."""
    return [copy.path for copy in _copies(path)]


def taken_on(day: date, path: Path) -> bool:
    """Whether a copy of the file at `path` was taken on `day`."""
    return any(copy.taken.date() == day for copy in _copies(path))


def _free_name(folder: Path, stem: str, when: datetime) -> Path:
    """`<stem>-YYYYMMDD-HHMMSS.db`, or with `-2`, `-3` … when a copy was already taken that second."""
    base = f"{stem}-{when.strftime(_STAMP)}"
    target = folder / f"{base}.db"
    serial = 2
    while target.exists():
        target = folder / f"{base}-{serial}.db"
        serial += 1
    return target


def make_backup(conn: sqlite3.Connection, path: Path, *, when: datetime | None = None) -> Path:
    """Copy the open database `conn` (the file at `path`) into its backups folder; return the copy's path.

    Raises OSError or sqlite3.Error when the copy cannot be written (read-only folder, disk
    full); the report file itself is only read.
    """
    folder = folder_for(path)
    folder.mkdir(exist_ok=True)
    target = _free_name(folder, path.stem, when or datetime.now())
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        copy = sqlite3.connect(str(partial), isolation_level=None)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    prune(path)
    return target


def prune(path: Path) -> list[Path]:
    """Remove all but the newest `KEEP` copies of the file at `path`; return what was removed."""
    old = backups_of(path)[:-KEEP]
    for copy in old:
        copy.unlink(missing_ok=True)
    return old


def due(path: Path, *, migrating: bool) -> bool:
    """Whether opening the file at `path` calls for a copy: a migration is pending, or none was taken today."""
    return migrating or not taken_on(date.today(), path)
