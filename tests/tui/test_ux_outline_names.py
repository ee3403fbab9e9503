"""A 2023 report is named as its own outline names things, not as the 2019 one does."""

from __future__ import annotations

from pilot_helpers import open_in_2023_outline
from textual.widgets import Static

from exporters import default_filename
from store.checks import Place
from tui.screens.checks import place_text


async def test_budget_total_names_the_chapter_of_the_reports_outline(make_app):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_in_2023_outline(pilot)
        await pilot.press("f3")
        await pilot.pause()
        line = str(pilot.app.screen.query_one("#total-basic_lines", Static).render())
        assert "部门整体支出情况所列" in line and "部门概况" not in line
        assert pilot.app.session.report.outline == "selfeval-2023"
        assert default_filename(pilot.app.session.report, "docx").endswith("-绩效自评报告.docx")


def test_jump_list_heads_places_as_the_reports_outline_does():
    place = Place("figures.basic_spent", "1610.68")
    assert place_text(place, "zh", "selfeval-2023").startswith("二、部门整体支出情况（二）收支情况")
    assert place_text(place, "zh").startswith("一、部门概况（二）年度预算收支")
