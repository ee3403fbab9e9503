"""The action registry (tui/actions.toml): every binding comes from it, it is checked as it is read,
and README's key tables are written from it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import tui
from tui import actions
from tui.actions import ActionsError, key_words, load, parse, readme_table

README = Path(__file__).resolve().parents[2] / "README.md"


def jixiao_classes() -> list[type[DOMNode]]:
    """Every screen and widget class jixiao defines (all of tui imported)."""
    for module in pkgutil.walk_packages(tui.__path__, "tui."):
        importlib.import_module(module.name)
    found = []
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("tui.") or module_name == "tui":
            for _name, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, DOMNode) and value.__module__ == module_name:
                    found.append(value)
    return found


def class_bindings() -> list[tuple[type[DOMNode], Binding]]:
    return [
        (cls, binding)
        for cls in jixiao_classes()
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    ]


def test_every_binding_is_a_registry_action_and_every_action_is_bound():
    registry = load()
    bound = class_bindings()
    assert len(bound) >= 40
    for owner, binding in bound:
        action = registry.by_id(binding.id)
        assert action is not None, (owner.__name__, binding)
        assert (binding.key, binding.action, binding.description) == (
            ",".join(action.keys),
            action.run,
            action.labels["zh"],
        )
    assert {binding.id for _owner, binding in bound} == {action.id for action in registry.actions.values()}


def test_every_bound_action_runs_a_method_of_its_class():
    """A binding's action names a method the class (or, for `screen.`, the screen) has: a renamed method fails here."""
    for owner, binding in class_bindings():
        namespace, _, call = binding.action.rpartition(".")
        name = re.match(r"\w+", call).group()
        if namespace != "screen":
            assert callable(getattr(owner, f"action_{name}", None)), (owner.__name__, binding.action)


def test_every_action_has_a_label_and_help_in_both_languages_that_differ():
    for action in load().actions.values():
        assert action.label("zh") != action.label("en"), action.name
        assert action.help("zh") != action.help("en"), action.name


VALID = """
[bound]
app = ["quit"]

[action.quit]
key = "ctrl+q"
run = "quit"
label = { zh = "退出", en = "Quit" }
help = { zh = "退出程序", en = "leave" }
"""

SECOND = """
[action.other]
key = "ctrl+q"
run = "other"
label = { zh = "另一个", en = "Other" }
help = { zh = "另一个", en = "another" }
"""


@pytest.mark.parametrize(
    ("text", "where", "why"),
    [
        (VALID.replace('app = ["quit"]', 'app = ["quit", "qiut"]'), "bound.app", "unknown action “qiut”"),
        (VALID.replace('app = ["quit"]', 'app = ["quit", "other"]') + SECOND, "bound.app", "both on ctrl+q"),
        (VALID + SECOND, "action.other", "not in any [bound] group"),
        (VALID.replace(', en = "Quit"', ""), "action.quit.label", "exactly zh, en"),
        (VALID.replace('run = "quit"', 'run = "quit"\nshown = false'), "action.quit", "unknown field shown"),
        (VALID.replace('key = "ctrl+q"\n', ""), "action.quit", "missing key"),
        (VALID.replace("[bound]", "[bound"), "TOML", ""),
    ],
)
def test_a_registry_error_names_the_file_and_the_action(text, where, why):
    with pytest.raises(ActionsError) as raised:
        parse(text, "my/actions.toml")
    assert str(raised.value).startswith(f"my/actions.toml: {where}: ") and why in str(raised.value)


def test_a_well_formed_registry_builds_bindings_with_its_defaults():
    registry = parse(VALID, "my/actions.toml")
    (quit_action,) = registry.actions.values()
    binding = quit_action.binding()
    assert (binding.key, binding.action, binding.id, binding.show, binding.priority) == (
        "ctrl+q",
        "quit",
        "jixiao.quit",
        True,
        False,
    )
    assert registry.groups == {"app": ("quit",)}


def test_asking_for_an_unknown_group_names_the_file():
    with pytest.raises(ActionsError, match=r"^tui/actions.toml: bound.nowhere: no such group"):
        actions.bindings("nowhere")


@pytest.mark.parametrize(
    ("key", "lang", "words"),
    [
        ("ctrl+q", "zh", "Ctrl+Q"),
        ("alt+up", "en", "Alt+↑"),
        ("escape", "zh", "Esc"),
        ("enter", "zh", "回车"),
        ("n", "en", "n"),
    ],
)
def test_readme_writes_keys_as_people_read_them(key, lang, words):
    assert key_words(key, lang) == words


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_readme_key_table_is_the_registry(lang):
    """README's key tables are `readme_table`'s output: paste it in again when the registry changes."""
    table = readme_table(lang)
    assert table in README.read_text(encoding="utf-8"), f"README's {lang} key table should read:\n{table}"
    assert "| F7 | " in table and "| Ctrl+Q | " in table
