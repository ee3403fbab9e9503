"""The 部门决算 workbook reader and `jixiao import WORKBOOK DB` (issue 22)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from exporters.readers.pieces import ReadError
from exporters.readers.workbook import read_accounts
from store.repository import Store
from tests.exporters.accounts_books import OTHER, build
from tui.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "sample.db"


@pytest.mark.parametrize("kw", [{}, {"yuan": True, "internal": True}, {"rows_sangong": True}])
def test_seed_figures_in_both_families(tmp_path: Path, kw: dict) -> None:
    accounts = read_accounts(build(tmp_path / "a.xlsx", **kw))
    assert accounts.unit_name == "长沙市开福区月湖街道办事处" and accounts.fiscal_year == 2019
    got = {f.path: f.value for f in accounts.figures}
    assert got["figures.funds_received"] == Decimal("5116.09")
    assert got["figures.fiscal_appropriation"] == Decimal("4454.34")
    assert got["figures.other_income"] == Decimal("661.75")
    assert got["figures.project_spent"] == Decimal("3472.44")
    assert got["figures.personnel_spent"] == Decimal("1481.08")
    assert got["sangong[公务接待费].budget"] == Decimal("3.00")
    assert not accounts.findings


def test_second_unit_and_sangong_across(tmp_path: Path) -> None:
    accounts = read_accounts(build(tmp_path / "b.xlsx", OTHER))
    got = {f.path: (f.value, f.source, f.basis) for f in accounts.figures}
    assert got["sangong[公务用车运行维护费].actual"] == (Decimal("4.20"), "公开07表!K6", "财政拨款")
    assert got["figures.public_spent"][0] == Decimal("170.00")


@pytest.mark.parametrize(
    ("kw", "sheet", "cols"), [({}, "公开04表", "BEFG"), ({"yuan": True, "internal": True}, "Z01_1", "CGHI")]
)
def test_four_budgets_from_the_fiscal_totals_table(tmp_path: Path, kw: dict, sheet: str, cols: str) -> None:
    accounts = read_accounts(build(tmp_path / "f.xlsx", OTHER, **kw))
    got = {
        f.path: (f.value, f.source.split(" ")[0].split("!")[0], f.source.split("!")[1], f.basis)
        for f in accounts.figures
    }
    income, spent_col, fund_col, capital_col = cols
    assert got["figures.general_income"] == (Decimal("3000.00"), sheet, f"{income}5", "财政拨款")
    assert got["figures.fund_income"] == (Decimal("120.50"), sheet, f"{income}6", "财政拨款")
    assert got["figures.capital_income"][0] == Decimal("0.00")
    assert got["figures.general_spent"] == (Decimal("2950.00"), sheet, f"{spent_col}9", "财政拨款")
    assert got["figures.fund_spent"] == (Decimal("100.25"), sheet, f"{fund_col}9", "财政拨款")
    assert got["figures.capital_spent"] == (Decimal("0.00"), sheet, f"{capital_col}9", "财政拨款")
    # the table has no 社会保险基金 row or column: that budget is left as it is
    assert "figures.social_income" not in got and "figures.social_spent" not in got
    assert not accounts.findings


def test_social_insurance_fund_where_the_table_carries_it(tmp_path: Path) -> None:
    funds = {**OTHER["funds"], "社会保险基金预算财政拨款": ("80.00", "75.50")}
    accounts = read_accounts(build(tmp_path / "s.xlsx", OTHER, funds=funds))
    got = {f.path: (f.value, f.source) for f in accounts.figures}
    assert got["figures.social_income"] == (Decimal("80.00"), "公开04表!B8")
    assert got["figures.social_spent"] == (Decimal("75.50"), "公开04表!H9")
    assert got["figures.general_spent"] == (Decimal("2950.00"), "公开04表!E9")


@pytest.mark.parametrize("econ", ["across", "split"])
@pytest.mark.parametrize("kw", [{}, {"yuan": True, "internal": True}])
def test_classes_as_columns_or_with_codes_in_cells(tmp_path: Path, econ: str, kw: dict) -> None:
    """The classes as columns (a 小计 beside two details, 功能分类 rows coded 类 | 款 | 项) or as rows coded in
    类 | 款 cells with a 款 line under each class: each class once, at its own cell, 人员/公用 from them."""
    accounts = read_accounts(build(tmp_path / "k.xlsx", OTHER, econ=econ, **kw))
    got = {f.path: (f.value, f.source.split("!")[1]) for f in accounts.figures}
    cells = {"across": ("F6", "I6", "L6", "O6"), "split": ("D6", "H6", "D8", "H8")}[econ]
    assert got["basic_lines[工资福利支出].amount"] == (Decimal("1000.00"), cells[0])
    assert got["basic_lines[商品和服务支出].amount"] == (Decimal("150.00"), cells[1])
    assert got["basic_lines[对个人和家庭的补助].amount"] == (Decimal("30.00"), cells[2])
    assert got["basic_lines[资本性支出].amount"] == (Decimal("20.00"), cells[3])
    assert got["figures.personnel_spent"][0] == Decimal("1030.00")
    assert got["figures.public_spent"][0] == Decimal("170.00")
    assert not accounts.findings


def test_a_class_across_without_its_total_column_is_refused(tmp_path: Path) -> None:
    """工资福利支出 over 基本工资 | 津贴补贴 and no 小计: which column is the class's cannot be told."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(tmp_path / "n.xlsx"))
    ws = book.add_worksheet("Z05_1 基本支出决算明细表(财决05-1表)")
    ws.write(0, 0, "基本支出决算明细表")
    ws.write(1, 0, "金额单位：元")
    ws.merge_range(2, 0, 3, 0, "科目编码")
    ws.merge_range(2, 1, 3, 1, "科目名称")
    ws.merge_range(2, 2, 3, 2, "合计")
    ws.merge_range(2, 3, 2, 4, "工资福利支出")
    ws.write_row(3, 3, ["基本工资", "津贴补贴"])
    ws.write_row(4, 1, ["合计", 30000, 20000, 10000])
    book.close()
    with pytest.raises(ReadError) as refused:
        read_accounts(tmp_path / "n.xlsx")
    assert "缺少“工资福利支出小计”列：表头里找的是 “小计”、“合计”" in refused.value.text()


def test_project_lines_from_the_05_2_table_with_the_seeds_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = build(tmp_path / "p.xlsx", yuan=True, internal=True, econ="across")
    lines = {f.path: (f.value, f.source, f.basis) for f in read_accounts(book).figures if "project_lines" in f.path}
    sheet = "Z05_2 项目支出决算明细表(财决05-2表)"
    assert lines["project_lines[其他支出].amount"] == (Decimal("2130.81"), f"{sheet}!U6", "全部资金")
    assert lines["project_lines[对企业的补贴支出].amount"] == (Decimal("11.17"), f"{sheet}!R6", "全部资金")
    assert len(lines) == 6 and sum(v for v, _, _ in lines.values()) == Decimal("3472.66")
    db = tmp_path / "r.db"
    shutil.copy(SAMPLE, db)
    with Store.open(db) as store:
        store.set(1, "project_lines[5].amount", Decimal("2130.00"))
    assert main(["import", str(book), str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"2130.00 → 2130.81（{sheet}!U6，全部资金）" in out
    assert "321.79" not in out  # the lines the report states alike are not listed
    assert main(["import", str(book), str(db)]) == 0
    with Store.open(db) as store:
        report = store.load(1)
    assert [line.amount for line in report.project_lines][4:] == [Decimal("11.17"), Decimal("2130.81")]
    assert report.sources["project_lines[5].amount"] == (f"{sheet}!U6", "全部资金", Decimal("2130.81"))


def test_arithmetic_findings_name_both_cells(tmp_path: Path) -> None:
    accounts = read_accounts(build(tmp_path / "c.xlsx", total="9999.00", personnel="1.00"))
    params = [f.params for f in accounts.findings]
    assert any(p["total"] == "公开01表!C16" and "公开01表!C13" in p["parts"] for p in params)
    assert any(p["total"] == "公开06表!C7" for p in params)


def test_yuan_not_whole_cents_of_wan_is_refused(tmp_path: Path) -> None:
    accounts = read_accounts(build(tmp_path / "d.xlsx", yuan=True, internal=True, spent="5083.3412"))
    assert accounts.figure("figures.spent") is None
    assert any(f.code == "accounts.inexact" for f in accounts.findings)


def test_not_accounts_names_sheets(tmp_path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(tmp_path / "x.xlsx"))
    book.add_worksheet("人员名单").write(0, 0, "姓名")
    book.close()
    with pytest.raises(ReadError) as caught:
        read_accounts(tmp_path / "x.xlsx")
    assert "人员名单" in caught.value.text() and "收入支出决算总表" in caught.value.text()


def test_spreadsheetml_and_html(tmp_path: Path) -> None:
    ns = "urn:schemas-microsoft-com:office:spreadsheet"
    rows = [
        ["收入支出决算总表"],
        ["部门：长沙市开福区月湖街道办事处", "2019年度", "金额单位：万元"],
        ["项目", "决算数", "项目", "决算数"],
        ["本年收入合计", 5116.09, "本年支出合计", 5083.34],
    ]

    def cell(v: object) -> str:
        kind = "Number" if isinstance(v, float) else "String"
        return f'<Cell><Data ss:Type="{kind}">{v}</Data></Cell>'

    xml = (
        f'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="{ns}" xmlns:ss="{ns}">'
        '<Worksheet ss:Name="公开01表"><Table>'
        + "".join("<Row>" + "".join(cell(v) for v in r) + "</Row>" for r in rows)
        + "</Table></Worksheet></Workbook>"
    )
    (tmp_path / "s.xls").write_text(xml, encoding="utf-8")
    html = (
        "<html><body><p>收入支出决算总表</p><table>"
        + "".join("<tr>" + "".join(f"<td>{v}</td>" for v in r) + "</tr>" for r in rows)
        + "</table></body></html>"
    )
    (tmp_path / "h.xls").write_text(html, encoding="utf-8")
    for name in ("s.xls", "h.xls"):
        accounts = read_accounts(tmp_path / name)
        assert accounts.figure("figures.funds_received").value == Decimal("5116.09")
        assert accounts.figure("figures.spent").value == Decimal("5083.34")


def test_cli_dry_run_write_and_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    shutil.copy(SAMPLE, db)
    book = build(tmp_path / "w.xlsx", project="3472.66")
    before = db.read_bytes()
    assert main(["import", str(book), str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "3472.44 → 3472.66（公开03表!E5，全部资金）" in out
    assert db.read_bytes() == before
    assert main(["import", str(book), str(db)]) == 0
    with Store.open(db) as store:
        report = store.load(1)
    assert report.figures["project_spent"] == Decimal("3472.66")
    assert report.sources["figures.project_spent"] == ("公开03表!E5", "全部资金", Decimal("3472.66"))
    capsys.readouterr()
    assert main(["import", str(book), str(db)]) == 0
    assert "没有要改的" in capsys.readouterr().out


def test_after_import_the_checks_compare_what_the_report_states_with_the_workbook(tmp_path: Path) -> None:
    """Figures already alike are noted with their cells too; one stated otherwise afterwards is a finding
    naming the report's place and the workbook's cell, for 收入, 结余 and 三公 alike."""
    from store.checks import run_checks

    db = tmp_path / "r.db"
    shutil.copy(SAMPLE, db)
    assert main(["import", str(build(tmp_path / "w.xlsx")), str(db)]) == 0
    with Store.open(db) as store:
        assert store.load(1).sources["figures.spent"] == ("公开01表!F13", "全部资金", Decimal("5083.34"))
        store.set(1, "figures.funds_received", Decimal("5116.90"))
        store.set(1, "figures.carried_out", Decimal("551.87"))
        store.set(1, "sangong[1].budget", Decimal("3.30"))
        report = store.load(1)
    said = sorted(f.text() for f in run_checks(report) if f.code == "accounts")
    assert len(said) == 3
    assert said[0].startswith(
        "实际到位指标 5116.90（一、部门概况（二）年度预算收支）≠ 5116.09（决算 公开01表!C13，全部资金）"
    )
    assert said[1].startswith("本年结余（结转） 551.87（一、部门概况（二）年度预算收支）≠ 551.78（决算 公开01表!F15")
    assert "公务接待费 预算数 3.30" in said[2] and "≠ 3.00（决算 公开07表!F6，财政拨款）" in said[2]


def test_cli_no_report_for_the_unit(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    shutil.copy(SAMPLE, db)
    assert main(["import", str(build(tmp_path / "o.xlsx", OTHER)), str(db)]) == 2


def test_cli_report_named_for_another_unit_warns_and_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "r.db"
    shutil.copy(SAMPLE, db)
    assert main(["import", str(build(tmp_path / "o.xlsx", OTHER, year=2020)), str(db), "--report", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "注意：工作簿是“长沙市开福区望麓园街道办事处” 2020 年度的，报告 1 是“长沙市开福区月湖街道办事处” 2019 年度；"
        "因已用 --report 指定，仍导入该报告"
    )
    assert sum("望麓园" in line for line in lines) == 1
    with Store.open(db) as store:
        assert store.load(1).figures["project_spent"] == Decimal("1900.00")


def _refused(tmp_path: Path, book: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """`jixiao import` on a workbook that must be refused: exit 2, one sentence, the report untouched."""
    db = tmp_path / "r.db"
    shutil.copy(SAMPLE, db)
    before = db.read_bytes()
    assert main(["import", str(book), str(db)]) == 2
    assert db.read_bytes() == before
    captured = capsys.readouterr()
    text = (captured.err + captured.out).strip()
    assert len(text.splitlines()) == 1
    return text


def test_missing_column_names_the_table_and_the_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _refused(tmp_path, build(tmp_path / "m.xlsx", spending_header="missing"), capsys)
    assert "支出决算表（表“公开03表”）缺少“项目支出”列" in text
    assert "找的是 “项目支出”" in text and "基本支出" in text


def test_merged_header_is_read_across_its_columns(tmp_path: Path) -> None:
    for kw in ({}, {"yuan": True, "internal": True}):
        accounts = read_accounts(build(tmp_path / "h.xlsx", spending_header="merged", **kw))
        got = {f.path: (f.value, f.source) for f in accounts.figures}
        sheet = "Z04 支出决算表(财决04表)" if kw else "公开03表"
        assert got["figures.basic_spent"] == (Decimal("1610.68"), f"{sheet}!D6")
        assert got["figures.project_spent"] == (Decimal("3472.44"), f"{sheet}!E6")
        assert not accounts.findings


def test_merged_header_over_two_number_columns_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _refused(tmp_path, build(tmp_path / "a.xlsx", spending_header="ambiguous"), capsys)
    assert "表头单元格 公开03表!D4 合并了几列数据" in text


@pytest.mark.parametrize("how", ["sheet", "below"])
def test_continuation_pages_read_as_one_table(tmp_path: Path, how: str) -> None:
    accounts = read_accounts(build(tmp_path / "c.xlsx", continued=how))
    got = {f.path: (f.value, f.source) for f in accounts.figures}
    rest = "公开06表(续)!C6" if how == "sheet" else "公开06表!C11"
    assert got["basic_lines[工资福利支出].amount"] == (Decimal("1448.28"), "公开06表!C5")
    assert got["figures.personnel_spent"] == (Decimal("1481.08"), rest)
    assert got["basic_lines[对个人和家庭的补助].amount"][0] == Decimal("32.80")
    assert got["figures.public_spent"][0] == Decimal("129.60")
    assert not accounts.findings


def test_continuation_with_another_header_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _refused(tmp_path, build(tmp_path / "o.xlsx", continued="other_header"), capsys)
    assert "表“公开06表(续)”是“公开06表”的续表，但两者表头不同" in text


def test_empty_table_with_its_note_is_said_not_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.db"
    shutil.copy(SAMPLE, db)
    book = build(tmp_path / "e.xlsx", sangong_empty=True, project="3472.66")
    assert main(["import", str(book), str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "财政拨款“三公”经费支出决算表（表“公开07表”）本年度无数据" in out
    assert "政府性基金预算财政拨款收入支出决算表（表“公开08表”）本年度无数据" in out
    assert "3472.44 → 3472.66" in out
    accounts = read_accounts(book)
    assert not any(f.path.startswith("sangong") for f in accounts.figures) and not accounts.findings


def test_password_protected_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.exporters.doc_files import ole_file

    book = tmp_path / "locked.xlsx"
    book.write_bytes(ole_file({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x00" * 64}))
    assert "工作簿设有打开密码" in _refused(tmp_path, book, capsys)
    with pytest.raises(ReadError, match="密码"):
        read_accounts(book)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice) to make the .xls")
@pytest.mark.parametrize("kw", [{}, {"yuan": True, "internal": True, "spending_header": "merged"}])
def test_xls_made_by_libreoffice_gives_the_same_figures(tmp_path: Path, kw: dict, lo_profile: Path) -> None:
    from doc_files import soffice_convert

    xlsx = build(tmp_path / "book.xlsx", **kw)
    (xls,) = soffice_convert([xlsx], tmp_path / "out", "xls", lo_profile, timeout=240)
    assert xls.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
    want = {f.path: (f.value, f.source, f.basis) for f in read_accounts(xlsx).figures}
    got = {f.path: (f.value, f.source, f.basis) for f in read_accounts(xls).figures}
    assert got == want and len(got) > 15
