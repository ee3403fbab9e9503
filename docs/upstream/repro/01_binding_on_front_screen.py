"""A non-priority binding is looked up on the screen in front once the key has bubbled up, not on
the screen the key was typed on.

Two keys arrive together (a burst of typing): "x", then "p" (a priority app binding that pushes
screen B). "x" is typed while screen A is in front, and A's focused widget receives it, so "x"
should run A's binding. It runs B's: the key typed first acts on the screen the key after it
brought up.

Run: python 01_binding_on_front_screen.py
"""

import asyncio

import textual
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button

ran: list[str] = []


class Recorder(Button):
    def on_key(self, event: events.Key) -> None:
        ran.append(f"{event.key} reached {self.screen.name}'s widget")


class Named(Screen[None]):
    BINDINGS = [Binding("x", "record")]

    def compose(self) -> ComposeResult:
        yield Recorder("focus")

    def action_record(self) -> None:
        ran.append(f"x ran {self.name}'s binding")


class BurstApp(App[None]):
    BINDINGS = [Binding("p", "push_b", priority=True)]

    def on_mount(self) -> None:
        self.push_screen(Named(name="A"))

    def action_push_b(self) -> None:
        ran.append("p pushed B")
        self.push_screen(Named(name="B"))


async def main() -> bool:
    """True when the bug shows: "x", typed on A and received by A's widget, ran B's binding."""
    app = BurstApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.name == "A"
        app.post_message(events.Key("x", "x"))  # both keys typed while A is in front
        app.post_message(events.Key("p", "p"))
        await pilot.pause()
        await pilot.pause()
    print("ran:", ran)
    return "x ran B's binding" in ran


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
