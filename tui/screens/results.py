"""项目成果: the numbered results, each a title, a paragraph and its measured indicators.

An indicator with both a target and an actual shows its completion (actual ÷ target, the
store's `share`) as it is typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget

from store.model import Indicator, TitledItem, share
from tui.screens.part import PartScreen
from tui.widgets.field import FieldInput, FieldRow, ProseArea
from tui.widgets.listed import ListEditor


class ResultsScreen(PartScreen):
    """五（三）项目产出及社会效益评价."""

    PART = "results"

    def compose_body(self) -> ComposeResult:
        yield self.section("results")
        yield ListEditor(
            self.session,
            "results",
            self.result_row,
            lambda: TitledItem(""),
            numbered=True,
            add_label=self.app.t("ui.results.add_result"),
            add_at_end=True,
            item_lines=4,
        )

    def result_row(self, path: str, _item: Any) -> Iterable[Widget]:
        yield FieldRow(FieldInput(self.session, f"{path}.title"), label=self.column("results.title"))
        yield FieldRow(ProseArea(self.session, f"{path}.body"), label=self.column("results.body"), stacked=True)
        yield ListEditor(
            self.session,
            f"{path}.indicators",
            self.indicator_row,
            lambda: Indicator(""),
            header=lambda: self.columns(
                (self.column("results.indicators.name"), "col-name"),
                (self.column("results.indicators.target"), "col-number"),
                (self.column("results.indicators.actual"), "col-number"),
                (self.column("results.indicators.unit"), "col-unit"),
                (self.app.t("ui.results.completion_column"), "col-aside"),
            ),
            add_label=self.app.t("ui.results.add_indicator"),
        )

    def indicator_row(self, path: str, _indicator: Any) -> Iterable[Widget]:
        yield FieldRow(
            FieldInput(self.session, f"{path}.name", classes="col-name"),
            FieldInput(self.session, f"{path}.target", classes="col-number"),
            FieldInput(self.session, f"{path}.actual", classes="col-number"),
            FieldInput(self.session, f"{path}.unit", classes="col-unit"),
            aside="",
        )

    def update_live(self) -> None:
        """The completion beside each indicator on screen (a row given later is worked out as it comes)."""
        for path in list(self.editors_now()):
            if path.startswith("results[") and ".indicators[" in path and path.endswith(".name"):
                indicator = path.removesuffix(".name")
                done = share(self.typed(f"{indicator}.actual"), self.typed(f"{indicator}.target"))
                self.set_aside(path, "" if done is None else f"{done}%")
