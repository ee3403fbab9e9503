"""The 基础数据表 (issue 21): sections as store/fields.toml lays them out, merged section rows, columns
that say what each value is, staff by category, the 三公 items split and summed as 附表4 sums them, the
checks' ratios, blank cells (never words of the program) where the report holds nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from exporters import export_forms, to_markdown
from exporters.compose import appendix
from exporters.forms import figures_form, form_document, sangong_kind
from exporters.markdown import render
from exporters.tree import Table
from store import checks
from store.model import Report, SanGongItem

SECTIONS = ("一、人员情况", "二、收支情况", "三、按预算类别收支", "四、“三公”经费", "五、政府采购", "六、重点工作")
SANGONG = (
    "因公出国（境）费",
    "公务用车购置及运行维护费",
    "其中：公务用车购置费",
    "公务用车运行维护费",
    "公务接待费",
    "合计",
)


def _row(form_rows: tuple[tuple[object, ...], ...], words: str) -> tuple[object, ...]:
    return next(row for row in form_rows if isinstance(row[0], str) and row[0].strip("\u3000") == words)


def _sections(form_rows: tuple[tuple[object, ...], ...]) -> list[str]:
    return [row[0] for row in form_rows if isinstance(row[0], str) and all(cell is None for cell in row[1:])]


def test_the_seed_form_has_its_sections_staff_by_category_and_figures_in_their_columns(seed_report: Report) -> None:
    form = figures_form(seed_report)
    assert _sections(form.rows)[: len(SECTIONS)] == list(SECTIONS)
    staff_head = form.rows[form.heads[0]]
    assert staff_head[2:4] == ("编制数", "年末实有人数"), "the 55 is 年末实有人数, never 在职人数"
    assert _row(form.rows, "人员合计")[1:4] == ("人", None, 55)
    assert _row(form.rows, "其中：在职在编人员")[3] == 44
    assert _row(form.rows, "退休人员")[3] == 4
    assert _row(form.rows, "本年收入合计")[3] == Decimal("5116.09")
    assert _row(form.rows, "其中：财政拨款收入")[2:4] == (Decimal("2040.00"), Decimal("4454.34"))
    assert _row(form.rows, "年初预算数")[2:4] == (None, None), "年初预算数 is a row of its own, not under 全年预算"
    assert _row(form.rows, "本年支出合计")[3] == Decimal("5083.34")
    for words in ("上级补助收入", "事业收入", "经营收入", "公用经费", "公务用车保有量", "公务接待批次", "公务接待人次"):
        _row(form.rows, words)
    assert "预算编码：" in form.unit_lines[-1]
    assert [line.split("：")[0] for line in form.foot_lines] == ["联系人", "联系电话", "填报日期"]
    for index, first, last in form.spans:
        if first == 0:
            assert last == len(form.columns) - 1 and form.rows[index][0] in _sections(form.rows)


def test_the_sangong_items_are_split_and_their_total_is_appendix_4s(seed_report: Report) -> None:
    form = figures_form(seed_report)
    names = [row[0].strip("\u3000") for row in form.rows if isinstance(row[0], str)]
    start = names.index(SANGONG[0])
    assert tuple(names[start : start + len(SANGONG)]) == SANGONG
    assert _row(form.rows, "公务接待费")[2:4] == (Decimal("3.00"), Decimal("0.00"))
    assert _row(form.rows, "公务用车运行维护费")[2:4] == (Decimal("0.00"), Decimal("0.00"))
    assert _row(form.rows, "公务用车购置及运行维护费")[2:4] == (Decimal("0.00"), Decimal("0.00"))
    assert _row(form.rows, "其中：公务用车购置费")[2:5] == (None, None, None)
    (table,) = [b for b in appendix(seed_report) if isinstance(b, Table) and "三公" in b.caption]
    appendix_total = table.rows[-1]
    form_total = _row(form.rows, "合计")
    assert appendix_total[0] == "合计" and appendix_total[1:3] == ("3.00", "0.00")
    assert (str(form_total[2]), str(form_total[3])) == appendix_total[1:3]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("因公出国出境费用", "abroad"),
        ("公车运行维护费", "vehicle_running"),
        ("公务用车购置费", "vehicle_purchase"),
        ("公务用车", "vehicles"),
        ("公务接待费", "reception"),
        ("会议费", ""),
    ],
)
def test_a_sangong_line_is_matched_to_its_item_by_its_name(name: str, kind: str) -> None:
    assert sangong_kind(name) == kind


def test_a_line_of_no_known_item_keeps_its_own_row_and_counts_in_the_total() -> None:
    report = Report(unit_name="某单位", fiscal_year=2024)
    report.sangong = [
        SanGongItem("公务接待费", Decimal("2.00"), Decimal("1.00")),
        SanGongItem("会议费", None, Decimal("4.00")),
    ]
    form = figures_form(report)
    assert _row(form.rows, "会议费")[2:4] == (None, Decimal("4.00"))
    assert _row(form.rows, "合计")[2:4] == (Decimal("2.00"), Decimal("5.00"))


def test_the_ratios_are_the_checks_own(seed_report: Report) -> None:
    form = figures_form(seed_report)
    labels = {row[0] for row in form.rows}
    stated = [ratio for ratio in checks.ratios(seed_report) if ratio.label() in labels]
    assert stated
    for ratio in stated:
        row = _row(form.rows, ratio.label())
        assert row[1] == "%" and row[4] == ratio.value and row[2] == ratio.formula()


def test_a_blank_report_gets_every_row_with_blank_cells() -> None:
    blank = Report(unit_name="空白单位", fiscal_year=2024)
    form = figures_form(blank)
    assert _sections(form.rows)[: len(SECTIONS)] == list(SECTIONS)
    for words in SANGONG:
        assert _row(form.rows, words)[2:5] == (None, None, None)
    values = [row[2:] for i, row in enumerate(form.rows) if i not in form.heads]
    assert all(cell is None for row in values for cell in row)
    assert form.foot_lines == ("联系人：", "联系电话：", "填报日期：")


def test_a_blank_form_as_files_says_nothing_of_the_program(tmp_path: Path) -> None:
    blank = Report(unit_name="空白单位", fiscal_year=2024)
    text = render(form_document(figures_form(blank)))
    for word in ("None", "待填", "无法", "?", "ratio.", "figures."):
        assert word not in text
    path = export_forms(blank, "xlsx", ("figures",), tmp_path)
    sheet = openpyxl.load_workbook(path)["基础数据表"]
    cells = [value for row in sheet.iter_rows(min_row=4, values_only=True) for value in row[2:]]
    assert not any(isinstance(value, int | float) for value in cells)


def test_the_worksheet_merges_sections_and_keeps_numbers(seed_report: Report, tmp_path: Path) -> None:
    seed_report.authorised_posts = 50
    path = export_forms(seed_report, "xlsx", ("figures",), tmp_path)
    sheet = openpyxl.load_workbook(path)["基础数据表"]
    rows = list(sheet.iter_rows(values_only=True))
    merged = {str(r) for r in sheet.merged_cells.ranges}
    for title in SECTIONS:
        index = next(i for i, row in enumerate(rows) if row[0] == title) + 1
        assert f"A{index}:E{index}" in merged
    staff = next(row for row in rows if row[0] == "人员合计")
    assert staff[1:4] == ("人", 50, 55)
    spent = next(row for row in rows if row[0] == "本年支出合计")
    assert spent[3] == pytest.approx(5083.34)
    assert sheet.cell(rows.index(spent) + 1, 4).number_format == "0.00"
    head = next(i for i, row in enumerate(rows) if row[2] == "编制数") + 1
    assert sheet.cell(head, 3).font.bold
    assert rows[-1][0].startswith("联系人：")


def test_the_word_form_merges_section_rows(seed_report: Report, tmp_path: Path) -> None:
    document = docx.Document(str(export_forms(seed_report, "docx", ("figures",), tmp_path)))
    (table,) = document.tables
    first_cells = [row.cells[0] for row in table.rows]
    section = next(cell for cell in first_cells if cell.text == "一、人员情况")
    assert section._tc.grid_span == 5
    assert any(p.text.startswith("联系人：") for p in document.paragraphs)


def test_the_report_itself_is_unchanged_by_the_form(seed_report: Report) -> None:
    assert "基础数据表" not in to_markdown(seed_report)
