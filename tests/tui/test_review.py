"""Review in the app: the checks panel leads to the field, the preview, export from the dialog."""

from __future__ import annotations

import io
import os
from decimal import Decimal
from pathlib import Path

import docx
from pilot_helpers import drawn, export_anyway, retype, type_text
from rich.cells import cell_len
from rich.console import Console
from textual.widgets import Checkbox, Input, OptionList, Static

from exporters import default_filename
from tui.screens.budget import BudgetScreen
from tui.screens.checks import ChecksScreen, PlaceChooser
from tui.screens.export import ExportScreen
from tui.screens.preview import PreviewScreen, chapters


async def open_report(pilot, key: str) -> None:
    """Open the seed report from the home list and press `key`."""
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()


def option_texts(option_list: OptionList) -> list[str]:
    """What each option of a list says, as plain text (a finding's prompt is a two-column grid)."""
    out = []
    for option in option_list.options:
        prompt = option.prompt
        cells = [cell for column in getattr(prompt, "columns", ()) for cell in column._cells]
        out.append(" ".join(str(cell) for cell in cells) if cells else str(prompt))
    return out


def static_text(widget: Static) -> str:
    """What a Static shows, as plain text (its content may be a Rich table)."""
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def test_the_seed_finding_leads_to_the_stated_project_spending(make_app):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f7")
        screen = pilot.app.screen
        assert isinstance(screen, ChecksScreen)
        (finding,) = option_texts(screen.query_one("#findings", OptionList))
        assert "错误" in finding and "3472.44" in finding and "3472.66" in finding
        assert "1 个错误" in static_text(screen.query_one("#checks-summary", Static))

        await pilot.press("enter")
        await pilot.pause()
        chooser = pilot.app.screen
        assert isinstance(chooser, PlaceChooser)
        places = option_texts(chooser.query_one("#places", OptionList))
        overview = next(i for i, text in enumerate(places) if "部门概况" in text)
        assert "3472.44" in places[overview]
        for _ in range(overview):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, BudgetScreen)
        assert pilot.app.focused.id == "f-figures-project-spent"
        assert pilot.app.focused.value == "3472.44"


async def test_escape_in_the_place_chooser_stays_on_the_checks(make_app):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f7")
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChecksScreen)


async def test_fixing_the_figure_clears_the_checks(make_app, stored):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f7")
        await pilot.press("f3")
        await pilot.pause()
        await retype(pilot, "figures.project_spent", "3472.66")
        await pilot.press("f7")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ChecksScreen)
        assert not screen.query_one("#findings", OptionList).display
        assert screen.query_one("#no-findings", Static).display
        assert "0 个错误" in static_text(screen.query_one("#checks-summary", Static))
    assert stored("figures.project_spent") == Decimal("3472.66")


async def test_ratios_are_shown_with_their_formula(make_app):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f7")
        ratios = static_text(pilot.app.screen.query_one("#ratios", Static))
        assert "预算执行率" in ratios and "90.21%" in ratios and "5083.34" in ratios


#: What may not begin a wrapped line of the preview (禁则): closing marks and what belongs to the text before.
NO_LINE_START = ("，", "。", "、", "；", "：", ":", "）", "%")
#: The characters a table's grid is drawn with, where its columns meet its borders.
GRID = "│┌┬┐├┼┤└┴┘"


async def open_preview(pilot, size: tuple[int, int]) -> list[str]:
    """Open the seed report's preview in a terminal of `size` and read every line it draws."""
    await pilot.resize_terminal(*size)
    await open_report(pilot, "f8")
    screen = pilot.app.screen
    assert isinstance(screen, PreviewScreen)
    await pilot.pause()
    return drawn(screen.body)


def table(lines: list[str], label: str) -> list[str]:
    """The lines of the table whose caption begins with `label` (附表2…), top border to bottom border."""
    caption = next(index for index, line in enumerate(lines) if line.startswith(label))
    top = next(index for index in range(caption, len(lines)) if lines[index].startswith("┌"))
    end = next(index for index in range(top, len(lines)) if lines[index].startswith("└"))
    return lines[top : end + 1]


def grid(line: str) -> list[int]:
    """The cells (from the left) where a table line has a border or a column's edge."""
    return [cell_len(line[:index]) for index, char in enumerate(line) if char in GRID]


def cells(line: str) -> list[str]:
    """A table row's cells as drawn, with their padding (none for a border line)."""
    return line.split("│")[1:-1] or [""]


async def test_preview_centres_the_title_shows_the_chapters_and_breaks_no_line_before_a_comma(make_app):
    async with make_app().run_test(size=(100, 30)) as pilot:
        for size in ((100, 30), (60, 30)):
            lines = await open_preview(pilot, size)
            title = lines[0]
            assert title.strip() == "绩效评价报告"
            assert abs(cell_len(title) - cell_len(title.strip()) - (size[0] - 4 - cell_len(title))) <= 1
            assert "一、部门概况" in lines and "七、改进措施和有关建议" in lines
            assert not [line for line in lines if line.startswith(NO_LINE_START)]
            await pilot.press("escape")
            await pilot.pause()


async def test_preview_tables_are_grids_with_amounts_aligned_right(make_app):
    async with make_app().run_test(size=(100, 30)) as pilot:
        lines = await open_preview(pilot, (100, 30))
        basic = table(lines, "附表2")
        assert basic[0].startswith("┌") and basic[2].startswith("├") and basic[-1].startswith("└")
        assert len({tuple(grid(line)) for line in basic}) == 1  # every line's borders in the same columns
        assert cells(basic[1]) == [" 经济分类           ", "    金额 ", " 占基本支出（%） ", " 占总支出（%） "]
        rows = [cells(line) for line in basic[3:-1]]
        assert [row[1] for row in rows] == [" 1448.28 ", "  129.60 ", "   32.80 ", " 1610.68 "]
        assert all(row[0].startswith(" ") and not row[0].startswith("  ") for row in rows)  # words to the left


async def test_a_narrow_preview_wraps_table_cells_inside_their_columns(make_app):
    """At 60 columns the 附表5 is narrowed to the width: its long cells go on over several lines of their column."""
    async with make_app().run_test(size=(60, 30)) as pilot:
        lines = await open_preview(pilot, (60, 30))
        outputs = table(lines, "附表5")
        assert max(cell_len(line) for line in outputs) <= 60 - 4
        assert len({tuple(grid(line)) for line in outputs}) == 1
        first = next(index for index, line in enumerate(outputs) if cells(line)[0].strip().startswith("15."))
        parts = [cells(line)[0].strip() for line in outputs[first:-1]]
        assert "".join(parts).startswith("15.突出主题教育，全面落实“街道吹哨、部门报到”机制")
        assert len([part for part in parts if part]) > 1
        assert not any(part.startswith(NO_LINE_START) for part in parts)
        assert [cells(line)[4].strip() for line in outputs[first:-1]][0] == "99.32"


async def test_preview_follows_an_edit(make_app):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_preview(pilot, (100, 30))
        await pilot.press("f3")
        await pilot.pause()
        await retype(pilot, "figures.project_spent", "3472.66")
        await pilot.press("f8")
        await pilot.pause()
        text = "".join(drawn(pilot.app.screen.body))
        assert "3472.66" in text and "3472.44" not in text


def test_chapters_cut_at_each_chapter_and_the_tables():
    markdown = "# 标题\n\n导语\n\n## 一、甲\n\n正文\n\n## 二、乙\n\n---\n\n**附表1**\n"
    assert chapters(markdown) == ["# 标题\n\n导语\n\n", "## 一、甲\n\n正文\n\n", "## 二、乙\n\n", "---\n\n**附表1**\n"]


async def test_export_writes_markdown_and_word_to_the_documents_folder(make_app, documents):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f9")
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportScreen)
        report = pilot.app.session.report
        markdown_file = documents / default_filename(report, "md")
        assert dialog.query_one("#export-path", Input).value == str(markdown_file)

        await pilot.press("ctrl+s")
        await export_anyway(pilot)
        assert markdown_file.read_text(encoding="utf-8").startswith("# 绩效评价报告")
        assert str(markdown_file) in static_text(dialog.query_one("#export-status", Static))

        await pilot.press("right")  # the format choice has the cursor: Markdown → Word
        await pilot.press("enter")
        await pilot.pause()
        word_file = documents / default_filename(report, "docx")
        assert dialog.query_one("#export-path", Input).value == str(word_file)
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert str(word_file) in static_text(dialog.query_one("#export-status", Static))
        paragraphs = [p.text for p in docx.Document(str(word_file)).paragraphs]
        assert "绩效评价报告" in paragraphs
        assert any("3472.44" in text for text in paragraphs)

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ExportScreen)


async def test_export_without_tables_to_a_typed_path(make_app, documents, tmp_path):
    target = tmp_path / "送审稿.md"
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f9")
        dialog = pilot.app.screen
        dialog.query_one("#export-tables", Checkbox).value = False
        path = dialog.query_one("#export-path", Input)
        path.focus()
        path.clear()
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await export_anyway(pilot)
    text = target.read_text(encoding="utf-8")
    assert "七、改进措施和有关建议" in text and "附表" not in text


async def test_a_file_open_in_word_is_reported_and_kept(make_app, documents, monkeypatch):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f9")
        dialog = pilot.app.screen
        target = Path(dialog.query_one("#export-path", Input).value)
        target.write_text("上一版", encoding="utf-8")

        def refuse(_source: object, _target: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(os, "replace", refuse)
        await pilot.press("ctrl+s")
        await export_anyway(pilot)
        status = dialog.query_one("#export-status", Static)
        assert pilot.app.screen is dialog
        assert status.has_class("-error")
        assert str(target) in static_text(status)
        assert dialog.query_one("#export-path", Input).value == str(target)
    assert target.read_text(encoding="utf-8") == "上一版"
    assert [p.name for p in documents.iterdir()] == [target.name]


async def test_export_asks_first_when_the_checks_find_errors_and_can_lead_to_them(make_app, documents):
    """Issue 21: the seed's figures disagree (3472.44); F9 → Ctrl+S asks; the focused answer (and Escape) goes to F7."""
    from tui.widgets.dialogs import ChoiceDialog

    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f9")
        await pilot.press("ctrl+s")
        await pilot.pause()
        question = pilot.app.screen
        assert isinstance(question, ChoiceDialog)
        assert "检查发现 1 处错误" in question.question
        await pilot.press("enter")  # 去检查（F7） has the focus
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChecksScreen)
        assert list(documents.iterdir()) == [], "nothing was written"

        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChecksScreen)
        assert list(documents.iterdir()) == []


async def test_export_of_a_report_without_errors_asks_nothing(make_app, documents):
    app = make_app()
    app.store.set(1, "figures.project_spent", Decimal("3472.66"))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f9")
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, ExportScreen)
        assert [p.name for p in documents.iterdir()] == ["月湖街道-2019-绩效评价报告.md"]


async def test_checks_panel_in_english(make_app):
    async with make_app(lang="en").run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f7")
        screen = pilot.app.screen
        (finding,) = option_texts(screen.query_one("#findings", OptionList))
        assert "error" in finding and "3472.44" in finding
        assert "错误" not in finding
        assert "Checks: errors 1, warnings 0" in static_text(screen.query_one("#checks-summary", Static))
