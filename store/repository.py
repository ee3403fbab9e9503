"""The report file: open it safely, load a report, and change one field or list item at a time.

Every change is committed before the call returns (this is the app's autosave) and bumps
the report's `revision`, so a second copy of the app can tell that the file moved on. A
file that is not SQLite, not jixiao's, or from a newer jixiao is refused before anything is
written to it.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, TypeVar

from store import backup as backups
from store import fields, schema, scores
from store.catalogue import message
from store.model import (
    DEFAULT_OUTLINE,
    ECON_LISTS,
    FIGURE_KEYS,
    SCALAR_FIELDS,
    TEXT_KEYS,
    TEXT_LISTS,
    TITLED_LISTS,
    Body,
    EconLine,
    Indicator,
    OrgGroup,
    Report,
    SanGongItem,
    Source,
    StaffLine,
    TitledItem,
)
from store.refusal import Refusal
from store.scoring import IndicatorDef, System, check_manual_score

if TYPE_CHECKING:
    from sqlite_utils import Database

_T = TypeVar("_T")

#: The first bytes of every SQLite file: how an input file is told to be a database, not text.
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
#: `UPDATE … RETURNING` (one statement checks and bumps the revision) came with SQLite 3.35.
HAS_RETURNING = sqlite3.sqlite_version_info >= (3, 35, 0)


#: The list tables whose rows carry a `copied` mark (schema m003_copied), besides `texts`.
_MARKED_TABLES = ("list_items", "titled_items")


class StoreError(Refusal):
    """The file or the change cannot be used."""


class DamagedError(StoreError):
    """The file (or a backup) is damaged; the sentence ends with the newest backup that passes its check.

    `code` is "damaged" unless said otherwise; `good` is that backup's path (None: there is none),
    looked for when the error is made, so every place that finds damage names it alike.
    """

    def __init__(self, path: Path, code: str = "damaged", **params: object) -> None:
        good = backups.newest_good(path)
        super().__init__(code, path=path, good=good.resolve() if good else None, **params)
        self.args = (self.text("zh"),)

    def text(self, lang: str = "zh") -> str:
        """The reason, then where the newest good backup is and how to restore it (or that there is none)."""
        good = self.params["good"]
        hint = (
            message("damaged.good_backup", lang, good=good, path=self.params["path"])
            if good
            else message("damaged.no_good_backup", lang)
        )
        return message(self.code, lang, **self.params) + hint


class ConflictError(StoreError):
    """The report changed in the file since this copy loaded it (another window or PC)."""


@dataclass(frozen=True)
class ReportSummary:
    """One line of the home list."""

    id: int
    unit_name: str
    fiscal_year: int
    updated_at: str
    revision: int


@dataclass(frozen=True)
class _ListSpec:
    table: str
    parent: str
    columns: tuple[str, ...]
    discriminator: str | None = None


def _list_spec(name: str) -> _ListSpec:
    if name in TEXT_LISTS:
        return _ListSpec("list_items", "report_id", ("body",), name)
    if name in ECON_LISTS:
        return _ListSpec("econ_lines", "report_id", ("category", "amount"), name)
    if name in TITLED_LISTS:
        return _ListSpec("titled_items", "report_id", ("title", "body"), name)
    return {
        "org_groups": _ListSpec("org_groups", "report_id", ("label",)),
        "bodies": _ListSpec("org_bodies", "group_id", ("name", "plates")),
        "staff_lines": _ListSpec("staff_lines", "report_id", ("category", "count")),
        "sangong": _ListSpec("sangong_items", "report_id", ("name", "budget", "actual", "last_year")),
        "indicators": _ListSpec("indicators", "item_id", ("name", "target", "actual", "unit")),
    }[name]


def now() -> str:
    """Local time to the second, as stored in created_at/updated_at."""
    return datetime.now().replace(microsecond=0).isoformat()


def _to_db(value: Any) -> Any:
    """A model value as SQLite keeps it: exact decimals and dates as TEXT, lists as JSON."""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _stored_date(text: str | None) -> date | None:
    """A stored sign_date; a date and time (as `load` took before it checked) reads as its day, never a crash."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            return None


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _figure(key: str, text: str | None) -> Decimal | int | None:
    """A stored figure as the model holds it: a count (its kind in store/fields.toml) as int, else a Decimal."""
    if text is None:
        return None
    return int(text) if fields.kind_of(f"figures.{key}") in ("count", "signed_count") else Decimal(text)


def _inspect(path: Path) -> int:
    """user_version of an existing jixiao file; refuses anything else, reading it through SQLite only.

    Never a plain `open()` of the file: on POSIX, closing any descriptor of a file drops every
    lock this process holds on it, SQLite's included, and another program closing the file
    then deletes the -wal this process is still writing (issue 19). SQLite's own descriptors
    are safe: it keeps them open until its last lock on the file is gone.

    A jixiao file is known by its `application_id` (schema.APPLICATION_ID), or, for a file
    written before that mark, by jixiao's rows in the migrations table; never by user_version
    alone, which any program may set. Damage is judged cheaply (`_looks_damaged`) rather than
    by `PRAGMA quick_check`, which reads the whole file on every open.
    """
    if path.is_dir():
        raise StoreError("is_folder", path=path)
    try:
        if path.stat().st_size == 0:
            raise StoreError("empty_file", path=path)
        conn = _connect_untouched(path)
    except PermissionError:
        raise StoreError("cannot_read", path=path) from None
    except sqlite3.OperationalError as error:
        raise StoreError("locked" if _is_busy(error) else "cannot_read", path=path) from None
    except sqlite3.DatabaseError as error:
        raise _unreadable(error, path) from None
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        ours = schema.is_jixiao(conn)
        if ours and _looks_damaged(conn, path):
            raise DamagedError(path)
    except sqlite3.DatabaseError as error:
        if _is_busy(error):
            raise StoreError("locked", path=path) from None
        raise _unreadable(error, path) from None
    finally:
        conn.close()
    if not ours:
        raise StoreError("foreign_db", path=path)
    if version > schema.SCHEMA_VERSION:
        raise StoreError("newer_schema", path=path, version=version, ours=schema.SCHEMA_VERSION)
    return version


def is_database(path: Path) -> bool:
    """Whether an existing file is an SQLite database (or one of SQLite's -wal, -shm, -journal files beside one).

    Asked through SQLite, never a plain `open()`, so it is safe on a file this process has open.
    """
    if path.name.endswith(("-wal", "-shm", "-journal")) and path.with_name(path.name.rsplit("-", 1)[0]).is_file():
        return True
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(f"{_sqlite_uri(path.resolve())}?mode=ro&immutable=1", uri=True, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return True


def _unreadable(error: sqlite3.DatabaseError, path: Path) -> StoreError:
    """The refusal for a file SQLite cannot read: not a database at all, or a damaged one."""
    if getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB":
        return StoreError("not_sqlite", path=path)
    return DamagedError(path)


def _looks_damaged(conn: sqlite3.Connection, path: Path) -> bool:
    """Whether the file is plainly damaged: cut short, or a table or index whose first page is unreadable.

    The header's page count must fit in the file (unless a -wal file beside it holds the
    newest pages), and the root page of every table and index is read (a few dozen pages,
    whatever the file's size). Damage deeper inside still raises when that part is read.
    Raises sqlite3.DatabaseError where SQLite itself finds the damage; an index SQLite will
    not scan on its own (another program's partial index) is passed over.
    """
    size = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
    wal = _companion(path, "-wal")
    if size > path.stat().st_size and not (wal.is_file() and wal.stat().st_size > 0):
        return True
    trees = conn.execute("SELECT type, name, tbl_name FROM sqlite_master WHERE rootpage > 0").fetchall()
    for kind, name, table in trees:
        hint = "NOT INDEXED" if kind == "table" else f"INDEXED BY {_quoted(name)}"
        try:
            conn.execute(f"SELECT 1 FROM {_quoted(table)} {hint} LIMIT 1").fetchall()
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorname", "") != "SQLITE_ERROR":
                raise
    return False


def _quoted(name: str) -> str:
    """An SQL identifier as a quoted name, whatever characters it holds."""
    return '"' + name.replace('"', '""') + '"'


def damage_of(error: sqlite3.DatabaseError, path: Path) -> StoreError | None:
    """DamagedError when SQLite found `path` damaged while reading or writing it; None for any other error.

    `_inspect` judges damage cheaply at open; a page damaged deeper inside surfaces only when
    it is read (load, check, export), as sqlite3.DatabaseError "database disk image is malformed".
    """
    if getattr(error, "sqlite_errorname", "").startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return DamagedError(path)
    return None


def _reading(method: Callable[..., _T]) -> Callable[..., _T]:
    """A Store method that reads the file: damage met there becomes DamagedError (with the good backup)."""

    @functools.wraps(method)
    def guarded(self: Store, *args: Any, **kwargs: Any) -> _T:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as error:
            damaged = damage_of(error, self.path)
            if damaged is None:
                raise
            raise damaged from error

    return guarded


class Store:
    """One open report file. Use `Store.open(path)`; every write method commits before returning."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool, journal: str) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.journal = journal
        #: The backup copy taken when this file was opened (first open of the day, or before a migration).
        self.opening_backup: Path | None = None
        #: Why that copy could not be taken (read-only folder, disk full), to show the user; None if fine.
        self.backup_problem: StoreError | None = None
        #: Milliseconds a write waits for another program's lock before it is refused ("locked").
        #: The CLI waits the full BUSY_TIMEOUT_MS; the app waits a moment only and tries again
        #: later (tui/session.py), so a locked file never freezes the screen.
        self.lock_wait_ms = BUSY_TIMEOUT_MS
        self._depth = 0

    @cached_property
    def db(self) -> Database:
        """The file as a sqlite-utils Database (for migrations and Datasette-style access), made on first use."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    # --- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, readonly: bool = False) -> Store:
        """Open (or, with `create`, make) a report file.

        Refuses, leaving the file byte-for-byte untouched: a folder, an empty or non-SQLite
        file, another program's database, a damaged file, a file from a newer jixiao.
        A file the user may not write to (or whose folder is read-only) opens read-only
        (`readonly` is True). An existing file gets a backup copy (store/backup.py) on the first
        open of the day and before any migration; a migration never runs without one.

        With `readonly` (the commands that only read: check, dump, export) the file is never
        written nor migrated, and the connection can never remove the -wal of an app that has
        it open; a file older than this program is read from a migrated copy in memory. (For
        a WAL file nobody has open, SQLite leaves an empty -wal and -shm beside it then.)
        """
        path = Path(path)
        existed = path.exists()
        version = 0
        if existed:
            version = _inspect(path)
        elif not create or readonly:
            raise StoreError("no_such_file", path=path)
        elif not path.parent.is_dir():
            raise StoreError("no_such_folder", path=path.parent)
        readonly = readonly or (existed and not _writable(path))
        store: Store | None
        try:
            store = cls._connect(path, readonly=readonly)
        except sqlite3.OperationalError as error:
            if _is_busy(error):
                raise StoreError("locked", path=path) from None
            if not existed or readonly:
                raise StoreError("cannot_read" if existed else "cannot_write", path=path) from None
            store = None
        if store is not None and existed and not store.readonly and not _can_write(store.conn):
            store.close()
            store = None
        if store is None:
            # The system refuses writing although permissions allow it (a write-protected
            # medium, no room for SQLite's -shm file): the file can still be viewed and exported.
            try:
                store = cls._connect(path, readonly=True)
            except sqlite3.OperationalError:
                raise StoreError("cannot_read", path=path) from None
        if store.readonly:
            return store if version == schema.SCHEMA_VERSION else store._migrated_in_memory()
        try:
            migrating = version < schema.SCHEMA_VERSION
            if existed and version > 0:
                store._backup_on_open(migrating=migrating)
            if migrating:
                schema.migrate(store.db)
        except (StoreError, sqlite3.OperationalError) as error:
            store.close()
            if isinstance(error, StoreError):
                raise
            raise StoreError("locked" if _is_busy(error) else "cannot_write", path=path) from None
        return store

    @classmethod
    def _connect(cls, path: Path, *, readonly: bool) -> Store:
        """The connection, configured (foreign keys, busy timeout, sync, journal); closed again if that fails."""
        conn = _connect_readonly(path) if readonly else sqlite3.connect(str(path), isolation_level=None)
        try:
            journal = _configure(conn, path, readonly=readonly)
        except sqlite3.Error:
            conn.close()
            raise
        return cls(conn, path, readonly=readonly, journal=journal)

    def _migrated_in_memory(self) -> Store:
        """This (read-only) file brought up to today's schema in a copy in memory; the file is closed, untouched."""
        copy = sqlite3.connect(":memory:", isolation_level=None)
        try:
            self.conn.backup(copy)
            copy.execute("PRAGMA foreign_keys = ON")
            store = Store(copy, self.path, readonly=True, journal=self.journal)
            schema.migrate(store.db)
        except sqlite3.DatabaseError:
            copy.close()
            raise DamagedError(self.path) from None
        finally:
            self.close()
        return store

    def _backup_on_open(self, *, migrating: bool) -> None:
        """Take the day's first copy, or the copy before a migration; without that one, refuse to migrate."""
        if not backups.due(self.path, migrating=migrating):
            return
        try:
            self.opening_backup = backups.make_backup(self.conn, self.path)
        except (OSError, sqlite3.Error, StoreError) as error:
            if isinstance(error, DamagedError):
                raise  # the copy's check found the file itself damaged: refuse it, as at open
            self.backup_problem = (
                error
                if isinstance(error, StoreError)
                else StoreError("backup_failed", path=backups.folder_for(self.path), reason=error)
            )
            if migrating:
                raise self.backup_problem from None

    def backup(self) -> Path:
        """A backup copy now (`jixiao backup`), into the backups folder beside the file; returns its path."""
        try:
            return backups.make_backup(self.conn, self.path)
        except (OSError, sqlite3.Error) as error:
            raise StoreError("backup_failed", path=backups.folder_for(self.path), reason=error) from None

    def checkpoint(self) -> None:
        """Copy what the -wal holds into the file itself, so the .db alone holds every saved change.

        A plain copy of the .db (Explorer, a USB stick, a sync client) taken while the app has
        it open leaves the -wal behind; after this it misses nothing. PASSIVE: it never waits
        for or blocks another program, and what a reader still uses stays for the next time.
        """
        if self.readonly or self.journal != "wal":
            return
        try:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.OperationalError:
            return

    def close(self) -> None:
        """Close the file (WAL is checkpointed by SQLite on the last close)."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -------------------------------------------------------------------

    @_reading
    def list_reports(self) -> list[ReportSummary]:
        """Every report in the file, by unit then year (newest year first)."""
        rows = self.conn.execute(
            "SELECT id, unit_name, fiscal_year, updated_at, revision FROM reports ORDER BY unit_name, fiscal_year DESC"
        )
        return [ReportSummary(*row) for row in rows]

    @_reading
    def revision(self, report_id: int) -> int:
        """The report's current revision in the file."""
        row = self.conn.execute("SELECT revision FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise StoreError("no_such_report", report_id=report_id)
        return row[0]

    @_reading
    def load(self, report_id: int) -> Report:
        """The whole report, as it is in the file now."""
        conn = self.conn
        cursor = conn.execute(
            f"SELECT {', '.join(SCALAR_FIELDS)}, created_at, updated_at, revision FROM reports WHERE id = ?",
            (report_id,),
        )
        row = cursor.fetchone()
        if row is None:
            raise StoreError("no_such_report", report_id=report_id)
        head = dict(zip([c[0] for c in cursor.description], row, strict=True))
        sign_date = head.pop("sign_date")
        report = Report(**head, id=report_id, sign_date=_stored_date(sign_date))
        texts = dict(conn.execute("SELECT key, body FROM texts WHERE report_id = ?", (report_id,)).fetchall())
        report.texts = {key: texts.get(key, "") for key in TEXT_KEYS}
        figures = dict(conn.execute("SELECT key, amount FROM figures WHERE report_id = ?", (report_id,)).fetchall())
        report.figures = {key: _figure(key, figures.get(key)) for key in FIGURE_KEYS}
        groups: dict[int, OrgGroup] = {}
        for group_id, label in conn.execute(
            "SELECT id, label FROM org_groups WHERE report_id = ? ORDER BY position", (report_id,)
        ):
            groups[group_id] = OrgGroup(label)
        for group_id, name, plates in conn.execute(
            "SELECT b.group_id, b.name, b.plates FROM org_bodies b JOIN org_groups g ON g.id = b.group_id "
            "WHERE g.report_id = ? ORDER BY b.position",
            (report_id,),
        ):
            groups[group_id].bodies.append(Body(name, json.loads(plates)))
        report.org_groups = list(groups.values())
        report.staff_lines = [
            StaffLine(*row)
            for row in conn.execute(
                "SELECT category, count FROM staff_lines WHERE report_id = ? ORDER BY position", (report_id,)
            )
        ]
        for name, body in conn.execute(
            "SELECT list, body FROM list_items WHERE report_id = ? ORDER BY list, position", (report_id,)
        ):
            getattr(report, name).append(body)
        for name, category, amount in conn.execute(
            "SELECT list, category, amount FROM econ_lines WHERE report_id = ? ORDER BY list, position", (report_id,)
        ):
            getattr(report, name).append(EconLine(category, _dec(amount)))
        report.sangong = [
            SanGongItem(name, _dec(budget), _dec(actual), _dec(last_year))
            for name, budget, actual, last_year in conn.execute(
                "SELECT name, budget, actual, last_year FROM sangong_items WHERE report_id = ? ORDER BY position",
                (report_id,),
            )
        ]
        items: dict[int, TitledItem] = {}
        for item_id, name, title, body in conn.execute(
            "SELECT id, list, title, body FROM titled_items WHERE report_id = ? ORDER BY list, position", (report_id,)
        ):
            items[item_id] = TitledItem(title, body)
            getattr(report, name).append(items[item_id])
        for item_id, name, target, actual, unit in conn.execute(
            "SELECT i.item_id, i.name, i.target, i.actual, i.unit FROM indicators i "
            "JOIN titled_items t ON t.id = i.item_id WHERE t.report_id = ? ORDER BY i.position",
            (report_id,),
        ):
            items[item_id].indicators.append(Indicator(name, _dec(target), _dec(actual), unit))
        report.copied = self._copied(report_id)
        report.sources = {
            path: Source(source, basis, _dec(value))
            for path, source, basis, value in conn.execute(
                "SELECT path, source, basis, value FROM figure_sources WHERE report_id = ?", (report_id,)
            )
        }
        scores.load_into(conn, report)
        return report

    def _copied(self, report_id: int) -> set[str]:
        """The paths of the blocks and items still marked as copied from last year's report."""
        rows = self.conn.execute(
            "SELECT 'texts.' || key FROM texts WHERE report_id = ?1 AND copied "
            "UNION ALL SELECT list || '[' || position || ']' FROM list_items WHERE report_id = ?1 AND copied "
            "UNION ALL SELECT list || '[' || position || '].body' FROM titled_items WHERE report_id = ?1 AND copied",
            (report_id,),
        )
        return {row[0] for row in rows}

    def _mark_copied(self, report_id: int, paths: set[str]) -> None:
        """Mark `paths` (texts, plain list items, titled items' bodies) as copied from last year's report."""
        for path in sorted(paths):
            segments = fields.split(path)
            if segments[0][0] == "texts":
                self.conn.execute(
                    "UPDATE texts SET copied = 1 WHERE report_id = ? AND key = ?", (report_id, segments[1][0])
                )
            else:
                spec, row_id, _ = self._locate_field(report_id, segments, path)
                self.conn.execute(f"UPDATE {spec.table} SET copied = 1 WHERE id = ?", (row_id,))

    def create_next(self, report_id: int) -> int:
        """Next year's report of the unit, made from this one (store/yearly.py) in one transaction; its id.

        Refuses (StoreError `report_exists`) when the unit already has a report for that year.
        """
        from store.yearly import next_report

        return self.add_report(next_report(self.load(report_id)))

    # --- writing -------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Several changes as one: committed together when the block ends, or none if it raises.

        Every write method (set, insert, add_report …) runs in one of these; called inside an
        open transaction it becomes a savepoint of it, so `with store.transaction(): …` around
        several writes makes them one all-or-nothing change (TOML load, replacing a report).
        """
        if self.readonly:
            raise StoreError("readonly", path=self.path)
        nested = self.conn.in_transaction
        savepoint = f"jixiao_{self._depth}"
        with self._waiting_for_locks(self.lock_wait_ms if not nested else BUSY_TIMEOUT_MS):
            try:
                self.conn.execute(f"SAVEPOINT {savepoint}" if nested else "BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise _write_error(error, self.path) or StoreError("locked", path=self.path) from None
            self._depth += 1
            try:
                yield self.conn
                self.conn.execute(f"RELEASE {savepoint}" if nested else "COMMIT")
            except BaseException as error:
                if nested:
                    self.conn.execute(f"ROLLBACK TO {savepoint}")
                    self.conn.execute(f"RELEASE {savepoint}")
                elif self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                mapped = _write_error(error, self.path) if isinstance(error, sqlite3.DatabaseError) else None
                if mapped is not None:
                    raise mapped from error
                raise
            finally:
                self._depth -= 1

    @contextmanager
    def _waiting_for_locks(self, milliseconds: int) -> Iterator[None]:
        """SQLite's busy timeout at `milliseconds` for the block (a write), at BUSY_TIMEOUT_MS again after.

        Only writes wait less: a read after a write (loading the report) keeps the full wait, as
        SQLite's own commit in another program can hold readers off for a moment.
        """
        if milliseconds == BUSY_TIMEOUT_MS:
            yield
            return
        self.conn.execute(f"PRAGMA busy_timeout = {milliseconds}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    @contextmanager
    def _change(
        self, report_id: int | None, expected_revision: int | None = None
    ) -> Iterator[tuple[sqlite3.Connection, int]]:
        """One committed change (inside `transaction`): check and bump the revision, then write.

        Yields the connection and the report's new revision (0 without a report). The bump
        comes first, in the same transaction, so a refused or failed write undoes it too.
        """
        with self.transaction() as conn:
            revision = 0 if report_id is None else self._bump(report_id, expected_revision)
            yield conn, revision

    def _bump(self, report_id: int, expected_revision: int | None) -> int:
        """Raise the report's revision (refusing if it is not `expected_revision`); returns the new one.

        With SQLite 3.35 or later one `UPDATE … RETURNING` both checks and bumps; the report is
        read again only when nothing matched, to tell a missing report from a conflict.
        """
        if not HAS_RETURNING:
            current = self.revision(report_id)
            if expected_revision is not None and current != expected_revision:
                raise ConflictError("conflict", report_id=report_id)
            self.conn.execute(
                "UPDATE reports SET revision = revision + 1, updated_at = ? WHERE id = ?", (now(), report_id)
            )
            return current + 1
        check, args = ("", ()) if expected_revision is None else (" AND revision = ?", (expected_revision,))
        rows = self.conn.execute(
            f"UPDATE reports SET revision = revision + 1, updated_at = ? WHERE id = ?{check} RETURNING revision",
            (now(), report_id, *args),
        ).fetchall()
        if rows:
            return rows[0][0]
        self.revision(report_id)
        raise ConflictError("conflict", report_id=report_id)

    def create_report(
        self, unit_name: str, fiscal_year: int, unit_short: str = "", outline: str = DEFAULT_OUTLINE
    ) -> int:
        """A new, empty report for a unit and year, following `outline`; refuses a second one for the same pair."""
        report = Report(unit_name=unit_name, fiscal_year=fiscal_year, unit_short=unit_short, sign_unit=unit_name)
        report.outline = fields.parse("outline", outline)
        return self.add_report(report)

    def add_report(self, report: Report, *, keep_times: bool = False) -> int:
        """Write a whole report (from TOML or the sample) in one transaction; returns its id."""
        stamp = now()
        with self._change(None) as (conn, _):
            if conn.execute(
                "SELECT 1 FROM reports WHERE unit_name = ? AND fiscal_year = ?", (report.unit_name, report.fiscal_year)
            ).fetchone():
                raise StoreError("report_exists", unit=report.unit_name, year=report.fiscal_year)
            values = {name: _to_db(getattr(report, name)) for name in SCALAR_FIELDS}
            values["created_at"] = report.created_at if keep_times and report.created_at else stamp
            values["updated_at"] = report.updated_at if keep_times and report.updated_at else stamp
            columns = ", ".join(values)
            report_id = conn.execute(
                f"INSERT INTO reports ({columns}) VALUES ({', '.join('?' * len(values))})", tuple(values.values())
            ).lastrowid
            assert report_id is not None
            conn.executemany(
                "INSERT INTO texts (report_id, key, body) VALUES (?, ?, ?)",
                [(report_id, key, report.texts.get(key, "")) for key in TEXT_KEYS],
            )
            conn.executemany(
                "INSERT INTO figures (report_id, key, amount) VALUES (?, ?, ?)",
                [(report_id, key, _to_db(report.figures.get(key))) for key in FIGURE_KEYS],
            )
            for name in ("org_groups", "staff_lines", *TEXT_LISTS, *ECON_LISTS, "sangong", *TITLED_LISTS):
                for position, value in enumerate(getattr(report, name)):
                    self._insert_row(_list_spec(name), report_id, position, value)
            self._mark_copied(report_id, report.copied)
            conn.executemany(
                "INSERT INTO figure_sources (report_id, path, source, basis, value) VALUES (?, ?, ?, ?, ?)",
                [
                    (report_id, path, cell, basis, _to_db(value))
                    for path, (cell, basis, value) in report.sources.items()
                ],
            )
            scores.insert_all(conn, report_id, report)
        return report_id

    def set_figures(
        self,
        report_id: int,
        changes: list[tuple[str, Any, str, str]],
        *,
        expected_revision: int | None = None,
        new_items: list[tuple[str, Any]] = (),
        noted: list[tuple[str, Any, str, str]] = (),
    ) -> int:
        """Several figures at once (an import from the 决算, issue 22), in ONE revision-checked transaction.

        `new_items` are (list path, item) appended first (a category or 三公 item the report lacks);
        each change is (path, value, source, basis): the value is set and where it came from kept,
        with the workbook's value. `noted` are the workbook's figures the report's value is not set
        to (already alike, or a change left unticked): only the workbook's value and cell are kept,
        so that F3 shows where the figure is in the 决算 and the checks compare the two.
        """
        with self.transaction():
            revision = self._bump(report_id, expected_revision)
            for list_path, item in new_items:
                spec, parent_id = self._locate_list(report_id, list_path)
                self._insert_row(spec, parent_id, self._size(spec, parent_id), item)
            for path, value, *_ in changes:
                self.set(report_id, path, value)
            for path, value, source, basis in (*changes, *noted):
                self.conn.execute(
                    "INSERT INTO figure_sources (report_id, path, source, basis, value) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (report_id, path) DO UPDATE SET source = excluded.source, basis = excluded.basis, "
                    "value = excluded.value",
                    (report_id, path, source, basis, _to_db(value)),
                )
            self.conn.execute("UPDATE reports SET revision = ? WHERE id = ?", (revision, report_id))
        return revision

    def _drop_sources(self, report_id: int, list_path: str, first: int) -> None:
        """Forget where items `first`… of `list_path` came from: added, removed or moved before
        them, their positions (the paths sources are kept under) name other items now."""
        prefix = list_path + "["
        for (path,) in self.conn.execute(
            "SELECT path FROM figure_sources WHERE report_id = ? AND substr(path, 1, ?) = ?",
            (report_id, len(prefix), prefix),
        ).fetchall():
            index = path[len(prefix) :].split("]", 1)[0]
            if not index.isdigit() or int(index) >= first:
                self.conn.execute("DELETE FROM figure_sources WHERE report_id = ? AND path = ?", (report_id, path))

    def delete_report(self, report_id: int) -> None:
        """Remove a report and everything in it."""
        with self._change(None) as (conn, _):
            if conn.execute("DELETE FROM reports WHERE id = ?", (report_id,)).rowcount == 0:
                raise StoreError("no_such_report", report_id=report_id)

    def set(
        self,
        report_id: int,
        path: str,
        value: Any,
        *,
        expected_revision: int | None = None,
        keep_mark: bool = False,
    ) -> int:
        """Change the one field at `path` to `value` (already parsed); returns the new revision.

        With `expected_revision`, refuses (ConflictError) if the report changed since then.
        A block or item copied from last year loses its mark when its text changes, unless
        `keep_mark` (only the years in it were brought forward: the words are still last year's).
        """
        if not fields.accepts(path, value):
            raise TypeError(f"{path} does not take {value!r}")
        segments = fields.split(path)
        with self._change(report_id, expected_revision) as (conn, revision):
            if len(segments) == 1 and segments[0][1] is None:
                conn.execute(f"UPDATE reports SET {segments[0][0]} = ? WHERE id = ?", (_to_db(value), report_id))
            elif segments[0][0] in ("texts", "figures"):
                table, column = ("texts", "body") if segments[0][0] == "texts" else ("figures", "amount")
                unmark = ", copied = copied AND body = excluded.body" if table == "texts" and not keep_mark else ""
                conn.execute(
                    f"INSERT INTO {table} (report_id, key, {column}) VALUES (?, ?, ?) "
                    f"ON CONFLICT (report_id, key) DO UPDATE SET {column} = excluded.{column}{unmark}",
                    (report_id, segments[1][0], _to_db(value)),
                )
            else:
                spec, row_id, column = self._locate_field(report_id, segments, path)
                stored = _to_db(value)
                if column == "body" and spec.table in _MARKED_TABLES and not keep_mark:
                    # Old values on the right: the mark stays only if the text did not change.
                    conn.execute(
                        f"UPDATE {spec.table} SET body = ?, copied = copied AND body = ? WHERE id = ?",
                        (stored, stored, row_id),
                    )
                else:
                    conn.execute(f"UPDATE {spec.table} SET {column} = ? WHERE id = ?", (stored, row_id))
        return revision

    def insert(
        self, report_id: int, list_path: str, index: int, value: Any, *, expected_revision: int | None = None
    ) -> int:
        """Put `value` (a str or a model item, with its children) at `index` of a list."""
        with self._change(report_id, expected_revision) as (conn, revision):
            spec, parent_id = self._locate_list(report_id, list_path)
            size = self._size(spec, parent_id)
            if not 0 <= index <= size:
                raise StoreError("no_such_item", path=f"{list_path}[{index}]")
            conn.execute(
                f"UPDATE {spec.table} SET position = position + 1 WHERE {self._where(spec)} AND position >= ?",
                (*self._parent_args(spec, parent_id), index),
            )
            self._insert_row(spec, parent_id, index, value)
            self._drop_sources(report_id, list_path, index if index < size else size + 1)
        return revision

    def delete(self, report_id: int, list_path: str, index: int, *, expected_revision: int | None = None) -> int:
        """Remove item `index` of a list (and what it holds); later items move up."""
        with self._change(report_id, expected_revision) as (conn, revision):
            spec, parent_id = self._locate_list(report_id, list_path)
            row_id = self._row_id(spec, parent_id, index, f"{list_path}[{index}]")
            conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (row_id,))
            conn.execute(
                f"UPDATE {spec.table} SET position = position - 1 WHERE {self._where(spec)} AND position > ?",
                (*self._parent_args(spec, parent_id), index),
            )
            self._drop_sources(report_id, list_path, index)
        return revision

    def move(
        self, report_id: int, list_path: str, index: int, new_index: int, *, expected_revision: int | None = None
    ) -> int:
        """Move item `index` of a list to `new_index`, the others closing up around it."""
        with self._change(report_id, expected_revision) as (conn, revision):
            spec, parent_id = self._locate_list(report_id, list_path)
            row_id = self._row_id(spec, parent_id, index, f"{list_path}[{index}]")
            if not 0 <= new_index < self._size(spec, parent_id):
                raise StoreError("no_such_item", path=f"{list_path}[{new_index}]")
            low, high, step = (index + 1, new_index, -1) if new_index > index else (new_index, index - 1, 1)
            conn.execute(
                f"UPDATE {spec.table} SET position = position + ? WHERE {self._where(spec)} AND position BETWEEN ? AND ?",
                (step, *self._parent_args(spec, parent_id), low, high),
            )
            conn.execute(f"UPDATE {spec.table} SET position = ? WHERE id = ?", (new_index, row_id))
            self._drop_sources(report_id, list_path, min(index, new_index))
        return revision

    def set_score_system(self, report_id: int, system: str, *, expected_revision: int | None = None) -> int:
        """Score the report by indicator system `system` (its entered scores under other systems are kept)."""
        with self._change(report_id, expected_revision) as (conn, revision):
            scores.write_system(conn, report_id, system)
        return revision

    def set_manual_score(
        self,
        report_id: int,
        system: System,
        indicator: str,
        score: Decimal | None,
        *,
        expected_revision: int | None = None,
    ) -> int:
        """Enter (or, with None, take back) the score of a manual indicator; refused above its weight."""
        definition = self._manual_indicator(system, indicator)
        if score is not None:
            check_manual_score(score, definition)
        with self._change(report_id, expected_revision) as (conn, revision):
            scores.write_entry(conn, report_id, system.id, indicator, "score", score)
        return revision

    def set_score_reason(
        self, report_id: int, system: System, indicator: str, reason: str, *, expected_revision: int | None = None
    ) -> int:
        """Write the short reason given for a manual indicator's score."""
        self._manual_indicator(system, indicator)
        with self._change(report_id, expected_revision) as (conn, revision):
            scores.write_entry(conn, report_id, system.id, indicator, "reason", reason)
        return revision

    @staticmethod
    def _manual_indicator(system: System, indicator: str) -> IndicatorDef:
        """The manual indicator `indicator` of `system`; StoreError if there is none (or it is computed)."""
        try:
            definition = system.indicator(indicator)
        except KeyError:
            raise StoreError("scoring.unknown_indicator", system=system.id, indicator=indicator) from None
        if not definition.manual:
            raise StoreError("scoring.unknown_indicator", system=system.id, indicator=indicator)
        return definition

    # --- locating rows -------------------------------------------------------------

    @staticmethod
    def _where(spec: _ListSpec) -> str:
        return f"{spec.parent} = ?" + (" AND list = ?" if spec.discriminator else "")

    @staticmethod
    def _parent_args(spec: _ListSpec, parent_id: int) -> tuple[Any, ...]:
        return (parent_id, spec.discriminator) if spec.discriminator else (parent_id,)

    def _size(self, spec: _ListSpec, parent_id: int) -> int:
        return self.conn.execute(
            f"SELECT count(*) FROM {spec.table} WHERE {self._where(spec)}", self._parent_args(spec, parent_id)
        ).fetchone()[0]

    def _row_id(self, spec: _ListSpec, parent_id: int, index: int | None, path: str) -> int:
        row = self.conn.execute(
            f"SELECT id FROM {spec.table} WHERE {self._where(spec)} AND position = ?",
            (*self._parent_args(spec, parent_id), index),
        ).fetchone()
        if row is None:
            raise StoreError("no_such_item", path=path)
        return row[0]

    def _locate_list(self, report_id: int, list_path: str) -> tuple[_ListSpec, int]:
        """The list named by `list_path` and the id of the row that holds it."""
        segments = fields.split(list_path)
        parent_id = report_id
        for name, index in segments[:-1]:
            spec = _list_spec(name)
            parent_id = self._row_id(spec, parent_id, index, list_path)
        name, index = segments[-1]
        if index is not None:
            raise KeyError(list_path)
        return _list_spec(name), parent_id

    def _locate_field(
        self, report_id: int, segments: list[tuple[str, int | None]], path: str
    ) -> tuple[_ListSpec, int, str]:
        """The table, row and column of a field inside a list item."""
        if segments[-1][1] is not None:
            *outer, (name, index) = segments
            column = None
        else:
            *outer, (name, index), (column, _) = segments
        parent_id = report_id
        for outer_name, outer_index in outer:
            parent_id = self._row_id(_list_spec(outer_name), parent_id, outer_index, path)
        spec = _list_spec(name)
        row_id = self._row_id(spec, parent_id, index, path)
        return spec, row_id, column or spec.columns[0]

    def _insert_row(self, spec: _ListSpec, parent_id: int, position: int, value: Any) -> None:
        """One list item and its children, at `position` (positions already made room for)."""
        if isinstance(value, str):
            row = {"body": value}
        elif isinstance(value, OrgGroup):
            row = {"label": value.label}
        elif isinstance(value, Body):
            row = {"name": value.name, "plates": value.plates}
        elif isinstance(value, TitledItem):
            row = {"title": value.title, "body": value.body}
        else:
            row = {column: getattr(value, column) for column in spec.columns}
        row = {key: _to_db(item) for key, item in row.items()}
        row[spec.parent] = parent_id
        row["position"] = position
        if spec.discriminator:
            row["list"] = spec.discriminator
        row_id = self.conn.execute(
            f"INSERT INTO {spec.table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
        ).lastrowid
        assert row_id is not None
        children = (
            ("bodies", value.bodies)
            if isinstance(value, OrgGroup)
            else ("indicators", value.indicators)
            if isinstance(value, TitledItem)
            else (None, [])
        )
        for child_position, child in enumerate(children[1]):
            self._insert_row(_list_spec(children[0]), row_id, child_position, child)


def _write_error(error: sqlite3.DatabaseError, path: Path) -> StoreError | None:
    """What a failed write means to the user (file busy; disk full or read-only; damaged); None for a program error."""
    name = getattr(error, "sqlite_errorname", "")
    damaged = damage_of(error, path)
    if damaged is not None:
        return damaged
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreError("locked", path=path)
    if name.startswith(("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return StoreError("cannot_write", path=path)
    return None


def _is_busy(error: sqlite3.OperationalError) -> bool:
    """Whether SQLite gave up waiting for another program's lock (after the busy timeout)."""
    name = getattr(error, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(error)


def _connect_untouched(path: Path) -> sqlite3.Connection:
    """A read-only look that leaves nothing beside the file, for judging it before it is opened.

    Read with `mode=ro`, a WAL file that nobody has open gets -wal and -shm files made beside
    it, and they stay (a read-only connection cannot remove them): a refused file would not
    be left as it was. A file with neither a -wal nor a -journal beside it is in no one's
    write and holds nothing to recover: it is read immutable, which is exact then and touches
    nothing. One that has either is read through SQLite's locks.
    """
    if not any(_companion(path, suffix).exists() for suffix in ("-wal", "-journal")):
        return sqlite3.connect(f"{_sqlite_uri(path.resolve())}?mode=ro&immutable=1", uri=True, isolation_level=None)
    return _connect_readonly(path)


def _companion(path: Path, suffix: str) -> Path:
    """A file SQLite keeps beside the database (`-wal`, `-shm`, `-journal`)."""
    return path.with_name(f"{path.name}{suffix}")


def _can_write(conn: sqlite3.Connection) -> bool:
    """Whether SQLite may write the file (taking and dropping the write lock writes nothing).

    A lock held by another program means yes (that is "busy", said when an edit waits too long).
    """
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        return _is_busy(error)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return True


def _sqlite_uri(path: PurePath) -> str:
    """An absolute path as an SQLite `file:` URI, also for a Windows network path.

    `as_uri()` writes `\\\\server\\share\\x.db` as `file://server/share/x.db`, and SQLite refuses
    any URI authority but "localhost"; with an empty authority (`file:////server/share/x.db`)
    SQLite on Windows opens the UNC path. Spaces, `?`, `#` and Chinese are percent-encoded.
    """
    uri = path.as_uri()
    if not uri.startswith("file:///"):
        uri = "file:////" + uri.removeprefix("file://")
    return uri


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection, also where SQLite cannot make its -shm file beside a WAL file.

    In a read-only folder SQLite cannot create the shared-memory file a WAL database needs
    even for reading, and `mode=ro` fails; `immutable=1` then reads the file as it lies on
    disk (without locking), which is all a person who may not write there can be shown.
    """
    uri = _sqlite_uri(path.resolve())
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:
        conn.close()
        if _is_busy(error):
            raise
    conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _writable(path: Path) -> bool:
    """Whether this user may write the file and make the journal beside it."""
    import os

    return os.access(path, os.W_OK) and os.access(path.parent if str(path.parent) else Path("."), os.W_OK)


def _configure(conn: sqlite3.Connection, path: Path, *, readonly: bool) -> str:
    """Foreign keys, a busy timeout, full sync; WAL where it works, else a rollback journal."""
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if readonly:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    conn.execute("PRAGMA synchronous = FULL")
    wanted = "delete" if _on_network_share(path) else "wal"
    mode = conn.execute(f"PRAGMA journal_mode = {wanted}").fetchone()[0]
    if mode != wanted:
        mode = conn.execute("PRAGMA journal_mode = delete").fetchone()[0]
    return mode


def _on_network_share(path: Path) -> bool:
    """A UNC path (\\\\server\\share\\…) or a mapped network drive: WAL's shared memory does not work there."""
    texts = (str(path), str(path.resolve()))
    if any(text.startswith(("\\\\", "//")) for text in texts):
        return True
    return sys.platform == "win32" and _remote_drive(Path(texts[1]).anchor)


def _remote_drive(anchor: str) -> bool:
    """Whether a Windows drive (`Z:\\`) is a mapped network share (GetDriveTypeW says DRIVE_REMOTE)."""
    import ctypes

    drive_remote = 4
    return bool(anchor) and ctypes.windll.kernel32.GetDriveTypeW(anchor) == drive_remote
