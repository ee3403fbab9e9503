"""The composer: the seed's outline and numbering, sentences written from the figures, verbatim prose."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

import pytest
from export_facts import SEED_HEADINGS, SEED_SENTENCES, seed_narrative

from exporters import ExportError, default_filename
from exporters.compose import chinese_number, compose
from exporters.tree import Document, Heading, PageBreak, Paragraph, Signature, Table, Title
from store.model import Body, EconLine, Indicator, OrgGroup, Report, SanGongItem, StaffLine, TitledItem


def texts(document: Document) -> list[str]:
    """Every paragraph as printed: number, run-in title, text."""
    return [b.number + b.lead + b.text for b in document.blocks if isinstance(b, Paragraph)]


def headings(document: Document) -> list[tuple[int, str]]:
    return [(b.level, b.number + b.text) for b in document.blocks if isinstance(b, Heading)]


def test_the_seven_sections_and_their_subheadings_follow_the_seed(report: Report) -> None:
    document = compose(report)
    assert isinstance(document.blocks[0], Title) and document.blocks[0].text == "绩效评价报告"
    assert headings(document) == SEED_HEADINGS


def test_sentences_with_figures_are_written_from_the_data(report: Report) -> None:
    printed = texts(compose(report))
    for sentence in SEED_SENTENCES:
        assert any(sentence in paragraph for paragraph in printed), sentence


def test_stated_project_spending_is_printed_as_stated_and_the_breakdown_as_summed(report: Report) -> None:
    printed = "\n".join(texts(compose(report)))
    assert "项目支出3472.44万元" in printed  # 一（二）, as the seed states it
    assert "项目支出总额为3472.66万元" in printed  # 二（二）, the sum of its categories


def test_every_narrative_paragraph_is_reproduced_verbatim(report: Report) -> None:
    printed = "\n".join(texts(compose(report)))
    for paragraph in seed_narrative(report):
        assert paragraph.strip() in printed, paragraph[:40]


def test_lists_are_numbered_as_official_writing_numbers_them(report: Report) -> None:
    printed = texts(compose(report))
    assert printed.count("（20）承办区政府交办的其他事项。") == 1
    assert (
        "1.制度方面：以区政府固定资产管理文件为依托建立健全的资产管理制度，合理配备并节约高效使用资产、提高资产使用效率，保障资产的安全和完整;"
        in printed
    )
    assert any(p.startswith("16.突出示范引领，建设服务型党组织。各基层党组织") for p in printed)
    assert "2.强化资金使用的监督管理及预算管理。" in printed
    second = printed.index("2.强化资金使用的监督管理及预算管理。")
    assert printed[second + 1].startswith("一是规范安全生产培训")  # the item's second paragraph, unnumbered
    assert any(p.startswith("1.基本支出主要包括，") for p in printed)
    assert any(p.startswith("3.在以后的日常预算管理过程中") for p in printed)


def test_the_signature_is_the_unit_then_the_date(report: Report) -> None:
    blocks = compose(report).blocks
    signature = next(b for b in blocks if isinstance(b, Signature))
    assert signature == Signature(unit="长沙市开福区月湖街道办事处", date="2020年9月21日")


@pytest.mark.parametrize(
    ("change", "expected"),
    [(5, "比上年增加5人。"), (-3, "比上年减少3人。"), (0, "与上年持平。")],
)
def test_staff_change_reads_as_increase_decrease_or_unchanged(seed_report: Report, change: int, expected: str) -> None:
    seed_report.staff_change = change
    staff = next(p for p in texts(compose(seed_report)) if p.startswith("2019年本单位年末实有人数55人"))
    assert expected in staff


def test_unknown_staff_change_is_left_out(seed_report: Report) -> None:
    seed_report.staff_change = None
    seed_report.texts["staff_reasons"] = ""
    staff = next(p for p in texts(compose(seed_report)) if p.startswith("2019年本单位年末实有人数55人"))
    assert staff == "2019年本单位年末实有人数55人，其中在职在编人员44人，转业士官7人，退休人员4人。"


def test_sangong_items_read_by_what_is_known(seed_report: Report) -> None:
    seed_report.sangong = [
        SanGongItem(name="因公出国（境）费", actual=Decimal("0.00"), last_year=Decimal("1.50")),
        SanGongItem(name="公务接待费", budget=Decimal("3.00"), actual=Decimal("1.20")),
        SanGongItem(name="公务用车购置费"),
    ]
    paragraph = next(p for p in texts(compose(seed_report)) if "三公经费均控制在预算范围内" in p)
    assert (
        "其中：因公出国（境）费本年度未发生经费支出，上年实际发生1.50万元，公务接待费预算数为3.00万元，实际发生1.20万元。"
        in paragraph
    )
    assert "公务用车购置费" not in paragraph


def test_a_blank_report_exports_its_outline_and_never_says_none() -> None:
    document = compose(Report(unit_name="某某局", fiscal_year=2024))
    printed = "\n".join(texts(document))
    assert "None" not in printed and "None" not in repr(document.blocks)
    assert [h[1][:2] for h in headings(document) if h[0] == 1] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "六、",
        "七、",
    ]
    assert document.blocks[-1] == Signature(unit="某某局", date="　　年　　月　　日")
    assert not any(isinstance(b, (Table, PageBreak)) for b in document.blocks)


def test_partial_figures_leave_out_what_is_unknown() -> None:
    report = Report(unit_name="某某局", unit_short="某局", fiscal_year=2024)
    report.figures["spent"] = Decimal("100.00")
    report.figures["carried_out"] = Decimal("-2.50")
    report.basic_lines = [EconLine("工资福利支出", Decimal("30.00"))]
    printed = texts(compose(report))
    assert "财政实际支出100.00万元。本年结余-2.50万元。" in printed
    assert (3, "1.基本支出情况") in headings(compose(report))
    assert (
        "2024年某局的基本支出总额为30.00万元，占年度总支出的30.00%，其中工资福利支出30.00万元，占基本支出的100.00%。"
        in printed
    )
    report.figures["spent"] = None
    assert "2024年某局的基本支出总额为30.00万元，其中工资福利支出30.00万元，占基本支出的100.00%。" in texts(
        compose(report)
    )


def test_organisation_groups_plates_and_the_other_group() -> None:
    report = Report(unit_name="某某局", fiscal_year=2024)
    report.org_groups = [
        OrgGroup(label="内设机构", bodies=[Body("办公室", ["党建办公室牌子"]), Body("财务室")]),
        OrgGroup(label="空组"),
        OrgGroup(label="其他", bodies=[Body("食堂")]),
    ]
    printed = texts(compose(report))
    assert "（1）设置2个内设机构：办公室（加挂党建办公室牌子）、财务室。" in printed
    assert "（2）其他：食堂。" in printed


def test_staff_lines_without_a_total() -> None:
    report = Report(unit_name="某某局", fiscal_year=2024, staff_lines=[StaffLine("在职人员", 3)])
    assert "2024年本单位年末实有人员：在职人员3人。" in texts(compose(report))


def test_appendix_tables_hold_the_figures_and_shares(report: Report) -> None:
    tables = [b for b in compose(report).blocks if isinstance(b, Table)]
    assert [t.label for t in tables] == ["附表1", "附表2", "附表3", "附表4", "附表5"]
    assert [t.caption for t in tables] == [
        "2019年度收支情况表",
        "2019年度基本支出明细表（按经济分类）",
        "2019年度项目支出明细表（按经济分类）",
        "2019年度“三公”经费预算与支出情况表",
        "2019年度项目产出指标完成情况表",
    ]
    figures, basic, project, sangong, indicators = tables
    assert ("　　项目支出", "3472.44") in figures.rows
    assert basic.rows[0] == ("工资福利支出", "1448.28", "89.92", "28.49")
    assert basic.rows[-1] == ("合计", "1610.68", "100.00", "31.69")
    assert project.rows[-1] == ("合计", "3472.66", "100.00", "68.31")
    assert sangong.rows == (
        ("因公出国出境费用", "", "0.00"),
        ("公务接待费", "3.00", "0.00"),
        ("公车运行维护费", "0.00", "0.00"),
        ("合计", "3.00", "0.00"),
    )
    assert indicators.rows[0] == ("1.各项指标稳中有进", "区级税收", "万元", "6735", "", "")
    assert ("", "12345热线工单满意率", "%", "", "98.5", "") in indicators.rows
    assert all(len(row) == len(t.header) == len(t.align) for t in tables for row in t.rows)


def test_indicator_completion_needs_target_and_actual_and_last_year_shows_when_known(seed_report: Report) -> None:
    seed_report.results = [TitledItem("税收", "", [Indicator("区级税收", Decimal("6735"), Decimal("7000"), "万元")])]
    seed_report.sangong[1].last_year = Decimal("4.10")
    tables = {t.caption: t for t in compose(seed_report).blocks if isinstance(t, Table)}
    assert tables["2019年度项目产出指标完成情况表"].rows == (("1.税收", "区级税收", "万元", "6735", "7000", "103.93"),)
    sangong = tables["2019年度“三公”经费预算与支出情况表"]
    assert sangong.header[-1] == "上年实际发生数"
    assert sangong.rows[1] == ("公务接待费", "3.00", "0.00", "4.10")


def test_tables_can_be_left_out(report: Report) -> None:
    blocks = compose(report, tables=False).blocks
    assert not any(isinstance(b, (Table, PageBreak)) for b in blocks)
    assert isinstance(blocks[-1], Signature)


def test_prose_is_cleaned_and_split_into_paragraphs(seed_report: Report) -> None:
    report = copy.deepcopy(seed_report)
    report.texts["key_plan"] = "　　第一段\x07。\r\n\r\n  第二段\v第三段  "
    printed = texts(compose(report))
    start = printed.index("第一段。")
    assert printed[start : start + 3] == ["第一段。", "第二段", "第三段"]


@pytest.mark.parametrize(("n", "word"), [(1, "一"), (7, "七"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一")])
def test_chinese_numbers(n: int, word: str) -> None:
    assert chinese_number(n) == word


def test_default_filename_uses_the_short_name_and_is_safe_on_windows(seed_report: Report) -> None:
    assert default_filename(seed_report, "docx") == "月湖街道-2019-绩效评价报告.docx"
    assert default_filename(seed_report, "md") == "月湖街道-2019-绩效评价报告.md"
    odd = Report(unit_name='某局/某所:"甲"', fiscal_year=2024, sign_date=date(2025, 1, 2))
    assert default_filename(odd, "md") == "某局_某所__甲_-2024-绩效评价报告.md"
    with pytest.raises(ExportError) as caught:
        default_filename(odd, "pdf")
    assert "pdf" in str(caught.value)
