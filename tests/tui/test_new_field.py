"""A new figure is an entry in store/fields.toml plus the outline that shows it (issue 21): with nothing
else changed, the budget screen (F3) offers it, the file keeps it, the exchange file carries it, and
附表1 and the 基础数据表 print it. Run in a fresh interpreter, so the key lists are made from the file
with the entry added."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r'''
import asyncio, sys
from decimal import Decimal
from importlib import resources
from pathlib import Path

import store.fieldfile as fieldfile

EXTRA = """
[[field]]
key = "figures.meeting_spent"
kind = "amount"
unit = "万元"
zh = "会议费支出"
en = "Meetings"
appendix = { row = 95 }
form = { section = "budget", column = "actual", indent = 1 }
import = ["会议费(?:支出)?"]
"""
patched = fieldfile.parse(resources.files("store").joinpath("fields.toml").read_text(encoding="utf-8") + EXTRA)
fieldfile.load = lambda: patched

import store.outline as outline

text = resources.files("store.outlines").joinpath("classic-2019.toml").read_text(encoding="utf-8")
text = text.replace('    "figures.social_spent",\n', '    "figures.social_spent",\n    "figures.meeting_spent",\n', 1)
shown = outline.parse(text)
original = outline.load
outline.load = lambda outline_id=outline.DEFAULT: shown if outline_id == "classic-2019" else original(outline_id)

from exporters import to_markdown
from exporters.forms import figures_form
from store import exchange, fields
from store.model import FIGURE_KEYS
from store.repository import Store
from store.settings import Settings
from tui.app import JixiaoApp
from tui.widgets import field_id

assert "meeting_spent" in FIGURE_KEYS
path = Path(sys.argv[1])
with Store.open(path) as store:
    (summary,) = store.list_reports()

    async def edit() -> None:
        app = JixiaoApp(store, "zh", settings=Settings())
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("f3")
            await pilot.pause()
            editor = app.screen.query_one(f"#{field_id('figures.meeting_spent')}")
            editor.focus()
            await pilot.pause()
            editor.clear()
            for key in "12.5":
                await pilot.press("full_stop" if key == "." else key)
            await pilot.press("tab")
            await pilot.pause()

    asyncio.run(edit())
    report = store.load(summary.id)
    assert report.figures["meeting_spent"] == Decimal("12.50"), report.figures["meeting_spent"]
    assert 'meeting_spent = "12.50"' in exchange.dump(store)
assert fields.label("figures.meeting_spent") == "会议费支出"
row = next(row for row in figures_form(report).rows if row[0] == "\u3000会议费支出")
assert row[1:4] == ("万元", None, Decimal("12.50")), row
assert "| 会议费支出 | 12.50 |" in to_markdown(report)
print("OK")
'''


def test_a_new_figure_in_the_fields_file_reaches_the_screen_the_file_and_the_forms(sample_copy: Path) -> None:
    env = {**os.environ, "JIXIAO_SETTINGS": str(sample_copy.with_name("no-settings.toml"))}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(sample_copy)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("OK")
