"""预算执行 (F3) and a 部门决算 workbook (issue 22): the changes listed, chosen, written, their sources shown."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from pilot_helpers import open_part, paste, retype, widget
from rich.console import Console
from textual.widgets import Static

from tests.exporters.accounts_books import OTHER, build
from tui.help import HelpScreen
from tui.screens.accounts import AccountsDialog, ChangeList
from tui.screens.budget import BudgetScreen
from tui.widgets.field import row_of


def text(node) -> str:
    return str(node.render())


def aside_of(pilot, path: str) -> str:
    return text(row_of(widget(pilot, path)).query_one(".aside", Static))


async def open_dialog(pilot, book: Path) -> AccountsDialog:
    await open_part(pilot, "f3")
    await pilot.press("ctrl+l")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, AccountsDialog)
    await paste(pilot, f'"{book}"')
    await pilot.press("enter")
    await pilot.pause()
    return dialog


async def test_one_figure_differs_listed_accepted_written_with_its_source(make_app, stored, tmp_path):
    book = build(tmp_path / "w.xlsx", project="3472.66")
    async with make_app().run_test(size=(120, 45)) as pilot:
        dialog = await open_dialog(pilot, book)
        lines = [str(option.prompt) for option in dialog.query_one(ChangeList).options]
        # the seed states every figure the workbook has but 项目支出 alike; the others it lacks come new
        assert "项目支出：3472.44 → 3472.66（公开03表!E5，全部资金）" in lines
        assert all("：— → " in line for line in lines if not line.startswith("项目支出："))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BudgetScreen)
        assert widget(pilot, "figures.project_spent").value == "3472.66"
        assert "决算 公开03表!E5" in aside_of(pilot, "figures.project_spent")
        # a figure the report already states alike is not listed, but where it is in the 决算 is kept
        assert "决算 公开01表!F13" in aside_of(pilot, "figures.spent")
        # an edit by hand: the figure is no longer the workbook's, whose value is shown beside it
        await retype(pilot, "figures.project_spent", "3472.50")
        await pilot.pause()
        assert "决算 公开03表!E5 为 3472.66" in aside_of(pilot, "figures.project_spent")
    assert stored("figures.project_spent") == Decimal("3472.50")


async def test_space_unticks_a_line_and_enter_writes_the_others(make_app, stored, tmp_path):
    book = build(tmp_path / "w.xlsx", project="3472.66", basic="1610.70")
    async with make_app().run_test(size=(120, 45)) as pilot:
        dialog = await open_dialog(pilot, book)
        options = dialog.query_one(ChangeList)
        lines = [str(option.prompt) for option in options.options]
        options.highlighted = next(i for i, line in enumerate(lines) if line.startswith("基本支出：1610.68 → 1610.70"))
        await pilot.press("space", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BudgetScreen)
        # the unticked figure stays the report's, the workbook's value beside it
        assert "决算 公开03表!D5 为 1610.70" in aside_of(pilot, "figures.basic_spent")
    assert stored("figures.basic_spent") == Decimal("1610.68")
    assert stored("figures.project_spent") == Decimal("3472.66")


async def test_refusal_in_one_sentence_and_another_unit_only_warned(make_app, tmp_path):
    not_a_book = tmp_path / "n.xlsx"
    not_a_book.write_text("hello")
    async with make_app().run_test(size=(120, 45)) as pilot:
        dialog = await open_dialog(pilot, not_a_book)
        reason = text(dialog.query_one("#reason", Static))
        assert reason and "\n" not in reason
        input_ = dialog.query_one("#path")
        input_.value = str(build(tmp_path / "o.xlsx", OTHER))
        await pilot.press("enter")
        await pilot.pause()
        assert "望麓园" in text(dialog.query_one("#notes", Static))
        assert dialog.query_one(ChangeList).option_count > 5


async def test_nothing_to_change_but_the_sources_can_be_noted(make_app, stored, sample_copy, tmp_path):
    """A report that states every figure as the workbook does but keeps no source (typed by hand): only
    “全部写入” is offered; it notes each figure's cell and changes no figure."""
    import sqlite3

    from tui.cli import main

    book = build(tmp_path / "w.xlsx")
    assert main(["import", str(book), str(sample_copy)]) == 0
    with sqlite3.connect(sample_copy) as conn:
        conn.execute("DELETE FROM figure_sources")
    async with make_app().run_test(size=(120, 45)) as pilot:
        dialog = await open_dialog(pilot, book)
        notes = text(dialog.query_one("#notes", Static))
        assert "没有要改的" in notes and "按“全部写入”记下这 " in notes
        assert not dialog.query_one(ChangeList).display and dialog.query_one("#all").display
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BudgetScreen)
        assert "决算 公开03表!E5" in aside_of(pilot, "figures.project_spent")
    assert stored("figures.project_spent") == Decimal("3472.44")


async def test_an_empty_sangong_table_is_said_with_its_note(make_app, tmp_path):
    book = build(tmp_path / "e.xlsx", sangong_empty=True)
    async with make_app().run_test(size=(120, 45)) as pilot:
        dialog = await open_dialog(pilot, book)
        notes = text(dialog.query_one("#notes", Static))
        assert "财政拨款“三公”经费支出决算表（表“公开07表”）本年度无数据" in notes
        assert "本单位本年度没有使用财政拨款安排“三公”经费，故本表无数据" in notes
        assert not any("公务接待" in str(o.prompt) for o in dialog.query_one(ChangeList).options)


async def test_the_key_is_in_f1_on_f3(make_app):
    async with make_app().run_test(size=(120, 45)) as pilot:
        await open_part(pilot, "f3")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(pilot.app.screen.query_one("#help-screen-keys", Static).content)
        assert "从决算导入" in console.export_text()
