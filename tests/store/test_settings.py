"""The settings file: defaults, the user's font names, and a bad file that never stops the program."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from store.settings import ENV_VAR, Fonts, load_settings, remember, remembered, settings_path, write_default_settings


def test_no_file_means_the_standard_fonts_and_chinese(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "none.toml")
    assert settings.fonts == Fonts()
    assert settings.fonts.body == "仿宋_GB2312" and settings.fonts.title == "方正小标宋简体"
    assert settings.fonts.heading1 == "黑体" and settings.fonts.heading2 == "楷体_GB2312"
    assert settings.fonts.page_number == "宋体" and settings.fonts.latin == "Times New Roman"
    assert settings.lang == "zh" and settings.notices == ()


def test_the_environment_variable_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[fonts]\nbody = "仿宋"\nheading2 = "楷体"\n[ui]\nlang = "en"\n', encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    assert settings_path() == path
    settings = load_settings()
    assert settings.fonts == Fonts(body="仿宋", heading2="楷体")
    assert settings.lang == "en" and settings.path == path


def test_other_sections_are_kept_for_whoever_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[keys]\n"app.quit" = "ctrl+q"\n[fonts]\ntitle = "华文中宋"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.sections == {"keys": {"app.quit": "ctrl+q"}}
    assert settings.fonts.title == "华文中宋" and settings.notices == ()


def test_a_malformed_file_falls_back_to_defaults_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("[fonts\nbody = 仿宋\n", encoding="utf-8")
    settings = load_settings(path)
    assert settings.fonts == Fonts()
    (notice,) = settings.notices
    assert notice.code == "settings.malformed"
    assert str(path) in notice.text("zh") and "默认" in notice.text("zh")
    assert str(path) in notice.text("en")


def test_a_file_that_is_not_utf8_falls_back_too(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes('[fonts]\nbody = "仿宋"\n'.encode("gbk"))
    assert [n.code for n in load_settings(path).notices] == ["settings.malformed"]


def test_wrong_values_are_ignored_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        '[fonts]\nbody = 3\ntitle = "  "\nheading1 = "黑体"\ncolour = "red"\n[ui]\nlang = "fr"\n', encoding="utf-8"
    )
    settings = load_settings(path)
    assert settings.fonts == Fonts()
    assert settings.lang == "zh"
    assert sorted(n.code for n in settings.notices) == [
        "settings.bad_font",
        "settings.bad_font",
        "settings.bad_lang",
        "settings.unknown_key",
    ]
    assert all(str(path) in n.text() for n in settings.notices)


def test_a_section_of_the_wrong_kind_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('fonts = "仿宋"\nui = 1\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.fonts == Fonts() and settings.lang == "zh"
    assert [n.code for n in settings.notices] == ["settings.bad_section", "settings.bad_section"]


def test_the_default_file_round_trips_and_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "jixiao" / "settings.toml"
    assert write_default_settings(path) == path
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["fonts"]["body"] == "仿宋_GB2312" and data["ui"]["lang"] == "zh"
    assert load_settings(path).fonts == Fonts() and load_settings(path).notices == ()
    path.write_text('[fonts]\nbody = "仿宋"\n', encoding="utf-8")
    write_default_settings(path)
    assert load_settings(path).fonts.body == "仿宋"
    write_default_settings(path, overwrite=True)
    assert load_settings(path).fonts.body == "仿宋_GB2312"


def test_what_the_program_remembers_is_kept_beside_the_settings_file_which_it_leaves_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "settings.toml"
    own.write_text('# 我的设置\n[ui]\nlang = "zh"\n', encoding="utf-8")
    monkeypatch.setenv("JIXIAO_SETTINGS", str(own))
    assert remembered("export") == {}
    remember("export", {"format": "docx", "folder": "D:\\报告"})
    remember("other", {"x": "1"})
    assert remembered("export") == {"format": "docx", "folder": "D:\\报告"}
    assert own.read_text(encoding="utf-8").startswith("# 我的设置")
    (tmp_path / "remembered.toml").write_text("不是 TOML", encoding="utf-8")
    assert remembered("export") == {}
