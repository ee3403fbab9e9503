"""A file from before outlines (schema 1, as sample.db was committed) opens with every value kept.

tests/store/data/sample-v1.db is sample.db as built by the first schema: opening a copy takes
a backup first, adds the outline and key-task columns, and the report reads back exactly as its
source says, following the seed's outline.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from store import backup, codec, exchange, schema
from store.repository import Store

V1_SAMPLE = Path(__file__).parent / "data" / "sample-v1.db"


def test_a_schema_1_file_migrates_with_every_value_kept(tmp_path: Path, seed_toml: str) -> None:
    path = tmp_path / "月湖.db"
    shutil.copyfile(V1_SAMPLE, path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1

    with Store.open(path) as store:
        (summary,) = store.list_reports()
        migrated = store.load(summary.id)
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]

    assert version == schema.SCHEMA_VERSION == len(schema.MIGRATIONS)
    (source,) = exchange.read(seed_toml)
    assert codec.report_to_data(migrated) == codec.report_to_data(source)
    assert migrated.outline == "classic-2019"
    assert migrated.key_tasks_planned is None and migrated.key_tasks_done is None


def test_the_backup_before_the_migration_is_the_schema_1_file(tmp_path: Path) -> None:
    path = tmp_path / "月湖.db"
    shutil.copyfile(V1_SAMPLE, path)
    Store.open(path).close()
    copies = backup.backups_of(path)
    assert copies
    with sqlite3.connect(copies[-1]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        columns = {row[1] for row in conn.execute("PRAGMA table_info(reports)")}
    assert "outline" not in columns


def test_a_migrated_report_can_switch_outline_and_keep_it(tmp_path: Path) -> None:
    path = tmp_path / "月湖.db"
    shutil.copyfile(V1_SAMPLE, path)
    with Store.open(path) as store:
        store.set(1, "outline", "selfeval-2023")
        store.set(1, "key_tasks_planned", 12)
    with Store.open(path) as store:
        report = store.load(1)
    assert (report.outline, report.key_tasks_planned) == ("selfeval-2023", 12)


def _file_after(path: Path, migrations: int) -> None:
    """sample-v1.db brought up to the first `migrations` migrations only, as an older jixiao left it."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    shutil.copyfile(V1_SAMPLE, path)
    steps = Migrations(schema.MIGRATION_SET)
    for step in schema.MIGRATIONS[:migrations]:
        steps()(step)
    db = Database(path)
    steps.apply(db)
    db.execute(f"PRAGMA user_version = {migrations}")
    db.conn.commit()
    db.close()


def test_a_2023_reports_plain_efficiency_points_become_titled_points_with_their_text_as_content(
    tmp_path: Path, seed_toml: str
) -> None:
    path = tmp_path / "月湖.db"
    _file_after(path, schema.MIGRATIONS.index(schema.m008_efficiency))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE reports SET outline = 'selfeval-2023'")
        conn.execute("UPDATE list_items SET copied = 1 WHERE list = 'efficiency_points' AND position = 1")
    (source,) = exchange.read(seed_toml)
    assert len(source.efficiency_points) > 1
    with Store.open(path) as store:
        report = store.load(1)
    assert [(item.title, item.body) for item in report.efficiency] == [("", p) for p in source.efficiency_points]
    assert report.efficiency_points == [] and report.copied == {"efficiency[1].body"}
