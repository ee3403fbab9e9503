"""问题与改进: the numbered problems (六) and the remedies proposed for them (七)."""

from __future__ import annotations

from textual.app import ComposeResult

from tui.screens.part import PartScreen
from tui.widgets.listed import ListEditor


class ProblemsScreen(PartScreen):
    """六、存在的主要问题 and 七、改进措施和有关建议."""

    PART = "problems"

    def compose_body(self) -> ComposeResult:
        t = self.app.t
        yield self.section("problems")
        yield ListEditor(self.session, "problems", self.text_item, str, numbered=True, add_label=t("ui.problems.add"))
        yield self.section("remedies")
        yield ListEditor(self.session, "remedies", self.text_item, str, numbered=True, add_label=t("ui.remedies.add"))
