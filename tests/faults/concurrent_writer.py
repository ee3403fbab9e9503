"""Two-copies child process: append numbered items to a list, retrying on conflict as the app would.

Run as `python concurrent_writer.py FILE REPORT_ID NAME COUNT`. Each append is made with the
revision last seen; when the other copy got in first (ConflictError) it reloads and tries
again, so every append lands exactly once. Prints `done` at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

from store.repository import ConflictError, Store


def main(path: str, report_id: str, name: str, count: str) -> None:
    rid = int(report_id)
    with Store.open(Path(path), create=False) as store:
        for i in range(int(count)):
            while True:
                seen = store.load(rid)
                try:
                    store.insert(rid, "problems", len(seen.problems), f"{name}-{i}", expected_revision=seen.revision)
                    break
                except ConflictError:
                    continue
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
