"""The 自评表's rows in the report file: the chosen indicator system and the scores entered by hand.

Two tables of migration m004_scores: `score_sheets` (one row per report that has picked a
system) and `manual_scores` (report, system, indicator → score TEXT or NULL, reason). Scores
are kept per system, so switching systems and back loses nothing.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from store.model import ManualScore, Report


def load_into(conn: sqlite3.Connection, report: Report) -> None:
    """Fill `report.score_system` and `report.manual_scores` from the file."""
    row = conn.execute("SELECT system FROM score_sheets WHERE report_id = ?", (report.id,)).fetchone()
    report.score_system = row[0] if row else ""
    report.manual_scores = {}
    for system, indicator, score, reason in conn.execute(
        "SELECT system, indicator, score, reason FROM manual_scores WHERE report_id = ? ORDER BY system, indicator",
        (report.id,),
    ):
        entry = ManualScore(None if score is None else Decimal(score), reason)
        report.manual_scores.setdefault(system, {})[indicator] = entry


def insert_all(conn: sqlite3.Connection, report_id: int, report: Report) -> None:
    """Write a whole report's choice and entered scores (a new report, from TOML or the sample)."""
    if report.score_system:
        write_system(conn, report_id, report.score_system)
    for system, entries in report.manual_scores.items():
        for indicator, entry in entries.items():
            write_entry(conn, report_id, system, indicator, "score", entry.score)
            write_entry(conn, report_id, system, indicator, "reason", entry.reason)


def write_system(conn: sqlite3.Connection, report_id: int, system: str) -> None:
    """Record which indicator system the report is scored by."""
    conn.execute(
        "INSERT INTO score_sheets (report_id, system) VALUES (?, ?) "
        "ON CONFLICT (report_id) DO UPDATE SET system = excluded.system",
        (report_id, system),
    )


def write_entry(
    conn: sqlite3.Connection, report_id: int, system: str, indicator: str, column: str, value: Decimal | str | None
) -> None:
    """Set one column ("score" or "reason") of an entered score, making its row when needed."""
    if column not in ("score", "reason"):
        raise KeyError(column)
    stored = f"{value:f}" if isinstance(value, Decimal) else value
    conn.execute(
        f"INSERT INTO manual_scores (report_id, system, indicator, {column}) VALUES (?, ?, ?, ?) "
        f"ON CONFLICT (report_id, system, indicator) DO UPDATE SET {column} = excluded.{column}",
        (report_id, system, indicator, stored),
    )
