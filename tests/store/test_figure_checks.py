"""The checks on the figures the official indicators need (issue 12), on edge figures.

人员经费 + 公用经费 = 基本支出; 年初 + 调整 = 全年预算数; 政府采购 within plan (a warning);
重点工作完成数 ≤ 计划数; the four budgets against the totals when all four are given. Each
skips when a figure is missing, and names its places under the report's own outline.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_checks import clean, only, paths, with_figures

from store.checks import ERROR, WARNING, run_checks
from store.model import Report


def test_none_of_the_new_checks_fire_while_their_figures_are_blank() -> None:
    assert run_checks(clean()) == []


def test_personnel_and_public_must_add_up_to_basic_spending() -> None:
    finding = only(with_figures(clean(), personnel_spent="20", public_spent="9.99"))
    assert (finding.code, finding.severity) == ("personnel_public", ERROR)
    assert paths(finding) == ["basic_lines", "figures.personnel_spent", "figures.public_spent"]
    assert dict(finding.params) == {"expected": "29.99", "diff": "0.01"}
    assert run_checks(with_figures(clean(), personnel_spent="20", public_spent="10")) == []


def test_personnel_split_uses_the_stated_basic_figure_without_a_breakdown() -> None:
    report = replace(with_figures(clean(), personnel_spent="0", public_spent="0", basic_spent="0"), basic_lines=[])
    report = with_figures(report, spent="60", carried_out="50")
    assert run_checks(report) == []


def test_a_budget_adjustment_may_be_negative_and_must_add_up() -> None:
    assert run_checks(with_figures(clean(), budget_initial="100", budget_adjustment="-20", budget_full="80")) == []
    finding = only(with_figures(clean(), budget_initial="100", budget_adjustment="-20", budget_full="120"))
    assert finding.code == "budget_full"
    assert dict(finding.params)["diff"] == "40.00"
    assert "全年预算数" in finding.text() and "年初预算数" in finding.text()


def test_a_zero_budget_is_checked_like_any_other() -> None:
    finding = only(with_figures(clean(), budget_initial="0", budget_adjustment="0", budget_full="0.01"))
    assert finding.code == "budget_full"


@pytest.mark.parametrize(("done", "warned"), [("5", False), ("4.99", False), ("5.01", True), ("0", False)])
def test_procurement_above_its_budget_is_a_warning(done: str, warned: bool) -> None:
    report = with_figures(clean(), procurement_planned="5", procurement_done=done)
    findings = run_checks(report)
    assert bool(findings) == warned
    if warned:
        (finding,) = findings
        assert (finding.code, finding.severity, dict(finding.params)) == ("procurement_over", WARNING, {"diff": "0.01"})


def test_procurement_with_nothing_planned_but_something_bought_is_over() -> None:
    assert only(with_figures(clean(), procurement_planned="0", procurement_done="1")).code == "procurement_over"


def test_more_key_tasks_done_than_planned_is_an_error() -> None:
    finding = only(replace(clean(), key_tasks_planned=3, key_tasks_done=4))
    assert (finding.code, paths(finding)) == ("key_tasks_over", ["key_tasks_planned", "key_tasks_done"])
    assert (
        finding.text()
        == "重点工作完成数多于计划数：一、部门概况（一）4.重点工作计划“重点工作完成数”为4项，重点工作计划数为3项，多1项"
    )
    assert run_checks(replace(clean(), key_tasks_planned=0, key_tasks_done=0)) == []
    assert run_checks(replace(clean(), key_tasks_planned=None, key_tasks_done=4)) == []


def _four(report: Report, **values: str) -> Report:
    names = {f"{b}_{s}": "0" for b in ("general", "fund", "capital", "social") for s in ("income", "spent")}
    return with_figures(report, **{**names, **values})


def test_the_four_budgets_are_compared_with_the_totals_only_when_all_four_are_given() -> None:
    assert run_checks(_four(clean(), general_income="100", general_spent="90")) == []
    assert run_checks(with_figures(clean(), general_income="1", general_spent="1")) == []
    finding = only(_four(clean(), general_income="60", fund_income="30", general_spent="90"))
    assert (finding.code, finding.severity, dict(finding.params)) == (
        "four_income",
        WARNING,
        {"expected": "90.00", "diff": "10.00"},
    )


def test_places_are_named_as_the_reports_outline_heads_them() -> None:
    report = replace(with_figures(clean(), procurement_planned="1", procurement_done="2"), outline="selfeval-2023")
    (finding,) = [f for f in run_checks(report) if f.code == "procurement_over"]
    assert finding.places[1].label(outline=report.outline) == "二、部门整体支出情况（六）政府采购情况“政府采购实际数”"
    assert "二、部门整体支出情况（六）政府采购情况" in finding.text()
    assert "二、部门整体支出情况（六）政府采购情况" in finding.text("zh")
    assert "II. The unit's whole spending (VI) Government procurement" in finding.text("en")
