"""The key-echo baseline: a bare Textual app with one labelled Input, the cursor in it.

`make bench` types digits into it one at a time, in the same tmux pane as jixiao's first budget
figure, and times each from the key until the pane shows it. The label is that figure's, so both
lines are found the same way.

    python bench/bare_input.py
"""

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

LABEL = "财政拨款收入预算批复数"


class BareInput(App[None]):
    """A label and an empty Input beside it, focused."""

    CSS = "Horizontal { height: 1; } Label { width: 26; } Input { width: 24; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(LABEL)
            yield Input(compact=True)


if __name__ == "__main__":
    BareInput().run()
