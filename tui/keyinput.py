"""Escape is Escape: the terminal's bytes made unambiguous before Textual's parser reads them.

A terminal sends the Escape key as the byte ESC alone, and Alt+key as ESC followed by the key.
Textual's parser tells them apart by time only (ESC and another byte within ESCAPE_DELAY, 0.1 s,
are one Alt key), so a person typing Escape and then 5, Enter, Tab or Backspace at speed got
alt+5, "^", shift+Tab or ctrl+w instead (issue 23).

jixiao binds no Alt+character (its only Alt keys are alt+↑/alt+↓, which terminals send as
whole sequences, `ESC [ 1 ; 3 A`, and which ctrl+↑/ctrl+↓ do as well). So here an ESC that does
not begin a sequence, i.e. is not followed by `[` (CSI) or `O` (SS3), is the Escape key,
however soon the next byte comes, in the same read or the next. It is handed on as the
kitty-protocol spelling of Escape (`ESC [ 2 7 u`), which Textual's parser reads as Escape and
nothing else. An Alt+letter typed by hand thus arrives as Escape then the letter.

An ESC at the very end of what one read returned waits for the next read (a sequence cut across
two reads, as over a slow link, stays whole) or for ESCAPE_DELAY, whichever is first; then it
is Escape. Text inside a bracketed paste is left as it is. Terminals that speak the kitty
keyboard protocol (Textual asks for it) send Escape as `ESC [ 2 7 u` already: nothing changes.

Keys typed while the program starts (`typed_ahead_kept`) are kept as typed, too: until Textual
puts the terminal in its raw mode, the terminal's line editing turned Enter into ctrl+j and let
ctrl+u erase what was typed before it.

This module is pure (no Textual): tui.textual_compat puts it in front of Textual's parser.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

ESC = "\x1b"
#: The kitty keyboard protocol's Escape key: Textual's parser reads it as Escape only.
ESCAPE_KEY = "\x1b[27u"
#: What may follow ESC as the start of a sequence (CSI and SS3); anything else makes ESC the Escape key.
INTRODUCERS = frozenset("[O")
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


class EscapeSplitter:
    """Turns the terminal's text, read by read, into text where every Escape key is `ESCAPE_KEY`.

    `feed(data, now)` returns the text to give the parser now; `due(now)` returns an ESC held
    back from the end of a read once it has waited `delay` seconds (else "").
    """

    def __init__(self, delay: float) -> None:
        self.delay = delay
        #: When the ESC held back from the end of the last read came (None: none is held).
        self._held_since: float | None = None
        self._in_paste = False

    def feed(self, data: str, now: float) -> str:
        if self._held_since is not None:
            self._held_since = None
            data = ESC + data
        out: list[str] = []
        pos, size = 0, len(data)
        while pos < size:
            if self._in_paste:
                end = data.find(PASTE_END, pos)
                if end < 0:
                    out.append(data[pos:])
                    break
                out.append(data[pos : end + len(PASTE_END)])
                pos = end + len(PASTE_END)
                self._in_paste = False
                continue
            esc = data.find(ESC, pos)
            if esc < 0:
                out.append(data[pos:])
                break
            out.append(data[pos:esc])
            if esc + 1 == size:
                self._held_since = now  # what follows comes in the next read, or never
                break
            if data[esc + 1] in INTRODUCERS:
                if data.startswith(PASTE_START, esc):
                    self._in_paste = True
                    out.append(PASTE_START)
                    pos = esc + len(PASTE_START)
                else:
                    out.append(ESC)
                    pos = esc + 1
                continue
            out.append(ESCAPE_KEY)
            pos = esc + 1
        return "".join(out)

    def due(self, now: float) -> str:
        if self._held_since is not None and now - self._held_since >= self.delay:
            self._held_since = None
            return ESCAPE_KEY
        return ""

    @property
    def holding(self) -> bool:
        return self._held_since is not None


@contextmanager
def typed_ahead_kept(stream: TextIO | None = None) -> Iterator[None]:
    """While the program starts, the terminal hands on each key as typed, and takes it back as it was.

    A terminal in its usual (canonical) mode edits a line before any program reads it: Enter
    arrives as a line feed (read as ctrl+j), ctrl+u erases the keys before it, and every key is
    echoed onto the screen. Keys typed in the second before Textual sets its own raw mode (it
    reads them then) were thus changed or lost: `Enter F3 …` typed as jixiao started opened
    nothing. Line editing and echo are turned off here as the program starts; Ctrl+C still
    interrupts. Textual keeps this as the state to return to, and this puts back the terminal's
    own state at the end. Nothing happens where the input is no terminal (or on Windows).
    """
    stream = sys.stdin if stream is None else stream
    try:
        fd = stream.fileno()
        import termios
    except (AttributeError, OSError, ValueError, ImportError):
        yield
        return
    if not os.isatty(fd):
        yield
        return
    before = termios.tcgetattr(fd)
    held = termios.tcgetattr(fd)
    held[0] &= ~(termios.ICRNL | termios.IXON)  # iflag: Enter stays Enter; ctrl+s, ctrl+q reach the app
    held[3] &= ~(termios.ICANON | termios.ECHO | termios.IEXTEN)  # lflag: no line editing, no echo
    held[6][termios.VMIN], held[6][termios.VTIME] = 1, 0
    termios.tcsetattr(fd, termios.TCSANOW, held)
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, before)
