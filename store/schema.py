"""The SQLite schema, as sqlite-utils migrations; `SCHEMA_VERSION` is mirrored in PRAGMA user_version.

Money is TEXT holding an exact decimal ("1610.68"), never REAL. Every list table has a
`position` (0, 1, 2 … with no gaps) so the report's order is the table's order. Child rows
go with their report (ON DELETE CASCADE). Names are meant to be read in Datasette.

sqlite-utils (about 55 ms to import) is loaded only when a file is migrated: `migrations`
is built on first use, and a file whose user_version is `SCHEMA_VERSION` has had every
migration, because each new migration comes with a new `SCHEMA_VERSION`.
"""

from __future__ import annotations

import sqlite3
import sys
from typing import TYPE_CHECKING

from store.model import TITLED_EFFICIENCY_OUTLINE

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations


_TABLES = (
    """CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        unit_name TEXT NOT NULL,
        unit_short TEXT NOT NULL DEFAULT '',
        fiscal_year INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '绩效评价报告',
        sign_unit TEXT NOT NULL DEFAULT '',
        sign_date TEXT,
        staff_total INTEGER,
        staff_change INTEGER,
        authorised_posts INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 0,
        UNIQUE (unit_name, fiscal_year)
    )""",
    """CREATE TABLE texts (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (report_id, key)
    )""",
    """CREATE TABLE figures (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        amount TEXT,
        PRIMARY KEY (report_id, key)
    )""",
    """CREATE TABLE org_groups (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE org_bodies (
        id INTEGER PRIMARY KEY,
        group_id INTEGER NOT NULL REFERENCES org_groups(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        plates TEXT NOT NULL DEFAULT '[]'
    )""",
    """CREATE TABLE staff_lines (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        category TEXT NOT NULL DEFAULT '',
        count INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE list_items (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        list TEXT NOT NULL,
        position INTEGER NOT NULL,
        body TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE econ_lines (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        list TEXT NOT NULL,
        position INTEGER NOT NULL,
        category TEXT NOT NULL DEFAULT '',
        amount TEXT NOT NULL DEFAULT '0.00'
    )""",
    """CREATE TABLE sangong_items (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        budget TEXT,
        actual TEXT,
        last_year TEXT
    )""",
    """CREATE TABLE titled_items (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        list TEXT NOT NULL,
        position INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE indicators (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES titled_items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        target TEXT,
        actual TEXT,
        unit TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX org_groups_report ON org_groups (report_id, position)",
    "CREATE INDEX org_bodies_group ON org_bodies (group_id, position)",
    "CREATE INDEX staff_lines_report ON staff_lines (report_id, position)",
    "CREATE INDEX list_items_report ON list_items (report_id, list, position)",
    "CREATE INDEX econ_lines_report ON econ_lines (report_id, list, position)",
    "CREATE INDEX sangong_items_report ON sangong_items (report_id, position)",
    "CREATE INDEX titled_items_report ON titled_items (report_id, list, position)",
    "CREATE INDEX indicators_item ON indicators (item_id, position)",
)


def m001_initial(db: Database) -> None:
    """The first schema: one report per unit and year, and everything the seed report holds."""
    for statement in _TABLES:
        db.execute(statement)


def m002_outline(db: Database) -> None:
    """Each report names its outline (every existing one follows the seed's), and counts its key tasks."""
    db.execute("ALTER TABLE reports ADD COLUMN outline TEXT NOT NULL DEFAULT 'classic-2019'")
    db.execute("ALTER TABLE reports ADD COLUMN key_tasks_planned INTEGER")
    db.execute("ALTER TABLE reports ADD COLUMN key_tasks_done INTEGER")


def m003_copied(db: Database) -> None:
    """Next year's report from last year's (issue 11): copied marks, and blank counts and amounts.

    A `copied` flag on each narrative block (texts), plain list item (list_items) and titled
    item (titled_items) says that its words are still last year's. A column rather than a
    table of paths: the mark moves with its row when items are inserted, deleted or moved.
    A copied staff category or economic category starts the year with its number blank, so
    staff_lines.count and econ_lines.amount may now be NULL.
    """
    for table in ("texts", "list_items", "titled_items"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN copied INTEGER NOT NULL DEFAULT 0")
    db["staff_lines"].transform(not_null={"count": False}, defaults={"count": None})
    db["econ_lines"].transform(not_null={"amount": False}, defaults={"amount": None})


def m004_scores(db: Database) -> None:
    """The 自评表: which indicator system a report is scored by, and the scores entered by hand.

    A score is TEXT holding an exact decimal, NULL until entered (a reason may come first).
    """
    db.execute(
        """CREATE TABLE score_sheets (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        system TEXT NOT NULL
    )"""
    )
    db.execute(
        """CREATE TABLE manual_scores (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        system TEXT NOT NULL,
        indicator TEXT NOT NULL,
        score TEXT,
        reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (report_id, system, indicator)
    )"""
    )


def m005_marker(db: Database) -> None:
    """Mark the file as jixiao's in its header (PRAGMA application_id), so it is told apart by that.

    Before this mark a jixiao file was known by user_version alone, and another program's
    database with user_version 1–4 was taken for one and migrated (issue 19).
    """
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def m006_sources(db: Database) -> None:
    """Where each imported figure came from (issue 22): the workbook's cell and the basis (口径).

    Keyed by the field path as the store names it (`figures.spent`, `basic_lines[0].amount`).
    """
    db.execute(
        """CREATE TABLE figure_sources (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        source TEXT NOT NULL,
        basis TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (report_id, path)
    )"""
    )


def m007_source_values(db: Database) -> None:
    """The workbook's own value beside each figure's source (issue 22), so that a figure the report
    states otherwise — a line left unticked in the import, an edit by hand afterwards — is still
    compared with the 决算 by the checks. NULL for a source recorded before (nothing to compare).
    """
    db.execute("ALTER TABLE figure_sources ADD COLUMN value TEXT")


def m008_efficiency(db: Database) -> None:
    """The 2023 outline's 履职效能 points are titled, like 资产管理 (issue 24): each plain point of a
    report following it becomes a titled item whose 内容 is the point's text, its 标题 left blank.

    The old points are sentences and a 标题 is a short heading, so the text goes whole into 内容
    (as store/codec.py reads a 2023 report of an older exchange file). Position and the copied
    mark move with the row; nothing is dropped. A 2019 report keeps its plain points.
    """
    of_2023 = "SELECT id FROM reports WHERE outline = ?"
    db.execute(
        f"""INSERT INTO titled_items (report_id, list, position, title, body, copied)
        SELECT report_id, 'efficiency', position, '', body, copied FROM list_items
        WHERE list = 'efficiency_points' AND report_id IN ({of_2023}) ORDER BY report_id, position""",
        [TITLED_EFFICIENCY_OUTLINE],
    )
    db.execute(
        f"DELETE FROM list_items WHERE list = 'efficiency_points' AND report_id IN ({of_2023})",
        [TITLED_EFFICIENCY_OUTLINE],
    )


#: PRAGMA application_id of a jixiao report file: the bytes "jxbg" (绩效报告) in the header.
APPLICATION_ID = int.from_bytes(b"jxbg", "big")
#: The sqlite-utils migration set whose rows in `_sqlite_migrations` mark a file written before APPLICATION_ID.
MIGRATION_SET = "jixiao"

#: Every migration, oldest first; `SCHEMA_VERSION` is their number.
MIGRATIONS = (
    m001_initial,
    m002_outline,
    m003_copied,
    m004_scores,
    m005_marker,
    m006_sources,
    m007_source_values,
    m008_efficiency,
)

#: The first schema version that carries APPLICATION_ID; an older jixiao file is known by its migrations.
MARKED_SINCE = MIGRATIONS.index(m005_marker) + 1

#: The schema this program writes, one more for every migration. A file with a larger user_version is refused.
SCHEMA_VERSION = len(MIGRATIONS)


def __getattr__(name: str) -> Migrations:
    """`schema.migrations`, the sqlite-utils migration set, built (importing sqlite-utils) on first use."""
    if name != "migrations":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from sqlite_utils.migrations import Migrations

    built = Migrations(MIGRATION_SET)
    for step in MIGRATIONS:
        built()(step)
    globals()["migrations"] = built
    return built


def is_jixiao(conn: sqlite3.Connection) -> bool:
    """Whether the database on `conn` is a jixiao report file (or blank: no tables, no other program's mark).

    Known by APPLICATION_ID, or, for a file written before that mark, by jixiao's rows in the
    migrations table; never by user_version alone, which any program may set.
    """
    mark = conn.execute("PRAGMA application_id").fetchone()[0]
    if mark == APPLICATION_ID:
        return True
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if mark != 0 or version >= MARKED_SINCE:
        return False
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return version == 0
    if "_sqlite_migrations" not in tables:
        return False
    found = conn.execute(
        "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ? AND name = ?",
        (MIGRATION_SET, MIGRATIONS[0].__name__),
    ).fetchone()[0]
    return found > 0


def migrate(db: Database) -> None:
    """Bring the file up to `SCHEMA_VERSION` (each migration in its own transaction).

    user_version is written only when it changes: setting it, even to the same value, rewrites
    the file header, and merely opening a report file must leave it byte-for-byte as it was.
    """
    sys.modules[__name__].migrations.apply(db)
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
