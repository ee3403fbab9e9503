"""组织与人员: how the unit is organised, its staff, its duties and its key work plan.

Bodies are grouped by kind (党政机构, 执法机构…); a body's extra plates are typed on one
line, separated by 、. Beside the year-end headcount the sum of the staff lines is shown
as they are typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget

from store.model import Body, OrgGroup, StaffLine
from tui.screens.part import PartScreen
from tui.widgets.field import FieldInput, FieldRow
from tui.widgets.listed import ListEditor


class OrgScreen(PartScreen):
    """一、部门概况（一）: organisation, staff, duties, key work plan."""

    PART = "org"

    def compose_body(self) -> ComposeResult:
        session = self.session
        t = self.app.t
        yield self.section("org")
        yield self.prose("texts.org_intro")
        yield ListEditor(
            session,
            "org_groups",
            self.group_row,
            lambda: OrgGroup(""),
            add_label=t("ui.org.add_group"),
            add_at_end=True,
            item_lines=2,
        )
        yield self.section("staff")
        yield self.line("staff_total", aside="")
        yield ListEditor(
            session,
            "staff_lines",
            self.staff_row,
            lambda: StaffLine("", 0),
            header=lambda: self.columns(
                (self.column("staff_lines.category"), "col-name"), (self.column("staff_lines.count"), "col-count")
            ),
            add_label=t("ui.org.add_staff_line"),
            enter_adds=True,
        )
        yield self.line("staff_change", placeholder=t("ui.org.change_hint"))
        yield self.prose("texts.staff_reasons")
        yield self.line("authorised_posts")
        yield self.line("figures.posts_admin")
        yield self.line("figures.posts_institution")
        yield self.section("duties")
        yield ListEditor(session, "duties", self.text_item, str, numbered=True, add_label=t("ui.org.add_duty"))
        yield self.section("plan")
        yield self.prose("texts.key_plan", label="")
        yield self.line("key_tasks_planned")
        yield self.line("key_tasks_done")

    def group_row(self, path: str, _group: Any) -> Iterable[Widget]:
        yield FieldRow(FieldInput(self.session, f"{path}.label"), label=self.column("org_groups.label"))
        yield ListEditor(
            self.session,
            f"{path}.bodies",
            self.body_row,
            lambda: Body(""),
            numbered=True,
            header=lambda: self.columns(
                (self.column("org_groups.bodies.name"), "col-name"),
                (self.app.t("ui.org.plates_column"), "col-wide"),
                numbered=True,
            ),
            add_label=self.app.t("ui.org.add_body"),
            enter_adds=True,
        )

    def body_row(self, path: str, _body: Any) -> Iterable[Widget]:
        yield FieldRow(
            FieldInput(self.session, f"{path}.name", classes="col-name"),
            FieldInput(self.session, f"{path}.plates", classes="col-wide"),
        )

    def staff_row(self, path: str, _line: Any) -> Iterable[Widget]:
        yield FieldRow(
            FieldInput(self.session, f"{path}.category", classes="col-name"),
            FieldInput(self.session, f"{path}.count", classes="col-count"),
        )

    def update_live(self) -> None:
        counts = [self.typed(f"staff_lines[{i}].count") for i in range(len(self.session.report.staff_lines))]
        known = [count for count in counts if count is not None]
        self.set_aside("staff_total", self.app.t("ui.org.staff_sum", total=sum(known)) if known else "")
        self.offer("staff_total", str(sum(known)) if known else "")
