"""After the window changes size, F6's texts wrap at the new width, whole, and the key line still fits."""

from __future__ import annotations

from pilot_helpers import open_part, widget
from rich.cells import cell_len

from tui.widgets.keyline import KeyLine


async def test_texts_rewrap_whole_at_the_new_width_and_the_keys_fit(make_app):
    async with make_app().run_test(size=(120, 40)) as pilot:
        await open_part(pilot, "f6")
        area = widget(pilot, "texts.preamble")
        wide = area.wrapped_document.height
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert area.size.width < 80 and max(map(cell_len, area.text.split("\n"))) > area.wrap_width
        assert area.wrapped_document.height > wide, "narrower, the text takes more lines"
        assert area.size.height == area.wrapped_document.height, "every wrapped line is shown, none cut off"
        keys = pilot.app.screen.query_one(KeyLine)
        lines = keys.keys_text().plain.split("\n")
        assert keys.size.height == len(lines) == 2 and all(cell_len(line) <= 80 for line in lines)
