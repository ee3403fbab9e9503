"""Files that are not a report file jixiao can use are refused with a reason, and left exactly
as they were: same bytes, nothing created beside them; the command line says so and exits 2."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from store import schema
from store.repository import Store, StoreError
from store.schema import SCHEMA_VERSION
from tui.cli import main


def with_pragma(path: Path, name: str, value: int) -> Path:
    """The file at `path` with one header value set by another program (user_version, application_id)."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA {name} = {value}")
    conn.close()
    return path


def new_file(path: Path) -> Path:
    Store.open(path).close()
    return path


def newer(folder: Path) -> Path:
    return with_pragma(new_file(folder / "newer.db"), "user_version", SCHEMA_VERSION + 1)


def not_sqlite(folder: Path) -> Path:
    path = folder / "notes.db"
    path.write_text("部门整体支出绩效评价报告\n这是一个文本文件。\n", encoding="utf-8")
    return path


def empty(folder: Path) -> Path:
    path = folder / "empty.db"
    path.write_bytes(b"")
    return path


def foreign(folder: Path) -> Path:
    path = folder / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO people VALUES ('张三', '0731-1234567')")
    conn.commit()
    conn.close()
    return path


def foreign_versioned(version: int) -> Callable[[Path], Path]:
    """Another program's database that happens to set user_version (as many do) to one jixiao used."""

    return lambda folder: with_pragma(foreign(folder), "user_version", version)


def marked_by_another_program(folder: Path) -> Path:
    """A database carrying another program's application_id (a GeoPackage's), with jixiao's tables inside."""
    return with_pragma(new_file(folder / "map.gpkg"), "application_id", 0x47504B47)


def damaged(folder: Path) -> Path:
    path = folder / "damaged.db"
    good = folder / "good.db"
    Store.open(good).close()
    data = bytearray(good.read_bytes())
    good.unlink()
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    return path


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "newer schema": (newer, "newer_schema"),
    "not SQLite": (not_sqlite, "not_sqlite"),
    "empty file": (empty, "empty_file"),
    "another program's database": (foreign, "foreign_db"),
    "damaged": (damaged, "damaged"),
    "another program's database marked as its own": (marked_by_another_program, "foreign_db"),
    **{f"another program's database at user_version {v}": (foreign_versioned(v), "foreign_db") for v in range(1, 6)},
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"<dir>" for p in folder.rglob("*")}


@pytest.fixture(params=sorted(CASES))
def refused_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    make, code = CASES[request.param]
    return make(tmp_path), code


def test_opening_is_refused_with_the_reason(refused_file: tuple[Path, str]) -> None:
    path, code = refused_file
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert caught.value.code == code
    assert path.name in caught.value.text("zh") and path.name in caught.value.text("en")


def test_a_refused_file_is_left_byte_for_byte_untouched(refused_file: tuple[Path, str]) -> None:
    path, _ = refused_file
    before = snapshot(path.parent)
    with pytest.raises(StoreError):
        Store.open(path)
    assert snapshot(path.parent) == before


@pytest.mark.parametrize(
    "command",
    [["check", "{db}"], ["dump", "{db}"], ["load", "{toml}", "{db}"], ["check", "{db}", "--lang", "en"]],
    ids=["check", "dump", "load", "check-en"],
)
def test_the_command_line_refuses_it_with_exit_2_and_leaves_it_untouched(
    refused_file: tuple[Path, str], command: list[str], seed_toml: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = refused_file
    toml = path.parent.parent / f"{path.parent.name}-seed.toml"
    toml.write_text(seed_toml, encoding="utf-8")
    before = snapshot(path.parent)

    status = main([part.format(db=path, toml=toml) for part in command])

    out, err = capsys.readouterr()
    assert status == 2
    assert path.name in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert out == ""
    assert snapshot(path.parent) == before


def test_a_missing_file_is_not_created_by_commands_that_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "不存在.db"
    assert main(["check", str(missing)]) == 2
    assert main(["dump", str(missing)]) == 2
    assert "不存在.db" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_opening_a_good_file_and_reading_it_leaves_its_bytes_alone(sample_copy: Path) -> None:
    before = sample_copy.read_bytes()
    with Store.open(sample_copy) as store:
        store.load(store.list_reports()[0].id)
    assert sample_copy.read_bytes() == before
    assert not sample_copy.with_name("sample.db-wal").exists()


def test_opening_a_current_file_does_not_load_sqlite_utils(tmp_path: Path) -> None:
    """sqlite-utils costs a noticeable part of start-up; a file that needs no migration opens without it."""
    path = tmp_path / "报告.db"
    Store.open(path).close()
    script = (
        "import sys; from store.repository import Store; "
        f"Store.open({str(path)!r}).close(); print('sqlite_utils' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8", check=True)
    assert done.stdout.strip() == "False"


def test_every_migration_raises_the_schema_version() -> None:
    """A file at SCHEMA_VERSION is taken to have had every migration (and is opened without checking them)."""
    assert len(schema.MIGRATIONS) == schema.SCHEMA_VERSION


def test_a_jixiao_file_carries_its_mark(tmp_path: Path) -> None:
    """New files say they are jixiao's in the header (application_id), not by user_version alone."""
    path = tmp_path / "新建.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    conn.close()


def test_reading_an_older_file_read_only_leaves_it_as_it_was(tmp_path: Path) -> None:
    """`check`/`dump`/`export` of a file from an older jixiao read it, without migrating or backing it up."""
    path = tmp_path / "旧版.db"
    path.write_bytes((Path(__file__).parent / "data" / "sample-v1.db").read_bytes())
    before = path.read_bytes()
    with Store.open(path, readonly=True) as store:
        report = store.load(store.list_reports()[0].id)
    assert report.unit_name.startswith("长沙市开福区")
    assert report.outline
    assert main(["check", str(path)]) in (0, 1)
    assert main(["dump", str(path)]) == 0
    assert path.read_bytes() == before
    beside = {p.name: p.stat().st_size for p in tmp_path.iterdir() if p != path}
    assert beside.keys() <= {"旧版.db-wal", "旧版.db-shm"}, "no backup, nothing but SQLite's own companions"
    assert beside.get("旧版.db-wal", 0) == 0


def test_backing_up_an_older_file_takes_one_copy_and_does_not_migrate_it(tmp_path: Path) -> None:
    """`jixiao backup` only reads the file: one copy (no day's copy besides), the file's own format kept."""
    path = tmp_path / "旧版.db"
    path.write_bytes((Path(__file__).parent / "data" / "sample-v1.db").read_bytes())
    before = path.read_bytes()
    assert main(["backup", str(path)]) == 0
    assert path.read_bytes() == before
    (copy,) = (tmp_path / "backups").iterdir()
    with Store.open(copy, readonly=True) as store:
        assert store.list_reports()
