"""The command palette (ctrl+p): every jixiao action of the screen in front, with its key and help.

Built from the same actions as the key bar and the F1 help (tui.keymap, tui/actions.toml), so an
action found here runs exactly as its key would, and the key shown is the one in force after the
user's keymap. Actions marked `palette = false` in the registry (moving the cursor, closing a
dialog) are left out. Typing filters by label, by key or by binding id (`检查`, `f7`, `checks`).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.keymap import KeyEntry, key_entries

if TYPE_CHECKING:
    from tui.app import JixiaoApp


class KeyCommands(Provider):
    """One palette entry per jixiao action of the current screen and of the app."""

    def _entries(self) -> list[KeyEntry]:
        return [entry for entry in key_entries(self.screen, self.app) if entry.action.palette]

    def _run(self, entry: KeyEntry) -> partial:
        return partial(self.app.run_action, entry.action.run, entry.node)

    def _line(self, words: str | Content, entry: KeyEntry) -> Content:
        """The entry on one line: what it does, then its key, dimmed."""
        return Content.assemble(words, "  ", (entry.key_text(self.app), "dim"))

    async def discover(self) -> Hits:
        lang = self.app.lang
        for entry in self._entries():
            label = entry.action.label(lang)
            yield DiscoveryHit(self._line(label, entry), self._run(entry), text=label, help=entry.action.help(lang))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        lang = self.app.lang
        for entry in self._entries():
            label = entry.action.label(lang)
            score = max(
                matcher.match(label),
                matcher.match(" ".join(entry.keys)),
                matcher.match(entry.action.name),
            )
            if score > 0:
                display = self._line(matcher.highlight(label), entry)
                yield Hit(score, display, self._run(entry), text=label, help=entry.action.help(lang))


def command_palette(app: JixiaoApp) -> None:
    """Open the palette (once) with its prompt in the UI language."""
    if not CommandPalette.is_open(app):
        app.push_screen(CommandPalette(placeholder=app.t("ui.palette.placeholder"), id="--command-palette"))
