"""A widget's workers are cancelled only after its children have been taken apart: a worker that
mounts into one of them meanwhile gets a widget that is never mounted, and the next mount into
that widget stops the app with MountError.

Run: python 02_worker_outlives_children.py
"""

import asyncio

import textual
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Static


class Filler(Vertical):
    """Fills its child in from its own worker, a section at a time (as a document preview does)."""

    def compose(self) -> ComposeResult:
        yield Vertical(id="inside")

    def on_mount(self) -> None:
        self.run_worker(self.fill())

    async def fill(self) -> None:
        inside = self.query_one("#inside")
        for n in range(1000):
            section = Vertical()
            await inside.mount(section)
            await section.mount(Static(f"section {n}"))


class RemoveApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Filler()


async def main() -> bool:
    """True when the bug shows: removing the widget lets its worker fail, which ends the app."""
    app = RemoveApp()
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            await app.query_one(Filler).remove()
            await pilot.pause()
    except Exception as error:  # run_test re-raises what stopped the app
        print(f"the app stopped: {type(error).__name__}: {error}")
        return "MountError" in f"{type(error).__name__}: {error}"
    print("removed cleanly; the worker was cancelled")
    return False


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
