"""Small modal questions: confirm something that cannot be undone, settle a save conflict.

Each answers with a bool through `dismiss`; the safe choice has the focus, so Enter alone
never deletes anything.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.keymap import localize_bindings


class ConfirmDialog(ModalScreen[bool]):
    """`question`, answered by `yes_label` (True) or Cancel/Escape (False, and focused first)."""

    BINDINGS = [Binding("escape", "cancel", "取消", id="jixiao.dialog.cancel")]

    def __init__(self, question: str, yes_label: str) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.yes_label = yes_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes_label, variant="error", id="yes")
                yield Button(self.app.t("ui.dialog.cancel"), id="no")

    def on_mount(self) -> None:
        localize_bindings(self, self.app.lang)
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_cancel(self) -> None:
        self.dismiss(False)


class ConflictDialog(ModalScreen[bool]):
    """The report changed elsewhere: keep what is on this screen (True) or take the file's (False)."""

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.app.t("ui.conflict.text"), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.app.t("ui.conflict.keep_mine"), variant="primary", id="mine")
                yield Button(self.app.t("ui.conflict.take_theirs"), id="theirs")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "mine")
