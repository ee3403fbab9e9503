"""The two halves of the stress seeds' terminal hang (issue 10), each reproduced in Pilot.

In a terminal, ctrl+n rebuilt a breakdown while the screen updated the lines' shares: a row
whose share note was already removed raised, Textual began closing the app, and from then on
ran no callback, so the app held every key already typed for CAUGHT_UP_TIMEOUT each.
"""

from __future__ import annotations

import asyncio

from pilot_helpers import open_part, widget
from textual import events
from textual.widgets import Static

import tui.app
from tui.widgets.field import row_of

#: Seconds the keys may take here; far below the patched timeout, far above any loaded machine.
BOUND = 60.0


async def test_a_line_being_removed_takes_its_share_without_error(make_app):
    """A breakdown row whose share note is gone (its line is being removed) is passed over."""
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_part(pilot, "f3")
        row = row_of(widget(pilot, "basic_lines[0].amount"))
        await row.query_one(".aside", Static).remove()
        other = widget(pilot, "basic_lines[1].amount")
        before = str(row_of(other).query_one(".aside", Static).render())
        other.value = "99999"
        pilot.app.screen.update_live()
        await pilot.pause()
        assert pilot.app.is_running
        after = str(row_of(other).query_one(".aside", Static).render())
        assert after != before and after.endswith("%")


async def test_keys_typed_before_the_app_closes_do_not_wait(make_app, monkeypatch):
    """Once the app is closing (as after an unhandled error), keys already typed are not held."""
    monkeypatch.setattr(tui.app, "CAUGHT_UP_TIMEOUT", 3600.0)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_part(pilot, "f3")
        field = app.focused
        assert field is not None
        app.panic("issue 10")
        for character in "123":
            app.post_message(events.Key(character, character))

        async def typed() -> None:
            while not field.value.endswith("123"):
                await asyncio.sleep(0.02)

        await asyncio.wait_for(typed(), BOUND)
