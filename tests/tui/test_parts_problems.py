"""问题与改进: numbered problems and remedies; pasted Word text keeps every line."""

from __future__ import annotations

from pilot_helpers import open_part, paste, widget
from textual import events

from tui.screens.problems import ProblemsScreen
from tui.widgets import field_id
from tui.widgets.dialogs import ConfirmDialog

PASTED = "一是绩效目标设置不够细化；\r\n二是绩效监控不及时；\r\n\r\n三是结果应用不充分。"


async def test_paste_from_word_keeps_every_line(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f5")
        assert isinstance(pilot.app.screen, ProblemsScreen)
        area = widget(pilot, "problems[1]")
        area.focus()
        area.clear()
        await pilot.pause()
        await paste(pilot, PASTED)
        await pilot.press("tab")
        await pilot.pause()
    assert stored("problems[1]") == "一是绩效目标设置不够细化；\n二是绩效监控不及时；\n\n三是结果应用不充分。"


async def test_remedies_add_and_delete_with_confirmation(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f5")
        widget(pilot, "remedies[2]").focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("remedies[3]")
        await paste(pilot, "加强绩效结果运用。")
        await pilot.press("ctrl+delete")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.focused.id == field_id("remedies[3]")
        assert stored("remedies[3]") == "加强绩效结果运用。"
        widget(pilot, "remedies[0]").focus()
        await pilot.press("ctrl+delete")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
    remedies = stored("remedies")
    assert len(remedies) == 3
    assert remedies[0].startswith("建立和完善内部控制建设")
    assert remedies[-1] == "加强绩效结果运用。"


async def test_typing_straight_after_ctrl_n_lands_in_the_new_item(make_app, stored):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_part(pilot, "f5")
        widget(pilot, "problems[1]").focus()
        await pilot.pause()
        for key, character in [("ctrl+n", None), *((c, c) for c in "第三个问题")]:
            pilot.app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.focused.id == field_id("problems[2]")
        assert widget(pilot, "problems[2]").text == "第三个问题"
        assert widget(pilot, "problems[1]").text == stored("problems[1]")
