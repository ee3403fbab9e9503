"""sample.db, rebuilt from its readable source: `make sample` runs `python -m store.sample SOURCE TARGET`.

The old file goes first (with any -wal/-shm beside it), the reports are loaded with their
recorded times, and the write-ahead log is folded back in, so what is left is one
self-contained file whose content depends on the source alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from store import exchange
from store.repository import Store


def build(source: Path, target: Path) -> list[int]:
    """Make `target` afresh from the exchange file `source`; returns the ids of its reports."""
    for path in (target, *_companions(target)):
        path.unlink(missing_ok=True)
    with Store.open(target) as store:
        ids = exchange.load(source.read_bytes(), store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return ids


def _companions(target: Path) -> tuple[Path, Path]:
    """The write-ahead log and shared-memory files SQLite keeps beside a file in WAL mode."""
    return target.with_name(f"{target.name}-wal"), target.with_name(f"{target.name}-shm")


def main(argv: list[str]) -> int:
    """`python -m store.sample SOURCE TARGET`; fails loudly if anything is left beside the file."""
    source, target = (Path(arg) for arg in argv)
    build(source, target)
    leftovers = [path for path in _companions(target) if path.exists()]
    if leftovers:
        raise SystemExit(f"left beside {target}: {', '.join(map(str, leftovers))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
