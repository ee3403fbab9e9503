"""The 自评表 screen (F10): computed indicators with their formula and missing figures named,
manual scores refused above the weight at the field and saved as typed (full-width too), the
total and grade, switching systems without losing scores; the forms from the F9 dialog."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
from pilot_helpers import export_anyway, type_text
from test_review import open_report, static_text
from textual.widgets import Input, Static

from store.repository import Store
from tui.screens.export import ExportScreen
from tui.screens.scoring import ScoreField, ScoringScreen


def _saved(path: Path):
    """The seed report (the only one in the sample) as the file now holds it, read by a second Store."""
    with Store.open(path) as store:
        (summary,) = store.list_reports()
        return store.load(summary.id)


async def test_f10_shows_the_sheet_with_formulas_and_missing_figures(make_app):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f10")
        screen = pilot.app.screen
        assert isinstance(screen, ScoringScreen)
        total = static_text(screen.query_one("#scoring-total", Static))
        assert "已得 1.11 分" in total and "尚有 27 项未评分" in total
        carry = static_text(screen.query_one("#row-carryover_change", Static))
        assert "(551.78 - 519.03) ÷ 519.03 × 100 = 6.31%" in carry and "得分 1.11" in carry
        staff = static_text(screen.query_one("#row-staff_control", Static))
        assert "无法评分：缺少编制数" in staff
        assert isinstance(pilot.app.focused, ScoreField)


async def test_a_score_above_the_weight_is_refused_at_the_field_then_saved(make_app, sample_copy):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f10")
        screen = pilot.app.screen
        field = screen.query_one("#score-target_reasonable", ScoreField)
        assert pilot.app.focused is field
        await type_text(pilot, "５")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused is field and field.has_class("-refused")
        assert "超过该指标分值 4 分" in static_text(screen.query_one("#status", Static))
        assert _saved(sample_copy).manual_scores == {}
        await pilot.press("backspace")
        await type_text(pilot, "３．５")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.focused is screen.query_one("#reason-target_reasonable", ScoreField)
        await type_text(pilot, "目标与职能基本相符")
        await pilot.press("tab")
        await pilot.pause()
        entry = _saved(sample_copy).manual_scores["national"]["target_reasonable"]
        assert (entry.score, entry.reason) == (Decimal("3.5"), "目标与职能基本相符")
        assert "已得 4.61 分" in static_text(screen.query_one("#scoring-total", Static))


async def test_ctrl_t_switches_system_and_keeps_the_other_systems_scores(make_app, sample_copy):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_report(pilot, "f10")
        screen = pilot.app.screen
        await type_text(pilot, "4")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert _saved(sample_copy).score_system == "simple"
        assert "绩效自评表" in static_text(screen.query_one("#scoring-system", Static))
        assert screen.query("#score-output") and not screen.query("#score-target_reasonable")
        output = screen.query_one("#score-output", ScoreField)
        output.focus()
        await pilot.pause()
        await type_text(pilot, "45")
        await pilot.press("enter")
        await pilot.pause()
        report = _saved(sample_copy)
        assert report.manual_scores["national"]["target_reasonable"].score == Decimal("4")
        assert report.manual_scores["simple"]["output"].score == Decimal("45")


async def test_the_export_dialog_writes_both_forms_as_one_workbook(make_app, documents):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_report(pilot, "f9")
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportScreen)
        await pilot.press("right", "right", "enter")  # the format choice has the cursor: → Excel
        await pilot.pause()
        target = documents / "月湖街道-2019-绩效自评表与基础数据表.xlsx"
        assert dialog.query_one("#export-path", Input).value == str(target)
        await pilot.press("ctrl+s")
        await export_anyway(pilot)
        assert openpyxl.load_workbook(target).sheetnames == ["自评表", "基础数据表"]
        await pilot.click("#content-forms")
        await pilot.click("#format-docx")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert dialog.query_one("#export-status", Static).has_class("-error")
        await pilot.click("#content-scores")
        await pilot.pause()
        assert dialog.query_one("#export-path", Input).value == str(documents / "月湖街道-2019-绩效自评表.docx")
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert (documents / "月湖街道-2019-绩效自评表.docx").is_file()
        said = static_text(dialog.query_one("#export-status", Static))
        assert "自评表尚有27项未评分，表中留空" in said and "在职人员控制率：无法评分：缺少编制数" in said
        assert "……另有22项，见自评表（F10）" in said  # the dialog names the first five


async def test_a_bad_indicator_file_is_said_once_and_every_report_still_opens(make_app, own_settings: Path):
    """Issue 19.6: an override with weight = nan is set aside; the app says so and scores by the shipped system."""
    from store.scoring import PACKAGE_FOLDER

    folder = own_settings.parent / "indicators"  # beside the test's settings file (tests/conftest.py)
    folder.mkdir()
    text = (PACKAGE_FOLDER / "national.toml").read_text(encoding="utf-8").replace("weight = 4", "weight = nan", 1)
    (folder / "national.toml").write_text(text, encoding="utf-8")
    async with make_app().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        said = [str(n.message) for n in pilot.app._notifications if "national.toml" in str(n.message)]
        assert len(said) == 1 and "weight" in said[0]
        await open_report(pilot, "f10")
        screen = pilot.app.screen
        assert isinstance(screen, ScoringScreen)
        assert "national.toml" in static_text(screen.query_one("#status", Static))
        assert "已得 1.11 分" in static_text(screen.query_one("#scoring-total", Static))
