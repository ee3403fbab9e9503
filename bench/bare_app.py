"""The first-paint baseline: a bare Textual app with one Static and one Footer, nothing else.

`make bench` launches it in the same tmux terminal as `jixiao sample.db` and waits for its
text, so the two first paints differ only by what jixiao itself adds. It shows the sample
unit's name, the same characters jixiao's home list shows.

    python bench/bare_app.py
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

TEXT = "长沙市开福区月湖街道办事处 2019"


class BareApp(App[None]):
    """One Static, one Footer."""

    def compose(self) -> ComposeResult:
        yield Static(TEXT)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
