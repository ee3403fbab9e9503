"""`WorkerManager.wait_for_complete([])` waits for every worker instead of for none.

Run: python 03_wait_for_complete_empty.py
"""

import asyncio
import time

import textual
from textual.app import App


class WorkerApp(App[None]):
    def on_mount(self) -> None:
        self.run_worker(asyncio.sleep(0.3), name="unrelated")


async def main() -> bool:
    """True when the bug shows: waiting for an empty list of workers waits for the unrelated one."""
    app = WorkerApp()
    async with app.run_test():
        start = time.monotonic()
        await app.workers.wait_for_complete([])
        waited = time.monotonic() - start
        print(f"wait_for_complete([]) returned after {waited:.2f} s")
        return waited > 0.2


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
