"""其他章节与落款: report title and year, the sections' prose, asset points, efficiency, 落款."""

from __future__ import annotations

import datetime

from pilot_helpers import open_part, paste, retype, type_text, widget
from textual.widgets import Static

from tui.screens.prose import ProseScreen
from tui.widgets import field_id


async def test_signature_date_and_unit(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f6")
        assert isinstance(pilot.app.screen, ProseScreen)
        await retype(pilot, "sign_date", "２０２０年９月３１日")
        assert widget(pilot, "sign_date").has_class("-refused")
        await retype(pilot, "sign_date", "2020-9-30")
        assert widget(pilot, "sign_date").value == "2020年9月30日"
        await retype(pilot, "sign_unit", "月湖街道办事处")
    assert stored("sign_date") == datetime.date(2020, 9, 30)
    assert stored("sign_unit") == "月湖街道办事处"


async def test_year_and_short_name_change_the_heading(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f6")
        await retype(pilot, "fiscal_year", "2020年度")
        await retype(pilot, "unit_short", "月湖")
        heading = str(pilot.app.screen.query_one("#part-heading", Static).render())
        assert heading.startswith("月湖 2020年度")
        await retype(pilot, "title", "")
        assert not widget(pilot, "title").has_class("-refused")
        assert widget(pilot, "title").placeholder.endswith("年度部门整体支出绩效评价报告")
    assert stored("fiscal_year") == 2020
    assert stored("title") == "", "an emptied title is the outline's (issue 21)"


async def test_an_edited_title_is_kept_and_printed(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f6")
        await retype(pilot, "title", "月湖街道2019年度部门整体支出绩效自评报告（修订稿）")
    assert stored("title") == "月湖街道2019年度部门整体支出绩效自评报告（修订稿）"


async def test_pasted_preamble_and_a_new_asset_point(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f6")
        area = widget(pilot, "texts.economy")
        area.focus()
        area.clear()
        await paste(pilot, "第一段。\n第二段。\n第三段。")
        widget(pilot, "assets[2].body").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("assets[3].title")
        await type_text(pilot, "处置方面")
        await pilot.press("tab")
        await type_text(pilot, "按规定处置报废资产。")
        await pilot.press("tab")
        await pilot.pause()
    assert stored("texts.economy") == "第一段。\n第二段。\n第三段。"
    assert (stored("assets[3].title"), stored("assets[3].body")) == ("处置方面", "按规定处置报废资产。")


async def test_efficiency_points_reorder(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f6")
        first = stored("efficiency_points[0]")
        widget(pilot, "efficiency_points[0]").focus()
        await pilot.press("alt+down")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("efficiency_points[1]")
    assert stored("efficiency_points[1]") == first


async def test_who_fills_in_the_forms_is_entered_with_the_signature(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f6")
        await retype(pilot, "texts.contact_phone", "请找王科长")
        assert widget(pilot, "texts.contact_phone").has_class("-refused")
        await retype(pilot, "texts.contact_phone", "０７３１-8888 8888")
        await retype(pilot, "texts.contact_person", "王某")
        await retype(pilot, "texts.filled_date", "2020-9-21")
        assert widget(pilot, "texts.filled_date").value == "2020年9月21日"
    assert stored("texts.contact_phone") == "0731-8888 8888"
    assert stored("texts.contact_person") == "王某"
    assert stored("texts.filled_date") == "2020-09-21"
