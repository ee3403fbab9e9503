"""Steps the Pilot tests share: open a part of the seed report, find a field, retype it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from keystream import is_key
from textual import events
from textual.app import App, ScreenStackError
from textual.css.query import NoMatches
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from tui.widgets import field_id
from tui.widgets.markdown_lines import MarkdownLines


async def open_part(pilot: Pilot, key: str) -> None:
    """Go to the part on `key` (f2 … f6): from the home list, open the seed report right there, as the
    part's key pressed on the list does; in an open report, switch to it. (Enter, then the part's
    key, is tested where it is what matters: test_keystream.py, test_typed_ahead.py,
    test_screens_ahead.py, test_keys_at_random.py.)"""
    await pilot.press(key)
    await pilot.pause()


async def open_in_2023_outline(pilot: Pilot) -> None:
    """Open the seed report, switch it to the 2023 outline with Ctrl+G on F6, and stay there."""
    await open_part(pilot, "f6")
    await pilot.press("ctrl+g")
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause()
    await pilot.pause()


def widget(pilot: Pilot, path: str) -> Any:
    """The widget that edits the field at `path` on the screen in front."""
    return pilot.app.screen.query_one(f"#{field_id(path)}")


async def retype(pilot: Pilot, path: str, text: str, then: str = "tab") -> None:
    """Put the cursor in the field at `path`, clear it, type `text` key by key, then leave it."""
    editor = widget(pilot, path)
    editor.focus()
    await pilot.pause()
    if hasattr(editor, "clear"):
        editor.clear()
    await type_text(pilot, text)
    if then:
        await pilot.press(then)
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    """Type `text` as a terminal delivers it: one key event a character, to the app, which hands
    it to the focused widget. (Pilot.press loses full-width punctuation such as ，and ．, which
    an IME sends as text.)
    """
    for character in text:
        pilot.app.post_message(events.Key(_character_to_key(character), character))
        await pilot.pause()


def send(app: App, keys: list[str]) -> None:
    """Post every key of a script to the app at once, as a terminal delivers a burst of typing.

    A key is a key name from tests/tui/keystream.py (`tab`, `ctrl+n`) or text, typed a character at a time.
    """
    for key in keys:
        if is_key(key):
            app.post_message(events.Key(key, None))
        else:
            for character in key:
                app.post_message(events.Key(_character_to_key(character), character))


async def paste(pilot: Pilot, text: str) -> None:
    """Paste `text` as a terminal does (bracketed paste): the app hands it to the focused widget."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def until(pilot: Pilot, holds: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Let the app work until `holds()` is true (keys sent at once are still being taken on a busy
    machine); fail naming `what` after `timeout` seconds."""
    waited = 0.0
    while not _holds(holds):
        if waited >= timeout:
            raise AssertionError(f"not so after {timeout:.0f} s: {what}")
        await pilot.pause(0.05)
        waited += 0.05
    # A worker the app cancelled (a screen built ahead for a report no longer wanted) is done too.
    with contextlib.suppress(WorkerCancelled):
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _holds(holds: Callable[[], bool]) -> bool:
    try:
        return holds()
    except (ScreenStackError, NoMatches):  # between screens, or the one wanted is not up yet
        return False


async def export_anyway(pilot: Pilot) -> None:
    """The export dialog asked about the checks' errors (the seed has one): answer 仍然导出 and let it write."""
    from tui.widgets.dialogs import ChoiceDialog

    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceDialog), "the export dialog asks first when the checks find errors"
    await pilot.click("#export-anyway")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def shown(body: MarkdownLines) -> list[str]:
    """The lines the preview draws on screen now, as text."""
    return [body.render_line(y).text.rstrip() for y in range(body.scrollable_content_region.height)]


def drawn(body: MarkdownLines) -> list[str]:
    """Every line the preview draws, from the top, as scrolling through it shows them, as text."""
    top = round(body.scroll_y)
    return [body.render_line(y - top).text.rstrip() for y in range(body.virtual_size.height)]
