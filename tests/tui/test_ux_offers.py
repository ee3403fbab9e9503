"""Figures worked out from others are offered in their empty field (Enter takes them); Tab stops at the form's end."""

from __future__ import annotations

from decimal import Decimal

from pilot_helpers import open_part, retype, widget

from tui.widgets.field import FieldInput


async def test_headcount_offers_the_sum_of_the_lines(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f2")
        await retype(pilot, "staff_total", "", then="")
        await pilot.pause()
        field = widget(pilot, "staff_total")
        assert field.offered == "55" and "55" in field.placeholder
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused is not field
    assert stored("staff_total") == 55


async def test_full_year_budget_offered_from_initial_and_adjustment(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f3")
        await retype(pilot, "figures.budget_initial", "1000")
        await retype(pilot, "figures.budget_adjustment", "-100")
        await pilot.pause()
        field = widget(pilot, "figures.budget_full")
        assert field.offered == "900.00"
        field.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await retype(pilot, "figures.budget_initial", "2000")
        await pilot.pause()
        assert widget(pilot, "figures.budget_full").value == "900.00", "what is in the field is not overwritten"
    assert stored("figures.budget_full") == Decimal("900.00")


async def test_tab_from_the_last_field_stays(make_app):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f3")
        chain = pilot.app.screen.focus_chain
        last = chain[-1]
        last.focus()
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert pilot.app.focused is last
        chain[0].focus()
        await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        assert pilot.app.focused is chain[0]
        assert isinstance(widget(pilot, "figures.budget_full"), FieldInput)


async def test_enter_in_the_last_bodys_plates_adds_a_body_and_a_blank_one_is_left(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f2")
        bodies = len(stored("org_groups[1].bodies"))
        last = f"org_groups[1].bodies[{bodies - 1}]"
        widget(pilot, f"{last}.plates").focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        new = f"org_groups[1].bodies[{bodies}]"
        assert pilot.app.focused is widget(pilot, f"{new}.name")
        await pilot.press("enter")  # a blank body: Enter leaves it, and it goes
        await pilot.pause()
        assert pilot.app.focused is widget(pilot, "org_groups[2].label")
    assert len(stored("org_groups[1].bodies")) == bodies


async def test_a_row_added_with_ctrl_n_is_scrolled_into_view(make_app):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f2")
        widget(pilot, "staff_lines[0].count").focus()
        await pilot.pause()
        for _ in range(6):
            await pilot.press("ctrl+n")
            await pilot.pause()
        await pilot.pause()
        body = pilot.app.screen.query_one("#part-body")
        focused = pilot.app.focused
        assert focused.path.startswith("staff_lines[6]")
        assert body.region.contains_region(focused.region), "the new row is on screen, not under the status line"
