"""The keys in force: the registry's defaults (tui/actions.toml) with the user's remapping applied.

Every action of jixiao is a Textual `Binding` built from the registry, whose id is
`jixiao.<name>`. A user remaps a key in the `[keys]` section of the settings file
(`"jixiao.checks" = "f12"`, in the settings folder); the app hands that table to
`App.set_keymap`, and the F1 help and the palette read the same table (`keys_in_force`), so all
of them show the key that works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.actions import Action, action_of, key_words, load

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.screen import Screen

    from store.settings import Notice, Settings


def read_keymap(settings: Settings) -> tuple[dict[str, str], list[Notice]]:
    """Binding id → key(s) from the `[keys]` section of the settings file, and what was ignored.

    A value is a key (`"f7"`), several keys (`"f7,ctrl+k"`) or a list of keys. Only ids of
    actions in the registry are taken, so a typo cannot rebind Textual's internals or remap
    nothing in silence; anything else is left out with a notice, never an error (the default
    keys still work).
    """
    from store.settings import Notice

    table = settings.sections.get("keys", {})
    where = str(settings.path)
    if not isinstance(table, dict):
        return {}, [Notice("settings.bad_section", {"path": where, "section": "keys"})]
    keymap: dict[str, str] = {}
    notices: list[Notice] = []
    registry = load()
    for binding_id, value in table.items():
        keys = _keys(value)
        if registry.by_id(binding_id) is not None and keys:
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


def keys_in_force(action: Action, keymap: dict[str, str]) -> tuple[str, ...]:
    """The keys `action` answers to: the user's (`keymap`, from `user_keymap`), else the registry's."""
    remapped = keymap.get(action.id)
    return tuple(remapped.split(",")) if remapped else action.keys


def user_keymap(app: App) -> dict[str, str]:
    """The remapping the app runs with: the `[keys]` of its settings, as it handed them to Textual."""
    return read_keymap(app.settings)[0]  # type: ignore[attr-defined]


def keys_said(app: App, name: str) -> str:
    """The keys in force of the action `name` as a sentence names them (`Ctrl+T`, `回车`, `Esc / F1`),
    for the hints on screen that tell which key does something: remapped, they name the new key."""
    return keys_named(app.settings, app.lang, name)  # type: ignore[attr-defined]


def keys_named(settings: Settings, lang: str, name: str) -> str:
    """`keys_said` for the command line, which has settings but no app (and does not load Textual)."""
    keys = keys_in_force(load().actions[name], read_keymap(settings)[0])
    return " / ".join(key_words(key, lang) for key in keys)


@dataclass(frozen=True)
class KeyEntry:
    """One action as the help and the palette show it: its keys, its words, where it runs."""

    action: Action
    keys: tuple[str, ...]
    node: DOMNode
    on_screen: bool

    def key_text(self, app: App) -> str:
        """The keys as the key bar writes them, e.g. `F7` or `^q`, joined with " / "."""
        from textual.binding import Binding

        return " / ".join(app.get_key_display(Binding(key, self.action.run)) for key in self.keys)


def key_entries(screen: Screen, app: App) -> list[KeyEntry]:
    """Every jixiao action available on `screen`: its own and its widgets' first, then the app's.

    The actions are those the classes of the screen, its widgets and the app bind (their
    BINDINGS, built from the registry); the keys those in force after the user's keymap.
    """
    keymap = user_keymap(app)
    found: dict[str, KeyEntry] = {}
    nodes: list[tuple[DOMNode, bool]] = [(screen, True)]
    nodes += [(widget, True) for widget in screen.walk_children()]
    nodes.append((app, False))
    for node, on_screen in nodes:
        for action in _bound_actions(type(node)):
            if action.name not in found:
                found[action.name] = KeyEntry(action, keys_in_force(action, keymap), node, on_screen)
    return list(found.values())


def _bound_actions(cls: type) -> list[Action]:
    """The registry's actions that `cls` and its bases bind, bases first (as Textual merges them)."""
    found = []
    for klass in reversed(cls.__mro__):
        for binding in klass.__dict__.get("BINDINGS", []):
            action = action_of(binding)
            if action is not None:
                found.append(action)
    return found
