"""A 决算 workbook's figures laid against a report (issue 22): what would change, and the write.

The reader (exporters/readers/workbook.py) names list items by category or 三公 item name;
here they become the report's own paths (`basic_lines[2].amount`), a missing item is added,
and figures that already hold the workbook's value are left out, so a second import of the
same workbook changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from exporters.readers.workbook import Accounts, config, label
from store import fields
from store.catalogue import message
from store.model import EconLine, Report, SanGongItem, Source

_NAMED = re.compile(r"^(basic_lines|project_lines|sangong)\[([^\]]+)\]\.(amount|budget|actual)$")


@dataclass(frozen=True)
class Change:
    path: str
    label: str
    now: Decimal | None
    new: Decimal
    source: str
    basis: str

    def written(self) -> tuple[str, Decimal, str, str]:
        """The change as Store.set_figures takes it: (path, the workbook's value, cell, basis)."""
        return self.path, self.new, self.source, self.basis

    def text(self, lang: str = "zh") -> str:
        """The change in one line, as the command and the dialog list it:
        项目支出：3472.44 → 3472.66（公开03表!E5，全部资金）."""
        now = "—" if self.now is None else f"{self.now:.2f}"
        return message(
            "accounts.line",
            lang,
            label=self.label,
            now=now,
            new=f"{self.new:.2f}",
            source=self.source,
            basis=self.basis,
        )


def other_report(accounts: Accounts, report: Report) -> bool:
    """Whether the workbook names another unit or year than `report` (the officer chose the report)."""
    return bool(accounts.unit_name and accounts.unit_name != report.unit_name) or (
        accounts.fiscal_year is not None and accounts.fiscal_year != report.fiscal_year
    )


def _same(a: str, b: str) -> bool:
    return label(a) == label(b)


def _sangong_index(report: Report, name: str) -> int | None:
    item = next((i for i in config()["sangong"] if i["name"] == name), {"name": name, "aliases": []})
    words = {label(w) for w in (item["name"], *item["aliases"])}
    return next((n for n, s in enumerate(report.sangong) if label(s.name) in words), None)


def plan(
    report: Report, accounts: Accounts, lang: str = "zh"
) -> tuple[list[Change], list[tuple[str, Any]], list[Change]]:
    """The changes the workbook brings to `report`, the list items to add first, and the figures the
    report already states alike whose source it does not yet keep (to be noted, not listed)."""
    changes: list[Change] = []
    alike: list[Change] = []
    new_items: list[tuple[str, Any]] = []
    sizes = {name: len(getattr(report, name)) for name in ("basic_lines", "project_lines", "sangong")}
    added: dict[tuple[str, str], int] = {}
    for figure in accounts.figures:
        match = _NAMED.match(figure.path)
        if match is None:
            path, now = figure.path, report.figures.get(figure.path.removeprefix("figures."))
            item = ""
        else:
            name, key, column = match.groups()
            items = getattr(report, name)
            if name == "sangong":
                index = _sangong_index(report, key)
            else:
                index = next((n for n, line in enumerate(items) if _same(line.category, key)), None)
            if index is None and (name, key) not in added:
                added[(name, key)] = sizes[name]
                sizes[name] += 1
                new_items.append((name, SanGongItem(key) if name == "sangong" else EconLine(key, None)))
            if index is None:
                index, now = added[(name, key)], None
            else:
                now = getattr(items[index], column)
            path, item = f"{name}[{index}].{column}", key
        change = Change(path, fields.label(path, lang, item=item), now, figure.value, figure.source, figure.basis)
        if now != figure.value:
            changes.append(change)
        elif report.sources.get(path) != Source(figure.source, figure.basis, figure.value):
            alike.append(change)
    return changes, new_items, alike
