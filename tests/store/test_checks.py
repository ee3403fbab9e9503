"""The checks (勾稽关系), the indicators, and the labels that name every place in the report."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from store import fields
from store.checks import ERROR, WARNING, Finding, Place, ratios, run_checks
from store.codec import reports_from_data
from store.model import FIGURE_KEYS, TEXT_KEYS, EconLine, Report, SanGongItem, Source, StaffLine, TitledItem

SEED = Path(__file__).resolve().parents[2] / "samples" / "yuehu-2019.toml"
CJK = re.compile(r"[\u4e00-\u9fff]")


def seed() -> Report:
    with SEED.open("rb") as handle:
        return reports_from_data(tomllib.load(handle))[0]


def clean() -> Report:
    """A small report on which every relation holds and nothing required is missing.

    received 100 = 60 + 40; spent 90 = basic 30 (20 + 10) + project 60; carried out 20 = 10 + 100 − 90.
    """
    amounts = {
        "budget_approved": "80",
        "funds_received": "100",
        "fiscal_appropriation": "60",
        "other_income": "40",
        "spent": "90",
        "basic_spent": "30",
        "project_spent": "60",
        "carried_in": "10",
        "carried_out": "20",
    }
    return Report(
        unit_name="测试街道办事处",
        fiscal_year=2019,
        sign_unit="测试街道办事处",
        sign_date=date(2020, 3, 1),
        staff_total=5,
        key_tasks_planned=3,
        key_tasks_done=3,
        texts={key: "有内容。" for key in TEXT_KEYS},
        figures={
            key: Decimal(amounts[key]).quantize(Decimal("0.01")) if key in amounts else None for key in FIGURE_KEYS
        },
        staff_lines=[StaffLine("在职在编人员", 3), StaffLine("退休人员", 2)],
        duties=["负责辖区事务。"],
        basic_lines=[EconLine("工资福利支出", Decimal("20.00")), EconLine("商品和服务支出", Decimal("10.00"))],
        project_lines=[EconLine("其他支出", Decimal("60.00"))],
        sangong=[SanGongItem("公务接待费", budget=Decimal("3.00"), actual=Decimal("1.00"))],
        results=[TitledItem("成果", "写了成果。")],
        assets=[TitledItem("资产", "管好了资产。")],
        problems=["有问题。"],
        remedies=["有措施。"],
    )


def with_figures(report: Report, **figures: str | None) -> Report:
    new = {key: None if value is None else Decimal(value) for key, value in figures.items()}
    return replace(report, figures={**report.figures, **new})


def codes(report: Report) -> list[str]:
    return [finding.code for finding in run_checks(report)]


def only(report: Report) -> Finding:
    findings = run_checks(report)
    assert len(findings) == 1, [finding.text() for finding in findings]
    return findings[0]


def paths(finding: Finding) -> list[str]:
    return [place.path for place in finding.places]


# --- the seed -------------------------------------------------------------------------


def test_seed_has_exactly_the_one_real_disagreement() -> None:
    finding = only(seed())
    assert (finding.code, finding.severity) == ("breakdown", ERROR)
    assert paths(finding) == ["figures.project_spent", "project_lines"]
    assert [place.value for place in finding.places] == ["3472.44", "3472.66"]
    text = finding.text()
    assert "一、部门概况（二）年度预算收支“项目支出”为3472.44万元" in text
    assert "二、部门整体支出管理及使用情况（二）项目支出“项目支出明细合计”为3472.66万元" in text
    assert "相差0.22万元" in text
    assert all(part in finding.text("en") for part in ("3472.44", "3472.66", "0.22", "Project breakdown total"))


def test_clean_report_has_no_findings() -> None:
    assert run_checks(clean()) == []


# --- each relation: one way to break it, and it holding --------------------------------


def test_received_must_be_appropriation_plus_other_income() -> None:
    finding = only(with_figures(clean(), fiscal_appropriation="61"))
    assert finding.code == "received"
    assert paths(finding) == ["figures.funds_received", "figures.fiscal_appropriation", "figures.other_income"]
    assert "实际到位指标”为100.00万元，而财政拨款收入61.00万元 + 其他收入40.00万元 = 101.00万元，相差1.00万元" in (
        finding.text()
    )


def test_spent_uses_the_breakdowns_so_a_wrong_stated_part_is_one_finding() -> None:
    finding = only(with_figures(clean(), project_spent="59"))
    assert finding.code == "breakdown"
    assert paths(finding) == ["figures.project_spent", "project_lines"]


def test_spent_must_be_basic_plus_project() -> None:
    finding = only(with_figures(clean(), spent="91", carried_out="19"))
    assert finding.code == "spent"
    assert paths(finding) == ["figures.spent", "basic_lines", "project_lines"]
    assert "= 90.00万元，相差1.00万元" in finding.text()


def test_spent_falls_back_to_the_stated_figure_without_a_breakdown() -> None:
    report = replace(clean(), basic_lines=[])
    assert run_checks(report) == []
    finding = only(with_figures(report, basic_spent="31"))
    assert finding.code == "spent"
    assert paths(finding) == ["figures.spent", "figures.basic_spent", "project_lines"]


def test_carried_out_must_be_carried_in_plus_received_minus_spent() -> None:
    finding = only(with_figures(clean(), carried_out="21"))
    assert finding.code == "carried_out"
    assert paths(finding) == ["figures.carried_out", "figures.carried_in", "figures.funds_received", "figures.spent"]
    assert "上年结余（结转）10.00万元 + 实际到位指标100.00万元 − 实际支出90.00万元 = 20.00万元" in finding.text()


def test_stated_basic_must_match_its_breakdown() -> None:
    finding = only(with_figures(clean(), basic_spent="30.01"))
    assert finding.code == "breakdown"
    assert paths(finding) == ["figures.basic_spent", "basic_lines"]
    assert finding.text().startswith("基本支出前后不一致")


def test_headcount_must_be_the_sum_of_staff_lines() -> None:
    finding = only(replace(clean(), staff_total=6))
    assert (finding.code, finding.severity) == ("headcount", ERROR)
    assert [(place.path, place.value) for place in finding.places] == [("staff_total", "6"), ("staff_lines", "5")]
    assert "相差1人" in finding.text()


def test_sangong_actual_must_stay_within_budget() -> None:
    report = clean()
    report.sangong = [
        SanGongItem("因公出国出境费用", actual=Decimal("5.00")),
        SanGongItem("公务接待费", budget=Decimal("3.00"), actual=Decimal("3.50")),
        SanGongItem("公车运行维护费", budget=Decimal("2.00"), actual=Decimal("2.00")),
    ]
    finding = only(report)
    assert finding.code == "sangong_over"
    assert paths(finding) == ["sangong[1].budget", "sangong[1].actual"]
    assert (
        finding.places[1].label()
        == "二、部门整体支出管理及使用情况（一）基本支出2.三公经费使用情况“第2项 公务接待费 实际数”"
    )
    assert "超出0.50万元" in finding.text()


@pytest.mark.parametrize("path", ["unit_name", "sign_unit", "sign_date"])
def test_unit_and_signature_are_required(path: str) -> None:
    report = replace(clean(), **{path: None if path == "sign_date" else " "})
    finding = only(report)
    assert (finding.code, finding.severity, paths(finding)) == ("required", ERROR, [path])


def test_empty_main_prose_is_a_warning() -> None:
    report = clean()
    report.texts["performance_intro"] = "  \n"
    report.texts["sangong_closing"] = ""
    finding = only(report)
    assert (finding.code, finding.severity, paths(finding)) == ("empty", WARNING, ["texts.performance_intro"])
    assert finding.text() == "五、部门整体支出绩效情况“引言”还没有内容"


def test_a_section_with_nothing_in_it_is_one_warning_saying_it_is_left_out() -> None:
    """Issue 21: an empty section's heading no longer prints bare; the warning says so, at the field to fill."""
    report = clean()
    report.texts["economy"] = "  \n"
    finding = only(report)
    assert (finding.code, finding.severity, paths(finding)) == ("empty_section", WARNING, ["texts.economy"])
    assert finding.text() == (
        "五、部门整体支出绩效情况（一）经济性评价还没有任何内容：导出的报告不印这一部分（连同标题，其后序号依次前移）；"
        "请填写经济性评价等"
    )


def test_the_2023_outlines_empty_figure_sections_are_warned_about(seed_report: Report) -> None:
    seed_report.outline = "selfeval-2023"
    found = {(f.code, paths(f)[0]): f.text() for f in run_checks(seed_report) if f.code.startswith("empty_section")}
    assert found[("empty_section", "figures.budget_initial")].startswith("二、部门整体支出情况（一）预算安排及调整情况")
    assert found[("empty_section", "figures.procurement_planned")].startswith("二、部门整体支出情况（六）政府采购情况")
    assert found[("empty_section_none", "texts.other_matters")] == (
        "七、其他需要说明的情况还没有任何内容：导出的报告在这一部分只写“无。”；如有情况，请填写其他需要说明的情况"
    )


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("duties", "empty_section"),
        ("results", "empty_section"),
        ("problems", "empty_section_none"),
        ("remedies", "empty_section_none"),
    ],
)
def test_main_lists_need_an_entry(name: str, code: str) -> None:
    """A required list alone in its section: the section's warning (left out, or "无。") says it, once."""
    finding = only(replace(clean(), **{name: []}))
    assert (finding.code, finding.severity, paths(finding)) == (code, WARNING, [name])


def test_a_section_counts_as_empty_by_what_it_prints() -> None:
    """The seed's outline keeps 重点工作 counts in 重点工作计划 without printing them: with the text gone the section
    is empty (left out), whatever the counts; under the 2023 outline, which prints them, it is not."""
    report = clean()
    report.texts["key_plan"] = ""
    assert [(f.code, paths(f)) for f in run_checks(report)] == [("empty_section", ["texts.key_plan"])]
    report.outline = "selfeval-2023"
    assert ("empty", ["texts.key_plan"]) in [(f.code, paths(f)) for f in run_checks(report)]


def test_blank_list_items_are_warned_about() -> None:
    report = replace(clean(), duties=["负责辖区事务。", " "])
    report.basic_lines[1] = EconLine("", Decimal("10.00"))
    findings = run_checks(report)
    assert [(f.code, f.severity, paths(f)) for f in findings] == [
        ("blank_item", WARNING, ["duties[1]"]),
        ("blank_item", WARNING, ["basic_lines[1].category"]),
    ]
    assert findings[0].text() == "一、部门概况（一）3.主要工作职责“第2条”是空的：请填写或删去这一条"


def test_signing_within_the_fiscal_year_is_a_slip() -> None:
    finding = only(replace(clean(), sign_date=date(2019, 12, 31)))
    assert (finding.code, finding.severity) == ("sign_date_early", WARNING)
    assert "2019年12月31日" in finding.text()
    assert run_checks(replace(clean(), sign_date=date(2020, 1, 2))) == []


# --- unknowns and order ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "figures", "basic_lines"),
    [
        ("received", {"fiscal_appropriation": "61", "other_income": None}, None),
        ("spent", {"spent": "91", "basic_spent": None}, []),
        ("carried_out", {"carried_out": "21", "carried_in": None}, None),
        ("breakdown", {"basic_spent": None}, [EconLine("工资福利支出", Decimal("31.00"))]),
    ],
)
def test_an_unknown_value_skips_the_relation(
    code: str, figures: dict[str, str | None], basic_lines: list[EconLine] | None
) -> None:
    report = with_figures(clean(), **figures)
    if basic_lines is not None:
        report.basic_lines = basic_lines
    assert code not in codes(report)


def test_a_report_with_no_figures_has_no_figure_findings() -> None:
    report = replace(clean(), figures=dict.fromkeys(FIGURE_KEYS), staff_total=None)
    report.sangong = [SanGongItem("公务接待费", actual=Decimal("9.00"))]
    assert run_checks(report) == []


def test_findings_come_in_report_order() -> None:
    report = with_figures(replace(clean(), unit_name="", sign_unit="", problems=[]), carried_out="21")
    report.texts["preamble"] = ""
    assert [(f.code, paths(f)[0]) for f in run_checks(report)] == [
        ("required", "unit_name"),
        ("empty", "texts.preamble"),
        ("carried_out", "figures.carried_out"),
        ("empty_section_none", "problems"),
        ("required", "sign_unit"),
    ]


def test_every_finding_names_every_place_and_value() -> None:
    report = with_figures(replace(clean(), staff_total=9), fiscal_appropriation="70", spent="95", basic_spent="31")
    report.sangong[0] = SanGongItem("公务接待费", budget=Decimal("1.00"), actual=Decimal("2.00"))
    findings = run_checks(report)
    assert len(findings) == 6
    for finding in findings:
        for lang in ("zh", "en"):
            text = finding.text(lang)
            for place in finding.places:
                assert place.value in text
                assert place.field(lang) in text


# --- indicators ------------------------------------------------------------------------


def test_seed_ratios_state_their_rule() -> None:
    found = {ratio.code: ratio for ratio in ratios(seed())}
    assert set(found) == {"execution", "carryover_change"}  # the others need figures the seed lacks
    assert found["execution"].value == Decimal("90.21")
    assert found["execution"].label() == "预算执行率"
    assert (
        found["execution"].formula()
        == "实际支出 ÷ (实际到位指标 + 上年结余（结转）) × 100 = 5083.34 ÷ (5116.09 + 519.03) × 100"
    )
    assert "Carried in" in found["execution"].formula("en")


def test_carryover_rate_is_the_national_frameworks_over_the_whole_years_budget() -> None:
    """结转结余率 = 本年结余 ÷ 全年预算数, on the checks screen as in the 自评表 (issue 21)."""
    found = {ratio.code: ratio for ratio in ratios(with_figures(seed(), budget_full="5200.00"))}
    assert found["carryover"].value == Decimal("10.61")  # 551.78 ÷ 5200, not ÷ (5116.09 + 519.03) = 9.79
    assert found["carryover"].formula().endswith("= 551.78 ÷ 5200 × 100")


def test_ratios_need_funds_available() -> None:
    assert "execution" not in {ratio.code for ratio in ratios(with_figures(clean(), carried_in=None))}


def test_staff_control_rate_only_with_authorised_posts() -> None:
    report = replace(seed(), authorised_posts=50)
    found = {ratio.code: ratio for ratio in ratios(report)}
    assert found["staff_control"].value == Decimal("88.00")  # 在职在编 44 ÷ 50: 转业士官 and 退休 are not in post
    assert found["staff_control"].formula() == "在职在编人员数 ÷ 编制数 × 100 = 44 ÷ 50 × 100"
    assert found["staff_control"].label("en") == "Staff control rate"
    assert [r.value for r in ratios(replace(report, authorised_posts=0)) if r.code == "staff_control"] == [None]
    report.staff_lines = [StaffLine("退休人员", 4)]
    assert "staff_control" not in {ratio.code for ratio in ratios(report)}


def test_sangong_change_rate_only_when_last_year_is_known() -> None:
    report = clean()
    report.sangong = [
        SanGongItem("公务接待费", actual=Decimal("3.00"), last_year=Decimal("4.00")),
        SanGongItem("公车运行维护费", actual=Decimal("1.00"), last_year=Decimal("2.00")),
    ]
    found = {ratio.code: ratio for ratio in ratios(report)}
    assert found["sangong_change"].value == Decimal("-33.33")
    assert found["sangong_change"].formula().endswith("= (4 - 6) ÷ 6 × 100")
    report.sangong.append(SanGongItem("因公出国出境费用", actual=Decimal("0.00")))
    assert "sangong_change" not in {ratio.code for ratio in ratios(report)}


# --- labels ----------------------------------------------------------------------------


def sample_path(shape: str) -> str:
    """A path of `shape` with every list level at its first item (`duties` → `duties[0]`)."""
    parts = shape.split(".")
    out = []
    for n, part in enumerate(parts):
        prefix = ".".join(parts[: n + 1])
        out.append(f"{part}[0]" if prefix in fields.LISTS else part)
    return ".".join(out)


@pytest.mark.parametrize("shape", sorted(fields.FIELD_KINDS))
def test_every_field_has_a_section_and_a_label_in_both_languages(shape: str) -> None:
    path = sample_path(shape)
    zh, en = fields.label(path, "zh"), fields.label(path, "en")
    assert CJK.search(zh) and "field." not in zh
    assert en and not CJK.search(en) and "field." not in en
    assert CJK.search(fields.section_label(path, "zh"))
    assert not CJK.search(fields.section_label(path, "en"))


@pytest.mark.parametrize("shape", fields.LISTS)
def test_every_whole_list_has_a_label_in_both_languages(shape: str) -> None:
    path = sample_path(shape).removesuffix("[0]")
    assert CJK.search(fields.label(path, "zh"))
    assert not CJK.search(fields.label(path, "en"))


def test_labels_read_as_the_printed_report_does() -> None:
    report = seed()
    assert fields.section_label("figures.project_spent") == "一、部门概况（二）年度预算收支"
    assert fields.label("figures.project_spent") == "项目支出"
    assert fields.section_label("project_lines") == "二、部门整体支出管理及使用情况（二）项目支出"
    assert fields.label("project_lines") == "项目支出明细合计"
    assert fields.section_label("basic_lines[2].amount") == "二、部门整体支出管理及使用情况（一）基本支出1.基本支出情况"
    assert fields.label("basic_lines[2].amount") == "第3行 金额"
    name = fields.item_name(report, "basic_lines[2].amount")
    assert fields.label("basic_lines[2].amount", item=name) == "第3行 对个人和家庭的补助 金额"
    assert fields.label("basic_lines[2].amount", "en", name) == "row 3 对个人和家庭的补助 amount"
    assert fields.item_name(report, "org_groups[0].bodies[3].plates") == "公共服务办公室"
    assert fields.item_name(report, "results[0].indicators[1].target") == "固定资产投资"
    assert fields.item_name(report, "duties[0]") == ""
    assert fields.item_name(report, "basic_lines[9].amount") == ""
    assert fields.item_name(report, "texts.preamble") == ""
    assert Place("sign_date", "2020年9月21日").label("en") == "Signature › Signing date"


def test_unknown_paths_have_no_label() -> None:
    with pytest.raises(KeyError):
        fields.label("figures.nonsense")
    with pytest.raises(KeyError):
        fields.section_of("nonsense")


def test_paths_sort_in_report_order() -> None:
    printed = [
        "unit_name",
        "texts.preamble",
        "org_groups[1].bodies[0].name",
        "staff_total",
        "staff_lines",
        "staff_lines[0].count",
        "duties[2]",
        "figures.funds_received",
        "figures.spent",
        "basic_lines",
        "sangong[0].actual",
        "sangong[1].budget",
        "project_lines[0].amount",
        "results[0].indicators[1].target",
        "results[1].title",
        "remedies[0]",
        "sign_date",
    ]
    assert sorted(reversed(printed), key=fields.order_key) == printed


def test_a_breakdown_from_the_accounts_says_its_cells() -> None:
    report = with_figures(clean(), basic_spent="30.01")
    report.sources = {
        "basic_lines[0].amount": Source("公开05表!E7", "财政拨款"),
        "figures.spent": Source("公开01表!F13", "全部资金"),
    }
    finding = only(report)
    assert finding.code == "breakdown"
    assert finding.text().endswith("（基本支出明细合计取自决算 公开05表!E7）")
    assert "from the 决算 公开05表!E7" in finding.text("en")
    report.sources = {}
    assert "决算" not in only(report).text()
    # a line changed since it came from the workbook is no longer said to be taken from it
    report.sources = {"basic_lines[0].amount": Source("公开05表!E7", "财政拨款", Decimal("20.10"))}
    said = {f.code: f.text() for f in run_checks(report)}
    assert "取自决算" not in said["breakdown"] and "≠ 20.10（决算 公开05表!E7" in said["accounts"]


def test_figures_stated_otherwise_than_the_accounts_name_the_place_and_the_cell() -> None:
    """收入, 支出, 结余 and 三公 as the report states them against the 决算 values kept beside their sources."""
    report = clean()
    report.sources = {
        "figures.funds_received": Source("公开01表!C13", "全部资金", Decimal("100.20")),
        "figures.spent": Source("公开01表!F13", "全部资金", Decimal("90.00")),  # alike: nothing said
        "figures.carried_out": Source("公开01表!F15", "全部资金", Decimal("19.80")),
        "sangong[0].actual": Source("公开07表!L6", "财政拨款", Decimal("1.10")),
        "figures.carried_in": Source("公开01表!C15", "全部资金"),  # kept before values were: nothing to compare
    }
    said = {f.places[0].path: f.text() for f in run_checks(report) if f.code == "accounts"}
    assert set(said) == {"figures.funds_received", "figures.carried_out", "sangong[0].actual"}
    assert said["figures.funds_received"].startswith(
        "实际到位指标 100.00（一、部门概况（二）年度预算收支）≠ 100.20（决算 公开01表!C13，全部资金）"
    )
    assert "相差0.20万元" in said["figures.funds_received"]
    assert (
        "公务接待费 实际数 1.00" in said["sangong[0].actual"]
        and "1.10（决算 公开07表!L6，财政拨款）" in said["sangong[0].actual"]
    )
    assert all(f.severity == "warning" for f in run_checks(report) if f.code == "accounts")


def test_posts_split_must_add_up_to_authorised_posts_once_all_three_are_given() -> None:
    report = replace(clean(), authorised_posts=50)
    report.figures.update(posts_admin=13, posts_institution=36)
    (finding,) = [f for f in run_checks(report) if f.code == "posts"]
    assert finding.severity == ERROR
    assert finding.text() == (
        "编制数对不上：一、部门概况（一）2.人员情况“编制数”为50人，而行政编制13人 + 事业编制36人 = 49人，相差1人"
    )
    report.figures["posts_institution"] = 37
    assert "posts" not in {f.code for f in run_checks(report)}
    report.figures["posts_admin"] = None
    report.figures["posts_institution"] = 50
    assert "posts" not in {f.code for f in run_checks(report)}
