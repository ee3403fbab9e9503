"""Small modal questions: confirm something that cannot be undone, settle a save conflict, leave unsaved text.

Each is a `ChoiceDialog`: a question and a row of buttons. The safe choice has the focus and is
Escape's answer, so Enter or Escape alone never deletes or drops anything.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.actions import bindings

#: What an unsaved-text dialog answers: back to the fields, quit once saved, or drop the text.
KEEP_EDITING, WAIT, DISCARD = "keep", "wait", "discard"


class ChoiceDialog(ModalScreen[Any]):
    """`question`, answered by one of `choices` ((answer, button text, variant)) through `answer`.

    `safe` is the answer that has the focus and that Escape gives (None: Escape does nothing).
    """

    #: ← and → move between the buttons, as a row of buttons on Windows does (Tab moves too).
    BINDINGS = bindings("choice")

    def __init__(self, question: str, choices: list[tuple[str, str, str]], safe: str | None) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.choices = choices
        self.safe = safe

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                for answer, text, variant in self.choices:
                    yield Button(text, variant=variant, id=answer)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        if self.safe is not None:
            self.query_one(f"#{self.safe}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.answer(event.button.id or "")

    def answer(self, choice: str) -> None:
        """Close the dialog with `choice` as its answer."""
        self.dismiss(choice)

    def action_cancel(self) -> None:
        if self.safe is not None:
            self.answer(self.safe)

    def action_previous_button(self) -> None:
        """←: the button to the left."""
        self.focus_previous()

    def action_next_button(self) -> None:
        """→: the button to the right."""
        self.focus_next()


class ConfirmDialog(ChoiceDialog):
    """`question`, answered by `yes_label` (True) or Cancel/Escape (False, and focused first)."""

    def __init__(self, question: str, yes_label: str) -> None:
        super().__init__(
            question, [("yes", yes_label, "error"), ("no", self.app.t("ui.dialog.cancel"), "default")], "no"
        )

    def answer(self, choice: str) -> None:
        self.dismiss(choice == "yes")


class ConflictDialog(ChoiceDialog):
    """The report changed elsewhere: keep what is on this screen (True; focused, Escape) or take the file's (False)."""

    def __init__(self) -> None:
        keep, take = self.app.t("ui.conflict.keep_mine"), self.app.t("ui.conflict.take_theirs")
        super().__init__(
            self.app.t("ui.conflict.text"), [("mine", keep, "primary"), ("theirs", take, "default")], "mine"
        )

    def answer(self, choice: str) -> None:
        self.dismiss(choice == "mine")


class UnsavedDialog(ChoiceDialog):
    """`question` about text not saved: keep editing (KEEP_EDITING; focused, Escape), drop it and go on
    (DISCARD, the button says `discard_label`), or, when `can_wait`, quit once it is saved (WAIT)."""

    def __init__(self, question: str, discard_label: str, *, can_wait: bool = False) -> None:
        choices = [(KEEP_EDITING, self.app.t("ui.unsaved.keep_editing"), "primary")]
        if can_wait:
            choices.append((WAIT, self.app.t("ui.unsaved.wait"), "default"))
        choices.append((DISCARD, discard_label, "error"))
        super().__init__(question, choices, KEEP_EDITING)
