"""At 80 columns the key line takes more lines rather than cutting keys off, and breaks between keys."""

from __future__ import annotations

from rich.cells import cell_len

from tui.widgets.keyline import KeyLine


async def test_the_key_line_wraps_between_keys_at_80_columns(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = app.screen.query_one(KeyLine)
        lines = line.keys_text().plain.split("\n")
        assert len(lines) == 2 and all(cell_len(text) <= 80 for text in lines)
        assert lines[1].startswith(" ^q 退出")
        assert line.size.height == 2
        assert "^p 命令" in lines[1]


async def test_on_a_list_screen_at_80_columns_every_key_shows_down_to_the_palette(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        line = app.screen.query_one(KeyLine)
        lines = line.keys_text().plain.split("\n")
        assert len(lines) == 3 and line.size.height == 3
        assert "f10 自评表" in lines[-1] and lines[-1].rstrip().endswith("^p 命令")
