"""The user's settings file: font names for the Word draft, the interface language, and more.

A TOML file in the per-user config folder (platformdirs), or wherever `JIXIAO_SETTINGS`
points (tests use that). Every value has a default, so a missing file, a missing section or
a missing key is simply the standard. A file that cannot be read or parsed, or a value of
the wrong kind, never stops the program: the default is used and a `Notice` says what was
ignored, for the screen or the command line to show. Sections other than `[fonts]` and
`[ui]` (the TUI's `[keys]`, say) are kept as they are in `Settings.sections`.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

from store import tomltext
from store.catalogue import LANGS, message
from store.model import SHARE_METHODS

#: Environment variable naming the settings file to use instead of the per-user one.
ENV_VAR = "JIXIAO_SETTINGS"
APP_NAME = "jixiao"
FILE_NAME = "settings.toml"


@dataclass(frozen=True)
class Fonts:
    """Font names written into the Word draft; the defaults are the names GB/T 9704 documents use.

    A PC without 仿宋_GB2312 (newer Windows ships 仿宋 instead) can name its own here.
    """

    body: str = "仿宋_GB2312"
    title: str = "方正小标宋简体"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    page_number: str = "宋体"
    latin: str = "Times New Roman"


@dataclass(frozen=True)
class Notice:
    """Something in the settings file that was ignored; `text(lang)` says what, in words."""

    code: str
    params: dict[str, str] = field(default_factory=dict)

    def text(self, lang: str = "zh") -> str:
        """The notice in the given language."""
        return message(self.code, lang, **self.params)


@dataclass(frozen=True)
class Settings:
    """Everything read from the settings file, with defaults filled in."""

    fonts: Fonts = field(default_factory=Fonts)
    lang: str = "zh"
    #: How a breakdown's shares are rounded (store.model.SHARE_METHODS): `[report] shares`.
    shares: str = "balanced"
    sections: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    notices: tuple[Notice, ...] = ()


def settings_path() -> Path:
    """Where the settings file is: `$JIXIAO_SETTINGS`, else the per-user config folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def _read(path: Path) -> tuple[dict[str, Any], list[Notice]]:
    """The parsed file, or an empty table and a notice saying why it could not be used."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, []
    except OSError as error:
        return {}, [Notice("settings.unreadable", {"path": str(path), "reason": error.strerror or str(error)})]
    try:
        return tomltext.loads(raw.decode("utf-8-sig")), []
    except tomltext.TooDeep:
        return {}, [Notice("settings.too_deep", {"path": str(path)})]
    except ValueError as error:
        return {}, [Notice("settings.malformed", {"path": str(path), "reason": str(error)})]


def _fonts(table: Any, path: Path, notices: list[Notice]) -> Fonts:
    if not isinstance(table, dict):
        notices.append(Notice("settings.bad_section", {"path": str(path), "section": "fonts"}))
        return Fonts()
    known = {f.name for f in fields(Fonts)}
    chosen: dict[str, str] = {}
    for key, value in table.items():
        if key not in known:
            notices.append(Notice("settings.unknown_key", {"path": str(path), "name": f"fonts.{key}"}))
        elif not isinstance(value, str) or not value.strip():
            notices.append(Notice("settings.bad_font", {"path": str(path), "name": f"fonts.{key}"}))
        else:
            chosen[key] = value.strip()
    return replace(Fonts(), **chosen)


def _lang(table: Any, path: Path, notices: list[Notice]) -> str:
    if not isinstance(table, dict):
        notices.append(Notice("settings.bad_section", {"path": str(path), "section": "ui"}))
        return "zh"
    value = table.get("lang", "zh")
    if value not in LANGS:
        notices.append(Notice("settings.bad_lang", {"path": str(path), "value": str(value), "langs": "/".join(LANGS)}))
        return "zh"
    return value


def _shares(table: Any, path: Path, notices: list[Notice]) -> str:
    """`[report] shares`: "balanced" (the default: shares add up to 100.00 %) or "half_up"."""
    if not isinstance(table, dict):
        notices.append(Notice("settings.bad_section", {"path": str(path), "section": "report"}))
        return SHARE_METHODS[0]
    value = table.get("shares", SHARE_METHODS[0])
    if value not in SHARE_METHODS:
        notices.append(
            Notice("settings.bad_shares", {"path": str(path), "value": str(value), "methods": "/".join(SHARE_METHODS)})
        )
        return SHARE_METHODS[0]
    return value


def load_settings(path: str | Path | None = None) -> Settings:
    """The settings from `path` (default: `settings_path()`), defaults for anything absent or wrong.

    Never raises for a bad file: what was ignored is listed in `Settings.notices`.
    """
    where = Path(path) if path is not None else settings_path()
    data, notices = _read(where)
    fonts = _fonts(data.get("fonts", {}), where, notices)
    lang = _lang(data.get("ui", {}), where, notices)
    shares = _shares(data.get("report", {}), where, notices)
    sections = {key: value for key, value in data.items() if key not in ("fonts", "ui", "report")}
    return Settings(fonts=fonts, lang=lang, shares=shares, sections=sections, path=where, notices=tuple(notices))


def default_settings_text() -> str:
    """The default settings file, with a comment saying what each section is for."""
    header = (
        "# jixiao 设置文件（UTF-8）。删除某一项即恢复默认值。\n"
        "# [fonts]：Word 稿使用的字体名。电脑上没有“仿宋_GB2312”“楷体_GB2312”时，可改为“仿宋”“楷体”。\n"
        "# [ui]：界面语言，zh 或 en。\n"
        '# [report]：shares = "balanced" 使各项占比合计恰为100.00%（末行取余数），"half_up" 为逐行四舍五入。\n\n'
    )
    fonts = Fonts()
    data = {
        "fonts": {f.name: getattr(fonts, f.name) for f in fields(Fonts)},
        "ui": {"lang": "zh"},
        "report": {"shares": SHARE_METHODS[0]},
    }
    return header + tomli_w.dumps(data)


def write_default_settings(path: str | Path | None = None, *, overwrite: bool = False) -> Path:
    """Write the default settings file (creating its folder) and return where it is.

    An existing file is left alone unless `overwrite` is true: it holds the user's choices.
    """
    where = Path(path) if path is not None else settings_path()
    if where.exists() and not overwrite:
        return where
    where.parent.mkdir(parents=True, exist_ok=True)
    where.write_text(default_settings_text(), encoding="utf-8", newline="\n")
    return where


#: What the program itself keeps between runs (the last export's format, content and folder), in a
#: file of its own beside the settings file: settings.toml is the person's, with their comments, and
#: the program never rewrites it.
MEMORY_NAME = "remembered.toml"


def memory_path() -> Path:
    """Where the program keeps what it remembers: beside the settings file."""
    return settings_path().with_name(MEMORY_NAME)


def remembered(section: str) -> dict[str, str]:
    """The text values kept under `section` ({} when nothing is kept, or the file cannot be read:
    forgetting a choice is never an error)."""
    data, _notices = _read(memory_path())
    table = data.get(section, {})
    if not isinstance(table, dict):
        return {}
    return {key: value for key, value in table.items() if isinstance(value, str)}


def remember(section: str, values: dict[str, str]) -> None:
    """Keep `values` under `section` for the next run (the other sections as they were); a file that
    cannot be written leaves the choice unremembered and nothing else changed."""
    where = memory_path()
    data, _notices = _read(where)
    data[section] = values
    with contextlib.suppress(OSError):
        where.parent.mkdir(parents=True, exist_ok=True)
        temporary = where.with_name(f"{MEMORY_NAME}.tmp")
        temporary.write_text(tomli_w.dumps(data), encoding="utf-8", newline="\n")
        temporary.replace(where)
