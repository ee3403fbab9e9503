"""The one place jixiao touches Textual's private names (checked against the Textual pinned in pyproject).

Each use has a canary test in tests/tui/test_textual_compat.py naming the version it was
checked against: an upgrade that changes any of them fails there, loudly, in one file.

8.2.8 is the newest Textual release (checked December 2026): there is no newer one to move to.
No public API of 8.2.8 does any of the jobs below; each is a small named function, so the rest of
tui/ reads as public Textual only (tests/tui/test_textual_compat.py fails on any other use).

- `textual._xterm_parser.XTermParser` and the module-level name `XTermParser` in
  `textual.drivers.linux_driver` and `textual.drivers.win32`: each driver's input thread makes
  its parser from that name, so jixiao's parser (Escape is Escape, tui.keyinput) is put there.
  Textual has no public hook for the input parser.
- `DOMNode._bindings` and `App._keymap`: a node's own bindings and the keymap in force (the
  help, the palette and the localized key names read them; there is only `App.set_keymap`).
- `Screen._binding_chain` / `_modal_binding_chain`: the nodes, focused widget up to the app, and
  their bindings, as Textual looks a key up (keys in typing order, tui.app).
- `MessagePump._closing`: the app (or a widget) is being taken down; no callback runs any more.
- `App._get_screen`, `Screen._refresh_layout`, `Screen._layout_required`, `Screen._compositor`:
  building a screen unseen (mount, lay out, draw) so it comes up at once (tui.app, screens built ahead).
- `Widget._layout_required`, `_scroll_required`, `_refresh_styles_required`, `_repaint_required`,
  `Screen._dirty_widgets`, `Screen._on_timer_update`: drawing a key typed into a field at once.
- `Input._watch_value` (overridden by FixedBoxInput): a field's typing redraws the field only,
  not the whole screen's layout.
- `ToggleButton._button` (overridden by MarkedWhenOn): the export dialog's radio buttons and
  checkbox draw their mark only when on, so the choice shows without colour.
- `textual._compositor.Compositor._get_renders` and `textual.screen.Compositor`: the compositor
  that renders, for a partial update, only the widgets seen inside it (LeanCompositor).
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Self

import textual.screen
from textual import constants
from textual._compositor import Compositor
from textual._xterm_parser import XTermParser
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Input

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import BindingsMap
    from textual.content import Content
    from textual.dom import DOMNode
    from textual.message_pump import MessagePump
    from textual.screen import Screen
    from textual.widget import Widget
    from textual.widgets._toggle_button import ToggleButton

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


# --- bindings and the keymap --------------------------------------------------------------


def bindings_of(node: DOMNode) -> BindingsMap:
    """The bindings `node` itself holds (its class's BINDINGS as copied into the instance)."""
    return node._bindings


def keymap_of(app: App[Any]) -> dict[str, str]:
    """The keymap in force (binding id to keys), as given to `App.set_keymap`."""
    return app._keymap


def binding_chain(screen: Screen[Any]) -> list[tuple[DOMNode, BindingsMap]]:
    """The nodes a key is looked up in, the focused widget first and the app last, with their bindings."""
    return screen._binding_chain


def modal_binding_chain(screen: Screen[Any]) -> list[tuple[DOMNode, BindingsMap]]:
    """`binding_chain`, ending at the last modal screen: where Textual runs a non-priority binding."""
    return screen._modal_binding_chain


def is_closing(pump: MessagePump) -> bool:
    """Whether `pump` (the app, a screen, a widget) is being taken down: it runs no callback any more."""
    return pump._closing


# --- screens built unseen ------------------------------------------------------------------


async def mount_unseen(app: App[Any], screen: Screen[Any]) -> None:
    """Compose and mount the installed `screen` without showing it."""
    _, mounted = app._get_screen(screen)
    await mounted


def lay_out_unseen(screen: Screen[Any], size: Size) -> None:
    """One layout pass of the unseen `screen` at `size`; the widgets may ask for another (`layout_pending`)."""
    screen._refresh_layout(size)
    screen._layout_required = False


def layout_pending(screen: Screen[Any]) -> bool:
    """Whether a widget of `screen` asked for another layout since the last pass."""
    return screen._layout_required


def draw_unseen(screen: Screen[Any]) -> None:
    """Render every widget of the unseen `screen` once: it keeps the lines for when it comes up."""
    screen._compositor.render_update(full=True)


# --- a key drawn at once -------------------------------------------------------------------


def draw_at_once(widget: Widget) -> None:
    """Draw `widget` now when a key changed only its own lines (nothing waits to be laid out,
    scrolled or restyled, here or on its screen); else leave it to Textual's next update."""
    screen = widget.screen
    waiting = (
        widget._layout_required or widget._scroll_required or widget._refresh_styles_required,
        screen._layout_required or screen._scroll_required or screen._repaint_required,
    )
    if widget._repaint_required and not any(waiting) and screen.is_current and widget.display:
        widget._repaint_required = False
        screen._dirty_widgets.add(widget)
        screen._on_timer_update()


class FixedBoxInput(Input):
    """Textual's Input in a box of fixed size (app.tcss): typing redraws the input only.

    Textual's Input, as its text changes (`_watch_value`), resizes what it scrolls through and
    so asks for a layout of the whole screen, at every key. A box of fixed size moves nothing
    else on screen: the layout is left out while the text changes, and each key shows at once
    on a form of hundreds of fields.
    """

    #: True while the text changes (in `_watch_value`).
    _typing = False

    def _watch_value(self, value: str) -> None:
        self._typing = True
        try:
            super()._watch_value(value)
        finally:
            self._typing = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        return super().refresh(*regions, repaint=repaint, layout=layout and not self._typing, recompose=recompose)


# --- a toggle's mark ----------------------------------------------------------------------

_ToggleMixin = ToggleButton if TYPE_CHECKING else object


class MarkedWhenOn(_ToggleMixin):
    """A mixin for a RadioButton or Checkbox (listed before it): its mark (`MARK`) is drawn only when
    it is on; Textual draws the mark of every button and tells the chosen one by colour alone."""

    #: The mark drawn inside the button when it is on.
    MARK = "X"

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = self.MARK if self.value else " "
        return super()._button


# --- the compositor ------------------------------------------------------------------------


class LeanCompositor(Compositor):
    """Textual's compositor, rendering for a partial update only the widgets seen inside it.

    Textual, to redraw a changed region, asks every widget whose clip (its container's visible
    area) touches the region to render, even where the widget itself lies elsewhere: on a part
    screen each key typed into a figure rendered every visible row of the form (36 renders, not
    2 as in a bare app). A widget that shows nothing inside the region cannot change what is
    drawn there, so it is left out; and widgets are painted front to back, the first to paint a
    cell keeping it, so once one covers the whole region (the field a key was typed into) the
    containers behind it are not rendered either.
    """

    def _get_renders(self, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None:
            yield from super()._get_renders(None)
            return
        for widget, (region, clip) in self.visible_widgets.items():
            seen = region.intersection(clip)
            if seen.width and seen.height and crop.overlaps(seen):
                yield region, clip, widget.render_lines(seen.translate(-region.offset))
                if seen.contains_region(crop):
                    return


def use_lean_compositor() -> None:
    """Give every screen made from now on (the app's and Textual's own) a LeanCompositor."""
    textual.screen.Compositor = LeanCompositor  # type: ignore[misc]


__all__ = [
    "CHECKED_WITH",
    "ESCAPE_KEY",
    "EscapeParser",
    "FixedBoxInput",
    "LeanCompositor",
    "MarkedWhenOn",
    "binding_chain",
    "bindings_of",
    "draw_at_once",
    "draw_unseen",
    "is_closing",
    "keymap_of",
    "lay_out_unseen",
    "layout_pending",
    "modal_binding_chain",
    "mount_unseen",
    "use_escape_parser",
    "use_lean_compositor",
]
