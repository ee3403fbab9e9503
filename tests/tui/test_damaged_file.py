"""The app on a file damaged deep inside: opening the report says 已损坏 and names the good backup, no traceback."""

from __future__ import annotations

from pathlib import Path

from file_damage import damage_deep_inside

from store import backup
from store.repository import Store
from store.settings import Settings
from tui.app import JixiaoApp
from tui.screens.home import HomeScreen


async def test_opening_a_damaged_report_names_the_good_backup(sample_copy: Path) -> None:
    with Store.open(sample_copy) as store:
        good = store.backup()
    damage_deep_inside(sample_copy)
    store = Store.open(sample_copy)  # the day's copy is taken: the damage is met only when the report is read
    try:
        app = JixiaoApp(store, "zh", settings=Settings())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen) and app.session is None
            said = [notice.message for notice in app._notifications]
            assert any("已损坏" in text and str(good) in text for text in said), said
    finally:
        store.close()
    assert backup.newest_good(sample_copy) == good
