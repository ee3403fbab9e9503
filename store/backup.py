"""Backup copies of a report file, kept in a `backups` folder beside it, and restoring one.

A copy is made on the first open of each day and before any schema migration, and on
demand (`jixiao backup DB`). Each copy is a consistent snapshot taken with SQLite's backup
API while the file is open, written under a temporary name, checked with
`PRAGMA integrity_check`, and renamed into place only when complete and sound: a crash
mid-copy never leaves a half backup that looks whole, and a damaged file never yields a
"good" copy that pushes the last good one out. Copies are plain single-file databases
(rollback journal, no -wal/-shm companions), named `<stem>-YYYYMMDD-HHMMSS[-N].db`.

Why integrity_check rather than quick_check: a report file is small (typically under 1 MB,
a few milliseconds either way), and integrity_check also finds indexes that disagree with
their tables, which quick_check passes over. It runs once per copy, not on every open.

A copy found damaged is not kept as a backup (the file it came from is still there), except
the copy `restore` takes of the file it is about to overwrite: that one may be the only trace
of what the file held, so it is kept as `<stem>-YYYYMMDD-HHMMSS[-N].damaged.db`, apart from
the good copies. The newest `KEEP` copies of each kind are kept; pruning never removes the
copy just made, nor the one being restored.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

#: The folder, beside the report file, that holds its backups.
FOLDER = "backups"
#: How many copies of one file are kept (good ones, and apart from them damaged ones set aside).
KEEP = 10
#: What marks a copy found damaged (`<stem>-…-N.damaged.db`): never counted as a backup to restore.
DAMAGED_MARK = ".damaged"

_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True, order=True)
class Copy:
    """One copy in the backups folder: when it was taken, its serial within that second, its path."""

    taken: datetime
    serial: int
    path: Path
    #: Whether the copy was found damaged when taken (named `….damaged.db`).
    marked_damaged: bool = False


@dataclass(frozen=True)
class Restored:
    """What `restore` did: the copy restored, and the copy it kept of the file it overwrote."""

    source: Path
    target: Path
    #: The copy of the file as it was before (None when there was no file).
    set_aside: Path | None
    #: Whether that copy passed its check (False: the file was damaged, the copy is marked so).
    set_aside_good: bool


def folder_for(path: Path) -> Path:
    """The backups folder of the report file at `path`."""
    return path.parent / FOLDER


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(re.escape(stem) + r"-(\d{8}-\d{6})(?:-(\d+))?(" + re.escape(DAMAGED_MARK) + r")?\.db")


def copies(path: Path) -> list[Copy]:
    """Every copy of the file at `path` in its backups folder, good and marked damaged, oldest first."""
    folder = folder_for(path)
    if not folder.is_dir():
        return []
    pattern = _pattern(path.stem)
    found = []
    for entry in folder.iterdir():
        match = pattern.fullmatch(entry.name)
        if not match or not entry.is_file():
            continue
        try:
            taken = datetime.strptime(match[1], _STAMP)
        except ValueError:
            continue
        found.append(Copy(taken, int(match[2] or 1), entry, bool(match[3])))
    return sorted(found)


def backups_of(path: Path) -> list[Path]:
    """The backup copies of the file at `path` (not those marked damaged), oldest first."""
    return [copy.path for copy in copies(path) if not copy.marked_damaged]


def taken_on(day: date, path: Path) -> bool:
    """Whether a good copy of the file at `path` was taken on `day`."""
    return any(copy.taken.date() == day for copy in copies(path) if not copy.marked_damaged)


def is_sound(path: Path) -> bool:
    """Whether the SQLite file at `path` passes `PRAGMA integrity_check` (read-only; False if unreadable)."""
    try:
        conn = _read_only(path)
    except sqlite3.Error:
        return False
    try:
        return _passes_check(conn)
    finally:
        conn.close()


def _passes_check(conn: sqlite3.Connection) -> bool:
    """Whether the database open on `conn` passes `PRAGMA integrity_check` (False if it cannot be read)."""
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False


def newest_good(path: Path) -> Path | None:
    """The newest backup of the file at `path` that passes its check now; None if there is none."""
    for copy in reversed(backups_of(path)):
        if is_sound(copy):
            return copy
    return None


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to the copy at `path` (a `mode=ro` URI, so nothing is made beside it)."""
    from store.repository import _sqlite_uri

    return sqlite3.connect(f"{_sqlite_uri(path.resolve())}?mode=ro", uri=True, isolation_level=None)


def _free_name(path: Path, when: datetime, *, damaged: bool = False) -> Path:
    """`<stem>-YYYYMMDD-HHMMSS[-N].db` for a copy of `path` taken at `when`, sorting after every copy of that second.

    N is one more than the highest serial of that second among the copies still there, so a
    name that pruning freed is never taken again by a newer copy (which would then sort as the
    oldest and be pruned at once).
    """
    stamp = when.strftime(_STAMP)
    taken = datetime.strptime(stamp, _STAMP)
    serial = 1 + max((copy.serial for copy in copies(path) if copy.taken == taken), default=0)
    folder, stem = folder_for(path), path.stem
    mark = DAMAGED_MARK if damaged else ""
    while True:
        target = folder / (f"{stem}-{stamp}{mark}.db" if serial == 1 else f"{stem}-{stamp}-{serial}{mark}.db")
        if not target.exists():
            return target
        serial += 1


def _snapshot(conn: sqlite3.Connection, path: Path, when: datetime | None, *, keep_damaged: bool) -> tuple[Path, bool]:
    """Copy the open database `conn` (the file at `path`) into its backups folder and check the copy.

    Returns the copy's path and whether it passed `integrity_check`. A copy that fails is
    deleted, or with `keep_damaged` kept under a `….damaged.db` name (and its path returned).
    Raises OSError or sqlite3.Error when the copy cannot be written.
    """
    folder = folder_for(path)
    folder.mkdir(exist_ok=True)
    when = when or datetime.now()
    partial = folder / f".{path.stem}-{when.strftime(_STAMP)}-{os.getpid()}.db.partial"
    partial.unlink(missing_ok=True)
    try:
        copy = sqlite3.connect(str(partial), isolation_level=None)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            sound = _passes_check(copy)
        finally:
            copy.close()
        if not sound and not keep_damaged:
            partial.unlink()
            return partial, False
        target = _free_name(path, when, damaged=not sound)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target, sound


def make_backup(conn: sqlite3.Connection, path: Path, *, when: datetime | None = None) -> Path:
    """Copy the open database `conn` (the file at `path`) into its backups folder; return the copy's path.

    The copy counts only if it passes `integrity_check`; then older copies beyond `KEEP` are
    removed. A copy that fails is deleted and a StoreError raised: "damaged" (naming the newest
    good backup) when the file itself is damaged, else "backup_failed". Raises OSError or
    sqlite3.Error when the copy cannot be written (read-only folder, disk full); the report
    file itself is only read.
    """
    target, sound = _snapshot(conn, path, when, keep_damaged=False)
    if not sound:
        from store.repository import DamagedError, StoreError

        if not _passes_check(conn):
            raise DamagedError(path)
        raise StoreError("backup_unsound", path=path)
    prune(path, keep=(target,))
    return target


def prune(path: Path, *, keep: tuple[Path, ...] = ()) -> list[Path]:
    """Remove all but the newest `KEEP` good copies, and of the damaged ones, of the file at `path`.

    Nothing in `keep` is removed (the copy just made, the one being restored), even if the clock
    went back and it sorts among the oldest. Returns what was removed.
    """
    kept = {p.resolve() for p in keep}
    found = copies(path)
    old = [
        copy.path
        for damaged in (False, True)
        for copy in [copy for copy in found if copy.marked_damaged == damaged][:-KEEP]
        if copy.path.resolve() not in kept
    ]
    for copy in old:
        copy.unlink(missing_ok=True)
    return old


def due(path: Path, *, migrating: bool) -> bool:
    """Whether opening the file at `path` calls for a copy: a migration is pending, or none was taken today."""
    return migrating or not taken_on(date.today(), path)


def numbered(path: Path) -> list[Copy]:
    """Every copy of the file at `path`, newest first: `jixiao backup DB --list` numbers them from 1."""
    return list(reversed(copies(path)))


def restore(source: Path, path: Path, *, when: datetime | None = None) -> Restored:
    """Write the backup `source` into the report file `path`, first keeping a copy of what `path` holds.

    The content goes in through SQLite's backup API, under an exclusive lock taken with no
    wait, never by copying bytes over a file SQLite may have open (on POSIX, closing any
    descriptor of a file drops every lock this process holds on it). The copy of the file as
    it was is checked like any backup and kept, marked `.damaged` if it fails, so a restore
    can be undone with `restore` again. Refuses (StoreError), leaving `path` untouched: a
    `source` that is missing, not a jixiao file, or fails `integrity_check`; a `path` open in
    another jixiao (in WAL mode, as jixiao keeps its files, any open connection holds a lock
    that refuses ours); a `path` SQLite cannot read at all.
    """
    from store.repository import DamagedError, StoreError

    if not source.is_file():
        raise StoreError("no_such_file", path=source)
    if not is_sound(source):
        raise DamagedError(path, "restore_damaged", backup=source)
    if not _is_report_file(source):
        raise StoreError("foreign_db", path=source)
    if path.exists() and path.resolve() == source.resolve():
        raise StoreError("restore_same", path=path)
    if not path.exists():
        if not path.parent.is_dir():
            raise StoreError("no_such_folder", path=path.parent)
        target = sqlite3.connect(str(path), isolation_level=None)
        try:
            _write_into(source, target)
        finally:
            target.close()
        return Restored(source, path, None, True)
    target = _lock(path)
    try:
        try:
            aside, good = _snapshot(target, path, when, keep_damaged=True)
        except OSError as error:
            raise StoreError("backup_failed", path=folder_for(path), reason=error) from None
        except sqlite3.DatabaseError:
            raise StoreError("restore_unreadable", path=path) from None
        _write_into(source, target)
    finally:
        target.close()
    prune(path, keep=(aside, source))
    return Restored(source, path, aside, good)


def _is_report_file(path: Path) -> bool:
    """Whether the (sound) SQLite file at `path` is a jixiao report file with reports in it (schema.is_jixiao)."""
    from store import schema

    conn = _read_only(path)
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return schema.is_jixiao(conn) and "reports" in names
    finally:
        conn.close()


def _write_into(source: Path, target: sqlite3.Connection) -> None:
    """Replace the whole database on `target` with the file at `source`, page by page, through SQLite."""
    conn = _read_only(source)
    try:
        conn.backup(target)
    finally:
        conn.close()


def _lock(path: Path) -> sqlite3.Connection:
    """A connection to `path` holding its exclusive lock until closed; StoreError if another has it open.

    No waiting (busy_timeout 0). `locking_mode = EXCLUSIVE` keeps the lock after the
    transaction that took it; leaving WAL for a rollback journal needs every other connection
    gone, so a jixiao that has the file open (always in WAL mode on a local disk) makes this fail.
    """
    from store.repository import StoreError

    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("PRAGMA journal_mode = DELETE").fetchall()
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlite3.OperationalError as error:
        conn.close()
        name = getattr(error, "sqlite_errorname", "")
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(error):
            raise StoreError("restore_in_use", path=path) from None
        raise StoreError("restore_unreadable", path=path) from None
    except sqlite3.DatabaseError:
        conn.close()
        raise StoreError("restore_unreadable", path=path) from None
    return conn
