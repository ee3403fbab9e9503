"""The app's screens by name, imported only when first opened, and which part shows which field.

Names map to "module:Class" strings so that opening a file imports the home screen alone;
a part screen's module is loaded the first time the person goes there.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from store import fields

SCREENS: dict[str, str] = {
    "home": "tui.screens.home:HomeScreen",
    "org": "tui.screens.org:OrgScreen",
    "budget": "tui.screens.budget:BudgetScreen",
    "results": "tui.screens.results:ResultsScreen",
    "problems": "tui.screens.problems:ProblemsScreen",
    "prose": "tui.screens.prose:ProseScreen",
    "checks": "tui.screens.checks:ChecksScreen",
    "preview": "tui.screens.preview:PreviewScreen",
    "export": "tui.screens.export:ExportScreen",
    "unplaced": "tui.screens.unplaced:UnplacedScreen",
}

#: The parts of the report that have an editing screen, in reading order.
PARTS: tuple[str, ...] = ("org", "budget", "results", "problems", "prose")

#: First segment of a field path (or `texts.<key>`) → the part screen that edits it.
_PART_OF: dict[str, str] = {
    "org_groups": "org",
    "staff_lines": "org",
    "staff_total": "org",
    "staff_change": "org",
    "authorised_posts": "org",
    "duties": "org",
    "texts.org_intro": "org",
    "texts.staff_reasons": "org",
    "texts.key_plan": "org",
    "figures": "budget",
    "basic_lines": "budget",
    "project_lines": "budget",
    "sangong": "budget",
    "results": "results",
    "problems": "problems",
    "remedies": "problems",
    "unplaced": "unplaced",
}


def screen_class(name: str) -> Any:
    """The screen class registered as `name`, importing its module now."""
    module, _, cls = SCREENS[name].partition(":")
    return getattr(import_module(module), cls)


def part_of(path: str) -> str:
    """The part screen that edits the field at `path` (`figures.spent` → "budget")."""
    segments = fields.split(path)
    head = segments[0][0]
    if head == "texts" and len(segments) > 1:
        return _PART_OF.get(f"texts.{segments[1][0]}", "prose")
    return _PART_OF.get(head, "prose")
