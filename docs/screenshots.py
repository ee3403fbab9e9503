"""Redraw the README's screenshots (SVG) from sample.db: `python docs/screenshots.py`.

Drives the real app with Textual's Pilot at 100×30 on a copy of sample.db, so the pictures
show exactly what a user sees: the report list, 预算执行 with live shares, the checks panel
with the seed's real inconsistency, and the preview.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from pathlib import Path

from store.repository import Store
from store.settings import Settings
from tui.app import JixiaoApp

HERE = Path(__file__).parent
SHOTS = (
    ("home", ()),
    ("budget", ("enter", "f3")),
    ("checks", ("enter", "f7")),
    ("preview", ("enter", "f8")),
)


async def shoot(sample: Path, out: Path) -> None:
    """One fresh app per picture, keys pressed as a user would, then the screen saved as SVG."""
    for name, keys in SHOTS:
        with Store.open(sample) as store:
            app = JixiaoApp(store, "zh", settings=Settings())
            async with app.run_test(size=(100, 30)) as pilot:
                for key in (*keys, None):
                    if key:
                        await pilot.press(key)
                    await app.workers.wait_for_complete()
                    await pilot.pause(0.5)
                app.save_screenshot(filename=f"{name}.svg", path=str(out))


def main() -> None:
    """Write docs/screenshots/*.svg."""
    out = (HERE / "screenshots").resolve()
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(HERE.parent / "sample.db", Path(folder) / "sample.db")
        os.chdir(folder)
        asyncio.run(shoot(Path("sample.db"), out))


if __name__ == "__main__":
    main()
