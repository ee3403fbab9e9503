"""The app's screens by name, imported only when first opened, and which part shows which field.

Names map to "module:Class" strings so that opening a file imports the home screen alone;
a part screen's module is loaded the first time the person goes there.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from store import fields
from store import outline as outlines

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
    "scoring": "tui.screens.scoring:ScoringScreen",
    "unplaced": "tui.screens.unplaced:UnplacedScreen",
}

#: The screens that come up over another one (dialogs, Textual's ModalScreen; tui.app pushes them over the
#: report screen in front, tests/tui/test_home.py checks the list): they need a report
#: screen behind them, so a key on the home list opens the report at any screen but these. Named
#: here, not found by importing each screen (the home list would load every screen to draw its keys).
DIALOGS = frozenset({"export"})

#: The parts of the report that have an editing screen, in reading order.
PARTS: tuple[str, ...] = ("org", "budget", "results", "problems", "prose")


def screen_class(name: str) -> Any:
    """The screen class registered as `name`, importing its module now."""
    module, _, cls = SCREENS[name].partition(":")
    return getattr(import_module(module), cls)


def part_of(path: str, outline: str = outlines.DEFAULT) -> str:
    """The part screen that edits the field at `path` under `outline` (`figures.spent` → "budget").

    The outline file says which screen edits each field; one it does not show is on the prose screen.
    """
    shape = fields.shape(path)
    if shape in fields.UNPRINTED:
        return shape
    return outlines.load(outline).screen_of().get(shape, "prose")
