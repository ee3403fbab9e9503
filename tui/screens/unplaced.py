"""未归类: the pieces of an imported document that found no place, each to be moved or deleted.

Shown right after an import that left pieces, and reached from the checks panel (the
"unplaced" warning) like any field. Each piece is listed whole; Enter asks where it goes (a
narrative block or a list of the report, named as the report heads it) and moves it there,
Ctrl+Delete deletes it after asking. Both are one saved change each, through the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.unplaced import TARGETS, target_label
from tui.actions import bindings
from tui.keymap import keys_said
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.keyline import KeyLine

if TYPE_CHECKING:
    from tui.app import JixiaoApp
    from tui.session import ReportSession


class TargetChooser(ModalScreen["str | None"]):
    """Asks where a piece goes; dismisses with the target's path or None."""

    BINDINGS = bindings("target_chooser")
    DEFAULT_CSS = """
    TargetChooser { align: center middle; }
    TargetChooser > Vertical {
        width: 90%; max-width: 100; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    TargetChooser OptionList { height: auto; max-height: 18; }
    """

    def __init__(self, piece: str, lang: str) -> None:
        super().__init__()
        self.piece = piece
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.app.t("ui.unplaced.choose", text=self.piece[:60]), classes="title")
            yield OptionList(
                *(Option(Text(target_label(target, self.lang)), id=target) for target in TARGETS), id="targets"
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(TARGETS[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class UnplacedScreen(Screen):
    """The open report's 未归类 pieces; Enter moves the highlighted one into place, Ctrl+Delete deletes it."""

    BINDINGS = bindings("unplaced")
    DEFAULT_CSS = """
    UnplacedScreen > #unplaced-hint { padding: 0 1; color: $text-muted; }
    UnplacedScreen > #pieces { height: 1fr; border: round $primary; }
    UnplacedScreen > #no-pieces { height: 1fr; padding: 1 2; color: $success; }
    """

    app: JixiaoApp

    def __init__(self, session: ReportSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        report = self.session.report
        heading = self.app.t(
            "ui.part.heading", unit=report.short_name, year=report.fiscal_year, path=self.session.store.path
        )
        yield Static(f"{self.app.t('ui.unplaced.title')} · {heading}", classes="heading")
        yield Static(
            self.app.t(
                "ui.unplaced.hint",
                place=keys_said(self.app, "unplaced.place"),
                delete=keys_said(self.app, "unplaced.delete"),
            ),
            id="unplaced-hint",
        )
        yield OptionList(id="pieces")
        yield Static(self.app.t("ui.unplaced.none"), id="no-pieces")
        yield KeyLine()

    def on_mount(self) -> None:
        self.refresh_pieces()

    def on_screen_resume(self) -> None:
        self.refresh_pieces()
        self.query_one("#pieces", OptionList).focus()

    def on_report_changed(self, _message: Any) -> None:
        self.refresh_pieces()

    @property
    def pieces(self) -> list[str]:
        return self.session.report.unplaced

    def refresh_pieces(self) -> None:
        """List the pieces as the file holds them now, keeping the highlight where it was."""
        listing = self.query_one("#pieces", OptionList)
        highlighted = listing.highlighted
        listing.set_options(
            Option(Text(f"{n}. {piece}", overflow="fold"), id=str(n)) for n, piece in enumerate(self.pieces, start=1)
        )
        if self.pieces:
            listing.highlighted = min(highlighted or 0, len(self.pieces) - 1)
        listing.display = bool(self.pieces)
        self.query_one("#no-pieces", Static).display = not self.pieces

    def highlighted(self) -> int | None:
        index = self.query_one("#pieces", OptionList).highlighted
        return index if index is not None and index < len(self.pieces) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_place()

    def action_place(self) -> None:
        index = self.highlighted()
        if index is None:
            return

        def chosen(target: str | None) -> None:
            if target is None:
                return
            result = self.session.place_unplaced(index, target)
            if result.ok:
                self.notify(self.app.t("ui.unplaced.placed", target=target_label(target, self.session.lang)))
            else:
                self.notify(result.reason, severity="error")

        self.app.push_screen(TargetChooser(self.pieces[index], self.session.lang), chosen)

    def action_delete(self) -> None:
        index = self.highlighted()
        if index is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            result = self.session.delete("unplaced", index)
            if not result.ok:
                self.notify(result.reason, severity="error")

        question = self.app.t("ui.unplaced.confirm_delete", text=self.pieces[index][:60])
        self.app.push_screen(ConfirmDialog(question, self.app.t("ui.unplaced.delete")), answered)

    def action_home(self) -> None:
        self.app.leave_report()
