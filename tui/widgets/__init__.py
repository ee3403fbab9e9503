"""The app's own widgets, and the one rule that names a field's widget after its path.

`focus_now(widget)` moves the cursor at once (see tui.app: keys are handled in order).
`field_id(path)` lets the checks panel, the tests and the part screens find the widget that
edits `figures.project_spent` without knowing which screen or list row holds it.
"""

from __future__ import annotations

import re

from textual.widget import Widget

_NOT_ID = re.compile(r"[^a-z0-9]")


def field_id(path: str) -> str:
    """The widget id of the field at `path`: `duties[3]` → "f-duties-3-"."""
    return "f-" + _NOT_ID.sub("-", path)


def focus_now(widget: Widget) -> None:
    """Put the cursor in `widget` at once, so the very next key goes to it.

    Textual's `Widget.focus` moves the cursor later, after the keys already waiting: typed
    straight after ctrl+n, they would go to the field the list just removed.
    """
    widget.screen.set_focus(widget)
