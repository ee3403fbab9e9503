"""Canaries for tui/textual_compat.py: each private Textual name it uses, checked against CHECKED_WITH."""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

import pytest
import textual
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, RadioButton
from textual.widgets._toggle_button import ToggleButton

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
]


@pytest.mark.parametrize(("owner", "name", "kind"), ATTRIBUTES, ids=[f"{o}.{n}" for o, n, _ in ATTRIBUTES])
def test_each_private_attribute_read_is_there_with_its_8_2_8_type(owner, name, kind):
    instance = {"App": App, "Widget": Widget, "Screen": Screen}[owner]()
    assert isinstance(getattr(instance, name), kind)


@pytest.mark.parametrize(("cls", "name", "parameters"), METHODS, ids=[f"{c.__name__}.{n}" for c, n, _ in METHODS])
def test_each_private_method_called_takes_the_8_2_8_parameters(cls, name, parameters):
    assert list(inspect.signature(getattr(cls, name)).parameters)[1:] == parameters


def test_the_binding_chains_are_properties_of_the_screen():
    assert isinstance(inspect.getattr_static(Screen, "_binding_chain"), property)
    assert isinstance(inspect.getattr_static(Screen, "_modal_binding_chain"), property)


def test_the_lean_compositor_is_what_every_new_screen_gets():
    textual_compat.use_lean_compositor()
    assert isinstance(Screen()._compositor, textual_compat.LeanCompositor)


class _Boxes(App):
    """A plain Input and a FixedBoxInput, each in a box of fixed size."""

    CSS = "Input { width: 20; height: 1; }"

    def compose(self) -> ComposeResult:
        yield Input(compact=True, id="plain")
        yield textual_compat.FixedBoxInput(compact=True, id="fixed")


async def test_a_key_typed_into_a_fixed_box_input_asks_for_no_layout_as_input_s_watcher_would():
    # 8.2.8: Input's value is watched by Input._watch_value (the reactive calls `_watch_<name>`);
    # it sets the virtual size, a reactive that asks for a layout (of the whole screen).
    assert "_watch_value" in vars(Input) and "_watch_value" in vars(textual_compat.FixedBoxInput)
    assert Widget.virtual_size.__dict__["_layout"] is True
    app = _Boxes()
    async with app.run_test() as pilot:
        await pilot.pause()
        for box in app.query(Input):
            box.focus()
            await pilot.pause()
            box.insert_text_at_cursor("1")  # what a key typed into the box does
            assert box.value == "1" and box._repaint_required
            assert box._layout_required is (box.id == "plain"), box.id
            await pilot.pause()


class _Marked(textual_compat.MarkedWhenOn, RadioButton):
    MARK = "●"


class _Toggles(App):
    def compose(self) -> ComposeResult:
        yield _Marked(value=False)
        yield _Marked(value=True)


async def test_a_toggle_s_mark_is_the_button_inner_textual_s_private_button_property_draws():
    # 8.2.8: ToggleButton._button is a property drawing BUTTON_INNER between the button's sides.
    assert isinstance(inspect.getattr_static(ToggleButton, "_button"), property)
    assert issubclass(RadioButton, ToggleButton) and issubclass(Checkbox, ToggleButton)
    app = _Toggles()
    async with app.run_test():
        assert [button._button.plain for button in app.query(_Marked)] == ["▐ ▌", "▐●▌"]


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


def _of_a_stdlib_module(node: ast.Attribute) -> bool:
    """Whether `node` reads a name of a standard module (`os._exit`), which Textual's names can share."""
    return isinstance(node.value, ast.Name) and node.value.id in sys.stdlib_module_names


def _private_uses(path: Path, tree: ast.Module, private: set[str]) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in private and not _of_a_stdlib_module(node):
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


def _modules() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in TUI.rglob("*.py")}


def test_no_module_of_tui_but_textual_compat_uses_a_private_textual_name():
    trees = _modules()
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
        "def f(app, own):\n    return app._compositor, own._held, os._exit\n"
    )
    private = _textual_private_names() - _own_names([tree])
    assert _private_uses(Path("x.py"), tree, private) == [
        "x.py:1 from textual.widgets._markdown import …",
        "x.py:6 ._compositor",
    ]


# --- no other module of tui/ overrides a private Textual name ------------------------------


def _classes(tree: ast.Module) -> dict[str, ast.ClassDef]:
    """Each class of a module by its qualified name (classes in classes too; not those made in a function)."""
    found: dict[str, ast.ClassDef] = {}

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                found[prefix + node.name] = node
                visit(node.body, f"{prefix}{node.name}.")

    visit(tree.body, "")
    return found


def _resolved(namespace: Mapping[str, object], qualname: str) -> type | None:
    found: object = namespace.get(qualname.split(".")[0])
    for part in qualname.split(".")[1:]:
        found = getattr(found, part, None)
    return found if isinstance(found, type) else None


def _textual_privates_of(cls: type) -> set[str]:
    """The private names (one underscore) the Textual classes in `cls`'s MRO define."""
    return {
        name
        for base in cls.__mro__
        if base.__module__.split(".")[0] == "textual"
        for name in vars(base)
        if name.startswith("_") and not name.startswith("__")
    }


def _private_overrides(modules: list[tuple[Path, ast.Module, Mapping[str, object]]]) -> list[str]:
    """Methods defined in these modules under a private name of a Textual class they are mixed with.

    `modules`: each module's path, its tree and its namespace (the module run). A method counts when
    its class, or any class of these modules that has it as a base (a mixin), has a Textual class
    in its MRO defining the method's name.
    """
    defined: dict[type, tuple[Path, ast.ClassDef]] = {}
    for path, tree, namespace in modules:
        for qualname, node in _classes(tree).items():
            cls = _resolved(namespace, qualname)
            if cls is not None:
                defined[cls] = (path, node)
    found: set[str] = set()
    for cls in defined:
        private = _textual_privates_of(cls)
        for owner in cls.__mro__:
            if owner in defined:
                path, node = defined[owner]
                found.update(
                    f"{path.name}:{item.lineno} {node.name}.{item.name}"
                    for item in node.body
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name in private
                )
    return sorted(found)


def test_no_module_of_tui_but_textual_compat_overrides_a_private_textual_method():
    modules = []
    for path, tree in _modules().items():
        if path.name != "textual_compat.py":
            name = ".".join(path.relative_to(TUI.parent).with_suffix("").parts).removesuffix(".__init__")
            modules.append((path, tree, vars(importlib.import_module(name))))
    assert len(modules) > 30
    assert _private_overrides(modules) == []


def test_the_override_scan_finds_a_private_textual_method_defined_in_a_subclass_or_its_mixin():
    source = (
        "from textual import events\n"
        "from textual.widgets import Input, TextArea\n"
        "class Keys:\n"
        "    async def _on_key(self, event): ...\n"
        "    def _typed(self): ...\n"
        "class Field(Input, Keys):\n"
        "    def _watch_value(self, value): ...\n"
        "    async def on_key(self, event: events.Key): ...\n"
        "class Prose(TextArea):\n"
        "    async def _on_key(self, event): ...\n"
        "    class Inner(Input):\n"
        "        def _on_paste(self, event): ...\n"
        "class Own:\n"
        "    def _watch_value(self, value): ...\n"
    )
    namespace: dict[str, object] = {}
    exec(compile(source, "x.py", "exec"), namespace)
    assert _private_overrides([(Path("x.py"), ast.parse(source), namespace)]) == [
        "x.py:10 Prose._on_key",
        "x.py:12 Inner._on_paste",
        "x.py:4 Keys._on_key",
        "x.py:7 Field._watch_value",
    ]
