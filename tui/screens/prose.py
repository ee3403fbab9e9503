"""其他章节与落款: the title and preamble, the prose of every other section, and the signature.

The prose that goes around the figures (what the money went to, what basic and project
spending cover, the 三公 sentences), project management and implementation, the titled
asset points, the performance sections with their numbered efficiency points, then the
signing unit and date — in the order the report prints them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget

from store.model import TitledItem
from tui.screens.part import PartScreen
from tui.widgets.field import FieldInput, FieldRow, ProseArea
from tui.widgets.listed import ListEditor


class ProseScreen(PartScreen):
    """Title, preamble, the sections' prose, assets, performance, 落款."""

    PART = "prose"

    def compose_body(self) -> ComposeResult:
        t = self.app.t
        session = self.session
        yield self.section("title")
        for path in ("unit_name", "unit_short", "fiscal_year", "title"):
            yield self.line(path)
        yield self.prose("texts.preamble")
        yield self.section("budget")
        yield self.prose("texts.spending_directions")
        yield self.section("basic")
        yield self.prose("texts.basic_intro")
        yield self.section("sangong")
        yield self.prose("texts.sangong_intro")
        yield self.prose("texts.sangong_closing")
        yield self.section("project")
        yield self.prose("texts.project_intro")
        yield self.prose("texts.project_management")
        yield self.section("implementation")
        yield self.prose("texts.implementation", label="")
        yield self.section("assets")
        yield ListEditor(
            session,
            "assets",
            self.titled_item,
            lambda: TitledItem(""),
            numbered=True,
            add_label=t("ui.prose.add_asset"),
        )
        yield self.section("performance")
        yield self.prose("texts.performance_intro")
        yield self.section("economy")
        yield self.prose("texts.economy", label="")
        yield self.section("efficiency")
        yield self.prose("texts.efficiency_intro")
        yield ListEditor(
            session, "efficiency_points", self.text_item, str, numbered=True, add_label=t("ui.prose.add_point")
        )
        yield self.section("sign")
        yield self.line("sign_unit")
        yield self.line("sign_date", placeholder=t("ui.prose.date_hint"))

    def titled_item(self, path: str, _item: Any) -> Iterable[Widget]:
        yield FieldRow(FieldInput(self.session, f"{path}.title"), label=self.column("assets.title"))
        yield FieldRow(ProseArea(self.session, f"{path}.body"), label=self.column("assets.body"), stacked=True)
