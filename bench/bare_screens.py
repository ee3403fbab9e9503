"""The screen-switch baseline: a bare Textual app with two screens of one Static each.

`make bench` runs it in the same tmux pane as jixiao and times F3 and F2, as it times
jixiao's part keys: from the key until the pane shows the other screen's text. The first
switch to the second screen builds it; the later ones bring back installed screens, as jixiao
keeps the screens of an open report.

    python bench/bare_screens.py
"""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

#: What each screen shows, by the key that brings it up.
TEXTS = {"f2": "一、部门概况（一）1.组织机构设置情况", "f3": "一、部门概况（二）年度预算收支"}


class OneStatic(Screen[None]):
    """A screen holding one Static."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text)


class BareScreens(App[None]):
    """F2 and F3 switch between two installed one-Static screens (the second built when first shown)."""

    BINDINGS = [Binding("f2", "show('f2')"), Binding("f3", "show('f3')")]

    def on_mount(self) -> None:
        self.install_screen(OneStatic(TEXTS["f2"]), "f2")
        self.push_screen("f2")

    def action_show(self, key: str) -> None:
        if not self.is_screen_installed(key):
            self.install_screen(OneStatic(TEXTS[key]), key)
        self.switch_screen(key)


if __name__ == "__main__":
    BareScreens().run()
