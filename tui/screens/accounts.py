"""The 决算 workbook dialog of 预算执行 (F3, issue 22): the open report's figures from the 部门决算.

The officer types or pastes the workbook's path (as in the import dialog, `typed_path`); it is
read by exporters/readers/workbook.py and laid against the open report (exporters.accounts.plan).
Nothing is written behind the officer's back: every figure that would change is listed with
its value now → the workbook's, the source cell and the basis (口径), all ticked; Space
unticks a line, Enter writes the ticked ones, and the buttons write those or all of them (an
unticked figure keeps the report's value; the workbook's is kept beside it, and the checks say
the two differ). The
write is one revision-checked change through the session (a conflict is asked like any
other). A workbook that cannot be read is said in one sentence; one of another unit or year
is only warned about: the open report is the target.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, SelectionList, Static

from store.refusal import Refusal
from tui.actions import bindings
from tui.keymap import keys_said
from tui.screens.importing import typed_path
from tui.widgets.field import TextInput
from tui.words import message

if TYPE_CHECKING:
    from exporters.accounts import Change
    from store.model import Report
    from tui.app import JixiaoApp
    from tui.session import ReportSession


_NUMBERED = re.compile(r"^(?P<name>\w+)\[(?P<index>\d+)\](?P<rest>.*)$")


class ChangeList(SelectionList[int]):
    """The figures that would change: Space ticks or unticks, Enter writes the ticked ones."""

    BINDINGS = bindings("accounts")


def chosen_only(
    report: Report, picked: list[Change], new_items: list[tuple[str, Any]]
) -> tuple[list[tuple[str, Any, str, str]], list[tuple[str, Any]]]:
    """The picked changes as the session writes them, and only the new list items they go in.

    `plan` numbers the items it adds after the list's last; an item none of the picked figures
    goes in is not added, and the items after it in the same list move up (their paths with them).
    """
    sizes = {name: len(getattr(report, name)) for name, _ in new_items}
    planned: dict[tuple[str, int], Any] = {}
    for name, item in new_items:
        planned[(name, sizes[name])] = item
        sizes[name] += 1
    where = [_NUMBERED.match(c.path) for c in picked]
    used = {(m["name"], int(m["index"])) for m in where if m is not None and (m["name"], int(m["index"])) in planned}
    renumber: dict[tuple[str, int], int] = {}
    kept: list[tuple[str, Any]] = []
    next_index = {name: len(getattr(report, name)) for name, _ in new_items}
    for key, item in planned.items():
        if key in used:
            renumber[key] = next_index[key[0]]
            next_index[key[0]] += 1
            kept.append((key[0], item))
    changes = []
    for change, m in zip(picked, where, strict=True):
        path = change.path
        if m is not None and (m["name"], int(m["index"])) in renumber:
            path = f"{m['name']}[{renumber[(m['name'], int(m['index']))]}]{m['rest']}"
        changes.append((path, *change.written()[1:]))
    return changes, kept


def declined(report: Report, left: list[Change]) -> list[tuple[str, Any, str, str]]:
    """The changes left unticked, on figures the report has, as the session notes them: the report's
    figure stays, the workbook's value and cell are kept beside it for the checks to compare."""
    out = []
    for change in left:
        m = _NUMBERED.match(change.path)
        if m is None or int(m["index"]) < len(getattr(report, m["name"])):
            out.append(change.written())
    return out


class AccountsDialog(ModalScreen[bool]):
    """Asks for a 决算 workbook, lists what it changes in the open report, writes the chosen figures.

    Dismisses True once figures were written, False otherwise.
    """

    BINDINGS = bindings("dialog")
    DEFAULT_CSS = """
    AccountsDialog ChangeList { height: auto; max-height: 16; }
    """

    app: JixiaoApp

    def __init__(self, session: ReportSession) -> None:
        super().__init__(classes="dialog")
        self.session = session
        self.changes: list[Change] = []
        self.new_items: list[tuple[str, Any]] = []
        self.alike: list[Change] = []  # figures the report states alike: their sources are noted on writing

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog-box"):
            yield Static(t("ui.accounts.title"), classes="dialog-title")
            with Horizontal(classes="field-line"):
                yield Label(t("ui.import.path"), classes="field-label")
                yield TextInput(placeholder=t("ui.accounts.path_hint"), id="path", compact=True)
            yield Static("", id="reason", classes="field-error")
            yield Static("", id="notes", classes="dialog-text")
            yield ChangeList(id="changes")
            yield Static(
                t("ui.accounts.hint", apply=keys_said(self.app, "accounts.apply")), id="hint", classes="dialog-text"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ui.accounts.read"), variant="primary", id="read")
                yield Button(t("ui.accounts.chosen"), variant="primary", id="chosen")
                yield Button(t("ui.accounts.all"), id="all")
                yield Button(t("ui.dialog.cancel"), id="cancel")

    def on_mount(self) -> None:
        self._show_list(False)
        self.query_one("#notes", Static).display = False
        self.query_one("#path", Input).focus()

    def _show_list(self, shown: bool) -> None:
        for selector in ("#changes", "#hint", "#chosen", "#all"):
            self.query_one(selector).display = shown

    def _say(self, text: str) -> None:
        reason = self.query_one("#reason", Static)
        reason.display = bool(text)  # .field-error is hidden until there is a reason to show
        reason.update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.read()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.dismiss(False)
        elif event.button.id == "read":
            self.read()
        elif event.button.id == "all":
            self.write(list(range(len(self.changes))))
        else:
            self.action_apply_chosen()

    def action_cancel(self) -> None:
        self.dismiss(False)

    def read(self) -> None:
        """Read the workbook and list what it would change in the open report; say why not when it cannot."""
        from exporters.accounts import other_report, plan
        from exporters.readers.workbook import read_accounts
        from tui.cli import accounts_notes

        t, lang = self.app.t, self.app.lang
        text = self.query_one("#path", Input).value
        self.changes, self.new_items, self.alike = [], [], []
        self._show_list(False)
        if not text.strip():
            self._say(t("required"))
            return
        try:
            accounts = read_accounts(typed_path(text))
        except Refusal as error:
            self._say(error.text(lang))
            return
        self._say("")
        report = self.session.report
        said = accounts_notes(accounts, lang)
        if other_report(accounts, report):
            said.insert(
                0,
                t(
                    "ui.accounts.other_report",
                    unit=accounts.unit_name or "?",
                    year=accounts.fiscal_year or "?",
                    report_unit=report.unit_name,
                    report_year=report.fiscal_year,
                ),
            )
        self.changes, self.new_items, self.alike = plan(report, accounts, lang)
        if not self.changes:
            said.append(message("accounts.unchanged", lang))
            if self.alike:
                said.append(t("ui.accounts.note_sources", count=len(self.alike)))
        else:
            said.append(t("ui.accounts.changes", count=len(self.changes)))
        shown = self.query_one("#notes", Static)
        shown.update("\n".join(said))
        shown.display = True
        changes = self.query_one("#changes", ChangeList)
        changes.clear_options()
        changes.add_options([(c.text(lang), i, True) for i, c in enumerate(self.changes)])
        if self.changes:
            self._show_list(True)
            changes.highlighted = 0
            changes.focus()
        elif self.alike:
            # nothing to change, but where the figures are in the 决算 can be noted ("全部写入": the figures stay)
            self.query_one("#all", Button).display = True
            self.query_one("#all", Button).focus()

    def action_apply_chosen(self) -> None:
        """Write the ticked figures (Enter in the list)."""
        chosen = self.query_one("#changes", ChangeList).selected
        if not chosen:
            self._say(self.app.t("ui.accounts.none_chosen"))
            return
        self.write(sorted(chosen))

    def write(self, chosen: list[int]) -> None:
        """Write the changes numbered `chosen` (and the list items they need) as one change; close once written."""
        report = self.session.report
        changes, new_items = chosen_only(report, [self.changes[i] for i in chosen], self.new_items)
        left = declined(report, [c for i, c in enumerate(self.changes) if i not in chosen])
        result = self.session.import_figures(changes, new_items, [*left, *(c.written() for c in self.alike)])
        if result.ok:
            if changes:
                self.app.notify(self.app.t("ui.accounts.done", count=len(changes)))
            else:
                self.app.notify(self.app.t("ui.accounts.sources_noted", count=len(self.alike)))
            self.dismiss(True)
        elif result.conflict:
            self.dismiss(False)
            self.app.ask_conflict()
        else:
            self._say(result.reason)
