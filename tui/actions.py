"""The action registry, tui/actions.toml: every action's key, label, help text and palette entry, defined once.

Each screen's and widget's BINDINGS are `bindings("<group>")`; the key bar (tui/widgets/keyline.py),
the F1 help (tui/help.py), the command palette (tui/commands.py) and the user's keymap
(tui/keymap.py) look each binding's words up here by its id (`jixiao.<name>`), so they say the
same thing in the UI language and cannot disagree. README's key tables are `readme_table(lang)`.

Read once (`load`) and checked as it is read: an unknown or missing field, an action no group
binds, a group naming an unknown action, or two actions of one group on the same key is an
`ActionsError` naming the file and the action.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from store.catalogue import LANGS

if TYPE_CHECKING:
    from textual.binding import Binding

#: The file as it ships, and how errors name it.
SOURCE = "tui/actions.toml"
#: What every binding id of jixiao begins with (the user's keymap remaps by these ids).
PREFIX = "jixiao."

_REQUIRED = frozenset({"key", "run", "label", "help"})
_FLAGS = {"priority": False, "show": True, "palette": True, "readme": True}


class ActionsError(ValueError):
    """An actions file that does not have the shape tui/actions.toml describes; names the file and the action."""

    def __init__(self, source: str, where: str, why: str) -> None:
        super().__init__(f"{source}: {where}: {why}")


@dataclass(frozen=True)
class Action:
    """One action: `name` without the `jixiao.` prefix, its default keys and the Textual action it runs."""

    name: str
    keys: tuple[str, ...]
    run: str
    labels: dict[str, str]
    helps: dict[str, str]
    priority: bool
    show: bool
    palette: bool
    readme: bool

    @property
    def id(self) -> str:
        """The binding id, also the name the user's keymap remaps it by."""
        return PREFIX + self.name

    def label(self, lang: str) -> str:
        """What the action is called on the key bar, in F1 and in the palette."""
        return self.labels[lang]

    def help(self, lang: str) -> str:
        """What the action does, a sentence for F1, the palette and README."""
        return self.helps[lang]

    def binding(self) -> Binding:
        """The Textual binding for the default keys (the user's keymap is applied by Textual by id).

        Textual is loaded here, not with the module, so the command line reads the registry without it."""
        from textual.binding import Binding

        return Binding(
            ",".join(self.keys),
            self.run,
            self.labels["zh"],
            show=self.show,
            priority=self.priority,
            id=self.id,
        )


@dataclass(frozen=True)
class Registry:
    """The actions by name, and each group's action names in key-bar order."""

    actions: dict[str, Action]
    groups: dict[str, tuple[str, ...]]

    def by_id(self, binding_id: str | None) -> Action | None:
        """The action a binding id names, or None for a binding not of jixiao (Textual's own)."""
        if binding_id is None or not binding_id.startswith(PREFIX):
            return None
        return self.actions.get(binding_id.removeprefix(PREFIX))


def parse(text: str, source: str) -> Registry:
    """An actions file's text as a `Registry`, every entry checked; ActionsError naming `source` if not."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ActionsError(source, "TOML", str(error)) from None
    extra = set(data) - {"action", "bound"}
    if extra:
        raise ActionsError(source, ", ".join(sorted(extra)), "unknown table (only [action.*] and [bound])")
    actions = {name: _action(source, name, entry) for name, entry in _table(source, "action", data).items()}
    groups: dict[str, tuple[str, ...]] = {}
    for group, names in _table(source, "bound", data).items():
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise ActionsError(source, f"bound.{group}", "must be a list of action names")
        taken: dict[str, str] = {}
        for name in names:
            if name not in actions:
                raise ActionsError(source, f"bound.{group}", f"unknown action “{name}”")
            for key in actions[name].keys:
                if key in taken:
                    raise ActionsError(source, f"bound.{group}", f"“{name}” and “{taken[key]}” both on {key}")
                taken[key] = name
        groups[group] = tuple(names)
    unbound = set(actions) - {name for names in groups.values() for name in names}
    if unbound:
        raise ActionsError(source, ", ".join(f"action.{name}" for name in sorted(unbound)), "not in any [bound] group")
    return Registry(actions, groups)


def _table(source: str, name: str, data: dict[str, Any]) -> dict[str, Any]:
    table = data.get(name)
    if not isinstance(table, dict) or not table:
        raise ActionsError(source, name, "missing table")
    return table


def _action(source: str, name: str, entry: object) -> Action:
    where = f"action.{name}"
    if not isinstance(entry, dict):
        raise ActionsError(source, where, "must be a table")
    unknown = set(entry) - _REQUIRED - set(_FLAGS)
    if unknown:
        raise ActionsError(source, where, f"unknown field {', '.join(sorted(unknown))}")
    missing = _REQUIRED - set(entry)
    if missing:
        raise ActionsError(source, where, f"missing {', '.join(sorted(missing))}")
    key, run = entry["key"], entry["run"]
    keys = tuple(part.strip() for part in key.split(",")) if isinstance(key, str) else ()
    if not keys or not all(keys) or not isinstance(run, str) or not run:
        raise ActionsError(source, where, "key and run must be non-empty text")
    flags = {flag: entry.get(flag, default) for flag, default in _FLAGS.items()}
    if not all(isinstance(value, bool) for value in flags.values()):
        raise ActionsError(source, where, f"{', '.join(_FLAGS)} must be true or false")
    return Action(name, keys, run, _words(source, where, entry, "label"), _words(source, where, entry, "help"), **flags)


def _words(source: str, where: str, entry: dict[str, Any], field: str) -> dict[str, str]:
    words = entry[field]
    if (
        not isinstance(words, dict)
        or set(words) != set(LANGS)
        or not all(isinstance(w, str) and w for w in words.values())
    ):
        raise ActionsError(source, f"{where}.{field}", f"must give non-empty text for exactly {', '.join(LANGS)}")
    return dict(words)


@cache
def load() -> Registry:
    """The shipped registry, read and checked once."""
    return parse(resources.files("tui").joinpath("actions.toml").read_text(encoding="utf-8"), SOURCE)


def bindings(group: str) -> list[Binding]:
    """The BINDINGS of the class that binds `group`, in the registry's order."""
    registry = load()
    if group not in registry.groups:
        raise ActionsError(SOURCE, f"bound.{group}", "no such group")
    return [registry.actions[name].binding() for name in registry.groups[group]]


def action_of(binding: object) -> Action | None:
    """The registry entry of `binding` (a Textual Binding), or None when it is not one of jixiao's."""
    return load().by_id(getattr(binding, "id", None))


#: How README writes a key that is not a letter or an F-key, by language (the rest: each part capitalised).
_KEY_WORDS = {
    "escape": {"zh": "Esc", "en": "Esc"},
    "enter": {"zh": "回车", "en": "Enter"},
    "space": {"zh": "空格", "en": "Space"},
    "up": {"zh": "↑", "en": "↑"},
    "down": {"zh": "↓", "en": "↓"},
    "pageup": {"zh": "PageUp", "en": "PageUp"},
    "pagedown": {"zh": "PageDown", "en": "PageDown"},
}


def key_words(key: str, lang: str) -> str:
    """A key as README writes it: `ctrl+q` → `Ctrl+Q`, `alt+up` → `Alt+↑`, `escape` → `Esc`, `n` → `n`."""
    if len(key) == 1:
        return key
    return "+".join(_KEY_WORDS[part][lang] if part in _KEY_WORDS else part.capitalize() for part in key.split("+"))


def readme_table(lang: str) -> str:
    """README's key table in `lang`: every action not marked `readme = false`, its keys, label and help."""
    head = {"zh": "| 按键 | 作用 |\n|---|---|", "en": "| Key | What it does |\n|---|---|"}[lang]
    colon = {"zh": "：", "en": ": "}[lang]
    rows = [
        f"| {' / '.join(key_words(key, lang) for key in action.keys)} | {action.label(lang)}{colon}{action.help(lang)} |"
        for action in load().actions.values()
        if action.readme
    ]
    return "\n".join([head, *rows])
