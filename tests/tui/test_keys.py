"""Keyboard first: the key bar, F1 and the palette say what the action registry says, on every screen and
after the user's remapping; the language of the UI."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pytest
from pilot_helpers import open_part, retype, type_text, widget
from rich.console import Console
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, Static

import tui.app
from store.repository import Store
from store.settings import load_settings
from tui import cli
from tui.actions import load
from tui.app import JixiaoApp
from tui.help import HelpScreen
from tui.keymap import keys_said, read_keymap
from tui.screens.checks import ChecksScreen
from tui.screens.preview import PreviewScreen
from tui.widgets import field_id
from tui.widgets.keyline import KeyLine
from tui.widgets.listed import ListEditor, MoreItems


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
        assert "转到这一条检查所说的字段" in own
        assert "jixiao.checks.goto" in rendered(help_screen.query_one("#help-ids", Static))
        assert "检查" in everywhere and "f7" in everywhere and "导出" in everywhere and "^q" in everywhere
        assert "转到这一条检查所说的字段" not in everywhere
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


async def test_a_key_remapped_in_the_settings_file_takes_effect_in_the_key_bar_f1_and_the_palette(
    sample_copy, settings_file
):
    settings_file.write_text('[keys]\n"jixiao.checks" = "F12"\n"jixiao.checks.goto" = "ctrl+k"\n', encoding="utf-8")
    with Store.open(sample_copy) as store:
        app = JixiaoApp(store, "zh", settings=load_settings(settings_file))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            bar = pilot.app.screen.query_one(KeyLine).keys_text().plain
            assert "f12 检查" in bar and "f7" not in bar
            await pilot.press("f7")
            await pilot.pause()
            assert not isinstance(pilot.app.screen, ChecksScreen)
            texts = await palette_choose(pilot, "检查")
            assert texts[0].startswith("检查  f12")
            assert isinstance(pilot.app.screen, ChecksScreen)
            assert "（Ctrl+K转到字段）" in str(pilot.app.screen.query_one("#checks-summary", Static).render())
            await pilot.press("f1")
            await pilot.pause()
            everywhere = rendered(pilot.app.screen.query_one("#help-app-keys", Static))
            line = next(line for line in everywhere.splitlines() if "检查" in line)
            assert "f12" in line and "f7" not in line


def test_a_hint_on_screen_names_the_key_in_force(settings_file):
    settings_file.write_text('[keys]\n"jixiao.scoring.system" = "ctrl+b"\n', encoding="utf-8")
    app = SimpleNamespace(settings=load_settings(settings_file), lang="zh")
    assert keys_said(app, "scoring.system") == "Ctrl+B"
    assert keys_said(app, "checks.goto") == "回车"
    app.lang = "en"
    assert keys_said(app, "help.close") == "Esc / F1" and keys_said(app, "checks.goto") == "Enter"


def remapped_app(store: Store, settings_file: Path, keys: str) -> JixiaoApp:
    """An app on `store` whose settings remap keys (`keys`: the lines of a [keys] section)."""
    settings_file.write_text(f"[keys]\n{keys}", encoding="utf-8")
    return JixiaoApp(store, "zh", settings=load_settings(settings_file))


async def test_the_hints_that_name_enter_name_the_keys_remapped(sample_copy, settings_file):
    keys = '"jixiao.field.next" = "ctrl+j"\n"jixiao.home.down" = "ctrl+d"\n'
    with Store.open(sample_copy) as store:
        async with remapped_app(store, settings_file, keys).run_test(size=(100, 40)) as pilot:
            assert (
                pilot.app.screen.query_one("#filter", Input).placeholder == "输入单位或年度筛选；↑/Ctrl+D选择，回车打开"
            )
            await open_part(pilot, "f2")
            await retype(pilot, "staff_total", "", then="")
            assert widget(pilot, "staff_total").placeholder == "55（按Ctrl+J填入）"
            await pilot.press("f6")
            await pilot.pause()
            await retype(
                pilot,
                "assets[0].title",
                "严格执行国有资产管理制度，定期清查盘点，做到账实相符，资产使用效率明显提高",
                then="",
            )
            await pilot.pause()
            aside = widget(pilot, "assets[0].title").parent.query_one(".aside", Static)
            assert str(aside.render()) == "标题宜短，正文按Ctrl+J到“内容”"


async def test_a_long_list_s_more_lines_name_the_tab_keys_remapped(long_copy, settings_file):
    keys = '"jixiao.next" = "ctrl+t"\n"jixiao.previous" = "ctrl+r"\n'
    with Store.open(long_copy) as store:
        async with remapped_app(store, settings_file, keys).run_test(size=(100, 30)) as pilot:
            await open_part(pilot, "f2")
            duties = pilot.app.screen.query_one(f"#{field_id('duties')}", ListEditor)
            after = [str(more.render()) for more in duties.query_children(MoreItems) if not more.before]
            assert after[0].endswith("项（Ctrl+T 逐项显示）")


def test_bad_key_settings_are_left_out_with_a_notice(settings_file):
    settings_file.write_text(
        '[keys]\n"jixiao.preview" = ["F8", "ctrl+k"]\n"jixiao.checks" = 7\n"quit" = "f1"\n"jixiao.export" = ""\n'
        '"jixiao.chekcs" = "f12"\n',
        encoding="utf-8",
    )
    keymap, notices = read_keymap(load_settings(settings_file))
    assert keymap == {"jixiao.preview": "f8,ctrl+k"}
    words = [notice.text("zh") for notice in notices]
    assert len(words) == 4
    assert any("keys.jixiao.checks" in text for text in words) and any("keys.quit" in text for text in words)
    assert any("keys.jixiao.chekcs" in text for text in words)


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


async def agree_with_the_registry(pilot, lang: str) -> None:
    """On the screen in front: every key on the key bar is in F1 with the same key and label, the key
    bar ends with the app's keys in the registry's order, F1 gives each action the registry's label
    and help, and the palette lists F1's actions (those the registry puts in the palette) with the
    same label, key and help."""
    app, registry = pilot.app, load()
    screen = app.screen
    bar = screen.query_one(KeyLine)
    await pilot.press("f1")
    await pilot.pause()
    help_screen = app.screen
    assert isinstance(help_screen, HelpScreen)
    shown = rendered(help_screen.query_one("#help-screen-keys", Static)) + rendered(
        help_screen.query_one("#help-app-keys", Static)
    )
    entries = {entry.action.name: entry for entry in help_screen.entries}
    assert set(registry.groups["app"]) <= set(entries)
    for entry in entries.values():
        assert entry.action is registry.actions[entry.action.name]
        row = f"{entry.key_text(app)} {entry.action.label(lang)}"
        assert any(" ".join(line.split()).startswith(row) for line in shown.splitlines()), (screen, row)
    for binding, _enabled in bar.entries():
        entry = entries[registry.by_id(binding.id).name]
        assert binding.key in entry.keys and bar.label(binding) == entry.action.label(lang)
    on_bar = [registry.by_id(binding.id).name for binding, _enabled in bar.entries()]
    app_keys = [name for name in on_bar if name in registry.groups["app"]]
    assert app_keys == [name for name in registry.groups["app"] if name in app_keys], screen
    assert on_bar[-len(app_keys) :] == app_keys and on_bar[-1] == "palette"
    await pilot.press("f1")
    await pilot.pause()
    await pilot.press("ctrl+p")
    await pilot.pause()
    options = app.screen.query_one(CommandList)
    for _ in range(100):
        if options.option_count:
            break
        await pilot.pause(0.02)
    listed = sorted(str(option.prompt) for option in options.options)
    expected = sorted(
        f"{entry.action.label(lang)}  {entry.key_text(app)}\n{entry.action.help(lang)}"
        for entry in entries.values()
        if entry.action.palette
    )
    assert listed == expected, screen
    await pilot.press("escape")
    await pilot.pause()
    assert app.screen is screen


@pytest.mark.parametrize(
    ("lang", "screens"), [("zh", ("f2", "f3", "f4", "f5", "f6", "f7", "f8", "f10")), ("en", ("f6", "f7"))]
)
async def test_key_bar_f1_and_palette_say_what_the_registry_says_on_every_screen(make_app, lang, screens):
    async with make_app(lang=lang).run_test(size=(120, 40)) as pilot:
        await agree_with_the_registry(pilot, lang)
        await pilot.press("enter")
        await pilot.pause()
        for key in screens:
            await pilot.press(key)
            await pilot.pause()
            await agree_with_the_registry(pilot, lang)
