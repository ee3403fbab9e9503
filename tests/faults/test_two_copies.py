"""Two copies of jixiao open on one file: no edit is silently overwritten.

Every write carries the report revision the copy last saw; if the other copy changed the
report since, the write is refused (ConflictError) and the person chooses. These tests drive
two Store instances, and two processes writing at once.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import REPO, make_report_file, seed_report
from textual.pilot import Pilot
from textual.widgets import TextArea

from store.repository import ConflictError, Store
from store.settings import Settings
from tui.app import JixiaoApp
from tui.session import value_at
from tui.widgets import field_id
from tui.widgets.dialogs import ConflictDialog

WRITER = Path(__file__).with_name("concurrent_writer.py")
SAMPLE_DB = REPO / "sample.db"
SEED_ID = 1


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


# --- two copies of the app (Pilot) ---------------------------------------------------------


@pytest.fixture
def apps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], JixiaoApp]]:
    """Apps on one copy of sample.db, each with its own Store, as two windows would have."""
    monkeypatch.setenv("JIXIAO_SETTINGS", str(tmp_path / "no-settings.toml"))
    path = tmp_path / "共享 月湖.db"
    shutil.copyfile(SAMPLE_DB, path)
    stores: list[Store] = []

    def make() -> JixiaoApp:
        stores.append(Store.open(path))
        return JixiaoApp(stores[-1], "zh", settings=Settings())

    yield make
    for store in stores:
        store.close()


def _in_file(app: JixiaoApp, path: str) -> object:
    with Store.open(app.store.path) as store:
        return value_at(store.load(SEED_ID), path)


async def _open(pilot: Pilot, key: str) -> None:
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()


def _field(pilot: Pilot, path: str) -> Any:
    return pilot.app.screen.query_one(f"#{field_id(path)}")


async def _retype(pilot: Pilot, path: str, text: str) -> None:
    """Replace what the field holds with `text` at once (as an input method commits it) and leave it."""
    editor = _field(pilot, path)
    editor.focus()
    await pilot.pause()
    if isinstance(editor, TextArea):
        editor.text = text
    else:
        editor.value = text
    await pilot.press("tab")
    await pilot.pause()


async def _answer(pilot: Pilot, button: str) -> None:
    assert isinstance(pilot.app.screen, ConflictDialog), "the conflict was not put to the person"
    await pilot.click(f"#{button}")
    await pilot.pause()
    await pilot.pause()


async def test_two_apps_keep_mine_keeps_both_edits_and_shows_theirs(apps: Callable[[], JixiaoApp]) -> None:
    mine, theirs = apps(), apps()
    async with mine.run_test(size=(100, 40)) as a, theirs.run_test(size=(100, 40)) as b:
        await _open(a, "f3")
        await _open(b, "f3")
        await _retype(b, "figures.budget_approved", "2041")
        await _retype(a, "figures.spent", "5083.35")
        await _answer(a, "mine")
        assert _in_file(mine, "figures.spent") == Decimal("5083.35")
        assert _in_file(mine, "figures.budget_approved") == Decimal("2041.00")
        assert _field(a, "figures.budget_approved").value == "2041.00", "A still shows what B replaced"
        await _retype(a, "figures.funds_received", "5116.10")
        assert _in_file(mine, "figures.budget_approved") == Decimal("2041.00")
        assert "已保存" in str(a.app.screen.query_one("#status").render())


async def test_two_apps_take_theirs_drops_mine_and_shows_the_file(apps: Callable[[], JixiaoApp]) -> None:
    mine, theirs = apps(), apps()
    async with mine.run_test(size=(100, 40)) as a, theirs.run_test(size=(100, 40)) as b:
        await _open(a, "f3")
        await _open(b, "f3")
        await _retype(b, "figures.spent", "5000")
        await _retype(a, "figures.spent", "6000")
        await _answer(a, "theirs")
        assert _in_file(mine, "figures.spent") == Decimal("5000.00")
        assert _field(a, "figures.spent").value == "5000.00"


async def test_keep_mine_never_lands_on_a_different_list_item(apps: Callable[[], JixiaoApp]) -> None:
    """The other copy deleted the first duty: our edit of the fourth would hit the old fifth."""
    mine, theirs = apps(), apps()
    async with mine.run_test(size=(100, 40)) as a, theirs.run_test(size=(100, 40)) as b:
        await _open(a, "f2")
        await _open(b, "f2")
        duties = list(mine.session.report.duties)
        assert theirs.session.delete("duties", 0).ok
        await _retype(a, "duties[3]", "我改的第四项职责")
        await _answer(a, "mine")
        assert _in_file(mine, "duties") == duties[1:], "an item the person never touched was overwritten"
        assert mine.session.report.duties == duties[1:]
        assert any("增删" in str(n.message) for n in a.app._notifications), "the person was not told"
