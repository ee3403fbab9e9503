"""The keys a widget takes in its own queue, and the field editors' editing keys run there.

Textual hands a key to the focused widget's queue, except a priority binding, which acts in
the app as the key arrives. A key the focused widget takes itself (a character typed into a
field, or one of the editing keys a field runs itself) is therefore handled in the order it
was typed with no help; only a key that acts elsewhere must wait for the keys before it
(tui.app: keys in the order they were typed).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual import events
from textual.binding import BindingsMap
from textual.widget import Widget

from tui.textual_compat import bindings_of, keymap_of

#: Each editor's own bindings with the person's keymap applied, worked out at its first key
#: (the keymap is read once, at start): a field looks its editing keys up at every key.
_OWN_BINDINGS: WeakKeyDictionary[Widget, BindingsMap] = WeakKeyDictionary()


def _own_bindings(widget: Widget) -> BindingsMap:
    bindings = _OWN_BINDINGS.get(widget)
    if bindings is None:
        bindings = _OWN_BINDINGS[widget] = bindings_of(widget).copy()
        if keymap_of(widget.app):
            bindings.apply_keymap(keymap_of(widget.app))
    return bindings


class RunsOwnKeys:
    """Marks a widget whose `on_key` calls `run_own_binding`: its editing keys run in its own queue.

    Textual calls the `on_key` of a subclass of Input or TextArea before their own key handler;
    `run_own_binding` stops that handler (`prevent_default`) when it ran the key.
    """


async def run_own_binding(widget: Widget, event: events.Key) -> None:
    """Run `widget`'s own (non-priority) binding for `event` now, in order with the characters typed.

    Input and TextArea insert characters as they take them but leave their editing keys
    (Backspace, Delete, ctrl+u, ctrl+k, Home/End, arrows) to their bindings, which Textual runs
    only once the key has bubbled up to the app: characters typed straight after such a key
    were then inserted before it ran (ctrl+u emptied the figure typed after it). Textual issue
    6605; its proposed fix (pull request 6631) does the same as this, inside Textual.
    """
    for binding in _own_bindings(widget).key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return


def takes_itself(widget: Widget, event: events.Key) -> bool:
    """Whether the focused `widget` handles `event` in its own queue, when no priority binding
    claims the key first: it consumes the key (a character into a field), or runs it as one of
    its own editing keys."""
    if widget.check_consume_key(event.key, event.character):
        return True
    return isinstance(widget, RunsOwnKeys) and any(
        not binding.priority for binding in _own_bindings(widget).key_to_bindings.get(event.key, ())
    )
