"""The report file has one owner in the process, and SQLite is the only thing that opens it (issue 19).

On POSIX, closing any descriptor of a file drops every lock the process holds on it,
SQLite's included. The next program that closes the file then takes itself for the last
one, checkpoints, and deletes the -wal the app is still writing: every edit after that goes
to a file nobody will read again, and is lost at the next crash or even at a clean quit.
The home screen's count of findings once opened the file a second time (`Store.open` read
its header with a plain `open()`), and one `jixiao check` in another terminal then did it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pilot_helpers import open_part, retype, until

from store.repository import Store
from store.settings import Settings
from tui.app import JixiaoApp
from tui.cli import main
from tui.screens.home import HomeScreen

REPO = Path(__file__).resolve().parents[2]

#: Paths opened by anything but SQLite while a test watches (None: not watching). Python raises
#: the audit event "open" for open(), io.open and os.open; SQLite's own opens raise none.
_opened: list[str] | None = None


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], str | bytes | Path):
        _opened.append(str(Path(args[0] if not isinstance(args[0], bytes) else args[0].decode()).resolve()))


sys.addaudithook(_hook)


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """Every path opened by hand in this process while the test runs."""
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


@pytest.fixture
def report_file(sample_copy: Path) -> Path:
    """A copy of sample.db, made before anything watches."""
    return sample_copy


def _touches(opened: list[str], path: Path) -> list[str]:
    """The opened paths that are the report file or one SQLite keeps beside it."""
    names = {str(path.resolve()) + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    return [name for name in opened if name in names]


def _in_another_process(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args], cwd=REPO, capture_output=True, text=True, encoding="utf-8"
    )


def _spent_seen_by_another_process(path: Path) -> Decimal:
    done = _in_another_process(path, "dump", str(path))
    line = next(line for line in done.stdout.splitlines() if line.startswith("spent = "))
    return Decimal(line.split('"')[1])


async def test_the_app_and_every_command_leave_the_file_to_sqlite(
    report_file: Path, opened: list[str], tmp_path: Path
) -> None:
    """With the app open and saving, the home list's counts and each command run in the same process open nothing by hand."""
    store = Store.open(report_file)
    try:
        app = JixiaoApp(store, "zh", settings=Settings())
        async with app.run_test(size=(100, 40)) as pilot:
            await until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen), "the home list")
            await open_part(pilot, "f3")
            await retype(pilot, "figures.spent", "5083.35", then="enter")
            for args in (
                ["check", str(report_file)],
                ["dump", str(report_file)],
                ["export", str(report_file), "--format", "docx", "-o", str(tmp_path / "报告.docx")],
                ["backup", str(report_file)],
            ):
                assert main(args) in (0, 1), args
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen), "back on the home list")
            await pilot.app.workers.wait_for_complete()
    finally:
        store.close()
    assert _touches(opened, report_file) == []


async def test_another_program_reading_the_file_keeps_the_apps_later_edits(report_file: Path) -> None:
    """The case of issue 19: the app counts findings on its home list, `jixiao check` runs in another
    terminal, and the edits saved after it must be where every other program reads the file."""
    store = Store.open(report_file)
    try:
        app = JixiaoApp(store, "zh", settings=Settings())
        async with app.run_test(size=(100, 40)) as pilot:
            await until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen), "the home list")
            await pilot.app.workers.wait_for_complete()
            await open_part(pilot, "f3")
            await retype(pilot, "figures.spent", "111.11", then="enter")
            for command in ("check", "dump", "backup"):
                assert _in_another_process(report_file, command, str(report_file)).returncode in (0, 1)
            assert report_file.with_name(f"{report_file.name}-wal").exists(), "the app's -wal was removed"
            await retype(pilot, "figures.spent", "222.22", then="enter")
            assert _spent_seen_by_another_process(report_file) == Decimal("222.22")
    finally:
        store.close()
