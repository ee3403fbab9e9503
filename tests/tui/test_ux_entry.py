"""Typing a report top to bottom on F2: Enter goes into a list that has nothing yet, and adds a row
after the last one of a table typed row by row (人员类别, 经济分类, 三公经费)."""

from __future__ import annotations

from pilot_helpers import open_part, type_text, widget

from tui.widgets import field_id


async def test_enter_on_a_new_groups_label_goes_into_its_first_body(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f2")
        groups = len(stored("org_groups"))
        widget(pilot, f"org_groups[{groups - 1}].label").focus()
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert pilot.app.focused.id == field_id(f"org_groups[{groups}].label")
        await type_text(pilot, "派出机构")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused.id == field_id(f"org_groups[{groups}].bodies[0].name")
        await type_text(pilot, "某服务站")
        await pilot.press("tab")
        await pilot.pause()
    assert stored(f"org_groups[{groups}].label") == "派出机构"
    assert stored(f"org_groups[{groups}].bodies[0].name") == "某服务站"


async def test_enter_on_the_last_staff_count_adds_a_row_and_on_a_blank_row_goes_on(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f2")
        lines = len(stored("staff_lines"))
        widget(pilot, f"staff_lines[{lines - 1}].count").focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused.id == field_id(f"staff_lines[{lines}].category")
        await type_text(pilot, "聘用人员")
        await pilot.press("tab")
        await type_text(pilot, "2")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused.id == field_id(f"staff_lines[{lines + 1}].category")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("staff_change")
    assert [line.category for line in stored("staff_lines")][lines:] == ["聘用人员"]
    assert stored(f"staff_lines[{lines}].count") == 2
