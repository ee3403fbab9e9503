"""Redrawing one widget renders every widget whose clip touches the changed region, not only
the widgets seen inside it.

A scrolling container holds 20 one-line rows. Refreshing row 5 alone (as a key typed into a
field does) asks every visible row of the container to render, because each row's clip (the
container's visible area) overlaps the region of row 5, though the rows themselves do not.

Run: python 09_partial_update_renders_all.py
"""

import asyncio

import textual
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.strip import Strip
from textual.widgets import Static

rendered: list[str] = []


class Row(Static):
    def render_lines(self, crop) -> list[Strip]:
        rendered.append(self.id or "")
        return super().render_lines(crop)


class RowsApp(App[None]):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            for n in range(20):
                yield Row(f"row {n}", id=f"row{n}")


async def main() -> bool:
    """True when the bug shows: rows other than the refreshed one were rendered."""
    app = RowsApp()
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.pause()
        rendered.clear()
        app.query_one("#row5").refresh()
        await pilot.pause()
        await pilot.pause()
    print(f"refreshed row5; rendered {len(rendered)} rows: {rendered}")
    return set(rendered) != {"row5"}


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
