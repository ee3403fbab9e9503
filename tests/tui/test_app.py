"""The app as a whole: every field has an editor, keys move in reading order, quitting and
pausing save, findings jump to their field, conflicts ask, English, start-up stays light."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from decimal import Decimal

from pilot_helpers import open_in_2023_outline, open_part, type_text, until, widget
from textual.widgets import Static

import tui.widgets.field
from store import fields, outline
from store.repository import Store
from tui.screens import PARTS
from tui.screens.budget import BudgetScreen
from tui.screens.home import HomeScreen
from tui.screens.results import ResultsScreen
from tui.widgets import field_id
from tui.widgets.dialogs import ConflictDialog
from tui.widgets.field import EDITORS, PAUSE

PART_KEYS = dict(zip(PARTS, ("f2", "f3", "f4", "f5", "f6"), strict=True))


async def test_every_field_of_the_report_has_an_editor_at_80_by_24(make_app):
    seen: set[str] = set()
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for part, key in PART_KEYS.items():
            await pilot.press(key)
            await pilot.pause()
            screen = pilot.app.screen
            assert part == type(screen).PART
            focused = pilot.app.focused
            assert focused is not None and 0 <= focused.region.y < 24
            seen |= {fields.shape(editor.path) for editor in screen.query(EDITORS)}
    shown = outline.load().shapes()
    assert seen == (set(fields.FIELD_KINDS) & shown) - {"outline"}, "the outline itself is changed with Ctrl+G"


async def test_tab_and_enter_go_through_the_fields_in_reading_order(make_app):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f3")
        assert pilot.app.focused.id == field_id("figures.budget_approved")
        await pilot.press("tab")
        assert pilot.app.focused.id == field_id("figures.funds_received")
        await pilot.press("enter")
        assert pilot.app.focused.id == field_id("figures.fiscal_appropriation")
        await pilot.press("shift+tab")
        assert pilot.app.focused.id == field_id("figures.funds_received")


async def test_quitting_saves_the_field_being_typed(make_app, stored):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f3")
        widget(pilot, "figures.carried_out").focus()
        await pilot.pause()
        widget(pilot, "figures.carried_out").clear()
        await type_text(pilot, "551.79")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert stored("figures.carried_out") == Decimal("551.79")


async def test_a_pause_in_typing_saves_prose_without_leaving_it(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f2")
        area = widget(pilot, "texts.key_plan")
        area.focus()
        area.move_cursor(area.document.end)
        await type_text(pilot, "继续推进。")
        await pilot.pause(PAUSE * 2)
        assert pilot.app.focused is area
        assert "已保存" in str(pilot.app.screen.query_one("#status", Static).render())
    assert stored("texts.key_plan").endswith("继续推进。")


async def test_the_pause_that_saves_is_timed_from_the_last_key(make_app, stored, monkeypatch):
    monkeypatch.setattr(tui.widgets.field, "PAUSE", 1.0)
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f3")
        field = widget(pilot, "figures.carried_out")
        field.focus()
        await pilot.pause()
        field.clear()
        await type_text(pilot, "55")
        await pilot.pause(0.7)
        await type_text(pilot, "1")
        typed = asyncio.get_running_loop().time()
        await pilot.pause(0.7)
        # Over a second since the first key, under one since the last: nothing saved yet (unless
        # the machine was too slow to tell).
        if asyncio.get_running_loop().time() - typed < 1.0:
            assert stored("figures.carried_out") != Decimal("551")
        await until(pilot, lambda: stored("figures.carried_out") == Decimal("551"), "the figure saved")
        assert pilot.app.focused is field


async def test_goto_field_opens_its_part_and_puts_the_cursor_there(make_app):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f2")
        pilot.app.goto_field("figures.project_spent")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, BudgetScreen)
        assert pilot.app.focused.id == field_id("figures.project_spent")
        pilot.app.goto_field("project_lines")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("project_lines[0].category")
        pilot.app.goto_field("results[14].indicators[2].actual")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, ResultsScreen)
        assert pilot.app.focused.id == field_id("results[14].indicators[2].actual")
        await pilot.wait_for_scheduled_animations()
        assert 0 <= pilot.app.focused.region.y < 24
        pilot.app.goto_field("results[3]")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("results[3].title")


async def test_escape_goes_home_and_the_list_shows_the_edit(make_app):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f3")
        widget(pilot, "figures.spent").focus()
        widget(pilot, "figures.spent").clear()
        await type_text(pilot, "5083.35")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        assert pilot.app.session is None
        with Store.open(pilot.app.store.path) as other:
            assert other.load(1).figures["spent"] == Decimal("5083.35")


async def _change_elsewhere(path, field, value) -> None:
    with Store.open(path) as other:
        other.set(1, field, value)


async def test_conflict_keep_mine(make_app, stored, sample_copy):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f3")
        await _change_elsewhere(sample_copy, "figures.other_income", Decimal("1.00"))
        field = widget(pilot, "figures.spent")
        field.focus()
        field.value = "5000"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConflictDialog)
        await pilot.press("enter")  # 保留我的
        await pilot.pause()
        assert not field.has_class("-refused")
    assert stored("figures.spent") == Decimal("5000.00")
    assert stored("figures.other_income") == Decimal("1.00")


async def test_conflict_take_theirs(make_app, stored, sample_copy):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f3")
        await _change_elsewhere(sample_copy, "figures.spent", Decimal("1.00"))
        field = widget(pilot, "figures.spent")
        field.focus()
        field.value = "5000"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "enter")  # 采用文件中的
        await pilot.pause()
        assert widget(pilot, "figures.spent").value == "1.00"
    assert stored("figures.spent") == Decimal("1.00")


async def test_english_on_request(make_app):
    async with make_app(lang="en").run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "file:" in str(pilot.app.screen.query_one("#home-heading", Static).render())
        await open_part(pilot, "f3")
        tabs = str(pilot.app.screen.query_one(".tabs", Static).render())
        assert "Budget" in tabs and "预算" not in tabs
        await pilot.press("tab")
        widget(pilot, "figures.spent").focus()
        widget(pilot, "figures.spent").clear()
        await type_text(pilot, "x")
        await pilot.press("enter")
        await pilot.pause()
        status = str(pilot.app.screen.query_one("#status", Static).render())
        assert "not saved" in status and "is not a number" in status


def test_opening_a_file_imports_the_home_screen_only(sample_copy, tmp_path):
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from store.repository import Store
        from store.settings import Settings
        from tui.app import JixiaoApp

        async def main():
            # Nothing built ahead: once the list has rested a moment the app builds the first part
            # of the report under the cursor (tests/tui/test_screens_ahead.py), on a slow machine
            # before this looks.
            app = JixiaoApp(Store.open({str(sample_copy)!r}), settings=Settings(), build_ahead=False)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                print(type(app.screen).__name__)
            print(sorted(m for m in sys.modules if m.startswith("tui.screens.")))

        asyncio.run(main())
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8", check=True)
    screen, modules = done.stdout.strip().splitlines()[-2:]
    assert screen == "HomeScreen"
    assert modules == "['tui.screens.home']"


async def test_ctrl_g_changes_the_outline_and_every_screen_follows_it(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_in_2023_outline(pilot)
        shapes = {fields.shape(editor.path) for editor in pilot.app.screen.query(EDITORS)}
        assert {"texts.goals", "texts.conclusion", "texts.other_matters"} <= shapes
        assert "texts.economy" not in shapes
        await pilot.press("f3")
        await pilot.pause()
        headings = [str(s.render()) for s in pilot.app.screen.query(".section")]
        assert "二、部门整体支出情况（六）政府采购情况" in headings
    assert stored("outline") == "selfeval-2023"
    assert stored("texts.economy"), "what only the old outline shows stays in the file"
