"""The 自评表: every computed indicator's formula and rule on edge figures (zero budget, over
100 %, missing), the evaluator refusing anything but arithmetic over paths, manual scores
refused above their weight, totals and grades, and scores kept in the file and the TOML."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from store import exchange, scoring
from store.formula import FormulaError, compile_formula
from store.model import ManualScore, Report, SanGongItem, StaffLine
from store.parse import InputError
from store.repository import Store, StoreError

SYSTEMS, _ = scoring.load_systems(Path("/nonexistent"))
NATIONAL = SYSTEMS["national"]
SIMPLE = SYSTEMS["simple"]


def _report(**figures: str) -> Report:
    report = Report(unit_name="测试单位", fiscal_year=2023)
    report.figures.update({key: Decimal(value) for key, value in figures.items()})
    return report


def _row(report: Report, indicator: str, system: scoring.System = NATIONAL) -> scoring.Scored:
    return scoring.score_row(report, system, system.indicator(indicator))


def test_both_systems_load_and_add_up_to_100() -> None:
    assert set(SYSTEMS) >= {"national", "simple"}
    assert NATIONAL.full_marks == SIMPLE.full_marks == 100
    assert [i.level1 for i in NATIONAL.indicators][:1] == ["投入"]
    assert {i.level1 for i in NATIONAL.indicators} == {"投入", "过程", "产出", "效果"}
    assert [(i.name, i.weight) for i in SIMPLE.indicators] == [
        ("预算完成率", 10),  # the form's 执行率, 全年执行数 ÷ 全年预算数, is jixiao's 预算完成率 (issue 21)
        ("产出指标", 50),
        ("效益指标", 30),
        ("服务对象满意度", 10),
    ]


@pytest.mark.parametrize(
    ("spent", "budget", "value", "points"),
    [
        ("950", "1000", "95.00", "5.00"),  # 5 points below 100 %, 0.2 each
        ("1000", "1000", "100.00", "6.00"),
        ("1200", "1000", "120.00", "6.00"),  # over 100 %: full marks, never more
        ("0", "1000", "0.00", "0.00"),  # never below 0
    ],
)
def test_budget_completion_loses_points_below_100(spent: str, budget: str, value: str, points: str) -> None:
    row = _row(_report(spent=spent, budget_full=budget), "budget_completion")
    assert (row.status, row.value, row.score) == ("scored", Decimal(value), Decimal(points))


def test_zero_budget_cannot_be_scored_and_says_which_figure() -> None:
    row = _row(_report(spent="10", budget_full="0"), "budget_completion")
    assert (row.status, row.score, row.zero) == ("zero", None, "figures.budget_full")
    assert scoring.row_note(row, NATIONAL) == "无法评分：全年预算数为0"


def test_missing_figure_is_named_never_zero() -> None:
    row = _row(_report(spent="10"), "budget_completion")
    assert (row.status, row.score, row.missing) == ("missing", None, ("figures.budget_full",))
    assert scoring.row_note(row, NATIONAL) == "无法评分：缺少全年预算数"


@pytest.mark.parametrize(
    ("staff", "posts", "points"),
    [(40, 44, "4.00"), (44, 44, "4.00"), (50, 44, "1.27"), (80, 44, "0.00")],
)
def test_staff_control_loses_points_above_100(staff: int, posts: int, points: str) -> None:
    report = _report()
    report.staff_lines, report.authorised_posts = [StaffLine("在职在编人员", staff)], posts
    assert _row(report, "staff_control").score == Decimal(points)


def test_staff_control_counts_staff_in_post_not_retirees_or_the_headcount() -> None:
    """在职人员 is every staff line whose category says 在职; 年末实有人数 (retirees included) is not read."""
    report = _report()
    report.staff_total, report.authorised_posts = 55, 50
    report.staff_lines = [StaffLine("在职在编人员", 44), StaffLine("转业士官", 7), StaffLine("退休人员", 4)]
    row = _row(report, "staff_control")
    assert (row.value, row.score) == (Decimal("88.00"), Decimal("4.00"))
    report.staff_lines.append(StaffLine("在职编外人员", 8))  # every line that says 在职 adds up: 52 of 50
    assert _row(report, "staff_control").value == Decimal("104.00")
    report.staff_lines = [StaffLine("退休人员", 4)]
    row = _row(report, "staff_control")
    assert row.missing == ("staff_lines[在职].count",)
    assert scoring.row_note(row, NATIONAL) == "无法评分：缺少在职在编人员数"


def test_staff_control_with_no_posts_is_zero_divisor() -> None:
    report = _report()
    report.staff_lines, report.authorised_posts = [StaffLine("在职人员", 3)], 0
    assert _row(report, "staff_control").status == "zero"


def test_sangong_rates_sum_over_items_and_need_every_value() -> None:
    report = _report()
    report.sangong = [
        SanGongItem("公务接待费", Decimal("10"), Decimal("8"), Decimal("10")),
        SanGongItem("公务用车运行维护费", Decimal("10"), Decimal("12"), Decimal("10")),
    ]
    control = _row(report, "sangong_control")
    change = _row(report, "sangong_change")
    assert (control.value, control.score) == (Decimal("100.00"), Decimal("3.00"))
    assert (change.value, change.score) == (Decimal("0.00"), Decimal("4.00"))
    report.sangong[1].actual = Decimal("13")  # 21 of 20: 105 %, 5 points over at 0.3
    assert _row(report, "sangong_control").score == Decimal("1.50")
    report.sangong[0].last_year = None
    assert _row(report, "sangong_change").missing == ("sangong.last_year",)
    report.sangong = []
    assert _row(report, "sangong_control").status == "missing"


@pytest.mark.parametrize(("adjustment", "points"), [("0", "3.00"), ("-50", "3.00"), ("100", "2.00"), ("1000", "0.00")])
def test_budget_adjustment_rate(adjustment: str, points: str) -> None:
    row = _row(_report(budget_adjustment=adjustment, budget_initial="1000"), "budget_adjustment")
    assert row.score == Decimal(points)


def test_carryover_indicators() -> None:
    report = _report(carried_out="80", carried_in="100", budget_full="1000")
    assert _row(report, "carryover_rate").score == Decimal("2.10")  # 8 %: 3 points over 5 %
    assert _row(report, "carryover_change").score == Decimal("3.00")  # fell by 20 %
    report.figures["carried_in"] = Decimal("0")
    assert _row(report, "carryover_change").status == "zero"


def test_procurement_and_key_tasks() -> None:
    report = _report(procurement_done="90", procurement_planned="100")
    assert _row(report, "procurement").score == Decimal("2.00")
    report.figures["procurement_done"] = Decimal("130")
    assert _row(report, "procurement").score == Decimal("3.00")
    assert _row(report, "key_tasks").status == "missing"
    report.key_tasks_planned, report.key_tasks_done = 8, 6  # type: ignore[attr-defined]
    assert _row(report, "key_tasks").score == Decimal("3.75")
    report.key_tasks_done = 9  # type: ignore[attr-defined]
    assert _row(report, "key_tasks").score == Decimal("5.00")


def test_simple_form_execution_is_proportional() -> None:
    assert _row(_report(spent="873", budget_full="1000"), "execution", SIMPLE).score == Decimal("8.73")
    assert _row(_report(spent="1500", budget_full="1000"), "execution", SIMPLE).score == Decimal("10.00")


def test_formula_shown_in_words_and_with_figures() -> None:
    report = _report(spent="950", budget_full="1000")
    row = _row(report, "budget_completion")
    assert scoring.formula_text(row, NATIONAL, report) == ("实际支出 ÷ 全年预算数 × 100", "950 ÷ 1000 × 100")
    change = _row(report, "carryover_change")
    words, filled = scoring.formula_text(change, NATIONAL, report)
    assert words.startswith("(本年结余（结转） - 上年结余（结转）) ÷")
    assert filled == "(? - ?) ÷ ? × 100"


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('echo')",
        "figures.spent ** 2",
        "abs(figures.spent)",
        "figures.spent if 1 else 0",
        "figures.spent > 1",
        "'text'",
        "[figures.spent]",
        "figures.spent[figures.x]",
        "Figures.spent",
        "lambda: 1",
        "figures.spent; 1",
    ],
)
def test_evaluator_refuses_anything_but_arithmetic_over_paths(text: str) -> None:
    with pytest.raises(FormulaError) as caught:
        compile_formula(text, where="store/indicators/x.toml [rate]")
    assert "store/indicators/x.toml [rate]" in str(caught.value)


def test_bad_indicator_file_is_named() -> None:
    text = NATIONAL.path and (Path(__file__).parents[2] / "store/indicators/simple.toml").read_text(encoding="utf-8")
    bad = text.replace('ratio = "budget_completion"', 'formula = "open(1)"')
    with pytest.raises(FormulaError, match=r"mine\.toml \[execution\]"):
        scoring.parse_system(bad, "mine.toml")
    with pytest.raises(scoring.IndicatorFileError, match="95"):
        scoring.parse_system(text.replace("weight = 50", "weight = 45"), "mine.toml")


def test_an_indicator_names_a_known_ratio_and_takes_its_name_formula_and_definition() -> None:
    """One name, one number: an indicator that refers to a ratio cannot rename it or give its own formula."""
    text = (Path(__file__).parents[2] / "store/indicators/simple.toml").read_text(encoding="utf-8")
    execution = SIMPLE.indicator("execution")
    assert execution.ratio == "budget_completion" and execution.name == "预算完成率"
    assert execution.definition.startswith("预算完成率 =（预算完成数 ÷ 预算数）× 100%")
    with pytest.raises(scoring.IndicatorFileError, match=r"mine\.toml \[execution\].*budget_completion"):
        scoring.parse_system(text.replace('ratio = "budget_completion"', 'ratio = "nonesuch"'), "mine.toml")
    with pytest.raises(scoring.IndicatorFileError, match="预算完成率"):
        scoring.parse_system(text.replace('name = "预算完成率"', 'name = "预算执行率"'), "mine.toml")
    own = text.replace('ratio = "budget_completion"', 'ratio = "budget_completion"\nformula = "figures.spent"')
    with pytest.raises(scoring.IndicatorFileError, match="预算完成率"):
        scoring.parse_system(own, "mine.toml")
    unnamed = scoring.parse_system(text.replace('name = "预算完成率"\n', ""), "mine.toml")
    assert unnamed.indicator("execution").name == "预算完成率"


def test_user_folder_replaces_weights_and_bad_files_are_passed_over(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "store/indicators/simple.toml").read_text(encoding="utf-8")
    (tmp_path / "simple.toml").write_text(
        text.replace("weight = 50", "weight = 45").replace("weight = 30", "weight = 35")
    )
    (tmp_path / "broken.toml").write_text("id = ")
    systems, problems = scoring.load_systems(tmp_path)
    assert systems["simple"].indicator("output").weight == 45
    assert systems["simple"].path.endswith("simple.toml") and str(tmp_path) in systems["simple"].path
    assert len(problems) == 1 and "broken.toml" in problems[0].text()


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        ("100", "优"),
        ("90", "优"),
        ("89.99", "良"),
        ("80", "良"),
        ("79.5", "中"),
        ("60", "中"),
        ("59.99", "差"),
        ("0", "差"),
    ],
)
def test_grades(total: str, grade: str) -> None:
    assert scoring.grade(Decimal(total)) == grade


def test_total_grade_and_score_sentence_only_when_complete() -> None:
    report = _report(spent="950", budget_full="1000")
    report.score_system = "simple"
    report.manual_scores = {
        "simple": {"output": ManualScore(Decimal("45"), "两项未完成"), "benefit": ManualScore(Decimal("28"))}
    }
    sheet = scoring.score(report, SIMPLE)
    assert (sheet.total, sheet.complete) == (Decimal("82.50"), False)
    report.manual_scores["simple"]["satisfaction"] = ManualScore(Decimal("9.5"))
    sheet = scoring.score(report, SIMPLE)
    assert (sheet.total, sheet.complete, sheet.grade) == (Decimal("92.00"), True, "优")


@pytest.mark.parametrize(
    ("typed", "value"), [("８", Decimal("8")), ("7.5分", None), ("", None), ("7.25", Decimal("7.25"))]
)
def test_manual_score_typed_through_an_ime(typed: str, value: Decimal | None) -> None:
    indicator = NATIONAL.indicator("satisfaction")
    if typed == "7.5分":
        with pytest.raises(InputError):
            scoring.parse_manual_score(typed, indicator)
    else:
        assert scoring.parse_manual_score(typed, indicator) == value


@pytest.mark.parametrize(("typed", "reason"), [("8.01", "超过该指标分值 8 分"), ("-1", "负数"), ("7.125", "两位小数")])
def test_manual_score_above_weight_is_refused_at_the_field(typed: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        scoring.parse_manual_score(typed, NATIONAL.indicator("satisfaction"))


def test_manual_scores_saved_per_system_and_refused_above_weight(seeded_store: Store) -> None:
    store = seeded_store
    store.set_score_system(1, "simple")
    store.set_manual_score(1, SIMPLE, "output", Decimal("48"))
    store.set_score_reason(1, SIMPLE, "output", "一项指标未达目标")
    store.set_manual_score(1, NATIONAL, "satisfaction", Decimal("7"))
    with pytest.raises(InputError):
        store.set_manual_score(1, SIMPLE, "output", Decimal("51"))
    with pytest.raises(StoreError):
        store.set_manual_score(1, SIMPLE, "execution", Decimal("5"))  # computed, not entered
    report = store.load(1)
    assert report.score_system == "simple"
    assert report.manual_scores == {
        "simple": {"output": ManualScore(Decimal("48"), "一项指标未达目标")},
        "national": {"satisfaction": ManualScore(Decimal("7"), "")},
    }
    store.set_manual_score(1, SIMPLE, "output", None)
    assert store.load(1).manual_scores["simple"]["output"] == ManualScore(None, "一项指标未达目标")


def test_scores_travel_through_the_exchange_file(seeded_store: Store, tmp_path: Path) -> None:
    seeded_store.set_score_system(1, "simple")
    seeded_store.set_manual_score(1, SIMPLE, "benefit", Decimal("27.5"))
    text = exchange.dump(seeded_store, [1])
    assert '[reports.scoring.manual.simple.benefit]\nscore = "27.5"' in text
    with Store.open(tmp_path / "copy.db") as copy:
        exchange.load(text, copy)
        report = copy.load(copy.list_reports()[0].id)
    assert (report.score_system, report.manual_scores) == (
        "simple",
        {"simple": {"benefit": ManualScore(Decimal("27.5"))}},
    )
    with pytest.raises(exchange.ExchangeError, match="超过该指标分值"):
        exchange.read(text.replace('score = "27.5"', 'score = "31"'))


def test_seed_dump_has_no_scoring_part(seeded_store: Store, seed_toml: str) -> None:
    assert "scoring" not in exchange.dump(seeded_store, [1])


@pytest.mark.parametrize(
    "text", ['staff_lines["a.b"].count', 'staff_lines["1"].count', 'staff_lines[""].count', 'staff_lines[" x"].count']
)
def test_a_list_indexed_by_words_refuses_words_that_could_not_be_read_back(text: str) -> None:
    with pytest.raises(FormulaError):
        compile_formula(text, where="x")


def test_a_list_indexed_by_words_adds_up_the_items_whose_name_contains_them() -> None:
    report = _report()
    report.staff_lines = [StaffLine("在职在编人员", 44), StaffLine("转业士官", 7), StaffLine("在职编外人员", 3)]
    formula = compile_formula('staff_lines["在职"].count', where="x")
    assert formula.paths == ("staff_lines[在职].count",) and formula.evaluate(report).value == 47
    assert compile_formula('staff_lines["退休"].count', where="x").evaluate(report).missing


def test_a_grade_in_the_conclusions_text_other_than_the_computed_one_is_warned() -> None:
    from store.checks import run_checks

    report = _report(spent="950", budget_full="1000")
    report.outline = "selfeval-2023"
    report.score_system = "simple"
    report.manual_scores = {
        "simple": {
            "output": ManualScore(Decimal("45"), "两项未完成"),
            "benefit": ManualScore(Decimal("20")),
            "satisfaction": ManualScore(Decimal("5")),
        }
    }
    assert scoring.score(report, SIMPLE).grade == "中"
    report.texts["conclusion"] = "经自评，本部门整体支出绩效良好，自评等级为“优”。"
    found = [finding for finding in run_checks(report) if finding.code == "conclusion_grade"]
    assert len(found) == 1
    assert "“优”" in found[0].text() and "等级为“中”" in found[0].text()
    report.texts["conclusion"] = "经自评，等级为中。"
    assert not [finding for finding in run_checks(report) if finding.code == "conclusion_grade"]
