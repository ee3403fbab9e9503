"""Input asks for a layout of the whole screen at every key, even in a box of fixed size.

`Input._watch_value` sets `virtual_size` to the text's width, and `virtual_size` is a reactive
with `layout=True`: each character typed changes it, so each key lays out the whole screen
again (slow on a form of hundreds of widgets), though nothing on screen moves.

The repro counts the Input's `refresh(layout=True)` calls and the screen's layout passes
(`Screen._refresh_layout`, private, wrapped here only to count them) while typing 5 keys.

Run: python 12_input_layout_per_key.py
"""

import asyncio

import textual
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label

counts = {"input refresh(layout=True)": 0, "screen layout passes": 0}


class CountingInput(Input):
    def refresh(self, *regions, repaint=True, layout=False, recompose=False):
        if layout:
            counts["input refresh(layout=True)"] += 1
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


class Form(Screen[None]):
    CSS = "CountingInput { width: 20; height: 1; border: none; padding: 0; }"

    def compose(self) -> ComposeResult:
        for n in range(50):
            yield Label(f"label {n}")
        yield CountingInput()

    def _refresh_layout(self, *args, **kwargs) -> None:
        counts["screen layout passes"] += 1
        return super()._refresh_layout(*args, **kwargs)


class FormApp(App[None]):
    def get_default_screen(self) -> Screen:
        return Form()


async def main() -> bool:
    """True when the bug shows: typing into a fixed-size Input lays out the screen at every key."""
    app = FormApp()
    async with app.run_test(size=(60, 60)) as pilot:
        app.screen.query_one(Input).focus()
        await pilot.pause()
        for key in counts:
            counts[key] = 0
        for character in "12345":
            await pilot.press(character)
        await pilot.pause()
    print("after typing 5 characters into a 20-cell Input:", counts)
    return counts["screen layout passes"] >= 5


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
