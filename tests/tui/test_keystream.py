"""Keys typed at speed are never lost or reordered (Pilot): seeded random edit scripts on the budget
screen, every key of a script sent at once, then the fields and the file compared with a correct
editor (tests/tui/keystream.py). The terminal version of the same scripts is test_keystream_terminal.py.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from conftest import SEED_ID
from keystream import FIGURES, Editor, next_script
from pilot_helpers import open_part, send
from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.pilot import Pilot

from store.repository import Store
from tui.widgets import field_id

#: Scripts per seed: enough to add lines with ctrl+n and walk back and forth, a few seconds each.
SCRIPTS = 40
#: Scripts on the report with long lists (each is as long as on the seed; the file is what differs).
LONG_SCRIPTS = 15
#: Seconds the app may take to handle one script on a loaded machine before the test says what differs.
SETTLE = 30.0


def differences(pilot: Pilot, editor: Editor, store: Store) -> list[str]:
    """Where the screen or the file differs from the correct editor, once the script has left its field."""
    screen = pilot.app.screen
    found = []
    focused = getattr(pilot.app.focused, "path", None)
    if focused != editor.path:
        found.append(f"cursor in {focused}, expected {editor.path}")
    for path, text in editor.shown.items():
        shown = screen.query(f"#{field_id(path)}")
        value = shown.first().value if shown else None
        if value != text:
            found.append(f"{path} shows {value!r}, expected {text!r}")
    return found + editor.differences(store.load(SEED_ID))


async def settled(pilot: Pilot, editor: Editor, store: Store, keys: list[str]) -> None:
    """Wait until the app agrees with the editor; fail with the script and what differs."""
    deadline = asyncio.get_running_loop().time() + SETTLE
    while found := differences(pilot, editor, store):
        if asyncio.get_running_loop().time() > deadline:
            pytest.fail(f"after the keys {keys!r}:\n" + "\n".join(found))
        await pilot.pause(0.02)


async def run_scripts(app: App, path: Path, seed: int, scripts: int) -> None:
    """Open the seed report of the file at `path` (Enter, then F3, as most people go) and check
    `scripts` random edit scripts there while the other screens are built behind it."""
    rng = random.Random(seed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await open_part(pilot, "f3")
        with Store.open(path) as store:
            editor = Editor.of(store.load(SEED_ID))
            for _ in range(scripts):
                keys = next_script(rng, editor)
                send(pilot.app, keys)
                await settled(pilot, editor, store, keys)


# A second seed repeats the same trial with other scripts: under `make stress` only (a minute or more each).
@pytest.mark.parametrize("seed", [1, pytest.param(2, marks=pytest.mark.stress)])
async def test_edit_scripts_typed_without_pauses_leave_what_a_correct_editor_would(make_app, sample_copy, seed):
    await run_scripts(make_app(build_ahead=True), sample_copy, seed, SCRIPTS)


async def test_edit_scripts_on_a_report_with_long_lists_leave_what_a_correct_editor_would(make_app, long_copy):
    """The same on a report of 2,000 results and 5,000 duties: F2, its duties, comes and goes
    between the keys, and the screens built behind the keys are those of a long report."""
    await run_scripts(make_app(path=long_copy, build_ahead=True), long_copy, 3, LONG_SCRIPTS)


async def test_a_prose_list_takes_a_burst_of_keys_in_order(make_app, stored):
    """Duties (prose areas in a list): ctrl+n, Chinese committed several at once, editing keys and
    leaving keys all sent at once end as typed, in order."""
    keys = [
        *("ctrl+n", "甲乙丙", "backspace", "丁戊", "home", "己", "right", "delete", "end", "left", "backspace", "庚"),
        *("ctrl+n", "辛壬", "left", "ctrl+k", "癸", "left", "ctrl+u", "子", "f3", "f2"),
    ]
    async with make_app(build_ahead=True).run_test(size=(100, 30)) as pilot:
        await open_part(pilot, "f2")
        before = stored("duties")
        pilot.app.screen.query_one(f"#{field_id('duties[0]')}").focus()
        await pilot.pause()
        send(pilot.app, keys)
        expected = [before[0], "己甲庚戊", "子癸", *before[1:]]
        deadline = asyncio.get_running_loop().time() + SETTLE
        while stored("duties") != expected and asyncio.get_running_loop().time() < deadline:
            await pilot.pause(0.05)
        assert stored("duties") == expected
        assert pilot.app.focused.path == "duties[2]"


def _key(name: str, character: str | None = None) -> events.Key:
    return events.Key(name, character)


async def test_only_keys_that_act_outside_the_field_wait_for_the_keys_before_them(make_app):
    """Typing costs no wait: a character or an editing key goes straight to the field's own queue,
    which keeps the order; Enter, Tab and F3 act in the app, so they wait for the field first."""
    app = make_app(build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        # The home list's filter is a plain Input: it takes characters, but its editing keys run
        # in the app once they have passed through it.
        assert app._taken_in_place(_key("a", "a"))
        assert not app._taken_in_place(_key("backspace"))
        assert not app._taken_in_place(_key("enter"))
        await open_part(pilot, "f3")
        assert getattr(app.focused, "path", None) == FIGURES[0]
        for name, character in [("1", "1"), ("full_stop", "."), ("space", " ")]:
            assert app._taken_in_place(_key(name, character))
        assert app._taken_in_place(_key(_character_to_key("１"), "１"))
        for name in ("backspace", "delete", "ctrl+u", "ctrl+k", "home", "end", "left", "right"):
            assert app._taken_in_place(_key(name)), name
        for name in ("enter", "tab", "shift+tab", "f3", "ctrl+n", "ctrl+q"):
            assert not app._taken_in_place(_key(name)), name
        assert not app._taken_in_place(events.Paste("1610.68"))
