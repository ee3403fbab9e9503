"""The home list: what it shows, filtering, new report, delete with confirmation, opening files."""

from __future__ import annotations

from pilot_helpers import type_text
from textual.widgets import DataTable, Input, Select, Static

from store.repository import Store
from tui.app import run
from tui.screens.home import COUNT_DELAY, HomeScreen, NewReportDialog
from tui.screens.org import OrgScreen
from tui.widgets.dialogs import ConfirmDialog


def rows(pilot) -> list[list[str]]:
    table = pilot.app.screen.query_one("#reports", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_lists_the_reports_with_the_file_path_and_findings(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert str(sample_copy) in str(app.screen.query_one("#home-heading", Static).render())
        (row,) = rows(pilot)
        assert row[:3] == ["长沙市开福区月湖街道办事处", "2019", "2020-09-21 09:00"]
        assert "错误1" in row[3]  # 项目支出 3472.44 stated, 3472.66 broken down


async def test_filter_by_typing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "月湖")
        assert len(rows(pilot)) == 1
        await type_text(pilot, " 2018")
        assert rows(pilot) == []
        app.screen.query_one("#filter", Input).value = "2019"
        await pilot.pause()
        assert len(rows(pilot)) == 1


async def test_new_report_is_created_and_opened(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, NewReportDialog)
        await type_text(pilot, "长沙市开福区新河街道办事处")
        await pilot.press("enter")
        app.screen.query_one("#year", Input).value = ""
        await type_text(pilot, "２０２０年")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, OrgScreen)
        assert app.session.report.fiscal_year == 2020
    with Store.open(sample_copy) as store:
        assert [(s.unit_name, s.fiscal_year) for s in store.list_reports()] == [
            ("长沙市开福区新河街道办事处", 2020),
            ("长沙市开福区月湖街道办事处", 2019),
        ]


async def test_new_report_follows_the_outline_chosen_in_the_dialog(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one("#outline", Select).value == "classic-2019"
        await type_text(pilot, "长沙市开福区新河街道办事处")
        app.screen.query_one("#outline", Select).value = "selfeval-2023"
        app.screen.query_one("#year", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.session.report.outline == "selfeval-2023"
        sections = [str(s.render()) for s in app.screen.query(".section")]
        assert sections[0] == "一、部门基本情况（一）机构设置"


async def test_new_report_refuses_a_bad_year_and_a_duplicate(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "长沙市开福区月湖街道办事处")
        await pilot.press("enter")
        app.screen.query_one("#year", Input).value = "20x9"
        await pilot.press("enter")
        await pilot.pause()
        reason = app.screen.query_one("#reason", Static)
        assert "不是年度" in str(reason.render())
        app.screen.query_one("#year", Input).value = "2019"
        await pilot.press("enter")
        await pilot.pause()
        assert "已经存在" in str(reason.render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    with Store.open(sample_copy) as store:
        assert len(store.list_reports()) == 1


async def test_delete_needs_confirmation(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the focus starts on 取消
        await pilot.pause()
        assert len(rows(pilot)) == 1
        await pilot.press("ctrl+delete")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(rows(pilot)) == 1
        with Store.open(sample_copy) as store:
            assert len(store.list_reports()) == 1
        await pilot.press("ctrl+delete")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        assert rows(pilot) == []
        assert app.screen.query_one("#home-empty", Static).display
    with Store.open(sample_copy) as store:
        assert store.list_reports() == []


async def test_read_only_file_shows_a_banner_and_refuses_edits(make_app, stored, monkeypatch):
    monkeypatch.setattr("store.repository._writable", lambda path: False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "只读" in str(app.screen.query_one(".banner", Static).render())
        await pilot.press("ctrl+delete")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        assert len(rows(pilot)) == 1
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        title = app.screen.query_one("#f-unit-short", Input)
        title.focus()
        title.value = "月湖"
        await pilot.press("tab")
        await pilot.pause()
        assert title.has_class("-refused")
        assert "只读" in str(title.parent.parent.query_one(".field-error", Static).render())
    assert stored("unit_short") == "月湖街道"


def test_a_file_that_is_not_a_report_is_refused_before_the_ui(tmp_path, capsys):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    assert run(bogus) == 2
    assert "不是 jixiao 报告文件" in capsys.readouterr().err
    assert bogus.read_text(encoding="utf-8") == "not a database"


def test_english_message_for_a_missing_folder(tmp_path, capsys):
    assert run(tmp_path / "no" / "such.db", lang="en") == 2
    assert "no such folder" in capsys.readouterr().err


async def test_home_at_80_by_24_with_many_reports(make_app, sample_copy):
    with Store.open(sample_copy) as store:
        for year in range(2000, 2030):
            if year != 2019:
                store.create_report("长沙市开福区月湖街道办事处", year)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#reports", DataTable)
        assert table.row_count == 30
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.report.fiscal_year == 2027


async def test_a_big_file_lists_a_page_and_typing_finds_the_rest(make_app, sample_copy):
    with Store.open(sample_copy) as store:
        for number in range(300):
            store.create_report(f"长沙市测试区第{number:03d}街道办事处", 2019)
        beyond = store.list_reports()[250]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        more = app.screen.query_one("#home-more", Static)
        assert len(rows(pilot)) == 100
        assert more.display
        assert "还有 201 份报告未列出" in str(more.render())
        assert beyond.unit_name not in [row[0] for row in rows(pilot)]
        await type_text(pilot, beyond.unit_name)
        assert [row[0] for row in rows(pilot)] == [beyond.unit_name]
        assert not more.display
        await pilot.pause(COUNT_DELAY + 0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "错误" in rows(pilot)[0][3]  # its findings counted once it is listed
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.report.unit_name == beyond.unit_name


async def test_a_parts_key_on_the_list_opens_the_highlighted_report_at_that_part(make_app):
    from tui import screens
    from tui.screens.budget import BudgetScreen
    from tui.screens.preview import PreviewScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, BudgetScreen)
        assert app.session is not None and "org" not in app._report_screens  # F2 was not built on the way
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, OrgScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        # The export dialog needs a report screen behind it: F9 on the list does nothing.
        assert "export" in screens.DIALOGS
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.session is None
        # Nothing highlighted (the filter matches no report): F3 does nothing.
        await type_text(pilot, "没有这个单位")
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.session is None


def test_the_dialogs_named_for_the_home_list_are_the_modal_screens():
    from textual.screen import ModalScreen

    from tui import screens

    modal = {name for name in screens.SCREENS if issubclass(screens.screen_class(name), ModalScreen)}
    assert modal == screens.DIALOGS
