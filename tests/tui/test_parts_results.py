"""项目成果: titled results, their paragraphs, and indicators with completion shown."""

from __future__ import annotations

from decimal import Decimal

from pilot_helpers import open_part, retype, type_text, widget
from textual.widgets import Static

from tui.screens.results import ResultsScreen
from tui.widgets import field_id
from tui.widgets.field import row_of


def completion(pilot, indicator: str) -> str:
    return str(row_of(widget(pilot, f"{indicator}.name")).query_one(".aside", Static).render())


async def test_indicator_completion_shown_once_target_and_actual_are_known(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f4")
        assert isinstance(pilot.app.screen, ResultsScreen)
        assert completion(pilot, "results[0].indicators[0]") == ""
        await retype(pilot, "results[0].indicators[0].actual", "７０１２．５")
        assert completion(pilot, "results[0].indicators[0]") == "104.12%"
        await retype(pilot, "results[0].indicators[1].target", "三十")
        assert widget(pilot, "results[0].indicators[1].target").has_class("-refused")
    assert stored("results[0].indicators[0].actual") == Decimal("7012.5")
    assert stored("results[0].indicators[1].target") == Decimal("30")


async def test_title_and_paragraph_of_a_result(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f4")
        await retype(pilot, "results[2].title", "项目推进又快又好")
        area = widget(pilot, "results[2].body")
        area.focus()
        area.move_cursor(area.document.end)
        await type_text(pilot, "（补记）")
        await pilot.press("tab")
        await pilot.pause()
    assert stored("results[2].title") == "项目推进又快又好"
    assert stored("results[2].body").endswith("（补记）")


async def test_first_indicator_of_a_result_and_a_new_result(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f4")
        add = pilot.app.screen.query_one(f"#{field_id('results[2].indicators')} .list-add")
        add.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("results[2].indicators[0].name")
        await type_text(pilot, "重点项目")
        await pilot.press("tab", "1", "2", "tab", "1", "3", "tab")
        await type_text(pilot, "个")
        await pilot.press("enter")
        await pilot.pause()
        assert completion(pilot, "results[2].indicators[0]") == "108.33%"
        widget(pilot, "results[15].title").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("results[16].title")
        await type_text(pilot, "新的成果")
        await pilot.press("enter")
        await pilot.pause()
    indicator = stored("results[2].indicators[0]")
    assert (indicator.name, indicator.target, indicator.actual, indicator.unit) == (
        "重点项目",
        Decimal("12"),
        Decimal("13"),
        "个",
    )
    assert stored("results[16].title") == "新的成果"


async def test_moving_a_result_keeps_its_indicators(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f4")
        widget(pilot, "results[1].indicators[0].actual").focus()
        await pilot.press("alt+down")  # moves the indicator, the innermost list
        await pilot.pause()
        assert stored("results[1].indicators[1].name") == "新引进文创企业"
        widget(pilot, "results[1].title").focus()
        await pilot.press("alt+up")  # moves the result
        await pilot.pause()
        assert pilot.app.focused.id == field_id("results[0].title")
    assert stored("results[0].title") == "文创经济优势凸显"
    assert [i.name for i in stored("results[0].indicators")] == ["文创企业全口径税收（1-9月）", "新引进文创企业"]
    assert stored("results[1].title") == "各项指标稳中有进"
