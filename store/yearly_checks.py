"""Checks of a report against last year's, when the unit's report of the year before is in the same file.

Each takes this year's report and last year's and returns findings as `store.checks` does;
`run_checks(report, last_year)` runs them. A relation with an unknown value is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from store.checks import ERROR, WARNING, Finding, Place
from store.model import Report
from store.parse import format_amount

#: Prose that says the 三公 spending went down (较上年度有明显减少) or up (比上年有所增加) on last year.
_SAID_DOWN = re.compile(r"(?:较|比|与)上年度?[^，。；;]{0,8}?(?:减少|下降|降低|压缩)")
_SAID_UP = re.compile(r"(?:较|比|与)上年度?[^，。；;]{0,8}?(?:增加|增长|上升|提高)")
#: The blocks where the 三公 comparison is written, in the seed's outline.
_SANGONG_PROSE = ("sangong_closing", "sangong_intro")


def check_carried_in(report: Report, last: Report) -> list[Finding]:
    """This year's 上年结余 is last year's 本年结余 (both places named).

    Only this year's place is a `Place` (Enter goes there): last year's is in another report,
    so the sentence names it with its value instead.
    """
    carried_in, carried_out = report.figures.get("carried_in"), last.figures.get("carried_out")
    if carried_in is None or carried_out is None or carried_in == carried_out:
        return []
    places = (Place("figures.carried_in", format_amount(carried_in)),)
    params = (
        ("last_year", str(last.fiscal_year)),
        ("last", format_amount(carried_out)),
        ("diff", format_amount(abs(carried_in - carried_out))),
    )
    return [Finding("carried_in_last_year", ERROR, places, params)]


def sangong_totals(report: Report) -> tuple[Decimal, Decimal] | None:
    """This year's and last year's 三公 actuals, each summed, when every item has both."""
    items = report.sangong
    if not items or any(item.actual is None or item.last_year is None for item in items):
        return None
    this_year = sum((item.actual for item in items if item.actual is not None), Decimal("0.00"))
    last_year = sum((item.last_year for item in items if item.last_year is not None), Decimal("0.00"))
    return this_year, last_year


def check_sangong_direction(report: Report, last: Report) -> list[Finding]:
    """三公 prose that says 较上年减少 while the actuals rose (or 增加 while they fell)."""
    totals = sangong_totals(report)
    if totals is None or totals[0] == totals[1]:
        return []
    this_year, last_year = totals
    contrary = _SAID_DOWN if this_year > last_year else _SAID_UP
    for key in _SANGONG_PROSE:
        match = contrary.search(report.texts.get(key, ""))
        if match:
            places = (Place(f"texts.{key}", match[0]), Place("sangong", format_amount(this_year)))
            params = (("last_year", format_amount(last_year)), ("year", str(last.fiscal_year)))
            return [Finding("sangong_said_" + ("down" if this_year > last_year else "up"), WARNING, places, params)]
    return []


def check_staff_change(report: Report, last: Report) -> list[Finding]:
    """The stated 比上年增减 equals this year's 年末实有人数 minus last year's."""
    if report.staff_change is None or report.staff_total is None or last.staff_total is None:
        return []
    computed = report.staff_total - last.staff_total
    if computed == report.staff_change:
        return []
    places = (Place("staff_change", f"{report.staff_change:+d}"), Place("staff_total", str(report.staff_total)))
    params = (
        ("last_year", str(last.fiscal_year)),
        ("last_total", str(last.staff_total)),
        ("computed", f"{computed:+d}"),
    )
    return [Finding("staff_change_last_year", ERROR, places, params)]


#: Every check against last year's report.
YEARLY_CHECKS: tuple[Callable[[Report, Report], list[Finding]], ...] = (
    check_carried_in,
    check_staff_change,
    check_sangong_direction,
)
