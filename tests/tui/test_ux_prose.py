"""F6: lists named as the report's outline names their part; Ctrl+N in a part's text adds to its list."""

from __future__ import annotations

from pilot_helpers import open_in_2023_outline, open_part, retype, type_text, widget
from rich.cells import cell_len
from textual.widgets import Button, Static

from tui.widgets import field_id
from tui.widgets.field import FieldInput


async def test_ctrl_n_in_the_intro_adds_a_point_to_the_parts_list(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_in_2023_outline(pilot)
        points = len(stored("efficiency"))
        editor = pilot.app.screen.query_one(f"#{field_id('efficiency')}")
        assert editor.add_label == "＋ 添加履职效能要点"
        assert all(str(button.label) == editor.add_label for button in editor.query(Button))
        widget(pilot, "texts.efficiency_intro").focus()
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        new = f"efficiency[{points}]"
        assert pilot.app.focused.id == field_id(f"{new}.title")
        await type_text(pilot, "新的要点")
        await pilot.press("tab")
        await pilot.pause()
    assert stored(f"{new}.title") == "新的要点"


async def test_a_sentence_typed_in_a_title_is_pointed_to_the_text_below(make_app):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f6")
        title = widget(pilot, "assets[0].title")
        assert "内容" in title.placeholder
        await retype(
            pilot,
            "assets[0].title",
            "严格执行国有资产管理制度，定期清查盘点，做到账实相符，资产使用效率明显提高",
            then="",
        )
        await pilot.pause()
        aside = title.parent.query_one(".aside", Static)
        assert "内容" in str(aside.render())
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused is widget(pilot, "assets[0].body")


async def test_ctrl_n_in_a_points_text_adds_a_point_to_that_list_and_no_other(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f6")
        assets, points = len(stored("assets")), len(stored("efficiency_points"))
        widget(pilot, "assets[0].body").focus()
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("assets[1].title")
    assert len(stored("assets")) == assets + 1 and len(stored("efficiency_points")) == points


async def test_ctrl_a_selects_the_whole_text_of_a_field_and_of_a_text_area(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f6")
        for path in ("assets[0].title", "assets[0].body"):
            widget(pilot, path).focus()
            await pilot.pause()
            await pilot.press("end", "ctrl+a")
            await type_text(pilot, "新")
        await pilot.press("tab")
        await pilot.pause()
    assert (stored("assets[0].title"), stored("assets[0].body")) == ("新", "新")


async def test_shift_tab_into_a_points_text_selects_it_so_typing_replaces_it(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f6")
        body = widget(pilot, "assets[0].body")
        widget(pilot, "assets[1].title").focus()
        await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        assert pilot.app.focused is body and body.selected_text == body.text != ""
        await type_text(pilot, "重写的内容")
        await pilot.press("tab")
        await pilot.pause()
    assert stored("assets[0].body") == "重写的内容"


async def test_the_hints_in_short_boxes_are_whole_at_80_columns(make_app):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f6")
        short = [box for box in pilot.app.screen.query(FieldInput) if box.has_class("short") and box.placeholder]
        assert widget(pilot, "sign_date") in short
        for box in short:
            assert cell_len(box.placeholder) <= box.content_size.width, (box.id, box.placeholder)


async def test_tab_back_into_a_sections_prose_keeps_its_text_and_types_at_the_cursor(make_app, stored):
    """A paragraph is not selected on Tab (a key would replace it whole); only a list item's text is."""
    before = stored("texts.preamble")
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f6")
        preamble = widget(pilot, "texts.preamble")
        preamble.focus()
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        assert pilot.app.focused is preamble and preamble.selected_text == ""
        await type_text(pilot, "新增")
        await pilot.press("tab")
        await pilot.pause()
    assert stored("texts.preamble") == "新增" + before
