"""What the fault tests share: a report file holding the seed report, and ways to look at a file."""

from __future__ import annotations

import hashlib
import sqlite3
import tomllib
from copy import deepcopy
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from store import fields
from store.codec import reports_from_data
from store.model import Report
from store.repository import Store
from tui import cli

REPO = Path(__file__).resolve().parents[2]
SAMPLE_TOML = REPO / "samples" / "yuehu-2019.toml"


def seed_report() -> Report:
    """The 月湖街道 2019 report, read from the exchange file in the repo."""
    with SAMPLE_TOML.open("rb") as handle:
        return reports_from_data(tomllib.load(handle))[0]


def make_report_file(path: Path) -> int:
    """A report file at `path` holding the seed report; returns the report's id."""
    with Store.open(path) as store:
        return store.add_report(seed_report())


def digest(path: Path) -> str:
    """SHA-256 of the file's bytes, to prove a file was left untouched."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    """SQLite's own verdict on the file (`ok` when sound), read with a plain connection."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


# --- the crash trials' edit schedule -----------------------------------------------
# Edit i is fixed by i alone, so the test can work out what the file must hold after the
# first n edits without asking the (killed) process.

_PADDING = "绩效评价须以事实为据，数字前后一致。" * 40


def scheduled_edit(i: int) -> tuple[str, str, object]:
    """Edit number i of a trial: ("set", field path, value) or ("append", list path, value)."""
    kind = i % 4
    if kind == 0:
        return "set", "texts.preamble", f"第{i}次修改的导语。{_PADDING}"
    if kind == 1:
        return "set", "figures.spent", Decimal(5000 + i) + Decimal(i % 100) / 100
    if kind == 2:
        return "append", "problems", f"问题 {i}：资金拨付进度偏慢 😀"
    return "set", "duties[1]", f"职责 {i}"


def apply_edit(store: Store, report_id: int, i: int) -> None:
    """Make edit i through the Store API (committed when this returns)."""
    op, path, value = scheduled_edit(i)
    if op == "set":
        store.set(report_id, path, value)
    else:
        store.insert(report_id, path, len(getattr(store.load(report_id), path)), value)


def state_after(start: Report, n: int) -> dict[str, object]:
    """The edited parts of the report once the first n scheduled edits are saved."""
    state = observed(start)
    problems = list(start.problems)
    for i in range(n):
        op, path, value = scheduled_edit(i)
        if op == "append":
            problems.append(str(value))
        else:
            state[path] = value
    state["problems"] = problems
    return state


def observed(report: Report) -> dict[str, object]:
    """The parts of a loaded report that the schedule edits."""
    return {
        "texts.preamble": report.texts["preamble"],
        "figures.spent": report.figures["spent"],
        "problems": list(report.problems),
        "duties[1]": report.duties[1],
    }


def replace_at(report: Report, path: str, value: object) -> Report:
    """A copy of `report` with the field at `path` (`figures.spent`, `duties[0]`, …) set to `value`."""
    copy = deepcopy(report)
    node: Any = copy
    steps = fields.split(path)
    for name, index in steps[:-1]:
        node = node[name] if isinstance(node, dict) else getattr(node, name)
        if index is not None:
            node = node[index]
    name, index = steps[-1]
    if isinstance(node, dict):
        node[name] = value
    elif index is None:
        setattr(node, name, value)
    else:
        getattr(node, name)[index] = value
    return copy


def same_apart_from_stamps(a: Report, b: Report) -> bool:
    """Whether two loads of a report hold the same content (revision and updated_at aside)."""
    return replace(a, revision=0, updated_at="") == replace(b, revision=0, updated_at="")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """`jixiao ARGS` in this process, in English: exit status, what it printed, what it complained."""
    status = cli.main(["--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_refusal(status: int, err: str, *words: str) -> None:
    """Exit 2, one line on stderr that starts "error: ", no traceback, and each of `words` in it."""
    assert status == cli.EXIT_UNUSABLE, err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("error: "), err
    for word in words:
        assert word in err, err
