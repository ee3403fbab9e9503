"""Every ratio once (issue 21): the report's sentences, the checks and `jixiao check`, the 自评表 and the
基础数据表 print the same number for each ratio of store/ratios.toml, because each takes it from
store/ratios.py. The officer's report of 2023 said 在职人员控制率 88.00% in its text and 110 in its
自评表 (年末实有人数 55, retirees included), losing 2 points; 结转结余率 was 本年结余 ÷ (实际到位 +
上年结余) on the checks screen and 本年结余 ÷ 全年预算数 in the 自评表."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from test_outlines import _with_new_figures

from exporters import to_markdown
from exporters.compose import compose
from exporters.forms import figures_form, score_appendix, score_form
from exporters.tree import Paragraph
from store import checks, ratios, scoring
from store.model import Report
from store.repository import Store
from tui.cli import main

SYSTEMS, _ = scoring.load_systems(Path("/nonexistent"))


@pytest.fixture
def full(seed_report: Report) -> Report:
    """The seed with every figure a ratio reads (the 2023 outline's sample figures, 三公 budgets and last year's)."""
    report = _with_new_figures(seed_report)
    for item, last_year in zip(report.sangong, ("0.00", "4.00", "1.50"), strict=True):
        item.last_year = Decimal(last_year)
    report.sangong[0].budget = Decimal("0.00")
    return report


def _values(report: Report) -> dict[str, Decimal]:
    found = {r.code: r.value for r in ratios.ratios(report)}
    assert all(value is not None for value in found.values()), found
    return {code: value for code, value in found.items() if value is not None}


def test_every_ratio_can_be_worked_out_for_the_full_sample(full: Report) -> None:
    values = _values(full)
    assert set(values) == set(ratios.definitions())
    assert values["staff_control"] == Decimal("88.00")  # 在职在编 44 ÷ 编制 50; not 55 ÷ 50 = 110
    assert values["carryover"] == Decimal("11.74")  # 551.78 ÷ 全年预算 4700; not ÷ (5116.09 + 519.03) = 9.79
    assert values["execution"] == Decimal("90.21")
    assert values["budget_completion"] == Decimal("108.16")


def test_the_checks_and_jixiao_check_print_each_ratio_as_worked_out(
    full: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    values = _values(full)
    assert {r.code: r.value for r in checks.ratios(full)} == values
    path = tmp_path / "full.db"
    with Store.open(path) as store:
        store.add_report(full)
    main(["check", str(path)])
    out = capsys.readouterr().out
    for code, value in values.items():
        assert f"  {ratios.definition(code).label()} {value:.2f}%：" in out


@pytest.mark.parametrize("system", ["national", "simple"])
def test_the_score_form_and_its_appendix_print_each_ratio_as_worked_out(full: Report, system: str) -> None:
    full.score_system = system
    values = _values(full)
    form = score_form(full, SYSTEMS)
    shared = [i for i in SYSTEMS[system].indicators if i.ratio]
    assert shared, system
    rows = {row[2]: row for row in form.rows}
    appended = score_appendix(full)
    assert appended is not None
    _, header, cells, _ = appended
    name, value = header.index("三级指标"), next(i for i, words in enumerate(header) if words.startswith("指标值"))
    appendix = {line[name]: line[value] for line in cells}
    for indicator in shared:
        label = ratios.definition(indicator.ratio).label()
        assert indicator.name == label
        assert rows[label][5] == values[indicator.ratio], label
        assert Decimal(str(appendix[label]).removesuffix("%")) == values[indicator.ratio], label
        assert f"{values[indicator.ratio]:.2f}%" in rows[label][7], label  # the reason quotes the same number


def test_the_score_form_names_what_in_post_means(full: Report) -> None:
    full.score_system = "national"
    row = next(row for row in score_form(full, SYSTEMS).rows if row[2] == "在职人员控制率")
    assert "在职在编人员" in row[3]
    assert (row[5], row[6]) == (Decimal("88.00"), Decimal("4.00"))  # full marks: retirees hold no post
    definition = SYSTEMS["national"].indicator("staff_control").definition
    assert "在职在编" in definition and "退休人员" in definition


def test_the_figures_form_prints_each_ratio_it_states_as_worked_out(full: Report) -> None:
    values = _values(full)
    rows = {row[0]: row for row in figures_form(full).rows}
    stated = [code for code in ratios.definitions() if ratios.definition(code).label() in rows]
    assert {"execution", "carryover", "staff_control", "procurement"} <= set(stated)
    for code in stated:
        row = rows[ratios.definition(code).label()]
        assert (row[1], row[4]) == ("%", values[code]) and row[2] == ratios.ratio(full, code).formula()


def test_a_ratio_the_report_cannot_work_out_is_left_empty_in_the_figures_form(seed_report: Report) -> None:
    rows = {row[0]: row for row in figures_form(seed_report).rows}
    assert rows["结转结余率"][2:5] == (None, None, None) and rows["预算执行率"][4] == Decimal("90.21")


def test_the_2023_reports_sentences_quote_each_ratio_as_worked_out(full: Report) -> None:
    full.outline = "selfeval-2023"
    values = _values(full)
    text = "\n".join(block.text for block in compose(full).blocks if isinstance(block, Paragraph))
    said = {
        "execution": f"预算执行率为{values['execution']}%（",
        "procurement": f"政府采购执行率为{values['procurement']}%",
        "staff_control": f"在职在编人员44人，在职人员控制率为{values['staff_control']}%",
        "key_tasks": f"完成率为{values['key_tasks']}%",
    }
    for code, words in said.items():
        assert words in text, code


def test_the_seed_outline_states_no_ratio_so_its_export_is_unchanged(seed_report: Report) -> None:
    """The seed's outline quotes no ratio in its text (its golden export is unchanged by issue 21)."""
    text = to_markdown(seed_report)
    for code in ratios.definitions():
        assert ratios.definition(code).label() not in text
