"""There is no public way to read the keymap in force: `App.set_keymap` sets it, but only the
private `App._keymap` holds it. An app that shows its keys (a help screen, a footer-like key
line, a command palette naming each command's key) for a widget not focused, or a screen not
in front, cannot apply the person's keymap to the bindings itself.

Run: python 11_keymap_not_readable.py
"""

import asyncio

import textual
from textual.app import App
from textual.binding import Binding


class KeymapApp(App[None]):
    BINDINGS = [Binding("f1", "help", "Help", id="app.help")]

    def action_help(self) -> None:
        pass


async def main() -> bool:
    """True when the bug shows: the keymap given to set_keymap can be read back only privately."""
    app = KeymapApp()
    async with app.run_test():
        app.set_keymap({"app.help": "f2"})
        public = sorted(name for name in dir(app) if "keymap" in name.lower() and not name.startswith("_"))
        print("public App names with 'keymap':", public)
        print("App._keymap:", app._keymap)
        readable = any(getattr(app, name) == {"app.help": "f2"} for name in public)
    print("the keymap in force is publicly readable:", readable)
    return not readable


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
