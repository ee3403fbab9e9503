"""Keys that arrive while the app starts, before the first screen's mount handler has put the
cursor in its field, are lost: the terminal sends them (typed ahead) and Textual delivers them
to a screen with nothing focused.

Here the keys are posted from `App.on_mount`, i.e. as soon as the app takes messages, as a
terminal's driver thread does with keys typed while the program was loading.

Run: python 06_keys_before_first_focus.py
"""

import asyncio

import textual
from textual import events
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input


class Home(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="filter")

    def on_mount(self) -> None:
        self.query_one(Input).focus()


class TypedAheadApp(App[None]):
    def get_default_screen(self) -> Screen:
        return Home()

    def on_mount(self) -> None:
        for character in "2019":
            self.post_message(events.Key(character, character))


async def main() -> bool:
    """True when the bug shows: the filter does not hold the keys typed as the app started."""
    app = TypedAheadApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        value = app.screen.query_one(Input).value
    print(f"typed ahead: '2019'; the filter holds: {value!r}")
    return value != "2019"


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
