"""预算执行: the budget figures as the report states them, the two breakdowns by economic category, 三公.

The parts and their order come from the report's outline (store/outline.py): under the seed's
one heading holds every stated figure; under the 2023 outline the budget and its adjustment,
income and spending, the personnel/public split and procurement each have their own.

Each breakdown line shows its share of the breakdown's total, and the total is shown with
the figure 部门概况 states for it, all as they are typed (store.model.shares and total, the
same arithmetic the checks and the composer use), so a disagreement shows at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from store import fields
from store.formula import resolve
from store.model import EconLine, SanGongItem, shares, total
from store.parse import format_amount
from tui.actions import bindings
from tui.screens.part import PartScreen
from tui.widgets.field import FieldInput, FieldRow
from tui.widgets.listed import ListEditor

#: Stated figures that are parts of the one before them (printed as 其中：…).
OF_WHICH = ("fiscal_appropriation", "other_income", "basic_spent", "project_spent")
#: Breakdown → the stated figure it should add up to.
STATED = {"basic_lines": "basic_spent", "project_lines": "project_spent"}


class BudgetScreen(PartScreen):
    """一（二）and 二: stated figures, basic and project breakdowns, 三公经费."""

    PART = "budget"
    BINDINGS = bindings("budget")

    def compose_body(self) -> ComposeResult:
        """The outline's parts this screen edits, in print order: stated figures, breakdowns, 三公."""
        t = self.app.t
        for key, shapes in self.sections_on():
            yield self.section(key)
            for shape in shapes:
                if shape.startswith("figures."):
                    label = (
                        t("ui.budget.of_which", label=self.label(shape))
                        if shape.removeprefix("figures.") in OF_WHICH
                        else ""
                    )
                    yield self.line(shape, label=label, aside=self.figure_aside(shape))
                elif shape in STATED:
                    yield from self.breakdown(shape)
                elif shape == "sangong":
                    yield self.sangong_list()

    def source(self, path: str) -> str:
        """Where the figure at `path` came from, when it was brought in from a 决算 workbook (决算 Z05_1!E12);
        the workbook's value too when the report's figure is not that (unticked, or edited since)."""
        found = self.session.report.sources.get(path)
        if not found:
            return ""
        if found.gave(resolve(self.session.report, path)):
            return self.app.t("ui.accounts.source", source=found.cell)
        return self.app.t("ui.accounts.source_differs", source=found.cell, value=format_amount(found.value))

    def figure_aside(self, path: str) -> str:
        """The figure's unit (万元, 辆 …), and its source when it has one."""
        unit = fields.unit_of(path) or self.app.t("ui.budget.unit")
        return " ".join(filter(None, (unit, self.source(path))))

    def action_accounts(self) -> None:
        """Bring the report's figures in from a 部门决算 workbook: the changes are listed before any is written."""
        from tui.screens.accounts import AccountsDialog

        self.app.commit_focused()
        self.app.push_screen(AccountsDialog(self.session))

    def sangong_list(self) -> ListEditor:
        """三公经费: one row per item, with its budget, actual and last year's actual."""
        return ListEditor(
            self.session,
            "sangong",
            self.sangong_row,
            lambda: SanGongItem(""),
            header=lambda: self.columns(
                (self.column("sangong.name"), "col-name"),
                (self.column("sangong.budget"), "col-amount"),
                (self.column("sangong.actual"), "col-amount"),
                (self.column("sangong.last_year"), "col-amount"),
            ),
            add_label=self.app.t("ui.budget.add_sangong"),
            enter_adds=True,
        )

    def breakdown(self, name: str) -> Iterable[Widget]:
        yield ListEditor(
            self.session,
            name,
            self.econ_row,
            lambda: EconLine("", Decimal("0.00")),
            header=lambda: self.columns(
                (self.column(f"{name}.category"), "col-name"),
                (self.app.t("ui.budget.amount_column"), "col-amount"),
                (self.app.t("ui.budget.share_column"), "col-aside"),
            ),
            add_label=self.app.t("ui.budget.add_line"),
            enter_adds=True,
        )
        yield Static("", id=f"total-{name}", classes="total-line")

    def econ_row(self, path: str, _line: Any) -> Iterable[Widget]:
        yield FieldRow(
            FieldInput(self.session, f"{path}.category", classes="col-name"),
            FieldInput(self.session, f"{path}.amount", classes="col-amount"),
            aside="",
        )

    def sangong_row(self, path: str, _item: Any) -> Iterable[Widget]:
        yield FieldRow(
            FieldInput(self.session, f"{path}.name", classes="col-name"),
            *(
                FieldInput(self.session, f"{path}.{column}", classes="col-amount")
                for column in ("budget", "actual", "last_year")
            ),
            aside="",
        )

    def chapter_of(self, path: str) -> str:
        """The chapter of the report's outline that states the figure at `path` ("部门概况", "部门整体支出情况")."""
        try:
            chapter = self.outline.trail(fields.section_of(path, self.session.report.outline))[0]
        except (KeyError, IndexError):
            return ""
        return chapter.label if self.session.lang == "zh" else chapter.label_en

    def update_live(self) -> None:
        t = self.app.t
        report = self.session.report
        for path in report.sources.keys() | {f"figures.{key}" for key in report.figures}:
            if path.startswith("figures."):
                self.set_aside(path, self.figure_aside(path))
        for i in range(len(report.sangong)):
            sources = [self.source(f"sangong[{i}].{column}") for column in ("budget", "actual")]
            self.set_aside(f"sangong[{i}].name", " ".join(dict.fromkeys(filter(None, sources))))
        initial, adjustment = self.typed("figures.budget_initial"), self.typed("figures.budget_adjustment")
        known = initial is not None and self.editor("figures.budget_full") is not None
        self.offer("figures.budget_full", format_amount(initial + (adjustment or 0)) if known else "")
        for name, stated_key in STATED.items():
            stored = getattr(self.session.report, name)
            lines = [EconLine(line.category, self.typed(f"{name}[{i}].amount")) for i, line in enumerate(stored)]
            whole = total(lines)
            parts = shares([line.amount for line in lines], whole, self.app.settings.shares)
            for i, part in enumerate(parts):
                words = ("" if part is None else f"{part}%", self.source(f"{name}[{i}].amount"))
                self.set_aside(f"{name}[{i}].amount", " ".join(filter(None, words)))
            stated = self.typed(f"figures.{stated_key}")
            words = t("ui.budget.total", total=format_amount(whole))
            if stated is not None:
                words += t(
                    "ui.budget.stated",
                    part=self.chapter_of(f"figures.{stated_key}"),
                    label=self.label(f"figures.{stated_key}"),
                    amount=format_amount(stated),
                )
            line = self.query_one(f"#total-{name}", Static)
            if str(line.content) != words:
                line.update(words)
            line.set_class(stated is not None and stated != whole, "-differs")
