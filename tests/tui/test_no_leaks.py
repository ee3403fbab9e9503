"""An app that has stopped leaves nothing behind in the program that ran it: what it froze for the
garbage collector is given back, so running the app again (as every Pilot test does) costs the
same each time instead of more and more memory."""

from __future__ import annotations

import gc

from pilot_helpers import open_part, until


async def test_an_app_that_stops_gives_back_what_it_froze(make_app):
    before = gc.get_freeze_count()
    async with make_app(build_ahead=True).run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f3")
        await until(pilot, lambda: gc.get_freeze_count() > before, "the app froze what it built")
    assert gc.get_freeze_count() <= before
