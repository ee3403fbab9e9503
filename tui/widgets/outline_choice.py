"""Choosing a report's outline: the list of outlines jixiao ships, and the dialog that changes it.

The outlines come from store/outline.py (one file each), so a third outline shows up here
without a change. Changing keeps every value: what both outlines show stays where it was,
what only the old one shows stays in the file and comes back when the report switches back.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store import outline as outlines
from tui.actions import bindings
from tui.keymap import keys_said


def outline_name(outline_id: str, lang: str) -> str:
    """What a person calls the outline `outline_id`: its name in `lang`."""
    shape = outlines.load(outline_id)
    return shape.name if lang == "zh" else shape.name_en


def outline_choices(lang: str) -> list[tuple[str, str]]:
    """(name, id) of every outline jixiao ships, the default first (for a Select)."""
    return [(outline_name(outline_id, lang), outline_id) for outline_id in outlines.ids()]


def chapters_line(outline_id: str) -> str:
    """The outline's chapters as the report heads them: "一、部门概况 二、…"."""
    shape = outlines.load(outline_id)
    return " ".join(outlines.number(1, chapter.number) + chapter.title for chapter in shape.chapters)


class OutlineDialog(ModalScreen["str | None"]):
    """Pick the outline the report follows; dismisses with its id, or None (Escape, or the same one)."""

    BINDINGS = bindings("dialog")

    def __init__(self, current: str) -> None:
        super().__init__(classes="dialog")
        self.current = current

    def compose(self) -> ComposeResult:
        t, lang = self.app.t, self.app.lang
        with Vertical(classes="dialog-box"):
            yield Static(t("ui.outline.title"), classes="dialog-title")
            options = [
                Option(f"{name}\n  {chapters_line(outline_id)}", id=outline_id)
                for name, outline_id in outline_choices(lang)
            ]
            yield OptionList(*options, id="outlines")
            yield Static(t("ui.outline.kept", cancel=keys_said(self.app, "dialog.cancel")), classes="dialog-text")

    def on_mount(self) -> None:
        choices = self.query_one("#outlines", OptionList)
        choices.highlighted = outlines.ids().index(self.current) if self.current in outlines.ids() else 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        self.dismiss(None if chosen == self.current else chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
