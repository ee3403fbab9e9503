"""Screens built before they are asked for (issue 10): the report under the cursor, then the other parts.

What a person notices: a part comes up at its first key already filled in; keys typed while the
parts are being built all land where they were typed; a screen built from a report that another
window changed since is not shown; leaving the report while its parts are built loses nothing.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import SEED_ID
from keystream import FIGURES
from pilot_helpers import drawn, send, shown, until, widget
from rich.cells import cell_len
from textual import events

import tui.app
from store.repository import Store
from tui.screens import PARTS
from tui.screens.part import PartScreen
from tui.screens.preview import PreviewScreen
from tui.widgets.keyline import KeyLine


@pytest.fixture(autouse=True)
def _no_quiet_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build ahead as soon as the keyboard rests at all, so the tests need not wait for it."""
    monkeypatch.setattr(tui.app, "QUIET", 0.0)


async def test_the_other_screens_are_built_behind_the_first_and_come_up_filled(make_app):
    app = make_app(build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        built = dict(app._report_screens)
        assert set(built) == {*PARTS, "checks", "preview", "scoring"}
        assert all(screen.is_mounted for screen in built.values())
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen is built["budget"]
        assert widget(pilot, FIGURES[0]).value == "2040.00"
        assert app.focused is widget(pilot, FIGURES[0])
        await pilot.press("f8")
        await pilot.pause()
        assert app.screen is built["preview"]
        assert "长沙市开福区月湖街道办事处" in drawn(app.screen.body)
        await pilot.press("f10")
        await pilot.pause()
        assert app.screen is built["scoring"]
        assert "尚有 27 项未评分" in str(app.screen.query_one("#scoring-total").render())


async def test_a_long_report_builds_its_preview_ahead_too(make_app, long_copy):
    """The preview draws only the lines in view: for 2,000 results it is built ahead, and F8 shows the last one."""
    app = make_app(path=long_copy, build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert set(app._report_screens) == {*PARTS, "checks", "preview", "scoring"}
        await pilot.press("f8", "end")
        await pilot.pause()
        assert app.screen is app._report_screens["preview"]
        assert any(line.startswith("│ 1999.") for line in shown(app.screen.body))


async def test_keys_typed_while_the_parts_are_built_all_land(make_app, stored):
    app = make_app(build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        # Enter, F3 and a retyped figure at once: the budget screen may not be built yet.
        send(app, ["enter", "f3", "end", "ctrl+u", "1234.5", "tab", "ctrl+u", "５１１６", "enter"])
        await until(pilot, lambda: app.focused is widget(pilot, FIGURES[2]), "the cursor in the third figure")
        assert widget(pilot, FIGURES[0]).value == "1234.50"
        assert widget(pilot, FIGURES[1]).value == "5116.00"
        assert app.focused is widget(pilot, FIGURES[2])
    assert stored(FIGURES[0]) == Decimal("1234.50")
    assert stored(FIGURES[1]) == Decimal("5116.00")


async def test_the_report_under_the_cursor_is_ready_before_enter(make_app):
    app = make_app(build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        assert app._prepared is not None
        session, screen = app._prepared
        assert session.report_id == SEED_ID
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert app.session is session


async def test_a_screen_built_before_another_window_changed_the_report_is_not_shown(make_app, sample_copy):
    app = make_app(build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        _session, prepared = app._prepared
        with Store.open(sample_copy) as other:
            report = other.load(SEED_ID)
            other.set(SEED_ID, "staff_total", 99, expected_revision=report.revision)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not prepared
        assert widget(pilot, "staff_total").value == "99"


async def test_leaving_the_report_while_its_parts_are_built_loses_nothing(make_app, stored):
    app = make_app(build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        send(app, ["enter", "f3", "end", "ctrl+u", "7.77"])
        app.post_message(events.Key("escape", None))
        await until(pilot, lambda: app.session is None, "the report closed")
        assert not app._report_screens
        assert not any(isinstance(screen, PartScreen) for screen in app.screen_stack)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.press("f3")
        await pilot.pause()
        assert widget(pilot, FIGURES[0]).value == "7.77"
    assert stored(FIGURES[0]) == Decimal("7.77")


async def test_the_key_line_names_the_keys_here_and_a_click_presses_one(make_app):
    app = make_app(build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        home_keys = app.screen.query_one(KeyLine).keys_text().plain
        assert "新建报告" in home_keys and "退出" in home_keys
        await pilot.press("enter")
        await pilot.press("f4")
        await pilot.pause()
        shown = app.screen.query_one(KeyLine).keys_text().plain
        assert "新增一项" in shown and "检查" in shown and "新建报告" not in shown
        await pilot.press("f2")
        await pilot.pause()
        shown = app.screen.query_one(KeyLine).keys_text().plain
        assert "新增一项" not in shown
        where = cell_len(shown[: shown.index(" f7 ") + 1])
        await pilot.click(KeyLine, offset=(where, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "ChecksScreen"


async def test_typing_in_the_filter_while_reports_are_made_ready_keeps_the_program_going(make_app, sample_copy):
    with Store.open(sample_copy) as store:
        next_year = store.create_next(SEED_ID)
    app = make_app(build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app._prepared is not None and app._prepared[0].report_id == next_year, "2020 ready")
        send(app, ["2019"])
        await until(pilot, lambda: app._prepared is not None and app._prepared[0].report_id == SEED_ID, "2019 ready")
        assert app.is_running
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.report_id == SEED_ID
        assert app.screen is app._report_screens["org"]


async def test_leaving_the_report_while_the_preview_is_built_ahead_keeps_the_program_going(make_app):
    app = make_app(build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        # Not `until`: it waits for the building to end, and the race is with the building.
        while "preview" not in app._report_screens:
            await pilot.pause(0.01)
        preview = app._report_screens["preview"]
        # Escape leaves the report while its preview is being built; F8, on the list by then, opens
        # the report again at its preview.
        await pilot.press("escape", "f8")
        await until(
            pilot,
            lambda: not preview.is_attached and isinstance(app.screen, PreviewScreen) and drawn(app.screen.body),
            "the report left and opened again at its preview",
        )
        assert app.is_running and app.return_code is None
        await pilot.press("escape")
        await until(pilot, lambda: app.session is None, "the report closed")
        await pilot.press("enter", "f8")
        await until(pilot, lambda: drawn(app.screen.body), "the preview of the report opened again")
        assert "月湖街道" in "".join(drawn(app.screen.body))
