"""Crash-trial child process: open the report file, make the scheduled edits one after another, report each.

Run as `python crash_writer.py FILE REPORT_ID`. Prints `ready` once the file is open and
`saved N` after edit N is committed; the test kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fault_helpers import apply_edit

from store.repository import Store


def main(path: str, report_id: str) -> None:
    store = Store.open(Path(path), create=False)
    print("ready", flush=True)
    i = 0
    while True:
        apply_edit(store, int(report_id), i)
        print(f"saved {i}", flush=True)
        i += 1


if __name__ == "__main__":
    main(*sys.argv[1:])
