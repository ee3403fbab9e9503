"""Crash safety: a process killed outright at a random moment loses no edit it had reported saved.

Each trial starts a real process on a real report file, lets it make edits, and kills it
(SIGKILL on POSIX, TerminateProcess on Windows) after a seeded random delay, sometimes while
it is still opening the file. Then the file must pass `PRAGMA integrity_check` and hold every
edit the process had reported saved (and at most the one it was making when killed).
`make stress` runs ten times as many trials.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_helpers import integrity, make_report_file, observed, state_after

from store.repository import Store

WRITER = Path(__file__).with_name("crash_writer.py")


def _store_trial(folder: Path, seed: int) -> int:
    """One kill of a process editing through the Store API; returns how many saved edits were checked."""
    rng = random.Random(seed)
    path = folder / "月湖 2019.db"
    report_id = make_report_file(path)
    with Store.open(path) as store:
        start = store.load(report_id)
    child = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), str(report_id)],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert child.stdout is not None
    if rng.random() < 0.1:
        time.sleep(rng.uniform(0, 0.3))
    else:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.4))
    child.kill()
    child.wait()
    saved = [line.split()[1] for line in child.stdout.read().splitlines() if line.startswith("saved ")]
    child.stdout.close()
    assert saved == [str(i) for i in range(len(saved))]
    assert integrity(path) == "ok"
    with Store.open(path) as store:
        now = observed(store.load(report_id))
    n = len(saved)
    assert now in (state_after(start, n), state_after(start, n + 1)), f"seed {seed}: {n} edits reported saved"
    return n


@pytest.mark.parametrize("seed", range(30))
def test_killed_store_writer_keeps_every_saved_edit(tmp_path: Path, seed: int) -> None:
    _store_trial(tmp_path, seed)


@pytest.mark.stress
@pytest.mark.parametrize("seed", range(1000, 1300))
def test_killed_store_writer_stress(tmp_path: Path, seed: int) -> None:
    _store_trial(tmp_path, seed)


def test_saved_means_on_disk(tmp_path: Path) -> None:
    """synchronous=FULL: a commit returns only once the journal is flushed to the disk (power loss)."""
    with Store.open(tmp_path / "x.db") as store:
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert store.journal == "wal"
