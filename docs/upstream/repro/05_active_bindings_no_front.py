"""`Screen.active_bindings` on a screen that is not in front raises ScreenStackError once the
screen stack is empty (as the app closes), and otherwise checks a `screen.` action on the
screen in front rather than on the screen asked.

Screen's own binding `ctrl+c -> screen.copy_text` is resolved through `App.screen`.

Run: python 05_active_bindings_no_front.py
"""

import asyncio

import textual
from textual.app import App
from textual.screen import Screen

seen: list[str] = []


class Behind(Screen[None]):
    """An installed screen, shown once and then left (it stays mounted, out of the stack)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        seen.append(f"{self.name}.check_action({action!r})")
        return True

    def on_unmount(self) -> None:
        try:
            _ = self.active_bindings
        except Exception as error:
            seen.append(f"{self.name}.active_bindings as the app closes: {type(error).__name__}: {error}")
        else:
            seen.append(f"{self.name}.active_bindings as the app closes: ok")


class ClosingApp(App[None]):
    def on_mount(self) -> None:
        self.install_screen(Behind(name="behind"), "behind")
        self.push_screen(Behind(name="front"))


async def main() -> bool:
    """True when the bug shows: active_bindings of the screen behind raised, or asked the front screen."""
    app = ClosingApp()
    async with app.run_test() as pilot:
        await app.push_screen("behind")
        await app.pop_screen()
        await pilot.pause()
        behind = app.get_screen("behind")
        seen.clear()
        _ = behind.active_bindings
        print("asked the screen behind for its active bindings:", seen)
        wrong_screen = any(entry.startswith("front.") for entry in seen)
        seen.clear()
    print("then, as the app closed:", seen)
    return wrong_screen or any("ScreenStackError" in entry for entry in seen)


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
