"""Two copies of jixiao open on one file: no edit is silently overwritten.

Every write carries the report revision the copy last saw; if the other copy changed the
report since, the write is refused (ConflictError) and the person chooses. These tests drive
two Store instances, and two processes writing at once.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from fault_helpers import make_report_file, seed_report

from store.repository import ConflictError, Store

WRITER = Path(__file__).with_name("concurrent_writer.py")


@pytest.fixture
def shared_file(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "共享盘" / "月湖 2019.db"
    path.parent.mkdir()
    return path, make_report_file(path)


def test_a_stale_write_is_refused_and_the_other_edit_survives(shared_file: tuple[Path, int]) -> None:
    path, rid = shared_file
    with Store.open(path) as mine, Store.open(path) as theirs:
        loaded = mine.load(rid)
        theirs.set(rid, "figures.spent", Decimal("5083.35"), expected_revision=theirs.revision(rid))
        with pytest.raises(ConflictError) as caught:
            mine.set(rid, "figures.spent", Decimal("9999.00"), expected_revision=loaded.revision)
        assert "changed elsewhere" in caught.value.text("en")
        assert mine.load(rid).figures["spent"] == Decimal("5083.35")
        assert mine.revision(rid) == loaded.revision + 1


def test_every_kind_of_change_checks_the_revision(shared_file: tuple[Path, int]) -> None:
    path, rid = shared_file
    with Store.open(path) as mine, Store.open(path) as theirs:
        seen = mine.revision(rid)
        theirs.set(rid, "unit_short", "月湖街道")
        before = mine.load(rid)
        for attempt in (
            lambda: mine.set(rid, "texts.preamble", "我的导语", expected_revision=seen),
            lambda: mine.insert(rid, "duties", 0, "新职责", expected_revision=seen),
            lambda: mine.delete(rid, "duties", 0, expected_revision=seen),
            lambda: mine.move(rid, "duties", 0, 3, expected_revision=seen),
        ):
            with pytest.raises(ConflictError):
                attempt()
        assert mine.load(rid) == before


def test_after_reloading_both_edits_are_kept(shared_file: tuple[Path, int]) -> None:
    path, rid = shared_file
    with Store.open(path) as mine, Store.open(path) as theirs:
        seen = mine.revision(rid)
        theirs.set(rid, "duties[0]", "他们改的职责", expected_revision=seen)
        with pytest.raises(ConflictError):
            mine.set(rid, "duties[2]", "我改的职责", expected_revision=seen)
        mine.set(rid, "duties[2]", "我改的职责", expected_revision=mine.revision(rid))
        duties = theirs.load(rid).duties
    assert duties[0] == "他们改的职责" and duties[2] == "我改的职责"
    assert duties[1] == seed_report().duties[1]


def test_two_processes_appending_at_once_lose_nothing(shared_file: tuple[Path, int]) -> None:
    path, rid = shared_file
    count = 60
    children = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(path), str(rid), name, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for name in ("甲", "乙")
    ]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [out for out, _ in outputs] == ["done\n", "done\n"], [err for _, err in outputs]
    with Store.open(path) as store:
        report = store.load(rid)
    added = report.problems[len(seed_report().problems) :]
    assert sorted(added) == sorted(f"{name}-{i}" for name in ("甲", "乙") for i in range(count))
    for name in ("甲", "乙"):
        assert [item for item in added if item.startswith(name)] == [f"{name}-{i}" for i in range(count)]
