"""The in-process figures, each run in a fresh interpreter so one cannot warm or bloat another.

Every command prints one JSON object with the samples (seconds) of each contender:

    python -m bench.probe save DB ROUNDS        one field saved: Store.set vs a bare UPDATE + commit
    python -m bench.probe export DB ROUNDS OUT  DOCX export vs plain python-docx vs Markdown export
    python -m bench.probe export-all DB BLOCKS OUT   every report loaded and exported, in turns (see below)
    python -m bench.probe accounts DIR ROUNDS    a 20-sheet 决算 workbook read: read_accounts vs calamine alone

Imports (the exporters' only inside the commands that use them) happen before any clock starts; each command warms every contender once, untimed.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from bench.measure import alternate
from store.repository import BUSY_TIMEOUT_MS, Store

SAVE_BATCH = 40
EXPORT_BATCH = 3
SAVED_FIELD = ("figures.project_spent", "figures", "project_spent")


def timed(action: Callable[[], Any], repeat: int) -> Callable[[], float]:
    """A contender: the mean time of `repeat` calls of `action`."""

    def run() -> float:
        start = time.perf_counter()
        for _ in range(repeat):
            action()
        return (time.perf_counter() - start) / repeat

    return run


def bare_connection(path: Path) -> sqlite3.Connection:
    """sqlite3 on the same file with the pragmas Store.open sets (foreign keys, busy timeout, FULL sync, WAL)."""
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA journal_mode = wal")
    return conn


def save(path: Path, rounds: int) -> dict[str, list[float]]:
    """One field change saved: Store.set (with the revision check the app makes) vs UPDATE + commit."""
    store = Store.open(path)
    report_id = store.list_reports()[0].id
    field, table, key = SAVED_FIELD
    revision = store.revision(report_id)
    amounts = [Decimal(f"{3400 + step}.{step:02d}") for step in range(100)]
    counter = iter(range(10**9))

    def jixiao() -> None:
        nonlocal revision
        revision = store.set(report_id, field, amounts[next(counter) % 100], expected_revision=revision)

    conn = bare_connection(path)

    def bare() -> None:
        conn.execute(
            f"UPDATE {table} SET amount = ? WHERE report_id = ? AND key = ?",
            (f"{amounts[next(counter) % 100]:f}", report_id, key),
        )
        conn.commit()

    contenders = {"jixiao": timed(jixiao, SAVE_BATCH), "baseline": timed(bare, SAVE_BATCH)}
    for run in contenders.values():
        run()
    return alternate(contenders, rounds)


def document_content(path: Path) -> list[str | list[list[str]]]:
    """What a DOCX says, in order: each paragraph's text, each table's rows of cell texts."""
    document = Document(str(path))
    content: list[str | list[list[str]]] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            content.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            content.append([[cell.text for cell in row.cells] for row in Table(element, document).rows])
    return content


def write_plain(content: list[str | list[list[str]]], path: Path) -> None:
    """python-docx with no logic: the default template, the paragraphs and tables as they come."""
    document = Document()
    for item in content:
        if isinstance(item, str):
            document.add_paragraph(item)
            continue
        table = document.add_table(rows=len(item), cols=max(len(row) for row in item))
        for row, texts in zip(table.rows, item, strict=True):
            for cell, text in zip(row.cells, texts, strict=False):
                cell.text = text
    document.save(str(path))


def export(path: Path, rounds: int, out: Path) -> dict[str, list[float]]:
    """The first report exported in process: jixiao's DOCX, plain python-docx, jixiao's Markdown."""
    from exporters import export_report

    with Store.open(path) as store:
        report = store.load(store.list_reports()[0].id)
    out.mkdir(parents=True, exist_ok=True)
    export_report(report, "docx", out / "jixiao.docx")
    content = document_content(out / "jixiao.docx")
    contenders = {
        "docx": timed(lambda: export_report(report, "docx", out / "jixiao.docx"), EXPORT_BATCH),
        "plain": timed(lambda: write_plain(content, out / "plain.docx"), EXPORT_BATCH),
        "markdown": timed(lambda: export_report(report, "md", out / "jixiao.md"), EXPORT_BATCH),
    }
    for run in contenders.values():
        run()
    return alternate(contenders, rounds)


def export_all(path: Path, out: Path, blocks: int) -> None:
    """Every report in the file loaded and written as DOCX, in one process, in `blocks` turns.

    Before each turn a line is read from stdin (so the caller can run other contenders in
    between, with the machine to itself); after it, the mean time per report of that turn is
    printed as one JSON line. Nothing is warmed up: the first report pays what a lone export pays.
    """
    from exporters import export_report

    out.mkdir(parents=True, exist_ok=True)
    with Store.open(path) as store:
        ids = [summary.id for summary in store.list_reports()]
        size = -(-len(ids) // blocks)
        for first in range(0, len(ids), size):
            sys.stdin.readline()
            turn = ids[first : first + size]
            start = time.perf_counter()
            for report_id in turn:
                export_report(store.load(report_id), "docx", out / f"{report_id}.docx")
            elapsed = time.perf_counter() - start
            print(json.dumps({"per_report": elapsed / len(turn), "reports": len(turn)}), flush=True)


ACCOUNTS_BATCH = 5
ACCOUNTS_FILLER = 14  # + the builder's 6 tables = 20 sheets


def accounts(folder: Path, rounds: int) -> dict[str, list[float]]:
    """A 20-sheet 部门决算 workbook (the tests' builder: the seed's tables and 15 other sheets of figures)
    read by jixiao (tables found, headers read, figures and sums) vs python-calamine opening it and
    reading every sheet's rows."""
    from python_calamine import CalamineWorkbook

    from exporters.readers.workbook import read_accounts
    from tests.exporters.accounts_books import build

    folder.mkdir(parents=True, exist_ok=True)
    path = build(folder / "accounts.xlsx", filler=ACCOUNTS_FILLER)

    def jixiao() -> None:
        read_accounts(path)

    def bare() -> None:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()

    contenders = {"jixiao": timed(jixiao, ACCOUNTS_BATCH), "baseline": timed(bare, ACCOUNTS_BATCH)}
    alternate(contenders, 1)
    return alternate(contenders, rounds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    accounts_command = commands.add_parser("accounts")
    accounts_command.add_argument("folder", type=Path)
    accounts_command.add_argument("rounds", type=int)
    for name in ("save", "export", "export-all"):
        command = commands.add_parser(name)
        command.add_argument("db", type=Path)
        command.add_argument("rounds" if name != "export-all" else "blocks", type=int)
        if name != "save":
            command.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "accounts":
        print(json.dumps(accounts(args.folder, args.rounds)))
        return 0
    if args.command == "export-all":
        export_all(args.db, args.out, args.blocks)
        return 0
    result = save(args.db, args.rounds) if args.command == "save" else export(args.db, args.rounds, args.out)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
