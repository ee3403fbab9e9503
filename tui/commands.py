"""The command palette (ctrl+p): every jixiao action of the screen in front, with its key.

Built from the same bindings as the footer and the F1 help (see tui.keymap), so an action
found here runs exactly as its key would, and the key shown is the one in force after the
user's keymap. Typing filters by description or by key (`检查`, `f7`).
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.keymap import KeyEntry, key_entries


class KeyCommands(Provider):
    """One palette entry per jixiao action of the current screen and of the app."""

    def _entries(self) -> list[KeyEntry]:
        return key_entries(self.screen, self.app)

    def _run(self, entry: KeyEntry) -> partial:
        return partial(self.app.run_action, entry.action, entry.node)

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(entry.description, self._run(entry), help=entry.key_text(self.app))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            keys = entry.key_text(self.app)
            score = max(matcher.match(entry.description), matcher.match(" ".join(entry.keys)))
            if score > 0:
                yield Hit(
                    score, matcher.highlight(entry.description), self._run(entry), text=entry.description, help=keys
                )
