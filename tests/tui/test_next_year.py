"""Next year's report in the app (issue 11): ctrl+y and the ctrl+n choice, the year-update offer,
仍是上年原文 in the checks (Enter goes there), the preview's marks and the comparisons with last year."""

from __future__ import annotations

from contextlib import asynccontextmanager

from conftest import SEED_ID
from pilot_helpers import drawn
from textual.widgets import Button, DataTable, SelectionList, Static

from store.repository import Store
from tui.screens.checks import ChecksScreen
from tui.screens.home import HomeScreen, NewReportDialog
from tui.screens.org import OrgScreen
from tui.screens.preview import PreviewScreen
from tui.screens.yearly import YearUpdateDialog
from tui.widgets.field import FieldRow
from tui.widgets.listed import item_id


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press(pilot, *keys: str) -> None:
    """Press `keys` and wait until what they started (a dialog, a new report, a screen) is done."""
    await pilot.press(*keys)
    await settle(pilot)


async def click(pilot, selector: str) -> None:
    """Click the widget at `selector` and wait until what it started is done."""
    await pilot.click(selector)
    await settle(pilot)


def aside(pilot, item_path: str) -> str:
    row = pilot.app.screen.query_one(f"#{item_id(item_path)} FieldRow", FieldRow)
    return str(row.query_one(".aside", Static).render())


@asynccontextmanager
async def next_year_open(make_app, sample_copy, size: tuple[int, int] = (100, 30)):
    """The seed's 2020 report made as `jixiao next` makes it, then the app running with it open:
    yields (app, pilot, the new report's id)."""
    with Store.open(sample_copy) as store:
        new_id = store.create_next(SEED_ID)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await app.open_report(new_id)
        await settle(pilot)
        yield app, pilot, new_id


def reports(path) -> list[tuple[int, int]]:
    with Store.open(path) as store:
        return [(s.id, s.fiscal_year) for s in store.list_reports()]


async def test_ctrl_y_starts_next_year_and_updates_only_the_ticked_years(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+y")
        assert isinstance(app.screen, YearUpdateDialog)
        blocks = app.screen.query_one("#year-blocks", SelectionList)
        assert blocks.option_count == 13 and len(blocks.selected) == 13  # all offered, all ticked
        await pilot.press("space")  # untick the first: the preamble
        await click(pilot, "#chosen")
        assert isinstance(app.screen, OrgScreen)
        assert app.session is not None and app.session.report.fiscal_year == 2020
    assert reports(sample_copy) == [(2, 2020), (1, 2019)]
    with Store.open(sample_copy) as store:
        report = store.load(2)
    assert "2019年度部门整体支出绩效评价" in report.texts["preamble"]  # unticked: left as it was
    assert report.texts["economy"].startswith("2020年街道严格控制预算支出")
    assert {"texts.preamble", "texts.economy"} <= report.copied  # still last year's words


async def test_a_year_that_exists_is_refused_on_the_list(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+y")
        await click(pilot, "#none")
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#reports", DataTable)
        table.move_cursor(row=table.get_row_index("1"))
        await press(pilot, "ctrl+y")
        assert isinstance(app.screen, HomeScreen)
        assert any("已经存在" in str(n.message) for n in app._notifications)
    assert reports(sample_copy) == [(2, 2020), (1, 2019)]
    with Store.open(sample_copy) as store:
        assert "2019年" in store.load(2).texts["economy"]  # "leave as is" changed nothing


async def test_the_new_report_dialog_offers_next_year_from_the_highlighted_report(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+n")
        assert isinstance(app.screen, NewReportDialog)
        assert "2020" in str(app.screen.query_one("#next", Button).label)
        await click(pilot, "#next")
        assert isinstance(app.screen, YearUpdateDialog)
        await click(pilot, "#all")
        assert isinstance(app.screen, OrgScreen)
    with Store.open(sample_copy) as store:
        report = store.load(2)
    assert report.fiscal_year == 2020 and "2019年" not in report.texts["preamble"]


async def test_checks_list_last_years_text_and_the_preview_marks_it(make_app, sample_copy):
    async with next_year_open(make_app, sample_copy) as (app, pilot, _new_id):
        await press(pilot, "f7")
        screen = app.screen
        assert isinstance(screen, ChecksScreen)
        copied = [f for f in screen.findings if f.code == "still_copied"]
        assert len(copied) == len(app.session.report.copied)
        assert "carried_in_last_year" not in {f.code for f in screen.findings}  # 551.78 carried over
        assert copied[0].places[0].path == "texts.preamble" and screen.findings[0] is copied[0]
        await press(pilot, "enter")
        assert getattr(app.focused, "path", None) == "texts.preamble"
        app.session.save("texts.preamble", "2020年，街道开展部门整体支出绩效评价，报告如下：")
        app.session.save("figures.funds_received", "5,300")
        await press(pilot, "f8")
        assert isinstance(app.screen, PreviewScreen)
        shown = "".join(drawn(app.screen.body))
        assert "【上年原文】2020年，街道" not in shown and "2020年，街道开展" in shown
        assert "【上年原文】2019年月湖街道按照上级要求" in shown
        assert "上年结余551.78万元" in shown
        assert "收入较上年增加183.91万元，增长3.59%" in shown  # 5300.00 − 5116.09, ÷ 5116.09


async def test_the_budget_screen_shows_shares_as_the_export_rounds_them(make_app, sample_copy):
    async with next_year_open(make_app, sample_copy, size=(100, 40)) as (app, pilot, _new_id):
        await press(pilot, "f3")
        assert [aside(pilot, f"basic_lines[{i}]") for i in range(3)] == ["", "", ""]  # amounts still blank
        await app.close_report()
        await app.open_report(SEED_ID)
        await press(pilot, "f3")
        assert [aside(pilot, f"basic_lines[{i}]") for i in range(3)] == ["89.92%", "8.05%", "2.03%"]


async def test_ctrl_y_in_the_checks_offers_the_years_of_a_report_made_on_the_command_line(make_app, sample_copy):
    async with next_year_open(make_app, sample_copy) as (app, pilot, new_id):
        await press(pilot, "f7")
        await press(pilot, "ctrl+y")
        assert isinstance(app.screen, YearUpdateDialog)
        await click(pilot, "#all")
        assert isinstance(app.screen, ChecksScreen)
        assert "2019年" not in app.session.report.texts["economy"]
        app.session.save("texts.economy", "本年重写的经济性评价。")  # the session saw the change: no conflict
        await settle(pilot)
    with Store.open(sample_copy) as store:
        report = store.load(new_id)
    assert report.texts["economy"] == "本年重写的经济性评价。" and "texts.economy" not in report.copied
    assert "2019年" not in report.texts["preamble"] and "texts.preamble" in report.copied
