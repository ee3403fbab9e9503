"""F1: the keys of the screen in front, each with its label and help text, in the UI language.

The list is built from the actions the screen, its widgets and the app bind, with the words of
the action registry (tui/actions.toml) and the keys in force after the user's keymap, so it
cannot disagree with the key bar or with what the keys do: first the keys of the screen and
its widgets, then those that work everywhere.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.actions import bindings
from tui.keymap import KeyEntry, key_entries, keys_said


class HelpScreen(ModalScreen[None]):
    """The keys of `target` (the screen F1 was pressed on) and the app's global keys."""

    BINDINGS = bindings("help")
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 110; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, target: Screen) -> None:
        super().__init__()
        self.target = target
        self.entries: list[KeyEntry] = []

    def compose(self) -> ComposeResult:
        self.entries = key_entries(self.target, self.app)
        scroll = VerticalScroll(id="help-keys")
        scroll.border_title = self.app.t("ui.help.title", close=keys_said(self.app, "help.close"))
        with scroll:
            yield Static(self._table(True), id="help-screen-keys")
            yield Static(self._table(False), id="help-app-keys")
            yield Static(self._ids(), id="help-ids")
            yield Static(self.app.t("ui.help.remap"), id="help-remap", markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-keys").focus()

    def _table(self, on_screen: bool) -> Table:
        """The keys of the screen, or the global ones, in columns as wide as in the other table."""
        title = self.app.t("ui.help.screen_keys" if on_screen else "ui.help.app_keys")
        lang = self.app.lang
        key_width = max((cell_len(entry.key_text(self.app)) for entry in self.entries), default=1)
        label_width = max((cell_len(entry.action.label(lang)) for entry in self.entries), default=1)
        table = Table(title=title, title_justify="left", title_style="bold", show_header=False, box=None, expand=True)
        table.add_column(style="bold", no_wrap=True, width=key_width)
        table.add_column(no_wrap=True, width=label_width)
        table.add_column(style="dim", ratio=1, overflow="fold")
        for entry in self.entries:
            if entry.on_screen == on_screen:
                table.add_row(entry.key_text(self.app), entry.action.label(lang), entry.action.help(lang))
        return table

    def _ids(self) -> Table:
        """The names the settings file remaps keys by (`jixiao.checks`), apart from the lists above,
        which say in the UI language only what each key does."""
        table = Table(
            title=self.app.t("ui.help.ids"), title_justify="left", title_style="dim", show_header=False, box=None
        )
        table.add_column(style="dim", no_wrap=True)
        table.add_column(style="dim")
        for entry in self.entries:
            table.add_row(entry.action.id, entry.action.label(self.app.lang))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
