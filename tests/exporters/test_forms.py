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


HEADERS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "指标解释／评分标准",
    "分值",
    "指标值",
    "自评得分",
    "扣分原因和其他说明",
)
#: What a hand-in form must never print: the program's own prompts.
PROMPTS = ("待填", "请录入", "无法评分", "缺少", "?", "？", "尚有")


def test_score_form_rows_and_total(scored: Report) -> None:
    form = score_form(scored)
    by_name = {row[2]: row for row in form.rows}
    assert by_name["预算完成率"][5] == Decimal("97.76") and by_name["预算完成率"][6] == Decimal("5.55")
    # 在职在编 44 of 50 posts, 88 % (issue 21): 年末实有人数 55 counts 转业士官 and retirees, who hold no post
    assert by_name["在职人员控制率"][5] == Decimal("88.00") and by_name["在职人员控制率"][6] == Decimal("4.00")
    assert by_name["预算调整率"][6] == Decimal("2.60")  # 4 % adjusted, 0.1 a point
    assert by_name["政府采购执行率"][5:] == (None, None, "")  # missing figures: blank, said elsewhere
    assert by_name["社会公众或服务对象满意度"][6:] == (Decimal("7.5"), "问卷满意度92%")
    assert by_name["在职人员控制率"][3].splitlines() == [
        "在职人员控制率 =（在职人员数 ÷ 编制数）× 100%；在职人员数为人员情况中类别含“在职”的人数（在职在编人员），"
        "不含转业士官等编外人员和退休人员",
        "≤100% 得满分；每超过一个百分点扣0.2分，扣完为止",
    ]
    assert form.total is not None and form.total[4] == 100 and form.total[6] is None  # not every row scored
    assert form.grade == ("评价等级", None) and form.landscape


def test_every_computed_indicator_says_why_from_its_rule(scored: Report) -> None:
    by_name = {row[2]: row for row in score_form(scored).rows}
    assert by_name["在职人员控制率"][7] == "在职人员控制率88.00%，未超过100%，不扣分"
    assert by_name["预算调整率"][7] == "预算调整率4.00%，超过0%共4个百分点，扣0.40分"
    assert by_name["预算完成率"][7] == "预算完成率97.76%，低于100%共2.24个百分点，扣0.45分"
    computed = [row for row in score_form(scored).rows if row[6] is not None and row[5] is not None]
    assert computed and all(row[7] and "分" in row[7] for row in computed)


def test_rule_reasons_for_every_kind() -> None:
    from store.scoring import IndicatorDef, Rule, Scored, deduction_reason

    def reason(kind: str, numbers: dict[str, object], value: str, score: str) -> str:
        indicator = IndicatorDef("x", "一", "二", "某率", Decimal(5), rule=Rule(kind, numbers))
        return deduction_reason(Scored(indicator, "scored", value=Decimal(value), score=Decimal(score)))

    assert reason("deduct_above", {"limit": Decimal(0), "per_point": Decimal(1)}, "-3.5", "5") == (
        "某率-3.50%，未超过0%，不扣分"
    )
    assert reason("deduct_below", {"target": Decimal(100), "per_point": Decimal(1)}, "100", "5") == (
        "某率100.00%，达到100%，不扣分"
    )
    assert reason("proportional", {"target": Decimal(100)}, "80", "4") == (
        "某率80.00%，未达到100%，按比例得4.00分，扣1.00分"
    )
    bands = {"bands": ((Decimal(90), Decimal(1)), (Decimal(60), Decimal("0.6")))}
    assert reason("bands", bands, "75", "3") == "某率75.00%，达到60%一档，得3.00分，扣2.00分"
    assert reason("bands", bands, "95", "5") == "某率95.00%，达到90%一档，不扣分"
    assert reason("bands", bands, "10", "0") == "某率10.00%，低于60%，不得分，扣5.00分"


def _fully_scored(report: Report) -> Report:
    """`report` with every indicator scored: the missing figures given, the manual scores entered."""
    from store.scoring import load_systems, score

    report.figures.update(procurement_planned=Decimal("100.00"), procurement_done=Decimal("90.00"))
    report.key_tasks_planned, report.key_tasks_done = 10, 9
    for item in report.sangong:
        item.actual = item.budget = item.last_year = Decimal("2.00")
    system = load_systems()[0]["national"]
    for row in score(report, system).rows:
        if row.score is None and row.indicator.manual:
            report.manual_scores["national"][row.indicator.id] = ManualScore(row.indicator.weight, "")
    assert score(report, system).complete, [r.indicator.id for r in score(report, system).rows if r.score is None]
    return report


def test_xlsx_reads_back_with_numbers_merges_borders_and_formulas(scored: Report, tmp_path: Path) -> None:
    path = export_forms(scored, "xlsx", ("scores", "figures"), tmp_path)
    assert path.name == "月湖街道-2019-绩效自评表与基础数据表.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["自评表", "基础数据表"]
    sheet = book["自评表"]
    rows = _rows(sheet)
    assert rows[0][0] == "2019年度部门整体支出绩效自评表"
    assert rows[2] == HEADERS
    completion = next(row for row in rows if row[2] == "预算完成率")
    assert completion[5] == pytest.approx(97.76) and completion[6] == pytest.approx(5.55)
    assert completion[7] == "预算完成率97.76%，低于100%共2.24个百分点，扣0.45分"
    index = rows.index(completion) + 1
    assert sheet.cell(index, 6).number_format == '0.00"%"' and sheet.cell(index, 7).number_format == "0.00"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A1:H1" in merged
    inputs = next(r for r in merged if r.startswith("A4:"))
    assert sheet["A4"].value == "投入" and inputs == "A4:A8"
    assert "B4:B5" in merged  # 目标设定, two indicators
    total_row, grade_row = rows[-2], rows[-1]
    assert total_row[0] == "合计" and "A32:D32" in merged
    assert total_row[4] == "=SUM(E4:E31)" and total_row[6] == '=IF(COUNTBLANK(G4:G31)>0,"",SUM(G4:G31))'
    assert grade_row[0] == "评价等级" and "A33:D33" in merged and "E33:H33" in merged
    assert grade_row[4] == '=IF(G32="","",IF(G32>=90,"优",IF(G32>=80,"良",IF(G32>=60,"中","差"))))'
    cell = sheet.cell(4, 5)
    assert cell.border.left.style == "thin" and cell.font.name == "宋体"
    widths = {column: sheet.column_dimensions[column].width for column in "ABCDEFGH"}
    assert widths["D"] > widths["H"] > widths["C"] > widths["E"]  # room for the explanation and the reason
    heights = [sheet.row_dimensions[i].height for i in range(4, 32)]
    assert all(height and height >= 18 for height in heights)  # every row sized for its wrapped text
    assert max(heights) > min(heights)  # as tall as each row's text, not one height for all
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0  # one page wide
    assert sheet.print_title_rows == "$3:$3"
    # The 基础数据表 sheet: tests/exporters/test_figures_form.py.


def test_xlsx_caches_the_total_and_the_grade_of_a_scored_sheet(scored: Report, tmp_path: Path) -> None:
    form = score_form(_fully_scored(scored))
    assert form.total is not None and form.grade is not None and form.grade[1] == "优"
    cached = openpyxl.load_workbook(export_forms(scored, "xlsx", ("scores",), tmp_path), data_only=True)["自评表"]
    rows = _rows(cached)
    assert rows[-2][6] == pytest.approx(float(form.total[6])) and rows[-2][4] == 100
    assert rows[-1][4] == "优" and form.total[6] == Decimal("93.58")


def test_xlsx_names_the_groups_again_on_each_printed_page(scored: Report, tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(export_forms(scored, "xlsx", ("scores",), tmp_path))["自评表"]
    breaks = [brk.id for brk in sheet.row_breaks.brk]
    assert breaks  # 28 rows of wrapped text do not fit one landscape page
    for after in breaks:
        starts = {str(r).split(":")[0] for r in sheet.merged_cells.ranges}
        assert f"A{after + 1}" in starts and sheet.cell(after + 1, 1).value  # the 一级 name, again


def test_score_form_in_word_landscape_merged_two_decimals(scored: Report, tmp_path: Path) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    document = docx.Document(str(export_forms(_fully_scored(scored), "docx", ("scores",), tmp_path)))
    assert document.paragraphs[0].text == "2019年度部门整体支出绩效自评表"
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    (table,) = document.tables
    trs = table._tbl.tr_lst
    assert tuple(tc.xpath("string(.)") for tc in trs[0].tc_lst) == HEADERS
    assert trs[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in trs)
    widths = [tc.width for tc in trs[1].tc_lst]
    assert widths[3] > widths[7] > widths[2] > widths[4] and sum(widths) > section.page_height  # wider than portrait
    first = [tr.tc_lst[0] for tr in trs[1:29]]
    assert first[0].vMerge == "restart" and first[0].xpath("string(.)") == "投入"
    assert first[1].vMerge == "continue" and first[1].xpath("string(.)") == ""
    texts = [[tc.xpath("string(.)") for tc in tr.tc_lst] for tr in trs]
    control = next(row for row in texts if row[2] == "在职人员控制率")
    assert control[4:] == ["4", "88.00%", "4.00", "在职人员控制率88.00%，未超过100%，不扣分"]
    assert next(row for row in texts if row[2] == "社会公众或服务对象满意度")[6] == "7.50"
    total, grade = texts[-2], texts[-1]
    assert total == ["合计", "100", "", "93.58", ""] and grade == ["评价等级", "优"]  # spans: 4 + 4 columns
    east_asia = {
        fonts.get(qn("w:eastAsia")) for fonts in document.styles.element.iter(qn("w:rFonts")) if fonts is not None
    }
    assert None not in east_asia and "仿宋_GB2312" in east_asia


def test_word_form_names_the_groups_again_after_a_page_break(scored: Report, tmp_path: Path) -> None:
    document = docx.Document(str(export_forms(scored, "docx", ("scores",), tmp_path)))
    trs = document.tables[0]._tbl.tr_lst[1:29]
    starts = [tr.tc_lst[0].xpath("string(.)") for tr in trs if tr.tc_lst[0].vMerge == "restart"]
    assert starts[:2] == ["投入", "投入"] or starts.count("过程") >= 2  # a group cut by a page is named again


def test_forms_of_a_blank_report_carry_no_prompt(tmp_path: Path) -> None:
    empty = Report(unit_name="空白单位", fiscal_year=2024)
    for fmt in ("md", "docx", "xlsx"):
        for name in ("scores", "figures"):
            path = export_forms(empty, fmt, (name,), tmp_path / f"{name}.{fmt}")
            if fmt == "md":
                text = path.read_text(encoding="utf-8")
            elif fmt == "docx":
                text = "".join(p.xpath("string(.)") for p in docx.Document(str(path)).element.body.iter())
            else:
                text = "".join(str(v) for row in _rows(openpyxl.load_workbook(path).active) for v in row if v)
            assert not [prompt for prompt in PROMPTS if prompt in text], (fmt, name)


def test_markdown_form_is_a_plain_table_with_every_column(scored: Report, tmp_path: Path) -> None:
    text = export_forms(scored, "md", ("scores",), tmp_path / "s.md").read_text(encoding="utf-8")
    assert "| " + " | ".join(HEADERS) + " |" in text
    assert "| 投入 | 预算配置 | 在职人员控制率 |" in text
    assert "| 4 | 88.00% | 4.00 | 在职人员控制率88.00%，未超过100%，不扣分 |" in text


def test_the_seed_report_export_is_unchanged_until_a_system_is_chosen(seed_report: Report) -> None:
    assert "自评表" not in to_markdown(seed_report)
    seed_report.score_system = "simple"
    text = to_markdown(seed_report)
    assert "附表6　2019年度部门整体支出绩效自评表" in text
    assert "| 预算执行 | 预算执行情况 | 预算完成率 | 10 |" in text
    assert "| 指标值 | 自评得分 | 扣分原因和其他说明 |" in text and "待填" not in text


def test_cli_exports_xlsx_and_one_form_as_docx(
    sample_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert (
        main(["export", str(sample_copy), "--format", "xlsx"]) == 1
    )  # written; the seed's figures disagree (issue 21)
    assert openpyxl.load_workbook(tmp_path / "月湖街道-2019-绩效自评表与基础数据表.xlsx").sheetnames == [
        "自评表",
        "基础数据表",
    ]
    assert main(["export", str(sample_copy), "--format", "xlsx", "--sheet", "figures", "-o", "f"]) == 1
    assert openpyxl.load_workbook(tmp_path / "f.xlsx").sheetnames == ["基础数据表"]
    assert main(["export", str(sample_copy), "--format", "docx", "--sheet", "scores"]) == 1
    assert (tmp_path / "月湖街道-2019-绩效自评表.docx").is_file()
    assert main(["export", str(sample_copy), "--format", "docx", "--sheet", "forms"]) == 2
    assert "--sheet forms 不能导出为 docx" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_forms_and_report_appendix_render_through_libreoffice(scored: Report, tmp_path: Path, lo_profile: Path) -> None:
    from doc_files import soffice_convert
    from test_pdf import pdf_text

    drafts = [
        export_forms(scored, "docx", ("scores",), tmp_path / "score.docx"),
        export_forms(scored, "docx", ("figures",), tmp_path / "figures.docx"),
        export_report(scored, "docx", tmp_path / "report.docx"),
    ]
    # One LibreOffice run for the three; pdftotext spaces 2019 年, and cells wrap.
    text, figures, report = (
        "".join(pdf_text(pdf).split()) for pdf in soffice_convert(drafts, tmp_path, "pdf", lo_profile)
    )
    assert "2019年度部门整体支出绩效自评表" in text and "预算完成率" in text and "97.76" in text
    assert text.index("投入") < text.index("过程") < text.index("产出") < text.index("效果") < text.index("合计")
    assert "5083.34" in figures and "5200.00" in figures
    assert "部门整体支出绩效自评表" in report


def test_check_and_export_say_what_the_score_sheet_lacks(
    sample_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from store.repository import Store

    monkeypatch.chdir(tmp_path)
    main(["check", str(sample_copy)])
    assert "自评表" not in capsys.readouterr().out  # no system chosen, nothing scored: not asked about
    with Store.open(sample_copy) as store:
        (summary,) = store.list_reports()
        store.set_score_system(summary.id, "national")
    main(["check", str(sample_copy)])
    out = capsys.readouterr().out
    assert "自评表尚有27项未评分，表中留空：" in out and "  预算配置·在职人员控制率：无法评分：缺少编制数" in out
    # exit 1: the seed's own figures disagree (项目支出 3472.44 against its lines' 3472.66), which export says too
    assert main(["export", str(sample_copy), "--format", "docx", "--sheet", "scores", "-o", "s.docx"]) == 1
    said = capsys.readouterr()
    assert "已导出" in said.out and "  目标设定·绩效目标合理性：待填：请录入得分和理由" in said.err
    body = "".join(p.xpath("string(.)") for p in docx.Document(str(tmp_path / "s.docx")).element.body.iter())
    assert "待填" not in body and "无法评分" not in body
