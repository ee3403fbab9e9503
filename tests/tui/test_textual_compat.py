"""Canaries for tui/textual_compat.py: each private Textual name it uses, checked against CHECKED_WITH."""

from __future__ import annotations

import ast
import inspect
from importlib.metadata import version
from pathlib import Path

import pytest
import textual
from textual._compositor import Compositor
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets._markdown import MarkdownTable

import tui
from tui import textual_compat


def test_textual_is_the_release_the_private_names_were_checked_against():
    # 8.2.8 is the newest Textual release: every canary below was read against it.
    assert version("textual") == textual_compat.CHECKED_WITH == "8.2.8"


def test_the_drivers_build_their_parser_from_a_module_level_xtermparser():
    import textual.drivers.linux_driver as linux_driver

    textual_compat.use_escape_parser()
    assert linux_driver.XTermParser is textual_compat.EscapeParser


def test_textual_reads_the_kitty_escape_as_escape_and_escape_then_a_key_as_two_keys():
    parser = textual_compat.EscapeParser()
    keys = [event.key for event in parser.feed("\x1b[27u\x1b5\x1b[4~\x1b\r")]
    assert keys == ["escape", "escape", "5", "end", "escape", "enter"]


# --- the private names tui.textual_compat reads, as Textual 8.2.8 has them --------------------

#: (what holds it, the private name, the type its value has) for each instance attribute used.
ATTRIBUTES = [
    ("App", "_keymap", dict),
    ("App", "_closing", bool),
    ("Widget", "_bindings", BindingsMap),
    ("Widget", "_layout_required", bool),
    ("Widget", "_scroll_required", bool),
    ("Widget", "_refresh_styles_required", bool),
    ("Widget", "_repaint_required", bool),
    ("Screen", "_layout_required", bool),
    ("Screen", "_dirty_widgets", set),
    ("Screen", "_compositor", Compositor),
]
#: (the class, the private method or property, its parameters after self) for each one called.
METHODS = [
    (App, "_get_screen", ["screen"]),
    (Screen, "_refresh_layout", ["size", "scroll"]),
    (Screen, "_on_timer_update", []),
    (Input, "_watch_value", ["value"]),
    (Compositor, "_get_renders", ["crop"]),
    (Compositor, "render_update", ["full", "screen_stack", "simplify"]),
    (MarkdownTable, "_get_headers_and_rows", []),
]


@pytest.mark.parametrize(("owner", "name", "kind"), ATTRIBUTES, ids=[f"{o}.{n}" for o, n, _ in ATTRIBUTES])
def test_each_private_attribute_read_is_there_with_its_8_2_8_type(owner, name, kind):
    instance = {"App": App, "Widget": Widget, "Screen": Screen}[owner]()
    assert isinstance(getattr(instance, name), kind)


@pytest.mark.parametrize(("cls", "name", "parameters"), METHODS, ids=[f"{c.__name__}.{n}" for c, n, _ in METHODS])
def test_each_private_method_called_takes_the_8_2_8_parameters(cls, name, parameters):
    assert list(inspect.signature(getattr(cls, name)).parameters)[1:] == parameters


def test_the_binding_chains_are_properties_of_the_screen_and_the_markdown_table_a_widget_class():
    assert isinstance(inspect.getattr_static(Screen, "_binding_chain"), property)
    assert isinstance(inspect.getattr_static(Screen, "_modal_binding_chain"), property)
    assert textual_compat.MarkdownTable is MarkdownTable and issubclass(MarkdownTable, Widget)


def test_the_lean_compositor_is_what_every_new_screen_gets():
    textual_compat.use_lean_compositor()
    assert isinstance(Screen()._compositor, textual_compat.LeanCompositor)


def test_a_node_s_own_bindings_and_the_keymap_read_through_the_compat_names():
    class Keyed(Widget):
        BINDINGS = [Binding("f7", "check", "检查", id="jixiao.checks")]

    app = App()
    app.set_keymap({"jixiao.checks": "f6"})
    assert textual_compat.keymap_of(app) == {"jixiao.checks": "f6"}
    assert list(textual_compat.bindings_of(Keyed()).key_to_bindings) == ["f7"]
    assert textual_compat.is_closing(app) is False


# --- no other module of tui/ touches a private Textual name -------------------------------

TUI = Path(tui.__file__).parent


def _textual_private_names() -> set[str]:
    """Every name starting with one underscore that a Textual class defines or sets on self."""
    names: set[str] = set()
    for path in Path(textual.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                        names.add(item.name)
                    elif isinstance(item, ast.Assign | ast.AnnAssign):
                        targets = item.targets if isinstance(item, ast.Assign) else [item.target]
                        names.update(target.id for target in targets if isinstance(target, ast.Name))
            elif _sets_on_self(node):
                names.add(node.attr)
    return {name for name in names if name.startswith("_") and not name.startswith("__")}


def _sets_on_self(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    )


def _own_names(trees: list[ast.Module]) -> set[str]:
    """The names jixiao itself defines: its functions, classes, module names and what it sets on self."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif _sets_on_self(node):
                names.add(node.attr)
    return names


def _private_uses(path: Path, tree: ast.Module, private: set[str]) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in private:
            found.append(f"{path.name}:{node.lineno} .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "textual":
            parts = (node.module or "").split(".") + [alias.name for alias in node.names]
            if any(part.startswith("_") for part in parts):
                found.append(f"{path.name}:{node.lineno} from {node.module} import …")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "textual" and any(p.startswith("_") for p in alias.name.split(".")):
                    found.append(f"{path.name}:{node.lineno} import {alias.name}")
    return found


def test_no_module_of_tui_but_textual_compat_uses_a_private_textual_name():
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in TUI.rglob("*.py")}
    private = _textual_private_names() - _own_names(list(trees.values()))
    assert {"_binding_chain", "_compositor", "_closing", "_keymap"} <= private  # the scan sees Textual's names
    found = [
        use
        for path, tree in trees.items()
        if path.name != "textual_compat.py"
        for use in _private_uses(path, tree, private)
    ]
    assert found == []


def test_the_scan_finds_a_private_textual_name_and_module_but_not_jixiao_s_own():
    tree = ast.parse(
        "from textual.widgets._markdown import MarkdownTable\n"
        "class Own:\n    def __init__(self):\n        self._held = 1\n"
        "def f(app, own):\n    return app._compositor, own._held\n"
    )
    private = _textual_private_names() - _own_names([tree])
    assert _private_uses(Path("x.py"), tree, private) == [
        "x.py:1 from textual.widgets._markdown import …",
        "x.py:6 ._compositor",
    ]
