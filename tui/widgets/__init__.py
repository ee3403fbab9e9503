"""The app's own widgets, and the one rule that names a field's widget after its path.

`field_id(path)` lets the checks panel, the tests and the part screens find the widget that
edits `figures.project_spent` without knowing which screen or list row holds it.
"""

from __future__ import annotations

import re

_NOT_ID = re.compile(r"[^a-z0-9]")


def field_id(path: str) -> str:
    """The widget id of the field at `path`: `duties[3]` → "f-duties-3-"."""
    return "f-" + _NOT_ID.sub("-", path)
