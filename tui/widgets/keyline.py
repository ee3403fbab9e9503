"""The keys that work here, as one line of text at the foot of every screen; click a key to press it.

Textual's Footer draws a widget for each key and builds them all anew whenever the keys on
offer change, which is every time the cursor moves to another field. On a part screen that
rebuild was a good part of what opening the screen and each Tab cost. One line of text shows
the same keys, in the same order, at the cost of one widget. Each key is labelled as the action
registry (tui/actions.toml) calls its action, in the UI language.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from tui.actions import action_of, load


class KeyLine(Static):
    """The screen's shown key bindings (those the focused widget and its screen offer), kept current."""

    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        /* More lines when the keys do not fit on one (80 columns: two, three on a list's screen),
           rather than keys cut off. */
        height: auto;
        max-height: 3;
        width: 1fr;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    #: How many lines the keys took when last shown.
    _lines = 1

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        # Not while the program closes (no screen left in front: Textual's binding checks then fail).
        if self.is_attached and screen is self.screen and self.app.screen_stack:
            text = self.keys_text()
            # Laid out again only when the keys need another number of lines (a layout at every Tab is slow).
            lines = len(text.plain.split("\n"))
            self.update(text, layout=lines != self._lines)
            self._lines = lines

    def on_resize(self) -> None:
        self._bindings_changed(self.screen)

    def entries(self) -> list[tuple[Binding, bool]]:
        """Each shown binding once per action, and whether it is enabled here: the focused widget's
        and the screen's first, then the app's in the registry's order (so the command palette is
        last, and a key the focused widget also binds, as a TextArea binds f7, does not move the
        app's action to the front)."""
        seen: set[str] = set()
        shown: list[tuple[Binding, bool, bool]] = []
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled, node is self.app))
        app_order = load().groups["app"]

        def place(entry: tuple[Binding, bool, bool]) -> tuple[bool, int]:
            action = action_of(entry[0])
            in_app = entry[2] and action is not None and action.name in app_order
            return entry[2], app_order.index(action.name) if in_app else 0

        return [(binding, enabled) for binding, enabled, _in_app in sorted(shown, key=place)]

    def label(self, binding: Binding) -> str:
        """What the key bar calls `binding`: its registry label in the UI language (Textual's own, its description)."""
        action = action_of(binding)
        return action.label(self.app.lang) if action is not None else binding.description

    def keys_text(self) -> Content:
        """The shown bindings (`entries`) as one text: key, then its label, a click on it presses the key."""
        parts: list[Content] = []
        for binding, enabled in self.entries():
            key = Content.styled(f" {self.app.get_key_display(binding)} ", "bold $footer-key-foreground")
            action = f"@click=app.simulate_key({binding.key!r})" if enabled else "dim"
            parts.append((key + Content(f"{self.label(binding)} ")).stylize(action))
        return _fill(parts, self.size.width)


def _fill(parts: list[Content], width: int) -> Content:
    """The entries one after another, a new line begun between two entries (never inside one) where
    the next would not fit in `width` columns."""
    lines: list[list[Content]] = [[]]
    used = 0
    for part in parts:
        needed = part.cell_length + (1 if lines[-1] else 0)
        if lines[-1] and width > 0 and used + needed > width:
            lines.append([])
            needed = part.cell_length
            used = 0
        lines[-1].append(part)
        used += needed
    return Content("\n").join(Content(" ").join(line) for line in lines)
