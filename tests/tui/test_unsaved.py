"""未保存: a change the file could not take yet stays visible until it goes in, and nothing unsaved is dropped unasked.

Another program holds the file's write lock here as `sqlite3` would (a plain connection in
BEGIN IMMEDIATE). The app must go on taking keys, keep the change, mark the field and the
status line 未保存 with why, write it once the lock goes, and ask before ctrl+q or Esc drop it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pilot_helpers import open_part, retype, type_text, until, widget
from textual.widgets import Button, Static

from store.repository import Store
from tui.screens.home import HomeScreen
from tui.session import CONFLICT, FAILED, INPUT, LOCK_WAIT_MS, WAITING, ReportSession, SaveFailed, value_at
from tui.widgets.dialogs import DISCARD, KEEP_EDITING, WAIT, UnsavedDialog

SEED_ID = 1


@pytest.fixture
def lock(sample_copy: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the file's write lock until the test rolls it back (`lock.rollback()`)."""
    other = sqlite3.connect(sample_copy, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def status(pilot) -> str:
    return str(pilot.app.screen.query_one("#status", Static).render())


async def answer(pilot, choice: str) -> None:
    """Press the button `choice` of the dialog in front."""
    assert isinstance(pilot.app.screen, UnsavedDialog)
    pilot.app.screen.query_one(f"#{choice}", Button).press()
    await pilot.pause()


async def test_a_locked_file_keeps_the_change_and_writes_it_once_free(make_app, stored, lock):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        await retype(pilot, "figures.spent", "5083.35", then="")
        started = time.monotonic()
        await pilot.press("tab")  # leaving the field saves it
        await pilot.pause()
        assert time.monotonic() - started < 2, "the screen waited for the lock"
        field = widget(pilot, "figures.spent")
        assert field.has_class("-unsaved") and not field.has_class("-refused")
        assert "锁定" in str(field.parent.parent.query_one(".field-error", Static).render())
        assert "未保存 1 处" in status(pilot) and "锁定" in status(pilot)
        # The keyboard still answers: the next field takes what is typed.
        after = pilot.app.focused
        assert after is not field
        await type_text(pilot, "9")
        assert after.value.endswith("9")
        after.value = after.value[:-1]

        lock.execute("ROLLBACK")
        await until(pilot, lambda: not field.has_class("-unsaved"), "the waiting change written")
        assert "已保存" in status(pilot) and "未保存" not in status(pilot)
    assert stored("figures.spent") == Decimal("5083.35")


async def test_ctrl_q_asks_before_dropping_a_waiting_change_and_can_wait_for_it(make_app, stored, lock):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        await retype(pilot, "figures.spent", "5083.36")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UnsavedDialog), "ctrl+q quit with a change unsaved"
        await answer(pilot, KEEP_EDITING)
        assert pilot.app.is_running and widget(pilot, "figures.spent").value == "5083.36"

        await pilot.press("ctrl+q")
        await pilot.pause()
        await answer(pilot, WAIT)
        assert pilot.app.is_running
        lock.execute("ROLLBACK")
        await until(pilot, lambda: not pilot.app.is_running, "quit once the change went in")
    assert app.return_code == 0
    assert stored("figures.spent") == Decimal("5083.36")


async def test_refused_input_is_unsaved_until_fixed_and_a_later_save_does_not_say_saved(make_app, stored):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        await retype(pilot, "figures.spent", "x")
        assert widget(pilot, "figures.spent").has_class("-refused")
        await retype(pilot, "figures.funds_received", "5116.10")
        assert "已保存" not in status(pilot)
        assert "未保存 1 处" in status(pilot) and "输入有误" in status(pilot)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UnsavedDialog), "Esc left the report with input unsaved"
        await answer(pilot, KEEP_EDITING)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UnsavedDialog)
        assert not pilot.app.screen.query(f"#{WAIT}"), "waiting offered for input that cannot be read"
        await answer(pilot, DISCARD)
        await until(pilot, lambda: not pilot.app.is_running, "quit after the person chose to drop it")
    assert stored("figures.spent") == Decimal("5083.34")
    assert stored("figures.funds_received") == Decimal("5116.10")


async def test_esc_drops_unsaved_text_only_when_told_to(make_app, stored, lock):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        await retype(pilot, "figures.spent", "5083.37")
        await pilot.press("escape")
        await pilot.pause()
        await answer(pilot, DISCARD)
        await until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen), "back at the report list")
        lock.execute("ROLLBACK")
        assert pilot.app.session is None
    assert stored("figures.spent") == Decimal("5083.34")


def test_waiting_changes_keep_the_latest_text_of_a_field_and_the_order_of_fields(sample_copy, lock):
    with Store.open(sample_copy) as store:
        store.lock_wait_ms = LOCK_WAIT_MS
        session = ReportSession(store, SEED_ID)
        started = time.monotonic()
        assert session.save("figures.spent", "1.00").why == WAITING
        assert time.monotonic() - started < 1
        assert session.save("figures.funds_received", "2.00").why == WAITING
        assert session.save("figures.spent", "3.00").why == WAITING
        assert list(session.waiting) == ["figures.funds_received", "figures.spent"]
        assert session.save("figures.basic_spent", "1.2.3").why == INPUT
        # A list change would overtake the waiting ones: refused with the reason, not written.
        assert session.delete("duties", 0).why == FAILED
        assert session.unsaved() == {WAITING: 2}
        assert "未保存 2 处" in session.status()

        lock.execute("ROLLBACK")
        session.retry()
        assert session.waiting == {}
        assert session.status().startswith("已保存")
        report = store.load(SEED_ID)
        assert value_at(report, "figures.spent") == Decimal("3.00")
        assert value_at(report, "figures.funds_received") == Decimal("2.00")
        assert len(report.duties) == 20


def test_a_waiting_change_that_meets_another_copys_change_goes_to_the_conflict_question(sample_copy, lock):
    told = []
    with Store.open(sample_copy) as store:
        store.lock_wait_ms = LOCK_WAIT_MS
        session = ReportSession(store, SEED_ID, notify=told.append)
        assert session.save("figures.spent", "1.00").waiting
        lock.execute("ROLLBACK")
        with Store.open(sample_copy) as other:
            other.set(SEED_ID, "figures.carried_out", Decimal("9.00"))
        session.retry()
        failed = [message for message in told if isinstance(message, SaveFailed)]
        assert [(message.paths, message.why) for message in failed] == [(("figures.spent",), CONFLICT)]
        assert session.conflict is not None and session.waiting == {}
        assert session.resolve_conflict(keep_mine=True).ok
        report = store.load(SEED_ID)
        assert value_at(report, "figures.spent") == Decimal("1.00")
        assert value_at(report, "figures.carried_out") == Decimal("9.00")
