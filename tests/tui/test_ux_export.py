"""F9: the choice shown without colour, labels whole at 80 columns, the last choice and folder kept, a new folder made."""

from __future__ import annotations

from pilot_helpers import export_anyway, type_text
from textual.widgets import Input, Static

from tui.screens.export import ExportScreen, MarkedRadio
from tui.widgets.dialogs import ChoiceDialog


async def open_export(pilot) -> ExportScreen:
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("f9")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExportScreen)
    return pilot.app.screen


async def test_export_choice_labels_folder_and_new_folder(make_app, documents, tmp_path):
    async with make_app().run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot)
        for radio in dialog.query(MarkedRadio):
            shown = radio.render().plain
            assert "…" not in shown, shown
            assert shown.startswith("▐●▌") == radio.value, "only the chosen one has its mark"
        await pilot.press("right", "enter")  # Word
        await pilot.pause()
        target = tmp_path / "新建的文件夹" / "报告.docx"
        path = dialog.query_one("#export-path", Input)
        path.value = str(target)
        await pilot.press("ctrl+s")
        await export_anyway(pilot)
        assert target.is_file()
        status = str(dialog.query_one("#export-status", Static).render())
        assert f"文件夹原先不存在，已新建：{target.parent}" in status
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        again = pilot.app.screen
        assert isinstance(again, ExportScreen) and again is not dialog
        assert again.fmt == "docx"
        assert again.query_one("#format-docx", MarkedRadio).value
        assert again.query_one("#export-path", Input).value.startswith(str(target.parent))


async def test_the_last_format_and_folder_are_kept_across_a_restart(make_app, documents, tmp_path):
    target = tmp_path / "报告" / "月湖.docx"
    target.parent.mkdir()
    async with make_app().run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot)
        await pilot.press("right", "enter")  # Word
        dialog.query_one("#export-path", Input).focus()
        await pilot.press("end", "ctrl+a")  # the whole path selected, so what is typed replaces it
        await type_text(pilot, str(target))
        await pilot.press("ctrl+s")
        await export_anyway(pilot)
        assert "文件夹原先不存在" not in str(dialog.query_one("#export-status", Static).render())
    async with make_app().run_test(size=(80, 24)) as pilot:
        again = await open_export(pilot)
        assert again.fmt == "docx" and again.query_one("#format-docx", MarkedRadio).value
        assert again.query_one("#export-path", Input).value.startswith(str(target.parent))


async def test_the_arrow_keys_move_between_the_buttons_of_the_question_before_export(make_app, documents):
    async with make_app().run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceDialog) and pilot.app.focused.id == "see-checks"
        await pilot.press("left")
        assert pilot.app.focused.id == "export-anyway"
        await pilot.press("right")
        assert pilot.app.focused.id == "see-checks"
        await pilot.press("left", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.screen is dialog and dialog.written is not None and dialog.written.is_file()


async def test_the_part_of_the_dialog_with_the_cursor_has_a_bar_not_only_a_colour(make_app):
    async with make_app().run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot)
        parts = ["#export-format", "#export-content", "#export-tables", "#export-path"]
        for focused in parts:
            dialog.query_one(focused).focus()
            await pilot.pause()
            bars = [part for part in parts if dialog.query_one(part).styles.border_left[0] == "outer"]
            assert bars == [focused]
