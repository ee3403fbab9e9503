"""`App.run_test()` takes the screens apart at the end of the `async with` block while the app's
workers still run; `App.run()` cancels every worker first. A worker that mounts widgets (as one
filling a view in does) stops a test that is over, with MountError, only under `run_test`.

Run: python 04_run_test_shutdown_workers.py
"""

import asyncio

import textual
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Static


class FillingApp(App[None]):
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


async def with_run_test() -> str:
    try:
        async with FillingApp().run_test() as pilot:
            await pilot.pause()  # the test is over while the worker is filling in
    except Exception as error:  # run_test re-raises what stopped the app
        return f"{type(error).__name__}: {error}"
    return "ended cleanly"


async def with_run_async() -> str:
    async def quit_soon(pilot) -> None:
        await pilot.pause()
        pilot.app.exit()

    try:
        await FillingApp().run_async(headless=True, auto_pilot=quit_soon)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return "ended cleanly"


async def main() -> bool:
    """True when the bug shows: the same app ends cleanly under run_async but fails under run_test."""
    under_run = await with_run_async()
    under_test = await with_run_test()
    print("run_async(headless=True) + exit():", under_run)
    print("run_test() block ends:", under_test)
    return under_run == "ended cleanly" and "MountError" in under_test


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
