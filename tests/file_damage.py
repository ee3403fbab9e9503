"""Damage a report file the way a disk or an interrupted copy can, deeper than `Store.open` looks."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_deep_inside(path: Path) -> int:
    """Zero one table page of `path` that is no table's or index's root page, the last such; returns its number.

    `Store.open` reads every root page (store.repository._looks_damaged), so this damage passes
    it and shows only when that part of a report is read, as SQLite's "malformed" error. The
    file must be closed; a leaf page of a table (type byte 0x0D) is found by reading the bytes.
    """
    conn = sqlite3.connect(path)
    try:
        roots = {row[0] for row in conn.execute("SELECT rootpage FROM sqlite_master WHERE rootpage > 0")}
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0, "a free page could look like a leaf"
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    leaves = [
        number
        for number in range(2, len(data) // page_size + 1)
        if number not in roots and data[(number - 1) * page_size] == 0x0D
    ]
    assert leaves, "the report is too small to have a table page beyond the roots"
    page = leaves[-1]
    data[(page - 1) * page_size : page * page_size] = bytes(page_size)
    path.write_bytes(bytes(data))
    return page
