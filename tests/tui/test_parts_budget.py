"""预算执行: stated figures, the breakdowns with live shares and totals, 三公经费."""

from __future__ import annotations

from decimal import Decimal

from pilot_helpers import open_part, retype, type_text, widget
from textual import events
from textual.widgets import Static

from tui.screens.budget import BudgetScreen
from tui.widgets import field_id
from tui.widgets.field import FieldRow
from tui.widgets.listed import item_id


def aside(pilot, item_path: str) -> str:
    row = pilot.app.screen.query_one(f"#{item_id(item_path)} FieldRow", FieldRow)
    return str(row.query_one(".aside", Static).render())


async def test_full_width_figure_is_saved_as_money(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        assert isinstance(pilot.app.screen, BudgetScreen)
        await retype(pilot, "figures.project_spent", "３，４７２．６６万元")
        assert widget(pilot, "figures.project_spent").value == "3472.66"
    assert stored("figures.project_spent") == Decimal("3472.66")


async def test_bad_amount_is_marked_not_saved_and_kept_as_typed(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        await retype(pilot, "figures.spent", "5083.345")
        field = widget(pilot, "figures.spent")
        assert field.value == "5083.345"
        assert field.has_class("-refused")
        row = field.ancestors_with_self[1].parent
        assert "两位小数" in str(row.query_one(".field-error", Static).render())
        assert "未保存" in str(pilot.app.screen.query_one("#status", Static).render())
    assert stored("figures.spent") == Decimal("5083.34")
    assert stored("figures.basic_spent") == Decimal("1610.68")


async def test_share_and_total_follow_what_is_typed_before_it_is_saved(make_app):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        assert aside(pilot, "basic_lines[0]") == "89.92%"
        await retype(pilot, "basic_lines[2].amount", "132.80", then="")
        # 1448.28 + 129.60 + 132.80 = 1710.68; 1448.28 ÷ 1710.68 = 84.66 %
        assert aside(pilot, "basic_lines[0]") == "84.66%"
        total = pilot.app.screen.query_one("#total-basic_lines", Static)
        assert "1710.68" in str(total.render())
        assert total.has_class("-differs")


async def test_project_total_shows_the_figure_stated_in_the_overview(make_app):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        total = pilot.app.screen.query_one("#total-project_lines", Static)
        words = str(total.render())
        assert "3472.66" in words and "3472.44" in words
        assert total.has_class("-differs")


async def test_econ_line_add_move_delete_by_keys(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        widget(pilot, "basic_lines[0].amount").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("basic_lines[1].category")
        await type_text(pilot, "其他")
        await pilot.press("tab", "5", "tab")
        await pilot.pause()
        assert stored("basic_lines[1].category") == "其他"
        assert stored("basic_lines[1].amount") == Decimal("5.00")
        widget(pilot, "basic_lines[1].category").focus()
        await pilot.press("alt+up")
        await pilot.pause()
        assert stored("basic_lines[0].category") == "其他"
        assert pilot.app.focused.id == field_id("basic_lines[0].category")
        await pilot.press("ctrl+delete")
        await pilot.pause()
        await pilot.press("enter")  # the dialog's focus is on 取消
        await pilot.pause()
        assert stored("basic_lines[0].category") == "其他"
        await pilot.press("ctrl+delete")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # 删除
        await pilot.pause()
    assert stored("basic_lines[0].category") == "工资福利支出"
    assert len(stored("basic_lines")) == 3


async def test_sangong_budget_and_actual(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        await retype(pilot, "sangong[1].last_year", "2.5")
        await retype(pilot, "sangong[2].actual", "abc")
        assert widget(pilot, "sangong[2].actual").has_class("-refused")
    assert stored("sangong[1].last_year") == Decimal("2.50")
    assert stored("sangong[2].actual") == Decimal("0.00")


async def test_figures_typed_without_pause_each_land_in_their_field(make_app, stored):
    """Enter and Tab act as their key arrives, so a burst of keys (a fast typist, a slow PC)
    fills field after field rather than piling into one."""
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f3")
        for text in ("2041", "5116.10", "4454.35"):
            for character in text:
                pilot.app.post_message(events.Key(character, character))
            pilot.app.post_message(events.Key("enter", "\r"))
        pilot.app.post_message(events.Key("tab", "\t"))
        for character in "1":
            pilot.app.post_message(events.Key(character, character))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert [stored(f"figures.{key}") for key in ("budget_approved", "funds_received", "fiscal_appropriation")] == [
        Decimal("2041.00"),
        Decimal("5116.10"),
        Decimal("4454.35"),
    ]
    assert stored("figures.spent") == Decimal("1.00")


async def test_the_new_figures_are_typed_on_the_budget_screen(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        await retype(pilot, "figures.personnel_spent", "１，４４８．２８万元")
        await retype(pilot, "figures.budget_adjustment", "-100")
        await retype(pilot, "figures.procurement_done", "285.5")
    assert stored("figures.personnel_spent") == Decimal("1448.28")
    assert stored("figures.budget_adjustment") == Decimal("-100.00")
    assert stored("figures.procurement_done") == Decimal("285.50")


async def test_a_count_kept_as_a_figure_is_typed_with_its_own_unit(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f3")
        row = widget(pilot, "figures.vehicles").ancestors_with_self[1].parent
        assert isinstance(row, FieldRow) and str(row.query_one(".aside", Static).render()) == "辆"
        await retype(pilot, "figures.vehicles", "３辆")
        await retype(pilot, "figures.reception_batches", "2.5")
        assert widget(pilot, "figures.reception_batches").has_class("-refused")
    assert stored("figures.vehicles") == 3
    assert stored("figures.reception_batches") is None
