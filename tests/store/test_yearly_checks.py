"""Checks against last year's report (issue 11): 上年结余 against last year's 本年结余, the stated staff
change against the totals, 三公 prose against the figures, and 仍是上年原文 per copied block."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from store.checks import run_checks
from store.model import Report
from store.repository import Store


@pytest.fixture
def two_years(sample_copy: Path) -> tuple[Store, Report, int]:
    """The sample file with 2020 made from the seed's 2019, as (store, 2019, the 2020 id)."""
    store = Store.open(sample_copy)
    (summary,) = store.list_reports()
    report_id = store.create_next(summary.id)
    yield store, store.load(summary.id), report_id
    store.close()


def codes(report: Report, last: Report | None) -> list[str]:
    return [finding.code for finding in run_checks(report, last)]


def test_the_balance_carried_in_must_be_last_years_balance_carried_out(two_years: tuple[Store, Report, int]) -> None:
    store, last, report_id = two_years
    assert "carried_in_last_year" not in codes(store.load(report_id), last)
    store.set(report_id, "figures.carried_in", Decimal("550.00"))
    report = store.load(report_id)
    (finding,) = [f for f in run_checks(report, last) if f.code == "carried_in_last_year"]
    text = finding.text("zh")
    assert "上年结余" in text and "550.00" in text and "2019年报告的" in text and "本年结余" in text
    assert "551.78" in text and "1.78" in text
    assert "carried_in_last_year" not in codes(report, None)


def test_the_stated_staff_change_is_checked_against_the_totals(two_years: tuple[Store, Report, int]) -> None:
    store, last, report_id = two_years
    store.set(report_id, "staff_total", 58)
    store.set(report_id, "staff_change", 3)
    assert "staff_change_last_year" not in codes(store.load(report_id), last)
    store.set(report_id, "staff_change", 5)
    (finding,) = [f for f in run_checks(store.load(report_id), last) if f.code == "staff_change_last_year"]
    assert "+5" in finding.text("zh") and "55" in finding.text("zh") and "+3" in finding.text("zh")


def test_sangong_prose_saying_less_while_the_figures_rose_is_flagged(two_years: tuple[Store, Report, int]) -> None:
    store, last, report_id = two_years
    for index in range(3):
        store.set(report_id, f"sangong[{index}].actual", Decimal("0.00"))
    report = store.load(report_id)
    assert report.texts["sangong_closing"] == "本年三公经费较上年度有明显减少。"
    assert not [code for code in codes(report, last) if code.startswith("sangong_said")]
    store.set(report_id, "sangong[1].actual", Decimal("1.20"))
    (finding,) = [f for f in run_checks(store.load(report_id), last) if f.code.startswith("sangong_said")]
    assert finding.code == "sangong_said_down"
    assert "较上年度有明显减少" in finding.text("zh") and "1.20" in finding.text("zh")


def test_each_copied_block_is_one_finding_until_it_is_edited(two_years: tuple[Store, Report, int]) -> None:
    store, last, report_id = two_years
    report = store.load(report_id)
    copied = [f for f in run_checks(report, last) if f.code == "still_copied"]
    assert len(copied) == len(report.copied)
    assert {f.places[0].path for f in copied} == report.copied
    assert "仍是上年原文" in copied[0].text("zh")
    store.set(report_id, "texts.preamble", "2020年的导语。")
    assert "texts.preamble" not in {
        f.places[0].path for f in run_checks(store.load(report_id)) if f.code == "still_copied"
    }


def test_the_seed_alone_gains_no_finding(two_years: tuple[Store, Report, int]) -> None:
    _, last, _ = two_years
    assert codes(last, None) == ["breakdown"]
