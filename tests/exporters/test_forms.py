"""The hand-in forms: the 自评表 and the 基础数据表 as .xlsx read back with openpyxl (numbers as
numbers, merged headings, borders, fonts, formulas, A4), as DOCX tables (rendered through
LibreOffice in test_pdf-style, marked slow), and through `jixiao export --format xlsx --sheet`."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from exporters import export_forms, export_report, to_markdown
from exporters.forms import score_form
from store.model import ManualScore, Report
from tui.cli import main


@pytest.fixture
def scored(seed_report: Report) -> Report:
    """The seed report with the new figures filled in and the national system chosen, two scores entered."""
    seed_report.figures.update(budget_full=Decimal("5200.00"), budget_initial=Decimal("5000.00"))
    seed_report.figures.update(budget_adjustment=Decimal("200.00"), personnel_spent=Decimal("1400.00"))
    seed_report.authorised_posts = 50
    seed_report.score_system = "national"
    seed_report.manual_scores = {
        "national": {
            "satisfaction": ManualScore(Decimal("7.5"), "问卷满意度92%"),
            "social": ManualScore(Decimal("4"), ""),
        }
    }
    return seed_report


def _rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_score_form_rows_and_total(scored: Report) -> None:
    form = score_form(scored)
    by_name = {row[2]: row for row in form.rows}
    assert by_name["预算完成率"][5] == Decimal("97.76") and by_name["预算完成率"][7] == Decimal("5.55")
    assert by_name["在职人员控制率"][7] == Decimal("2.00")  # 55 of 50 posts is 110 %: 4 − 10 × 0.2
    assert by_name["预算调整率"][7] == Decimal("2.60")  # 4 % adjusted, 0.1 a point
    assert by_name["政府采购执行率"][8] == "无法评分：缺少政府采购实际数、政府采购预算数"
    assert by_name["社会公众或服务对象满意度"][7:] == (Decimal("7.5"), "问卷满意度92%")
    assert form.total is not None and form.total[3] == 100 and form.total[8].startswith("尚有")


def test_xlsx_reads_back_with_numbers_merges_borders_and_formulas(scored: Report, tmp_path: Path) -> None:
    path = export_forms(scored, "xlsx", ("scores", "figures"), tmp_path)
    assert path.name == "月湖街道-2019-绩效自评表与基础数据表.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["自评表", "基础数据表"]
    sheet = book["自评表"]
    rows = _rows(sheet)
    assert rows[0][0] == "2019年度部门整体支出绩效自评表"
    assert rows[2] == (
        "一级指标",
        "二级指标",
        "三级指标",
        "分值",
        "指标解释／计算公式",
        "指标值（%）",
        "评分标准",
        "得分",
        "说明",
    )
    completion = next(row for row in rows if row[2] == "预算完成率")
    assert completion[5] == pytest.approx(97.76) and completion[7] == pytest.approx(5.55)
    assert completion[4] == "实际支出 ÷ 全年预算数 × 100 = 5083.34 ÷ 5200 × 100"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A1:I1" in merged
    first_data = 4
    inputs = next(r for r in merged if r.startswith(f"A{first_data}:"))
    assert sheet[inputs.split(":")[0]].value == "投入" and inputs == "A4:A8"
    total_row = rows[-1]
    assert total_row[0] == "合计" and total_row[3] == "=SUM(D4:D31)" and total_row[7] == "=SUM(H4:H31)"
    cached = openpyxl.load_workbook(path, data_only=True)["自评表"]
    assert cached.cell(len(rows), 8).value == pytest.approx(float(score_form(scored).total[7]))
    cell = sheet.cell(first_data, 4)
    assert cell.border.left.style == "thin" and cell.font.name == "宋体"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["D"].width
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
    # The 基础数据表 sheet: tests/exporters/test_figures_form.py.


def test_the_seed_report_export_is_unchanged_until_a_system_is_chosen(seed_report: Report) -> None:
    assert "自评表" not in to_markdown(seed_report)
    seed_report.score_system = "simple"
    text = to_markdown(seed_report)
    assert "附表6　2019年度部门整体支出绩效自评表" in text
    assert "| 预算执行 | 预算执行率 | 预算执行率 | 10 |" in text


def test_score_form_as_word_table_names_groups_once(scored: Report, tmp_path: Path) -> None:
    document = docx.Document(str(export_forms(scored, "docx", ("scores",), tmp_path)))
    assert document.paragraphs[0].text == "2019年度部门整体支出绩效自评表"
    (table,) = document.tables
    column = [row.cells[0].text for row in table.rows]
    assert column[:3] == ["一级指标", "投入", ""] and column.count("过程") == 1
    assert table.rows[-1].cells[0].text == "合计"


def test_cli_exports_xlsx_and_one_form_as_docx(
    sample_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(sample_copy), "--format", "xlsx"]) == 0
    assert openpyxl.load_workbook(tmp_path / "月湖街道-2019-绩效自评表与基础数据表.xlsx").sheetnames == [
        "自评表",
        "基础数据表",
    ]
    assert main(["export", str(sample_copy), "--format", "xlsx", "--sheet", "figures", "-o", "f"]) == 0
    assert openpyxl.load_workbook(tmp_path / "f.xlsx").sheetnames == ["基础数据表"]
    assert main(["export", str(sample_copy), "--format", "docx", "--sheet", "scores"]) == 0
    assert (tmp_path / "月湖街道-2019-绩效自评表.docx").is_file()
    assert main(["export", str(sample_copy), "--format", "docx", "--sheet", "forms"]) == 2
    assert "--sheet forms 不能导出为 docx" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_forms_and_report_appendix_render_through_libreoffice(scored: Report, tmp_path: Path) -> None:
    from test_pdf import pdf_text, to_pdf  # the converter with its own profile and time limit

    def words(path: Path) -> str:
        return "".join(pdf_text(to_pdf(path, tmp_path)).split())  # cells wrap; pdftotext spaces 2019 年

    text = words(export_forms(scored, "docx", ("scores",), tmp_path / "score.docx"))
    assert "2019年度部门整体支出绩效自评表" in text and "预算完成率" in text and "97.76" in text
    assert text.index("投入") < text.index("过程") < text.index("产出") < text.index("效果") < text.index("合计")
    figures = words(export_forms(scored, "docx", ("figures",), tmp_path / "figures.docx"))
    assert "5083.34" in figures and "5200.00" in figures
    assert "部门整体支出绩效自评表" in words(export_report(scored, "docx", tmp_path / "report.docx"))
