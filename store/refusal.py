"""The one shape of every refusal jixiao shows a person: a catalogue code and its parameters.

Input that cannot be read, a file that cannot be opened, an export that cannot be written
all say why in the user's language from the same catalogue; `str()` gives the Chinese.
"""

from __future__ import annotations

from store.catalogue import message


class Refusal(Exception):
    """Something jixiao will not do; `code` names the reason in store.catalogue."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(message(code, "zh", **params))

    def text(self, lang: str = "zh") -> str:
        """The reason in the given language ("zh" or "en")."""
        return message(self.code, lang, **self.params)
