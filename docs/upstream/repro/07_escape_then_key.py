"""Escape followed within ESCAPE_DELAY by another key is read as one Alt (meta) key: the Escape
is lost and a different key arrives. There is no public way to change how the input is parsed
(each driver builds its parser from the module name `XTermParser`).

The terminal sends Escape as the byte ESC alone and Alt+key as ESC then the key, so the parser
has only timing to go on. This feeds Textual's own parser what a terminal sends when a person
types Escape and then, quickly, another key. (Pilot cannot show this: it posts Key events and
skips the parser.)

Run: python 07_escape_then_key.py
"""

import textual
from textual._xterm_parser import XTermParser

TYPED = {"Escape, Tab": "\x1b\t", "Escape, 5": "\x1b5", "Escape, Enter": "\x1b\r", "Escape, Backspace": "\x1b\x7f"}


def keys_read(data: str) -> list[str]:
    """The keys Textual's parser makes of `data` arriving in one read, then the end of input."""
    parser = XTermParser()
    return [event.key for event in [*parser.feed(data), *parser.feed("")] if hasattr(event, "key")]


def main() -> bool:
    """True when the bug shows: some Escape-then-key is not read as the two keys typed."""
    wrong = False
    for typed, data in TYPED.items():
        read = keys_read(data)
        print(f"typed {typed:<18} read as {read}")
        wrong |= read[:1] != ["escape"]
    return wrong


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", main())
