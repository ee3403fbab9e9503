"""Importing from the report list (Ctrl+L): the path prompt, a refusal with its reason and the
offer of a copy, and the 未归类 list where each piece is moved into place or deleted."""

from __future__ import annotations

from pathlib import Path

from import_facts import SELFEVAL_UNPLACED, write_docx
from pilot_helpers import paste
from textual.widgets import Button, OptionList, Static
from word_package import comments, p, word_file

from store.repository import Store
from tui.screens.importing import ImportDialog, typed_path
from tui.screens.org import OrgScreen
from tui.screens.unplaced import TargetChooser, UnplacedScreen
from tui.widgets.dialogs import ConfirmDialog

SEED_TEXT = Path(__file__).resolve().parents[1] / "yuehu-2019-report.txt"


async def import_path(pilot, path: Path) -> None:
    await pilot.press("ctrl+l")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportDialog)
    await paste(pilot, f'"{path}"')
    await pilot.press("enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_an_import_with_unplaced_pieces_opens_them_and_each_is_placed_or_deleted(make_app, sample_copy, tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await import_path(pilot, write_docx(tmp_path / "示范中学.docx"))
        assert isinstance(app.screen, UnplacedScreen)
        assert app.session.report.unplaced == SELFEVAL_UNPLACED
        app.screen.query_one("#pieces", OptionList).highlighted = 2
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TargetChooser)
        targets = app.screen.query_one("#targets", OptionList)
        targets.highlighted = targets.get_option_index("texts.goals")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnplacedScreen)
        await pilot.press("ctrl+delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        report_id = app.session.report_id
    with Store.open(sample_copy) as store:
        report = store.load(report_id)
    assert report.texts["goals"] == "学校全面完成了2023年度绩效目标。\n自评结果将在学校网站公开。"
    assert report.unplaced == SELFEVAL_UNPLACED[:1]  # the piece after the one placed was highlighted, and deleted


async def test_the_seed_already_in_the_file_is_refused_then_imported_as_a_copy(make_app, sample_copy):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await import_path(pilot, SEED_TEXT)
        assert isinstance(app.screen, ImportDialog)
        assert "已有长沙市开福区月湖街道办事处 2019年度的报告" in str(app.screen.query_one("#reason", Static).render())
        assert app.screen.query_one("#copy", Button).display
        await pilot.click("#copy")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, OrgScreen)
    with Store.open(sample_copy) as store:
        assert sorted(s.unit_name for s in store.list_reports()) == [
            "长沙市开福区月湖街道办事处",
            "长沙市开福区月湖街道办事处（导入副本）",
        ]


async def test_a_file_that_is_not_a_report_is_refused_at_the_path(make_app, sample_copy, tmp_path):
    notice = tmp_path / "通知.txt"
    notice.write_text("通知\n请按时参加会议。\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await import_path(pilot, notice)
        assert isinstance(app.screen, ImportDialog)
        reason = app.screen.query_one("#reason", Static)
        assert reason.display and "不像绩效评价报告" in str(reason.render())
        assert not app.screen.query_one("#copy", Button).display
    with Store.open(sample_copy) as store:
        assert len(store.list_reports()) == 1


def test_a_pasted_windows_path_loses_its_quotes() -> None:
    assert typed_path(' "D:\\报告\\2019.docx" ') == Path("D:\\报告\\2019.docx")


async def test_the_import_notice_says_what_the_reader_noticed_in_the_file(make_app, sample_copy, tmp_path):
    lines = SEED_TEXT.read_text(encoding="utf-8").replace("长沙市开福区", "长沙市芙蓉区").splitlines()
    inserted = '<w:p><w:ins w:id="1" w:author="审核人" w:date="2021-03-01T10:00:00Z"><w:r><w:t>补充一句。</w:t></w:r></w:ins></w:p>'
    body = "".join(p(line) for line in lines[:2]) + inserted + "".join(p(line) for line in lines[2:])
    source = tmp_path / "审阅稿.docx"
    source.write_bytes(word_file(body, comments=comments("请核对。")))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await import_path(pilot, source)
        assert isinstance(app.screen, UnplacedScreen)
        said = "\n".join(str(notice.message) for notice in app._notifications)
    assert "文件里有未接受的修订，已按“全部接受”读入（插入 1 处，删除 0 处）" in said
    assert "文件里有 1 条批注，已放在“未归类”里（批注）" in said
