"""The app's keys: the user's remapping from the settings file, and every key named in the UI language.

Every action of jixiao is a Textual `Binding` whose id is `jixiao.<name>`. Its description is
the catalogue entry `ui.key.<name>`, so the footer, the F1 help and the command palette say
the same words in the same language. A user remaps a key in the `[keys]` section of the
settings file (`"jixiao.checks" = "f7"`); the app hands that table to `App.set_keymap`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from store.catalogue import message
from tui.textual_compat import bindings_of, keymap_of

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import Binding
    from textual.dom import DOMNode
    from textual.screen import Screen

    from store.settings import Notice, Settings

PREFIX = "jixiao."


def read_keymap(settings: Settings) -> tuple[dict[str, str], list[Notice]]:
    """Binding id → key(s) from the `[keys]` section of the settings file, and what was ignored.

    A value is a key (`"f7"`), several keys (`"f7,ctrl+k"`) or a list of keys. Only ids of
    jixiao's own bindings are taken, so a typo cannot rebind Textual's internals; anything
    else is left out with a notice, never an error (the default keys still work).
    """
    from store.settings import Notice

    table = settings.sections.get("keys", {})
    where = str(settings.path)
    if not isinstance(table, dict):
        return {}, [Notice("settings.bad_section", {"path": where, "section": "keys"})]
    keymap: dict[str, str] = {}
    notices: list[Notice] = []
    for binding_id, value in table.items():
        keys = _keys(value)
        if binding_id.startswith(PREFIX) and keys:
            keymap[binding_id] = keys
        else:
            notices.append(Notice("settings.bad_key", {"path": where, "name": f"keys.{binding_id}"}))
    return keymap, notices


def _keys(value: object) -> str | None:
    """One `[keys]` value as Textual's comma-separated keys, or None when it names no key."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        return None
    parts = [_key_name(part) for item in items for part in item.split(",")]
    return ",".join(parts) if parts and all(parts) else None


def _key_name(text: str) -> str:
    """`F7` → `f7`, `Ctrl+Q` → `ctrl+q`; a single character keeps its case (`T` is shift+t)."""
    text = text.strip()
    return text if len(text) == 1 else text.lower()


def description(binding_id: str, lang: str) -> str:
    """What the binding `jixiao.<name>` does, from the catalogue entry `ui.key.<name>`."""
    return message("ui.key." + binding_id.removeprefix(PREFIX), lang)


#: Textual's own actions that jixiao names and lets the user remap like its own.
TEXTUAL_ACTIONS = {"command_palette": "jixiao.palette"}


def localize_bindings(node: DOMNode, lang: str) -> None:
    """Give every jixiao binding of `node` its description in `lang`.

    Textual copies a class's BINDINGS into each instance, so this changes the words for this
    node only; call it from the node's constructor or on_mount. The command-palette key that
    Textual adds to the app gets the id `jixiao.palette` here, so it too is named and remappable.
    """
    bindings = bindings_of(node).key_to_bindings
    for key, entries in bindings.items():
        bindings[key] = [_localized(binding, lang) for binding in entries]


def _localized(binding: Binding, lang: str) -> Binding:
    binding_id = binding.id or TEXTUAL_ACTIONS.get(binding.action.removeprefix("app."))
    if not (binding_id and binding_id.startswith(PREFIX)):
        return binding
    words = description(binding_id, lang)
    return replace(binding, id=binding_id, description=words, tooltip=words if binding.tooltip else "")


@dataclass(frozen=True)
class KeyEntry:
    """One action as the help and the palette show it: its keys, what it does, where it runs."""

    binding_id: str
    keys: tuple[str, ...]
    description: str
    action: str
    node: DOMNode
    on_screen: bool

    def key_text(self, app: App) -> str:
        """The keys as the footer writes them, e.g. `F7` or `^q`, joined with " / "."""
        return " / ".join(app.get_key_display(self._binding_for(key)) for key in self.keys)

    def _binding_for(self, key: str) -> Binding:
        from textual.binding import Binding

        return Binding(key, self.action)


def key_entries(screen: Screen, app: App) -> list[KeyEntry]:
    """Every jixiao action available on `screen`: its own and its widgets' first, then the app's.

    Keys are those in force after the user's keymap. An action bound to several keys is
    listed once with all of them.
    """
    remapped: dict[str, str] = keymap_of(app)
    found: dict[str, KeyEntry] = {}
    nodes: list[tuple[DOMNode, bool]] = [(screen, True)]
    nodes += [(widget, True) for widget in screen.walk_children()]
    nodes.append((app, False))
    for node, on_screen in nodes:
        for key, binding in bindings_of(node):
            if not (binding.id and binding.id.startswith(PREFIX)):
                continue
            keys = tuple(k.strip() for k in remapped[binding.id].split(",")) if binding.id in remapped else (key,)
            entry = found.get(binding.id)
            if entry is None:
                words = description(binding.id, app.lang)
                found[binding.id] = KeyEntry(binding.id, keys, words, binding.action, node, on_screen)
            elif entry.node is node:
                merged = entry.keys + tuple(k for k in keys if k not in entry.keys)
                found[binding.id] = replace(entry, keys=merged)
    return list(found.values())
