"""The import dialog of the report list: the path of a .docx, .doc, .wps or .txt report, imported into the file.

The officer types or pastes the path (Windows' "copy as path" quotes are taken off); the
document is read and placed by exporters.importer. A refusal (not a report, unreadable, the
unit and year already in the file) is shown under the path, and for a report already there
the dialog offers to import it as a copy. Dismisses with what was imported, or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from store.refusal import Refusal
from store.repository import Store
from tui.actions import bindings
from tui.widgets.field import TextInput


@dataclass(frozen=True)
class ImportDone:
    """The report an import made, and how many of its pieces wait in 未归类."""

    report_id: int
    unit: str
    year: int
    unplaced: int
    #: How many of the unplaced pieces hold a number whose field was not certain (kept with a note).
    doubtful: int = 0
    #: What the reader said about the file (tracked changes, comments…), each a sentence in the app's language.
    notes: tuple[str, ...] = ()


def typed_path(text: str) -> Path:
    """The path as typed or pasted: surrounding spaces and quotes off, `~` expanded."""
    return Path(text.strip().strip("\"'").strip()).expanduser()


class ImportDialog(ModalScreen["ImportDone | None"]):
    """Asks for the document to import; imports it (or a copy of it) into `store`."""

    BINDINGS = bindings("dialog")

    def __init__(self, store: Store) -> None:
        super().__init__(classes="dialog")
        self.store = store

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog-box"):
            yield Static(t("ui.import.title"), classes="dialog-title")
            with Horizontal(classes="field-line"):
                yield Label(t("ui.import.path"), classes="field-label")
                yield TextInput(placeholder=t("ui.import.path_hint"), id="path", compact=True)
            yield Static("", id="reason", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ui.import.do"), variant="primary", id="import")
                yield Button(t("ui.import.as_copy"), id="copy")
                yield Button(t("ui.dialog.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#copy", Button).display = False
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.run_import(as_copy=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self.run_import(as_copy=event.button.id == "copy")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def run_import(self, *, as_copy: bool) -> None:
        """Read and place the document, then add it to the file; say why not when it cannot be."""
        from exporters.importer import import_file, save

        reason = self.query_one("#reason", Static)
        text = self.query_one("#path", Input).value
        reason.display = True  # .field-error is hidden until there is a reason to show
        if not text.strip():
            reason.update(self.app.t("required"))
            return
        try:
            imported = import_file(typed_path(text))
            report_id = save(self.store, imported, as_copy=as_copy)
        except Refusal as error:
            reason.update(error.text(self.app.lang))
            self.query_one("#copy", Button).display = error.code == "import.exists"
            return
        report = imported.report
        doubtful = sum(bool(piece.note) for piece in imported.unplaced)
        notes = tuple(self.app.t(note.code, **note.params) for note in imported.notes)
        self.dismiss(
            ImportDone(report_id, report.unit_name, report.fiscal_year, len(imported.unplaced), doubtful, notes)
        )
