"""`jixiao backup`, `backup --list` and `restore` on sound and damaged files (issue 19, part 3).

A file with one page damaged deep inside passes the cheap judgement at open; every command
must still end in one sentence, "damaged" with the newest good backup, exit 2, never a
traceback, and `jixiao backup` must never count a damaged copy nor prune a good one for it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from fault_helpers import make_report_file
from file_damage import damage_deep_inside

from store import backup
from store.repository import Store
from tui import cli


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """`jixiao ARGS` in this process, in English: exit status, what it printed, what it complained."""
    status = cli.main(["--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def damaged_with_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A report file with one good backup taken before a page deep inside was damaged."""
    path = tmp_path / "月湖 2019.db"
    make_report_file(path)
    status, out, _ = run_cli(capsys, "backup", path)
    assert status == cli.EXIT_OK
    good = Path(out.strip().removeprefix("backed up to "))
    assert good.exists()
    damage_deep_inside(path)
    return path, good


def test_ten_backups_of_a_damaged_file_keep_the_good_one(
    damaged_with_backup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, good = damaged_with_backup
    before = backup.backups_of(path)  # the day's copy at open, and the one `backup` made
    for _ in range(10):
        status, out, err = run_cli(capsys, "backup", path)
        assert status == cli.EXIT_UNUSABLE and out == ""
        assert err.count("\n") == 1 and "damaged" in err and str(good) in err, err
    assert backup.backups_of(path) == before and before[-1] == good


@pytest.mark.parametrize(
    "command",
    [["check"], ["dump"], ["export", "--format", "md"], ["next"], ["backup"]],
    ids=lambda words: words[0],
)
def test_deep_damage_is_one_sentence_naming_the_good_backup(
    damaged_with_backup: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    path, good = damaged_with_backup
    monkeypatch.chdir(tmp_path)
    status, _, err = run_cli(capsys, command[0], path, *command[1:])
    assert status == cli.EXIT_UNUSABLE
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("error: "), err
    assert "damaged" in err and str(good) in err and "jixiao restore" in err, err


def test_deep_damage_as_a_real_process(damaged_with_backup: tuple[Path, Path]) -> None:
    path, good = damaged_with_backup
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "check", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == cli.EXIT_UNUSABLE
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert "已损坏" in done.stderr and str(good) in done.stderr


def test_list_shows_every_copy_and_the_newest_good(
    damaged_with_backup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, good = damaged_with_backup
    broken = backup.restore(good, path).set_aside  # the damaged file, kept aside marked
    assert broken is not None
    status, out, _ = run_cli(capsys, "backup", path, "--list")
    assert status == cli.EXIT_OK
    lines = out.splitlines()
    assert re.match(r"\s+1  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d+ KB  damaged  " + re.escape(broken.name), lines[1])
    assert re.match(r"\s+2  .*  good\s+" + re.escape(good.name), lines[2])
    assert lines[-1] == f'the newest good backup: 2 ({good.name}); to restore it: jixiao restore 2 "{path}"'


def test_list_works_without_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "backup", tmp_path / "没有.db", "--list")
    assert status == cli.EXIT_OK and "has no backups yet" in out


def test_restore_by_number_then_undo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "月湖 2019.db"
    report_id = make_report_file(path)
    run_cli(capsys, "backup", path)
    with Store.open(path) as store:
        original = store.load(report_id).unit_name
        store.set(report_id, "unit_name", "改过的名称")
    status, out, err = run_cli(capsys, "restore", "1", path)
    assert status == cli.EXIT_OK, err
    assert out.startswith(f"restored “{path}” from the backup") and "to undo: jixiao restore" in out
    with Store.open(path) as store:
        assert store.load(report_id).unit_name == original
    undo = re.search(r"to undo: jixiao restore \"([^\"]+)\"", out)
    assert undo is not None
    status, _, _ = run_cli(capsys, "restore", undo[1], path)
    with Store.open(path) as store:
        assert store.load(report_id).unit_name == "改过的名称"


def test_restore_refusals_are_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "月湖 2019.db"
    make_report_file(path)
    status, _, err = run_cli(capsys, "restore", "3", path)
    assert status == cli.EXIT_UNUSABLE and "no backup number 3" in err
    run_cli(capsys, "backup", path)
    with Store.open(path):
        status, _, err = run_cli(capsys, "restore", "1", path)
    assert status == cli.EXIT_UNUSABLE and err.count("\n") == 1 and "is open in another jixiao" in err, err


def test_fifteen_backups_in_one_second_print_copies_that_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "月湖 2019.db"
    make_report_file(path)

    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz: object = None) -> FrozenClock:  # type: ignore[override]
            return cls(2030, 1, 2, 3, 4, 5)

    monkeypatch.setattr(backup, "datetime", FrozenClock)
    printed = []
    for _ in range(15):
        status, out, _ = run_cli(capsys, "backup", path)
        assert status == cli.EXIT_OK
        printed.append(Path(out.strip().removeprefix("backed up to ")))
        assert printed[-1].exists()
    # Each run also took a "first copy of the day" at open (the frozen clock is not today).
    kept = backup.backups_of(path)
    assert len(kept) == backup.KEEP and kept[-1] == printed[-1] and set(printed[-5:]) <= set(kept)
