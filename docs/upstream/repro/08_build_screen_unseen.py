"""There is no public way to build a screen (compose, mount, lay out) before it is shown.

`install_screen` only registers a screen: it is composed and mounted when first pushed, so the
first push of a screen with many widgets pays for all of it while the person waits; the second
push of the same (installed, already built) screen is quick. The only public way to build it
earlier is to push it and pop it again, which shows it.

Run: python 08_build_screen_unseen.py
"""

import asyncio
import time

import textual
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label


class Form(Screen[None]):
    """A form of 60 labelled fields."""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            for n in range(60):
                yield Label(f"field {n}")
                yield Input(value=str(n))


class FormApp(App[None]):
    def on_mount(self) -> None:
        self.install_screen(Form(), "form")


async def shown_in(app: App[None], pilot) -> float:
    """Seconds from asking for the form until it is up and drawn."""
    start = time.monotonic()
    await app.push_screen("form")
    await pilot.pause()
    return time.monotonic() - start


async def main() -> bool:
    """True when the bug shows: the first push takes over twice as long as a later one."""
    app = FormApp()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        first = await shown_in(app, pilot)
        await app.pop_screen()
        await pilot.pause()
        second = await shown_in(app, pilot)
    print(f"first push (composed, mounted, laid out now): {first * 1000:.0f} ms")
    print(f"second push (built already):                  {second * 1000:.0f} ms")
    return first > 2 * second


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
