"""A plain copy of the .db made while the app is open holds every change saved a moment before.

Explorer, a USB stick or a sync client copy the .db without its -wal; once saving rests the app
brings what the -wal holds into the file itself (Store.checkpoint), so such a copy is complete.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from pilot_helpers import open_part, retype, until

import tui.app
from store.repository import Store
from tui.session import value_at

SEED_ID = 1


def _copied_alone(path: Path, folder: Path) -> Path:
    """The .db copied by another process, as Explorer would: the file only, not its -wal."""
    folder.mkdir(exist_ok=True)
    copy = folder / "U盘上的副本.db"
    subprocess.run([sys.executable, "-c", "import shutil, sys; shutil.copyfile(*sys.argv[1:])", path, copy], check=True)
    return copy


def _spent_in(copy: Path) -> Decimal:
    with Store.open(copy) as copied:
        return value_at(copied.load(SEED_ID), "figures.spent")


def test_after_a_checkpoint_the_db_alone_holds_the_saved_change(sample_copy: Path, tmp_path: Path) -> None:
    with Store.open(sample_copy) as store:
        store.set(SEED_ID, "figures.spent", Decimal("5083.35"))
        before = _copied_alone(sample_copy, tmp_path / "before")
        store.checkpoint()
        after = _copied_alone(sample_copy, tmp_path / "after")
    assert _spent_in(before) != Decimal("5083.35"), "the change was in the .db already: the copy shows nothing"
    assert _spent_in(after) == Decimal("5083.35")


async def test_the_app_checkpoints_once_saving_rests(make_app, sample_copy: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tui.app, "CHECKPOINT_AFTER", 0.2)
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        await retype(pilot, "figures.spent", "5083.36", then="enter")
        await pilot.pause(0.5)
        await until(pilot, lambda: True, "settled")
        copy = _copied_alone(sample_copy, tmp_path)
    assert _spent_in(copy) == Decimal("5083.36")
