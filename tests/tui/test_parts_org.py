"""组织与人员: groups and bodies with plates, staff lines and counts, duties, key plan."""

from __future__ import annotations

from pilot_helpers import open_part, retype, type_text, widget
from textual import events
from textual.widgets import Static

from tui.screens.org import OrgScreen
from tui.widgets import field_id
from tui.widgets.dialogs import ConfirmDialog


async def test_body_name_and_plates_typed_on_one_line(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f2")
        assert isinstance(pilot.app.screen, OrgScreen)
        await retype(pilot, "org_groups[0].bodies[0].plates", "党建工作办公室、档案室")
        await retype(pilot, "org_groups[1].label", "执法机构（综合）")
        assert widget(pilot, "org_groups[0].bodies[0].plates").value == "党建工作办公室、档案室"
    assert stored("org_groups[0].bodies[0].plates") == ["党建工作办公室", "档案室"]
    assert stored("org_groups[1].label") == "执法机构（综合）"


async def test_bad_count_is_marked_and_nothing_else_changes(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f2")
        await retype(pilot, "staff_lines[0].count", "44.5")
        field = widget(pilot, "staff_lines[0].count")
        assert field.has_class("-refused") and field.value == "44.5"
        await retype(pilot, "staff_change", "减少３")
    assert stored("staff_lines[0].count") == 44
    assert stored("staff_change") == -3
    assert stored("staff_total") == 55


async def test_headcount_shows_the_sum_of_the_lines_as_typed(make_app):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f2")
        screen = pilot.app.screen
        row = screen.query_one(f"#{field_id('staff_total')}").parent.parent
        assert "55" in str(row.query_one(".aside", Static).render())
        await retype(pilot, "staff_lines[1].count", "9", then="")
        await pilot.pause()
        assert "57" in str(row.query_one(".aside", Static).render())


async def test_duties_insert_reorder_delete(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f2")
        first = stored("duties[0]")
        widget(pilot, "duties[0]").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("duties[1]")
        await type_text(pilot, "新增的职责")
        await pilot.press("alt+up")
        await pilot.pause()
        assert stored("duties[0]") == "新增的职责"
        assert stored("duties[1]") == first
        widget(pilot, "duties[1]").focus()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert stored("duties[1]") == ""
        await pilot.press("ctrl+delete")  # blank: goes at once
        await pilot.pause()
        assert stored("duties[1]") == first
        widget(pilot, "duties[0]").focus()
        await pilot.press("ctrl+delete")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
    assert stored("duties[0]") == first
    assert len(stored("duties")) == 20


async def test_groups_add_a_group_and_its_first_body(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f2")
        widget(pilot, "org_groups[3].label").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("org_groups[4].label")
        await type_text(pilot, "派出机构")
        await pilot.press("tab")  # to the group's “add a body” button
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("org_groups[4].bodies[0].name")
        await type_text(pilot, "社区居委会")
        await pilot.press("enter")
        await pilot.pause()
    assert stored("org_groups[4].label") == "派出机构"
    assert stored("org_groups[4].bodies[0].name") == "社区居委会"


async def test_refused_input_blocks_list_changes_so_it_is_not_lost(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f2")
        await retype(pilot, "staff_lines[0].count", "四十四")
        widget(pilot, "staff_lines[0].category").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert len(stored("staff_lines")) == 3
        assert widget(pilot, "staff_lines[0].count").value == "四十四"
        assert pilot.app.focused.id == field_id("staff_lines[0].count")


async def test_a_burst_of_keys_through_add_buttons_lands_where_it_was_meant(make_app, stored):
    """An input method commits words at once; a slow PC falls behind: keys typed while a list
    is being rebuilt wait in the app and then go, in order, to the new field."""
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f2")
        widget(pilot, "org_groups[3].bodies[1].plates").focus()
        await pilot.pause()
        burst = [("tab", "\t"), ("enter", "\r"), *((c, c) for c in "派出机构"), ("tab", "\t"), ("enter", "\r")]
        burst += [*((c, c) for c in "社区"), ("tab", "\t"), *((c, c) for c in "甲、乙"), ("ctrl+n", None)]
        burst += [(c, c) for c in "网格"]
        for key, character in burst:
            pilot.app.post_message(events.Key(key, character))
        for _ in range(6):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
    assert stored("org_groups[4].label") == "派出机构"
    assert [(body.name, body.plates) for body in stored("org_groups[4].bodies")] == [
        ("社区", ["甲", "乙"]),
        ("网格", []),
    ]
