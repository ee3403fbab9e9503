"""Windows readiness, as far as it can be tested on Linux (docs/windows.md lists the rest).

Office PCs have folders named in Chinese with spaces, a GBK console, PowerShell or cmd
redirects, and no POSIX APIs. These tests run the real `jixiao` command in a subprocess
under those conditions, and read the product code for calls Windows does not have.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path, PureWindowsPath

import pytest

from store.repository import Store, _sqlite_uri
from store.settings import ENV_VAR as SETTINGS_VAR
from tui import actions, cli

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("store", "exporters", "tui")
SAMPLE = ROOT / "sample.db"
OUTSIDE_GBK = "𠮷"  # a rare character of personal and place names: in GB 18030, not in GBK


def jixiao(*args: str | Path, cwd: Path, env: dict[str, str], **kwargs) -> subprocess.CompletedProcess[bytes]:
    """Run the jixiao command as a user would, returning its raw bytes."""
    return subprocess.run([sys.executable, "-m", "tui.cli", *map(str, args)], cwd=cwd, env=env, timeout=120, **kwargs)


def plain_env(**extra: str) -> dict[str, str]:
    """The environment without any Python encoding override, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LANG"}}
    env[SETTINGS_VAR] = os.devnull
    env.update(extra)
    return env


def non_utf8_env() -> dict[str, str]:
    """A locale whose encoding is not UTF-8, as on a Chinese Windows PC (there GBK, here ASCII)."""
    return plain_env(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")


@pytest.fixture
def office_folder(tmp_path: Path) -> Path:
    """A folder named like one on an office PC, holding a copy of sample.db."""
    folder = tmp_path / "财务 科" / "2019 年度 (绩效)"
    folder.mkdir(parents=True)
    shutil.copy2(SAMPLE, folder / "月湖 街道 报告.db")
    return folder


def test_the_simulated_locale_is_really_not_utf8(tmp_path: Path) -> None:
    """Guard for the tests below: in this environment Python would not pick UTF-8 by itself."""
    probe = subprocess.run(
        [sys.executable, "-c", "import locale, sys; print(locale.getpreferredencoding(False), sys.stdout.encoding)"],
        env=non_utf8_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert "utf" not in probe.stdout.lower()


def test_check_redirected_to_a_file_is_utf8(office_folder: Path) -> None:
    """`jixiao check … > out.txt` in a non-UTF-8 locale writes UTF-8, Chinese intact."""
    out = office_folder / "结果 输出.txt"
    with out.open("wb") as handle:
        result = jixiao(
            "check", office_folder / "月湖 街道 报告.db", cwd=office_folder, env=non_utf8_env(), stdout=handle
        )
    assert result.returncode == 1
    text = out.read_bytes().decode("utf-8")
    assert "项目支出" in text and "3472.44" in text and "3472.66" in text


def test_a_gbk_terminal_gets_gbk_and_a_question_mark_for_what_gbk_lacks(tmp_path: Path) -> None:
    """On a terminal forced to GBK, Chinese comes out as GBK and a character outside GBK as "?", no crash."""
    pty = pytest.importorskip("pty")
    missing = tmp_path / f"张{OUTSIDE_GBK}的 报告.db"
    master, slave = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "check", str(missing)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=plain_env(PYTHONIOENCODING="gbk", TERM="xterm"),
            cwd=tmp_path,
        )
        os.close(slave)
        slave = -1
        chunks = []
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        status = process.wait(timeout=60)
    finally:
        os.close(master)
        if slave != -1:
            os.close(slave)
    shown = b"".join(chunks).decode("gbk")
    assert status == 2
    assert "Traceback" not in shown and "UnicodeEncodeError" not in shown
    assert "张?的 报告.db" in shown


def test_dump_writes_utf8_toml_whatever_the_locale(office_folder: Path) -> None:
    """The exchange file is UTF-8 TOML even when the locale's encoding is not UTF-8."""
    target = office_folder / "交换 文件.toml"
    result = jixiao(
        "dump",
        office_folder / "月湖 街道 报告.db",
        "-o",
        target,
        cwd=office_folder,
        env=non_utf8_env(),
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = tomllib.loads(target.read_bytes().decode("utf-8"))
    assert "月湖" in str(data)


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_export_in_a_chinese_folder_with_spaces(office_folder: Path, fmt: str) -> None:
    """Export with -o (locale not UTF-8) and under the default name, in a folder named in Chinese with spaces.

    The default name is Chinese, so that run keeps a UTF-8 file-system encoding, as Windows
    always has: Linux's C locale would make file names ASCII-only, which Windows never does.
    """
    db = office_folder / "月湖 街道 报告.db"
    named = office_folder / f"导出 稿件.{fmt}"
    result = jixiao(
        "export", db, "--format", fmt, "-o", named, cwd=office_folder, env=non_utf8_env(), capture_output=True
    )
    # 1: written, and the checks report the seed's own inconsistency (3472.44 stated, 3472.66 in its lines)
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    result = jixiao("export", db, "--format", fmt, cwd=office_folder, env=plain_env(), capture_output=True)
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    (default,) = office_folder.glob(f"*-2019-绩效评价报告.{fmt}")
    assert default.name in result.stdout.decode("utf-8")
    for written in (named, default):
        if fmt == "md":
            text = written.read_bytes().decode("utf-8")
        else:
            with zipfile.ZipFile(written) as archive:
                text = archive.read("word/document.xml").decode("utf-8")
        assert "月湖" in text and "3472.44" in text


def test_export_over_a_file_word_holds_open_says_so(
    office_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Windows refuses to replace a file Word has open: the command names the file and Word, exits 2, keeps it."""
    target = office_folder / "月湖 报告.docx"
    target.write_bytes(b"the draft open in Word")

    def held_open(source: object, destination: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setenv(SETTINGS_VAR, os.devnull)
    monkeypatch.setattr(os, "replace", held_open)
    status = cli.main(["export", str(office_folder / "月湖 街道 报告.db"), "--format", "docx", "-o", str(target)])
    said = capsys.readouterr()
    assert status == 2
    assert "月湖 报告.docx" in said.err and "Word" in said.err
    assert "Traceback" not in said.err + said.out
    assert target.read_bytes() == b"the draft open in Word"


def test_sqlite_uris_keep_windows_network_paths_openable() -> None:
    """A report file on a network share (\\\\server\\share) gets a URI SQLite accepts: empty authority."""
    unc = _sqlite_uri(PureWindowsPath(r"\\fileserver\财务\2019 年度\报告.db"))
    assert unc == "file:////fileserver/%E8%B4%A2%E5%8A%A1/2019%20%E5%B9%B4%E5%BA%A6/%E6%8A%A5%E5%91%8A.db"
    drive = _sqlite_uri(PureWindowsPath(r"D:\绩效\报告 1.db"))
    assert drive == "file:///D:/%E7%BB%A9%E6%95%88/%E6%8A%A5%E5%91%8A%201.db"


def test_a_report_file_named_with_uri_characters_opens(office_folder: Path) -> None:
    """Spaces, "#", "%" and Chinese in a file name survive the read-only look taken before opening."""
    odd = office_folder / "报告 #1 100%.db"
    shutil.copy2(office_folder / "月湖 街道 报告.db", odd)
    with Store.open(odd, create=False) as store:
        assert [summary.fiscal_year for summary in store.list_reports()] == [2019]


def product_files() -> list[Path]:
    """Every Python file of the product (store/, exporters/, tui/)."""
    return sorted(path for package in PRODUCT for path in (ROOT / package).rglob("*.py"))


POSIX_MODULES = {"fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "posix", "crypt", "syslog"}
POSIX_OS = {
    "fork",
    "forkpty",
    "getuid",
    "geteuid",
    "getgid",
    "getegid",
    "setsid",
    "setuid",
    "setgid",
    "killpg",
    "getpgid",
    "chown",
    "lchown",
    "mkfifo",
    "getloadavg",
    "sync",
    "nice",
    "wait3",
    "wait4",
    "uname",
    "sched_getaffinity",
}
POSIX_SIGNAL = {
    "SIGKILL",
    "SIGALRM",
    "SIGHUP",
    "SIGUSR1",
    "SIGUSR2",
    "SIGCHLD",
    "SIGPIPE",
    "SIGQUIT",
    "SIGTSTP",
    "SIGCONT",
    "SIGSTOP",
    "alarm",
    "setitimer",
    "pause",
    "siginterrupt",
}


def _imports_guarded(tree: ast.AST) -> set[ast.AST]:
    """The imports inside a `try` that catches ImportError: they may fail, and the code goes on without."""
    guarded: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
            name in ast.unparse(handler.type)
            for handler in node.handlers
            if handler.type
            for name in ("ImportError", "ModuleNotFoundError")
        ):
            guarded |= {
                inner
                for stmt in node.body
                for inner in ast.walk(stmt)
                if isinstance(inner, ast.Import | ast.ImportFrom)
            }
    return guarded


def posix_only_uses(path: Path) -> list[str]:
    """The POSIX-only modules and calls a source file uses, as "file:line name" (an import that may
    fail, inside `try: … except ImportError`, is the way to use one where it exists)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    guarded = _imports_guarded(tree)
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if node in guarded:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name.split(".")[0] for alias in node.names if alias.name.split(".")[0] in POSIX_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in POSIX_MODULES:
                names = [node.module]
            elif node.module == "os":
                names = [f"os.{alias.name}" for alias in node.names if alias.name in POSIX_OS]
            elif node.module == "signal":
                names = [f"signal.{alias.name}" for alias in node.names if alias.name in POSIX_SIGNAL]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            forbidden = {"os": POSIX_OS, "signal": POSIX_SIGNAL}.get(node.value.id, set())
            names = [f"{node.value.id}.{node.attr}"] if node.attr in forbidden else []
        found += [f"{path.relative_to(ROOT)}:{node.lineno} {name}" for name in names]
    return found


def test_product_code_calls_no_posix_only_api() -> None:
    """No fork, fcntl, pwd, grp, termios, SIGKILL or alarm: none of them exists on Windows."""
    assert [use for path in product_files() for use in posix_only_uses(path)] == []


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((kw.value for kw in call.keywords if kw.arg == name), None)


def _text_mode(mode: ast.expr | None) -> bool:
    """Whether an open() mode argument means text: absent, or a literal without "b"."""
    return mode is None or (isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "b" not in mode.value)


def text_io_without_encoding(path: Path) -> list[str]:
    """Text-mode file opens, reads and writes in a source file that leave the encoding to the locale."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _keyword(node, "encoding") is not None:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in {"read_text", "write_text"}:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}()")
        elif name == "open" and isinstance(func, ast.Name):
            if _text_mode(node.args[1] if len(node.args) > 1 else _keyword(node, "mode")):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} open()")
        elif name == "open" and isinstance(func, ast.Attribute):
            if _text_mode(node.args[0] if node.args else _keyword(node, "mode")):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} .open()")
        elif name in {"run", "check_output", "Popen"} and (
            _keyword(node, "text") is not None or _keyword(node, "universal_newlines") is not None
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} subprocess text without encoding")
    return found


def test_product_code_names_the_encoding_of_every_text_file() -> None:
    """Every text read or write says encoding=...: Windows would otherwise use GBK (cp936)."""
    assert [use for path in product_files() for use in text_io_without_encoding(path)] == []


TAKEN_BY_WINDOWS = {
    "ctrl+space",  # the input method: Chinese on/off
    "shift+space",  # the input method: full/half width
    "ctrl+full_stop",  # the input method: Chinese/English punctuation
    "alt+enter",  # Windows Terminal and conhost: full screen
    "f11",  # Windows Terminal: full screen
    "alt+f4",  # close the window
    "alt+space",  # Windows Terminal: window menu
    "alt+tab",
    "ctrl+escape",
    "ctrl+tab",  # Windows Terminal: next tab
    "ctrl+comma",  # Windows Terminal: settings
    "ctrl+plus",  # Windows Terminal: font size
    "ctrl+equals_sign",
    "ctrl+minus",
    "ctrl+0",
    "ctrl+insert",  # Windows Terminal: copy
    "shift+insert",  # Windows Terminal: paste
}
TAKEN_PREFIXES = ("ctrl+shift+", "alt+shift+", "ctrl+alt+", "super+")  # Windows Terminal, Windows
PANE_KEYS = {"alt+up", "alt+down", "alt+left", "alt+right"}  # Windows Terminal: pane focus


def app_bindings() -> list[tuple[str, str]]:
    """Every key the app binds, as (where, keys): the action registry's, and any `Binding("keys", ...)` in tui/."""
    found = [(f"{actions.SOURCE} {action.name}", ",".join(action.keys)) for action in actions.load().actions.values()]
    for path in sorted((ROOT / "tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Binding"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", node.args[0].value))
    return found


def test_app_keys_avoid_what_windows_terminal_conhost_and_the_ime_take() -> None:
    """No key of the app is one Windows takes first (docs/windows.md lists them and why);
    a Windows Terminal pane key is only ever an alternative to a key that gets through."""
    bindings = app_bindings()
    assert bindings, "no key bindings found in tui/"
    wrong = []
    for where, keys in bindings:
        names = [key.strip() for key in keys.split(",")]
        taken = [key for key in names if key in TAKEN_BY_WINDOWS or key.startswith(TAKEN_PREFIXES)]
        if taken or all(key in PANE_KEYS for key in names):
            wrong.append(f"{where} {keys}")
    assert wrong == []


def test_a_posix_module_counts_unless_its_import_may_fail() -> None:
    """`import termios` at the top stops the program on Windows; inside `try … except ImportError` it does not."""
    bare = ROOT / "build" / "posix_probe_bare.py"
    guarded = ROOT / "build" / "posix_probe_guarded.py"
    bare.parent.mkdir(exist_ok=True)
    bare.write_text("import termios\n", encoding="utf-8")
    guarded.write_text("try:\n    import termios\nexcept ImportError:\n    termios = None\n", encoding="utf-8")
    try:
        assert posix_only_uses(bare) == ["build/posix_probe_bare.py:1 termios"]
        assert posix_only_uses(guarded) == []
    finally:
        bare.unlink()
        guarded.unlink()
