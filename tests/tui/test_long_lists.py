"""Long lists (issue 23): a report of 2,000 results and 5,000 duties gives rows to a window of
items around the cursor only, says how many more there are, and the keys reach every item as
they do in the seed's short lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import SEED_ID
from pilot_helpers import open_part, send, type_text, until, widget
from textual.widgets import Static

from store.repository import Store
from tui.session import value_at
from tui.widgets import field_id
from tui.widgets.listed import ItemRow, ListEditor, MoreItems

#: Rows a window may hold on the 30-line test screen: a screenful of items on each side of the cursor's.
MOST_ROWS = 2 * 30 + 1


def stored(path: Path, field: str) -> Any:
    """What the file at `path` holds at `field` of the seed report, read as a second program would."""
    with Store.open(path) as store:
        return value_at(store.load(SEED_ID), field)


def listed(pilot: Any, list_path: str) -> ListEditor:
    return pilot.app.screen.query_one(f"#{field_id(list_path)}", ListEditor)


def more_lines(editor: ListEditor) -> list[str]:
    """What the lines above and below the window say, where they show."""
    return [str(more.render()) for more in editor.query_children(MoreItems) if more.display]


async def test_a_long_list_shows_a_window_of_rows_and_says_how_many_more(make_app, long_copy):
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        await open_part(pilot, "f2")
        duties = listed(pilot, "duties")
        rows = duties.query_children(ItemRow)
        assert 0 < len(rows) <= MOST_ROWS
        assert more_lines(duties) == [f"⋯ 后面还有 {5000 - len(rows)} 项（Tab 逐项显示）"]


async def test_tab_and_ctrl_n_typed_at_once_walk_a_long_list_in_order(make_app, long_copy):
    """50 Tabs, ctrl+n and a word sent at once from the first duty: the new duty is the 52nd, holds
    the word, has the cursor on screen, and the window moved along with it (past the 46th)."""
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        await open_part(pilot, "f2")
        widget(pilot, "duties[0]").focus()
        await pilot.pause()
        send(pilot.app, ["tab"] * 50 + ["ctrl+n", "乙丙"])
        await until(pilot, lambda: stored(long_copy, "duties[51]") == "乙丙", "the new duty saved")
        assert len(stored(long_copy, "duties")) == 5001
        focused = pilot.app.focused
        assert getattr(focused, "path", None) == "duties[51]"
        assert pilot.app.screen.region.contains_region(focused.region)
        duties = listed(pilot, "duties")
        assert len(duties.query_children(ItemRow)) <= MOST_ROWS
        before, after = more_lines(duties)
        assert before.startswith("⋯ 前面还有") and after.startswith("⋯ 后面还有")


async def test_an_item_beyond_the_window_is_reached_from_the_checks_and_saved(make_app, long_copy):
    """A jump to an indicator of the 1,505th result (as the checks panel makes) puts the cursor there;
    what is typed is saved and its completion shows beside it."""
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        await open_part(pilot, "f4")
        path = "results[1504].indicators[0]"
        pilot.app.goto_field(f"{path}.actual")
        await until(pilot, lambda: getattr(pilot.app.focused, "path", None) == f"{path}.actual", "the cursor there")
        pilot.app.focused.clear()
        target = stored(long_copy, f"{path}.target")
        await type_text(pilot, str(target))
        await pilot.press("tab")
        await until(pilot, lambda: stored(long_copy, f"{path}.actual") == target, "the figure saved")
        row = widget(pilot, f"{path}.name").parent
        assert "100" in str(row.query_one(".aside", Static).render())
        assert len(listed(pilot, "results").query_children(ItemRow)) <= MOST_ROWS


async def test_a_refused_input_keeps_its_row_while_the_window_goes_far_away(make_app, long_copy):
    """Text that could not be saved lives on screen only: the window leaves its row in place when the
    cursor goes to the 1,505th result, and coming back finds it as typed, still marked."""
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        await open_part(pilot, "f4")
        path = "results[0].indicators[0].target"
        widget(pilot, path).focus()
        await pilot.pause()
        widget(pilot, path).clear()
        await type_text(pilot, "六千")
        await pilot.press("tab")
        far = "results[1504].title"
        pilot.app.goto_field(far)
        await until(pilot, lambda: getattr(pilot.app.focused, "path", None) == far, "the cursor far away")
        pilot.app.goto_field(path)
        await until(pilot, lambda: getattr(pilot.app.focused, "path", None) == path, "the cursor back")
        field = widget(pilot, path)
        assert field.value == "六千" and field.refused
        assert stored(long_copy, path) == 6735


async def test_move_and_delete_act_on_an_item_deep_in_a_long_list(make_app, long_copy):
    """alt+↓ on the 3,001st duty swaps it with the next and the cursor goes along; ctrl+delete, confirmed,
    removes it; the window stays round the cursor and the numbers say where it is."""
    before = stored(long_copy, "duties")
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        await open_part(pilot, "f2")
        pilot.app.goto_field("duties[3000]")
        await until(pilot, lambda: getattr(pilot.app.focused, "path", None) == "duties[3000]", "the cursor there")
        await pilot.press("alt+down")
        await until(pilot, lambda: getattr(pilot.app.focused, "path", None) == "duties[3001]", "the cursor moved")
        assert stored(long_copy, "duties")[3000:3002] == [before[3001], before[3000]]
        await pilot.press("ctrl+delete")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")
        await until(pilot, lambda: len(stored(long_copy, "duties")) == 4999, "the duty deleted")
        assert stored(long_copy, "duties")[3000:3002] == [before[3001], before[3002]]
        row = widget(pilot, "duties[3001]").parent.parent
        assert "3002." in str(row.query_one(".item-number").render())
        assert len(listed(pilot, "duties").query_children(ItemRow)) <= MOST_ROWS
