"""The one place jixiao touches Textual's private names (checked against the Textual pinned in pyproject).

Each use has a canary test in tests/tui/test_textual_compat.py naming the version it was
checked against: an upgrade that changes any of them fails there, loudly, in one file.

- `textual._xterm_parser.XTermParser` and the module-level name `XTermParser` in
  `textual.drivers.linux_driver` and `textual.drivers.win32`: each driver's input thread makes
  its parser from that name, so jixiao's parser (Escape is Escape, tui.keyinput) is put there.
  Textual has no public hook for the input parser (8.2.8).
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterable

from textual import constants
from textual._xterm_parser import XTermParser
from textual.message import Message

from tui.keyinput import ESCAPE_KEY, EscapeSplitter

#: The Textual release the private names here were read in.
CHECKED_WITH = "8.2.8"
#: The driver modules whose input thread builds its parser from the module's `XTermParser`.
DRIVER_MODULES = ("textual.drivers.linux_driver", "textual.drivers.win32")


class EscapeParser(XTermParser):
    """Textual's parser, read through tui.keyinput.EscapeSplitter: ESC then a key is never an Alt key."""

    def __init__(self, debug: bool = False) -> None:
        self.escapes = EscapeSplitter(constants.ESCAPE_DELAY)
        super().__init__(debug)

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input: an ESC still held is the Escape key
            held = self.escapes.due(float("inf"))
            return [*(super().feed(held) if held else ()), *super().feed("")]
        text = self.escapes.feed(data, time.monotonic())
        return super().feed(text) if text else ()

    def tick(self) -> Iterable[Message]:
        held = self.escapes.due(time.monotonic())
        return [*(super().feed(held) if held else ()), *super().tick()]


def use_escape_parser() -> None:
    """Make the terminal drivers read keys with EscapeParser (the drivers that exist on this system)."""
    for name in DRIVER_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # win32 needs Windows' ctypes names
            continue
        if getattr(module, "XTermParser", None) is not None:
            module.XTermParser = EscapeParser  # type: ignore[attr-defined]


__all__ = ["CHECKED_WITH", "ESCAPE_KEY", "EscapeParser", "use_escape_parser"]
