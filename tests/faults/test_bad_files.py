"""Bad files: each gets one clear sentence, a non-zero exit, and is left byte-for-byte as it was.

The table below builds one fault per row in a fresh folder. Every row is tried through the
Store API and through the `jixiao` command (in-process, so permission faults can be
simulated; the plain rows once more as a real process, to see its exit status and that no
traceback reaches the screen).

Permissions: these tests often run as root, who may write anything, so "read-only" cannot
be made with chmod there. Then the test simulates it exactly where jixiao looks —
`os.access` says no — and, for a folder, also stops SQLite itself from creating files beside
the report (directories sit where its `-wal` and `-shm` files would go, so `mode=ro` fails
as it does for a real read-only folder), so the fallback to an immutable read-only snapshot
is exercised. As an ordinary user the tests use real chmod instead.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from fault_helpers import SAMPLE_TOML, assert_one_line_refusal, digest, make_report_file, run_cli
from textual.widgets import Input

import exporters
import store.repository
from exporters import ExportError
from store import exchange
from store.model import Report
from store.repository import Store, StoreError
from store.schema import SCHEMA_VERSION
from store.settings import Settings
from tui import cli
from tui.app import JixiaoApp
from tui.widgets import field_id
from tui.words import message

#: Whether chmod really stops this process writing (not as root, not for folders on Windows).
HONOURS_PERMISSIONS = os.name == "posix" and os.geteuid() != 0


# --- files jixiao must refuse ------------------------------------------------------------


def _real_file(folder: Path) -> Path:
    path = folder / "月湖 2019.db"
    make_report_file(path)
    return path


def _not_sqlite(folder: Path) -> Path:
    path = folder / "报告.db"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00word/document.xml" + bytes(range(256)) * 8)
    return path


def _text_file(folder: Path) -> Path:
    path = folder / "说明.db"
    path.write_text("这是一份说明，不是报告文件。\n", encoding="utf-8")
    return path


def _empty(folder: Path) -> Path:
    path = folder / "空.db"
    path.write_bytes(b"")
    return path


def _truncated(folder: Path) -> Path:
    path = _real_file(folder)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _zeroed_page(folder: Path) -> Path:
    path = _real_file(folder)
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 3] = bytes(4096)
    path.write_bytes(bytes(data))
    return path


def _newer_schema(folder: Path) -> Path:
    path = _real_file(folder)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    return path


def _foreign(folder: Path) -> Path:
    path = folder / "财务软件.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE vouchers (id INTEGER PRIMARY KEY, amount TEXT)")
    conn.execute("INSERT INTO vouchers (amount) VALUES ('12.50')")
    conn.commit()
    conn.close()
    return path


def _folder(folder: Path) -> Path:
    path = folder / "报告.db"
    path.mkdir()
    return path


def _missing(folder: Path) -> Path:
    return folder / "没有这个文件.db"


@dataclass(frozen=True)
class Refusal:
    name: str
    make: Callable[[Path], Path]
    code: str
    words: tuple[str, ...]


REFUSALS = [
    Refusal("not SQLite (a Word file renamed)", _not_sqlite, "not_sqlite", ("not a jixiao report file",)),
    Refusal("a text file", _text_file, "not_sqlite", ("not an SQLite database",)),
    Refusal("empty file", _empty, "empty_file", ("empty",)),
    Refusal("truncated SQLite (cut in half)", _truncated, "damaged", ("damaged", "backups")),
    Refusal("a page overwritten with zeros", _zeroed_page, "damaged", ("damaged",)),
    Refusal("newer schema", _newer_schema, "newer_schema", ("newer jixiao",)),
    Refusal("another program's database", _foreign, "foreign_db", ("another program",)),
    Refusal("a folder", _folder, "is_folder", ("folder",)),
    Refusal("no such file", _missing, "no_such_file", ("no such file",)),
]


@pytest.mark.parametrize("case", REFUSALS, ids=[case.name for case in REFUSALS])
def test_refused_file_is_left_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Refusal) -> None:
    path = case.make(tmp_path)
    before = digest(path) if path.is_file() else None
    with pytest.raises(StoreError) as caught:
        Store.open(path, create=False)
    assert caught.value.code == case.code
    for command in (("check", path), ("dump", path), ("backup", path)):
        assert_one_line_refusal(*run_cli(capsys, *command)[::2], *case.words)
    if path.exists():
        assert_one_line_refusal(*run_cli(capsys, "load", SAMPLE_TOML, path)[::2], *case.words)
    assert (digest(path) if path.is_file() else None) == before
    assert not (tmp_path / "backups").exists() or case.code == "damaged"


@pytest.mark.parametrize("case", REFUSALS, ids=[case.name for case in REFUSALS])
def test_refusal_from_a_real_process(tmp_path: Path, case: Refusal) -> None:
    """`jixiao check FILE` and, for a file that exists, `jixiao FILE` (the app): exit 2, one line, no traceback."""
    path = case.make(tmp_path)
    before = digest(path) if path.is_file() else None
    commands = [["check", str(path)], *([[str(path)]] if path.exists() else [])]
    for command in commands:
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", "--lang", "en", *command],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
        assert done.returncode == cli.EXIT_UNUSABLE, command
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
        assert all(word in done.stderr for word in case.words), done.stderr
        assert done.stdout == ""
    assert (digest(path) if path.is_file() else None) == before


# --- files that open, with limits ----------------------------------------------------------


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Make a file or folder read-only for jixiao: chmod where it is honoured, else simulated (see top)."""
    changed: list[tuple[Path, int]] = []
    denied: set[Path] = set()

    def make(path: Path) -> None:
        if HONOURS_PERMISSIONS:
            changed.append((path, stat.S_IMODE(path.stat().st_mode)))
            path.chmod(0o555 if path.is_dir() else 0o444)
            return
        denied.add(path.resolve())
        if path.is_dir():
            for report_file in path.glob("*.db"):
                for companion in ("-wal", "-shm"):
                    report_file.with_name(report_file.name + companion).mkdir()
            (path / "backups").write_text("nor can a backups folder be made here", encoding="utf-8")
        real_access = os.access

        def access(target: str | os.PathLike[str], mode: int, **kwargs: object) -> bool:
            if mode & os.W_OK and Path(target).resolve() in denied:
                return False
            return real_access(target, mode, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "access", access)

    yield make
    for path, mode in reversed(changed):
        path.chmod(mode)


def test_read_only_file_opens_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], read_only: Callable[[Path], None]
) -> None:
    path = _real_file(tmp_path)
    read_only(path)
    before = digest(path)
    with Store.open(path) as opened:
        assert opened.readonly
        report_id = opened.list_reports()[0].id
        assert opened.load(report_id).unit_name == "长沙市开福区月湖街道办事处"
        with pytest.raises(StoreError) as caught:
            opened.set(report_id, "figures.spent", Decimal("1.00"))
        assert caught.value.code == "readonly"
    assert run_cli(capsys, "check", path)[0] in (cli.EXIT_OK, cli.EXIT_FINDINGS)
    status, _, err = run_cli(capsys, "load", SAMPLE_TOML, path)
    assert_one_line_refusal(status, err, "read-only")
    assert digest(path) == before
    assert not (tmp_path / "backups").exists(), "no backup of a file that cannot change"


def test_read_only_folder_opens_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], read_only: Callable[[Path], None]
) -> None:
    folder = tmp_path / "只读 文件夹"
    folder.mkdir()
    path = _real_file(folder)
    read_only(folder)
    before = digest(path)
    with Store.open(path) as opened:
        assert opened.readonly
        report_id = opened.list_reports()[0].id
        assert opened.load(report_id).figures["spent"] == Decimal("5083.34")
        with pytest.raises(StoreError) as caught:
            opened.insert(report_id, "duties", 0, "新职责")
        assert caught.value.code == "readonly"
    assert run_cli(capsys, "check", path)[0] in (cli.EXIT_OK, cli.EXIT_FINDINGS)
    assert_one_line_refusal(*run_cli(capsys, "backup", path)[::2], "cannot save a backup")
    assert digest(path) == before


async def test_read_only_file_in_the_app(
    tmp_path: Path, read_only: Callable[[Path], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app says "read-only" on every screen and refuses an edit at the field, with the reason."""
    monkeypatch.setenv("JIXIAO_SETTINGS", str(tmp_path / "no-settings.toml"))
    path = _real_file(tmp_path)
    read_only(path)
    before = digest(path)
    banner = message("safety.readonly_banner", "zh")
    with Store.open(path) as opened:
        app = JixiaoApp(opened, "zh", settings=Settings())
        async with app.run_test(size=(100, 40)) as pilot:
            assert banner in [str(node.render()) for node in app.screen.query(".banner")]
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("f3")
            await pilot.pause()
            assert banner in [str(node.render()) for node in app.screen.query(".banner")]
            field = app.screen.query_one(f"#{field_id('figures.spent')}", Input)
            field.focus()
            field.value = "1.00"
            await pilot.press("tab")
            await pilot.pause()
            assert field.has_class("-refused")
            assert message("readonly", "zh", path=path) in str(app.screen.query_one("#status").render())
    assert digest(path) == before


def test_a_file_sqlite_cannot_write_beside_opens_read_only(tmp_path: Path) -> None:
    """Permissions say yes but the system says no (a write-protected USB stick): view it, do not fail."""
    path = _real_file(tmp_path)
    path.with_name(path.name + "-shm").mkdir()
    before = digest(path)
    with Store.open(path) as opened:
        assert opened.readonly
        assert opened.list_reports()[0].unit_name == "长沙市开福区月湖街道办事处"
    assert digest(path) == before


def test_chinese_path_with_spaces_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "财政所 资料" / "2019 年度 绩效"
    folder.mkdir(parents=True)
    path = folder / "月湖街道 整体支出 绩效评价.db"
    status, out, _ = run_cli(capsys, "load", SAMPLE_TOML, path)
    assert status == cli.EXIT_OK and "1" in out
    with Store.open(path) as opened:
        report_id = opened.list_reports()[0].id
        opened.set(report_id, "unit_short", "月湖 街道")
        assert opened.load(report_id).unit_short == "月湖 街道"
    status, out, _ = run_cli(capsys, "backup", path)
    assert status == cli.EXIT_OK
    copy = Path(out.strip().removeprefix("backed up to "))
    assert copy.parent == (folder / "backups").resolve() and copy.name.startswith("月湖街道 整体支出 绩效评价-")
    status, out, _ = run_cli(capsys, "dump", path)
    assert status == cli.EXIT_OK and 'unit_short = "月湖 街道"' in out


@pytest.fixture
def holder() -> Iterator[Callable[[Path], sqlite3.Connection]]:
    """Another program holding the file: a second connection inside BEGIN EXCLUSIVE."""
    held: list[sqlite3.Connection] = []

    def hold(path: Path) -> sqlite3.Connection:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        held.append(conn)
        return conn

    yield hold
    for conn in held:
        conn.execute("ROLLBACK")
        conn.close()


def test_locked_file_edits_wait_then_say_locked(tmp_path: Path, holder: Callable[[Path], sqlite3.Connection]) -> None:
    """A WAL file held by another writer still opens (readers are not blocked); an edit says locked."""
    path = _real_file(tmp_path)
    holder(path)
    with Store.open(path) as opened:
        opened.conn.execute("PRAGMA busy_timeout = 300")
        with pytest.raises(StoreError) as caught:
            opened.set(opened.list_reports()[0].id, "figures.spent", Decimal("1.00"))
    assert caught.value.code == "locked" and "locked" in caught.value.text("en")


def test_locked_file_cli_says_locked_after_the_busy_timeout(
    tmp_path: Path, holder: Callable[[Path], sqlite3.Connection]
) -> None:
    path = tmp_path / "空报告.db"
    Store.open(path).close()
    holder(path)
    before = digest(path)
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--lang", "en", "load", str(SAMPLE_TOML), str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert_one_line_refusal(done.returncode, done.stderr, "locked")
    assert digest(path) == before


def test_locked_rollback_journal_file_is_refused_at_open(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    holder: Callable[[Path], sqlite3.Connection],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With a rollback journal an exclusive lock blocks readers too: opening waits, then says locked."""
    path = _real_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    holder(path)
    before = digest(path)
    monkeypatch.setattr(store.repository, "BUSY_TIMEOUT_MS", 300)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert caught.value.code == "locked"
    assert_one_line_refusal(*run_cli(capsys, "check", path)[::2], "locked")
    assert digest(path) == before


def test_network_share_uses_a_rollback_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """WAL needs shared memory, which a share between PCs cannot give: fall back, keep saving safely."""
    path = _real_file(tmp_path)
    monkeypatch.setattr(store.repository, "_on_network_share", lambda path: True)
    with Store.open(path) as opened:
        assert opened.journal == "delete"
        assert opened.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        report_id = opened.list_reports()[0].id
        opened.set(report_id, "figures.spent", Decimal("5083.35"))
    assert not path.with_name(path.name + "-wal").exists()
    with Store.open(path) as reopened:
        assert reopened.load(report_id).figures["spent"] == Decimal("5083.35")


async def test_the_app_says_when_it_saves_without_wal_or_without_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network share (rollback journal) and a backups folder that cannot be made are told, not hidden."""
    monkeypatch.setenv("JIXIAO_SETTINGS", str(tmp_path / "no-settings.toml"))
    path = _real_file(tmp_path)
    (tmp_path / "backups").write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr(store.repository, "_on_network_share", lambda path: True)
    with Store.open(path) as opened:
        app = JixiaoApp(opened, "zh", settings=Settings())
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            said = [str(notification.message) for notification in app._notifications]
    assert message("safety.rollback_journal", "zh") in said
    assert any(text.startswith("无法在") and "backups" in text for text in said), said


def test_unc_paths_count_as_network_shares() -> None:
    assert store.repository._on_network_share(Path("//server/财政所/报告.db"))


def test_backup_into_an_unwritable_place_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _real_file(tmp_path)
    (tmp_path / "backups").write_text("a file where the folder should be", encoding="utf-8")
    before = digest(path)
    assert_one_line_refusal(*run_cli(capsys, "backup", path)[::2], "cannot save a backup")
    assert digest(path) == before


# --- exchange files (TOML) ---------------------------------------------------------------


def _sample_text() -> str:
    return SAMPLE_TOML.read_text(encoding="utf-8")


@dataclass(frozen=True)
class BadToml:
    name: str
    data: Callable[[], bytes]
    words: tuple[str, ...]


BAD_TOML = [
    BadToml("malformed TOML", lambda: _sample_text().replace('unit_short = "', "unit_short = ", 1).encode(), ("line",)),
    BadToml(
        "a year as text",
        lambda: _sample_text().replace("fiscal_year = 2019", 'fiscal_year = "2019"', 1).encode(),
        ("fiscal_year",),
    ),
    BadToml(
        "money as a float",
        lambda: _sample_text().replace('spent = "5083.34"', "spent = 5083.34", 1).encode(),
        ("figures.spent",),
    ),
    BadToml("saved as GBK by Notepad", lambda: _sample_text().encode("gbk"), ("UTF-8",)),
    BadToml("a report file given as TOML", lambda: b"SQLite format 3\x00" + bytes(100), ("TOML",)),
]


@pytest.mark.parametrize("case", BAD_TOML, ids=[case.name for case in BAD_TOML])
def test_bad_exchange_file_loads_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: BadToml) -> None:
    source = tmp_path / "交换 文件.toml"
    source.write_bytes(case.data())
    target = tmp_path / "空报告.db"
    Store.open(target).close()
    before = digest(target), digest(source)
    with pytest.raises(exchange.ExchangeError):
        exchange.read(source.read_bytes())
    assert_one_line_refusal(*run_cli(capsys, "load", source, target)[::2], *case.words)
    assert (digest(target), digest(source)) == before


# --- export targets ----------------------------------------------------------------------


@pytest.fixture
def loaded_report(tmp_path: Path) -> Report:
    path = _real_file(tmp_path)
    with Store.open(path) as opened:
        return opened.load(opened.list_reports()[0].id)


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_export_over_a_file_open_in_word(
    tmp_path: Path, loaded_report: Report, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Windows refuses to replace a file Word holds open (PermissionError): say so, keep the old file."""
    target = tmp_path / f"报告.{fmt}"
    target.write_bytes(b"the version the officer has open")

    def in_use(source: object, destination: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr(os, "replace", in_use)
    with pytest.raises(ExportError) as caught:
        exporters.export_report(loaded_report, fmt, target)
    assert caught.value.code == "export.in_use"
    assert target.read_bytes() == b"the version the officer has open"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []


def test_export_into_a_read_only_folder(tmp_path: Path, loaded_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    real_open = open

    def refuse(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "x" in mode or "w" in mode:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("exporters.files.open", refuse, raising=False)
    with pytest.raises(ExportError) as caught:
        exporters.export_report(loaded_report, "md", folder / "报告.md")
    assert caught.value.code == "export.folder_readonly"
    assert list(folder.iterdir()) == []


def test_export_into_a_missing_folder(tmp_path: Path, loaded_report: Report) -> None:
    with pytest.raises(ExportError) as caught:
        exporters.export_report(loaded_report, "docx", tmp_path / "没有的文件夹" / "报告.docx")
    assert caught.value.code == "export.no_folder"
    assert "没有的文件夹" in caught.value.text("zh")
    assert not (tmp_path / "没有的文件夹").exists()
