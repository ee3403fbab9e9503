"""Keyboard first: every action has an id, a key and words in both languages; F1, the palette, remapping."""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
import sys
from pathlib import Path

import pytest
from pilot_helpers import type_text
from rich.console import Console
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.widgets import Static

import tui
import tui.app
from store.catalogue import message
from store.repository import Store
from store.settings import load_settings
from tui import cli
from tui.app import JixiaoApp
from tui.help import HelpScreen
from tui.keymap import read_keymap
from tui.screens.checks import ChecksScreen
from tui.screens.preview import PreviewScreen


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


def test_every_binding_has_an_id_and_words_in_both_languages():
    bindings = [
        (cls.__name__, binding)
        for cls in jixiao_classes()
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    ]
    assert len(bindings) >= 20
    for owner, binding in bindings:
        assert binding.id and binding.id.startswith("jixiao."), (owner, binding)
        name = "ui.key." + binding.id.removeprefix("jixiao.")
        zh, en = message(name, "zh"), message(name, "en")
        assert zh != name and en != name and zh != en, (owner, binding.id)


def rendered(widget: Static) -> str:
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def open_report(pilot, key: str) -> None:
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()


async def test_f1_lists_the_keys_of_the_checks_screen_and_the_global_ones(make_app):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_report(pilot, "f7")
        await pilot.press("f1")
        await pilot.pause()
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        own = rendered(help_screen.query_one("#help-screen-keys", Static))
        everywhere = rendered(help_screen.query_one("#help-app-keys", Static))
        assert "本页按键" in own and "转到字段" in own and "jixiao." not in own + everywhere
        assert "jixiao.checks.goto" in rendered(help_screen.query_one("#help-ids", Static))
        assert "检查" in everywhere and "f7" in everywhere and "导出" in everywhere and "^q" in everywhere
        assert "转到字段" not in everywhere
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChecksScreen)


async def test_f1_on_a_part_lists_the_list_keys_wherever_the_cursor_is(make_app):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_report(pilot, "f5")
        await pilot.press("f1")
        await pilot.pause()
        own = rendered(pilot.app.screen.query_one("#help-screen-keys", Static))
        assert "新增一项" in own and "上移" in own and "删除本项" in own


async def palette_choose(pilot, query: str) -> list[str]:
    """Open the palette, type `query`, and return what the entries say before choosing the first."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert CommandPalette.is_open(pilot.app)
    await type_text(pilot, query)
    entries = pilot.app.screen.query_one(CommandList)
    for _ in range(100):
        if entries.option_count:
            break
        await pilot.pause(0.02)
    texts = [str(option.prompt) for option in entries.options]
    await pilot.press("down", "enter")
    await pilot.pause()
    return texts


async def test_palette_runs_an_action_found_by_its_name_and_shows_its_key(make_app):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        texts = await palette_choose(pilot, "预览")
        assert texts and texts[0].startswith("预览") and "f8" in texts[0]
        assert isinstance(pilot.app.screen, PreviewScreen)


async def test_palette_lists_the_screen_own_actions(make_app):
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_report(pilot, "f7")
        texts = await palette_choose(pilot, "转到")
        assert any("转到字段" in text for text in texts)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.toml"


async def test_a_key_remapped_in_the_settings_file_takes_effect(sample_copy, settings_file):
    settings_file.write_text('[keys]\n"jixiao.checks" = "F12"\n', encoding="utf-8")
    with Store.open(sample_copy) as store:
        app = JixiaoApp(store, "zh", settings=load_settings(settings_file))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("f7")
            await pilot.pause()
            assert not isinstance(pilot.app.screen, ChecksScreen)
            await pilot.press("f12")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ChecksScreen)
            await pilot.press("f1")
            await pilot.pause()
            everywhere = rendered(pilot.app.screen.query_one("#help-app-keys", Static))
            line = next(line for line in everywhere.splitlines() if "检查" in line)
            assert "f12" in line and "f7" not in line


def test_bad_key_settings_are_left_out_with_a_notice(settings_file):
    settings_file.write_text(
        '[keys]\n"jixiao.preview" = ["F8", "ctrl+k"]\n"jixiao.checks" = 7\n"quit" = "f1"\n"jixiao.export" = ""\n',
        encoding="utf-8",
    )
    keymap, notices = read_keymap(load_settings(settings_file))
    assert keymap == {"jixiao.preview": "f8,ctrl+k"}
    words = [notice.text("zh") for notice in notices]
    assert len(words) == 3
    assert any("keys.jixiao.checks" in text for text in words) and any("keys.quit" in text for text in words)


async def test_english_ui_names_keys_screens_and_help_in_english(make_app):
    async with make_app(lang="en").run_test(size=(100, 40)) as pilot:
        await open_report(pilot, "f7")
        await pilot.press("f1")
        await pilot.pause()
        own = rendered(pilot.app.screen.query_one("#help-screen-keys", Static))
        everywhere = rendered(pilot.app.screen.query_one("#help-app-keys", Static))
        assert "Keys of this screen" in own and "Go to field" in own
        assert "Checks" in everywhere and "Export" in everywhere
        assert "检查" not in everywhere


@pytest.mark.parametrize(
    ("argv", "settings", "lang"),
    [
        (["--lang", "en"], "", "en"),
        ([], '[ui]\nlang = "en"\n', "en"),
        ([], "", "zh"),
        (["--lang", "zh"], '[ui]\nlang = "en"\n', "zh"),
    ],
)
def test_the_app_language_comes_from_lang_or_the_settings(
    argv, settings, lang, sample_copy, settings_file, monkeypatch
):
    settings_file.write_text(settings, encoding="utf-8")
    monkeypatch.setenv("JIXIAO_SETTINGS", str(settings_file))
    started = []
    monkeypatch.setattr(tui.app, "run", lambda path, lang: started.append((path, lang)) or 0)
    assert cli.main([*argv, str(sample_copy)]) == 0
    assert started == [(sample_copy, lang)]
