"""The keys that work here, as one line of text at the foot of every screen; click a key to press it.

Textual's Footer draws a widget for each key and builds them all anew whenever the keys on
offer change, which is every time the cursor moves to another field. On a part screen that
rebuild was a good part of what opening the screen and each Tab cost. One line of text shows
the same keys, in the same order, at the cost of one widget.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


class KeyLine(Static):
    """The screen's shown key bindings (those the focused widget and its screen offer), kept current."""

    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.update(self.keys_text(), layout=False)

    def keys_text(self) -> Content:
        """Each shown binding once per action, as Textual's Footer lists them (the command palette last): key, then what it does."""
        parts: list[Content] = []
        seen: set[str] = set()
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if self.app.ENABLE_COMMAND_PALETTE else None
        shown = [entry for entry in active.values() if entry[1].show]
        for _node, binding, enabled, _tooltip in [*shown, *([palette] if palette else [])]:
            if binding.action in seen:
                continue
            seen.add(binding.action)
            key = Content.styled(f" {self.app.get_key_display(binding)} ", "bold $footer-key-foreground")
            action = f"@click=app.simulate_key({binding.key!r})" if enabled else "dim"
            parts.append((key + Content(f"{binding.description} ")).stylize(action))
        return Content(" ").join(parts)
