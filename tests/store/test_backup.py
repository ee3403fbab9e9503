"""Backups: a copy on the first open of each day and before a migration, the last ten kept, restorable."""

from __future__ import annotations

import shutil
import sqlite3
import tomllib
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from file_damage import damage_deep_inside
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from store import backup, schema
from store.codec import reports_from_data
from store.repository import DamagedError, Store, StoreError

SAMPLE = Path(__file__).parents[2] / "samples" / "yuehu-2019.toml"


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    """A report file holding the seed report, as if made on an earlier day (no backup yet)."""
    path = tmp_path / "报告 2019.db"
    with SAMPLE.open("rb") as handle:
        reports = reports_from_data(tomllib.load(handle))
    with Store.open(path) as store:
        store.add_report(reports[0])
    return path


def test_first_open_of_the_day_makes_a_restorable_copy(report_file: Path) -> None:
    with Store.open(report_file) as store:
        copy = store.opening_backup
        report_id = store.list_reports()[0].id
        original = store.load(report_id)
    assert copy is not None and copy.parent == report_file.parent / "backups"
    assert copy.name.startswith("报告 2019-") and copy.suffix == ".db"
    datetime.strptime(copy.stem.removeprefix("报告 2019-"), "%Y%m%d-%H%M%S")
    with Store.open(report_file) as store:
        assert store.opening_backup is None, "a second open on the same day makes no second copy"
    with Store.open(report_file) as store:
        store.set(report_id, "unit_name", "改坏了的名称")
    shutil.copyfile(copy, report_file)
    with Store.open(report_file) as store:
        assert store.load(report_id).unit_name == original.unit_name


def test_a_copy_is_one_self_contained_file(report_file: Path) -> None:
    with Store.open(report_file) as store:
        copy = store.backup()
    assert sorted(p.name for p in copy.parent.iterdir() if p.name.startswith(".")) == []
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert not copy.with_name(copy.name + "-wal").exists()


def test_only_the_newest_ten_are_kept(report_file: Path) -> None:
    start = datetime(2024, 1, 1, 9, 0, 0)
    conn = sqlite3.connect(report_file)
    try:
        made = [backup.make_backup(conn, report_file, when=start + timedelta(days=day)) for day in range(12)]
    finally:
        conn.close()
    assert backup.backups_of(report_file) == made[2:]
    assert not made[0].exists() and not made[1].exists()


def test_two_copies_in_one_second_both_kept(report_file: Path) -> None:
    when = datetime(2024, 5, 6, 7, 8, 9)
    conn = sqlite3.connect(report_file)
    try:
        first = backup.make_backup(conn, report_file, when=when)
        second = backup.make_backup(conn, report_file, when=when)
    finally:
        conn.close()
    assert (first.name, second.name) == ("报告 2019-20240506-070809.db", "报告 2019-20240506-070809-2.db")
    assert backup.backups_of(report_file) == [first, second]


def test_other_files_backups_are_left_alone(report_file: Path) -> None:
    folder = report_file.parent / "backups"
    folder.mkdir()
    other = folder / "另一个-20200101-000000.db"
    other.write_bytes(b"not ours")
    conn = sqlite3.connect(report_file)
    try:
        for day in range(11):
            backup.make_backup(conn, report_file, when=datetime(2024, 1, 1) + timedelta(days=day))
    finally:
        conn.close()
    assert other.read_bytes() == b"not ours"


def _newer_jixiao(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend to be a newer jixiao: one migration more than the file has had, and a schema version more."""
    newer = Migrations("jixiao")
    newer(name="m001_initial")(schema.m001_initial)

    @newer()
    def m002_notes(db: Database) -> None:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")

    monkeypatch.setattr(schema, "migrations", newer)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)


def test_a_migration_is_preceded_by_a_copy(report_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(report_file):
        pass
    _newer_jixiao(monkeypatch)
    with Store.open(report_file) as store:
        assert store.db["notes"].exists()
    copies = backup.backups_of(report_file)
    assert len(copies) == 2, "the day's copy was already taken, and still one more before migrating"
    old = sqlite3.connect(copies[-1])
    try:
        assert old.execute("SELECT count(*) FROM sqlite_master WHERE name = 'notes'").fetchone()[0] == 0
    finally:
        old.close()


def test_no_migration_without_a_copy(report_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _newer_jixiao(monkeypatch)
    before = report_file.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "make_backup", disk_full)
    with pytest.raises(StoreError) as caught:
        Store.open(report_file)
    assert caught.value.code == "backup_failed"
    assert "No space left" in caught.value.text("en")
    assert report_file.read_bytes() == before


def test_a_failed_daily_copy_does_not_stop_work(report_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only_folder(*args: object, **kwargs: object) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(backup, "make_backup", read_only_folder)
    with Store.open(report_file) as store:
        assert store.opening_backup is None
        assert store.backup_problem is not None and store.backup_problem.code == "backup_failed"
        store.set(store.list_reports()[0].id, "unit_short", "月湖")


def test_no_copy_of_a_new_or_read_only_file(tmp_path: Path, report_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(tmp_path / "新文件.db"):
        pass
    assert backup.backups_of(tmp_path / "新文件.db") == []
    monkeypatch.setattr("store.repository._writable", lambda path: False)
    with Store.open(report_file) as store:
        assert store.readonly and store.opening_backup is None and store.backup_problem is None
    assert backup.backups_of(report_file) == []


def test_a_new_day_gets_a_new_copy(report_file: Path) -> None:
    conn = sqlite3.connect(report_file)
    try:
        yesterday = backup.make_backup(conn, report_file, when=datetime.now() - timedelta(days=1))
    finally:
        conn.close()
    with Store.open(report_file) as store:
        assert store.opening_backup is not None and store.opening_backup != yesterday
    assert len(backup.backups_of(report_file)) == 2


# --- checked copies, naming, restore (issue 19) ----------------------------------------------


def _copy_now(report_file: Path, when: datetime | None = None) -> Path:
    conn = sqlite3.connect(report_file)
    try:
        return backup.make_backup(conn, report_file, when=when)
    finally:
        conn.close()


def test_fifteen_copies_in_one_second_keep_the_newest_ten(report_file: Path) -> None:
    when = datetime(2024, 5, 6, 7, 8, 9)
    made = []
    for _ in range(15):
        made.append(_copy_now(report_file, when))
        assert made[-1].exists(), "the copy just made was pruned at once"
    assert backup.backups_of(report_file) == made[5:]
    assert len(set(made)) == 15, "no freed name was taken again"


def test_a_damaged_file_gets_no_copy_and_the_good_one_stays(report_file: Path) -> None:
    good = _copy_now(report_file, datetime(2024, 1, 1))
    damage_deep_inside(report_file)
    for second in range(12):
        with pytest.raises(StoreError) as caught:
            _copy_now(report_file, datetime(2024, 1, 2, 0, 0, second))
        assert caught.value.code == "damaged"
        assert str(good) in caught.value.text("en") and "jixiao restore" in caught.value.text("en")
    assert backup.backups_of(report_file) == [good]
    assert sorted(p.name for p in good.parent.iterdir()) == [good.name], "no partial or damaged copy left"


def test_a_copy_that_fails_its_check_from_a_sound_file_is_not_kept(
    report_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    verdicts = iter([False, True])  # the copy fails, the file itself passes
    monkeypatch.setattr(backup, "_passes_check", lambda conn: next(verdicts))
    with pytest.raises(StoreError) as caught:
        _copy_now(report_file)
    assert caught.value.code == "backup_unsound"
    assert list((report_file.parent / "backups").iterdir()) == []


def test_damage_deep_inside_surfaces_as_damaged_when_read(report_file: Path) -> None:
    with Store.open(report_file) as store:
        good = store.opening_backup
        report_id = store.list_reports()[0].id
    damage_deep_inside(report_file)
    # The day's copy is taken: open judges damage cheaply, and the damage shows when the report is read.
    with Store.open(report_file) as store, pytest.raises(DamagedError) as caught:
        store.load(report_id)
    assert caught.value.params["good"] == good
    assert "已损坏" in str(caught.value) and str(good) in str(caught.value)


def test_the_first_open_of_the_day_refuses_a_file_its_copy_finds_damaged(report_file: Path) -> None:
    damage_deep_inside(report_file)
    with pytest.raises(DamagedError) as caught:
        Store.open(report_file)
    assert caught.value.params["good"] is None
    assert "no good backup" in caught.value.text("en")
    assert backup.copies(report_file) == []


def test_restore_brings_a_copy_back_and_can_be_undone(report_file: Path) -> None:
    with Store.open(report_file) as store:
        report_id = store.list_reports()[0].id
        copy = store.opening_backup
        original = store.load(report_id).unit_name
        store.set(report_id, "unit_name", "改过的名称")
    assert copy is not None
    done = backup.restore(copy, report_file)
    assert done.set_aside is not None and done.set_aside_good and done.set_aside in backup.backups_of(report_file)
    with Store.open(report_file) as store:
        assert store.load(report_id).unit_name == original
    backup.restore(done.set_aside, report_file)
    with Store.open(report_file) as store:
        assert store.load(report_id).unit_name == "改过的名称"


def test_restore_refuses_a_damaged_backup(report_file: Path) -> None:
    with Store.open(report_file) as store:
        copy = store.opening_backup
    assert copy is not None
    damage_deep_inside(copy)
    before = report_file.read_bytes()
    with pytest.raises(StoreError) as caught:
        backup.restore(copy, report_file)
    assert caught.value.code == "restore_damaged"
    assert report_file.read_bytes() == before
    assert backup.backups_of(report_file) == [copy], "nothing was set aside either"


def test_restore_refuses_while_another_jixiao_has_the_file_open(report_file: Path) -> None:
    with Store.open(report_file) as store:
        copy = store.opening_backup
        report_id = store.list_reports()[0].id
        store.set(report_id, "unit_name", "另一处正在编辑")
        assert copy is not None
        with pytest.raises(StoreError) as caught:
            backup.restore(copy, report_file)
        assert caught.value.code == "restore_in_use"
        assert store.load(report_id).unit_name == "另一处正在编辑"
        store.set(report_id, "unit_short", "照常保存")
    assert backup.backups_of(report_file) == [copy]


def test_restore_over_a_damaged_file_keeps_it_aside_marked(report_file: Path) -> None:
    with Store.open(report_file) as store:
        copy = store.opening_backup
        report_id = store.list_reports()[0].id
    assert copy is not None
    damage_deep_inside(report_file)
    done = backup.restore(copy, report_file)
    assert done.set_aside is not None and not done.set_aside_good
    assert done.set_aside.name.endswith(".damaged.db") and done.set_aside not in backup.backups_of(report_file)
    assert backup.newest_good(report_file) == copy
    with Store.open(report_file) as store:
        store.load(report_id)


def test_restoring_the_oldest_of_ten_does_not_prune_it_first(report_file: Path) -> None:
    made = [_copy_now(report_file, datetime(2024, 1, 1) + timedelta(days=day)) for day in range(10)]
    done = backup.restore(made[0], report_file)
    assert made[0].exists() and done.set_aside is not None and done.set_aside.exists()
    assert len(backup.backups_of(report_file)) == 11, "the restored copy is kept beside the newest ten"
    _copy_now(report_file)
    assert not made[0].exists() and len(backup.backups_of(report_file)) == 10
