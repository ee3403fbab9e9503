"""Random edit scripts for the key-stream tests, and the correct editor they are checked against.

A script is what a fast typist does to one field of the budget screen (F3), from the figures
to the lines of the basic-spending breakdown: put the cursor at one end, edit (characters,
several at once as an input method commits them, full-width ones too; Backspace, Delete,
ctrl+u, ctrl+k, Home/End, arrows), then leave the field (Enter, Tab, shift+Tab, F2 and back
with F3, or ctrl+n in a breakdown line, which adds a blank line after it). `Editor` holds what
a correct editor shows after every key, where the cursor is, and what the file holds.

The Pilot test and the terminal test send a script's keys with no pause between them and then
compare the app (and the file) with the `Editor`. A key is a Textual key name (`backspace`,
`shift+tab`) or, when it is no key name, text typed as it stands.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from store import fields
from store import outline as outlines
from store.model import Report
from store.parse import InputError
from tui.session import value_at
from tui.widgets.field import display

#: The figures in the order Tab walks them (the seed outline's 年度预算收支 part; the counts of the
#: 三公 part come after the breakdowns), then the breakdown whose lines ctrl+n adds.
FIGURES = tuple(path for path in outlines.load().node("budget").fields if path.startswith("figures."))
LIST = "basic_lines"
#: Lines the breakdown may grow to (ctrl+n is not offered beyond).
MAX_LINES = 6

#: Editing keys and how a terminal (tmux) names them.
EDIT_KEYS = {
    "backspace": "BSpace",
    "delete": "DC",
    "ctrl+u": "C-u",
    "ctrl+k": "C-k",
    "home": "Home",
    "end": "End",
    "left": "Left",
    "right": "Right",
}
#: Keys that leave the field, and their tmux names.
LEAVE_KEYS = {"enter": "Enter", "tab": "Tab", "shift+tab": "BTab", "ctrl+n": "C-n", "f2": "F2", "f3": "F3"}
TMUX_NAMES = {**EDIT_KEYS, **LEAVE_KEYS}

FIGURE_CHARACTERS = "0123456789.０１２３４５６７８９．"
LINE_CHARACTERS = "工资福利商品和服务支出对个人家庭的补助其他资本性１２3"


def is_key(key: str) -> bool:
    """Whether `key` names a key (else it is text to type)."""
    return key in TMUX_NAMES


@dataclass
class Editor:
    """What a correct editor holds: each field's text, the cursor, and the values in the file."""

    figures: dict[str, Any]
    lines: list[list[Any]]
    shown: dict[str, str] = field(default_factory=dict)
    focus: int = 0
    text: str = ""
    cursor: int = 0

    @classmethod
    def of(cls, report: Report) -> Editor:
        """The editor as the budget screen first opens on `report` (the cursor in the first figure)."""
        editor = cls(
            figures={path: value_at(report, path) for path in FIGURES},
            lines=[[line.category, line.amount] for line in value_at(report, LIST)],
        )
        editor.shown = {path: display(path, editor.stored(path)) for path in editor.paths()}
        editor.text = editor.shown[FIGURES[0]]
        return editor

    def paths(self) -> list[str]:
        """The fields in the order Tab walks them."""
        rows = [f"{LIST}[{index}].{name}" for index in range(len(self.lines)) for name in ("category", "amount")]
        return [*FIGURES, *rows]

    def stored(self, path: str) -> Any:
        """What the file should hold at `path`."""
        if path in self.figures:
            return self.figures[path]
        index, name = _line_of(path)
        return self.lines[index][0 if name == "category" else 1]

    def _store(self, path: str, value: Any) -> None:
        if path in self.figures:
            self.figures[path] = value
        else:
            index, name = _line_of(path)
            self.lines[index][0 if name == "category" else 1] = value

    @property
    def path(self) -> str:
        """The field holding the cursor."""
        return self.paths()[self.focus]

    def press(self, key: str) -> None:
        """What `key` (an editing key or typed text) does to the field holding the cursor."""
        text, at = self.text, self.cursor
        if not is_key(key):
            self.text, self.cursor = text[:at] + key + text[at:], at + len(key)
        elif key == "backspace" and at:
            self.text, self.cursor = text[: at - 1] + text[at:], at - 1
        elif key == "delete":
            self.text = text[:at] + text[at + 1 :]
        elif key == "ctrl+u":
            self.text, self.cursor = text[at:], 0
        elif key == "ctrl+k":
            self.text = text[:at]
        elif key == "home":
            self.cursor = 0
        elif key == "end":
            self.cursor = len(text)
        elif key == "left":
            self.cursor = max(0, at - 1)
        elif key == "right":
            self.cursor = min(len(text), at + 1)

    def leave(self, key: str) -> None:
        """Leave the field with `key`: it is saved and shown as stored; the cursor moves on."""
        path = self.path
        value = fields.parse(path, self.text) if self.text != self.shown[path] else self.stored(path)
        self._store(path, value)
        self.shown[path] = display(path, value)
        if key in ("enter", "tab"):
            self.focus += 1
        elif key == "shift+tab":
            self.focus -= 1
        elif key == "ctrl+n":
            index = _line_of(path)[0] + 1
            self.lines.insert(index, ["", Decimal("0.00")])
            self.shown = {path: display(path, self.stored(path)) for path in self.paths()}
            self.focus = len(FIGURES) + 2 * index
        self.text = self.shown[self.path]

    def differences(self, report: Report) -> list[str]:
        """Where the file differs from what a correct editor would have saved."""
        found = []
        if len(value_at(report, LIST)) != len(self.lines):
            found.append(f"{LIST}: {len(value_at(report, LIST))} lines, expected {len(self.lines)}")
            return found
        for path in self.paths():
            if value_at(report, path) != self.stored(path):
                found.append(f"{path}: file {value_at(report, path)!r}, expected {self.stored(path)!r}")
        return found


def _line_of(path: str) -> tuple[int, str]:
    """`basic_lines[2].amount` → (2, "amount")."""
    head, name = path.split(".")
    return int(head[head.index("[") + 1 : -1]), name


def _valid(path: str, text: str) -> bool:
    try:
        fields.parse(path, text)
    except InputError:
        return False
    return True


def next_script(rng: random.Random, editor: Editor) -> list[str]:
    """A random edit of the field holding the cursor, ending with a key that leaves it.

    Applies the script to `editor` as it goes, so that afterwards the editor holds what the
    app should. The field is left holding text it accepts (a refused field keeps the cursor).
    """
    path = editor.path
    figure = fields.kind_of(path) != "line"
    characters = FIGURE_CHARACTERS if figure else LINE_CHARACTERS
    keys = [rng.choice(("home", "end"))]
    for _ in range(rng.randint(1, 6)):
        choice = rng.random()
        if choice < 0.4:
            keys.append("".join(rng.choice(characters) for _ in range(rng.randint(1, 4))))
        elif choice < 0.6:
            keys += [rng.choice(("backspace", "delete", "left", "right"))] * rng.randint(1, 8)
        else:
            keys.append(rng.choice(("ctrl+u", "ctrl+k", "home", "end")))
    for key in keys:
        editor.press(key)
    if not _valid(path, editor.text):
        amount = f"{rng.randint(0, 9999)}.{rng.randint(0, 99):02d}"
        fix = ["end", "ctrl+u", amount.translate(_FULL_WIDTH) if rng.random() < 0.5 else amount]
        for key in fix:
            editor.press(key)
        keys += fix
    leave = _leave_key(rng, editor)
    editor.leave(leave)
    return [*keys, *(["f2", "f3"] if leave == "f2" else [leave])]


_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _leave_key(rng: random.Random, editor: Editor) -> str:
    """A key that leaves the field and keeps the cursor among the fields the editor knows."""
    last = editor.focus == len(editor.paths()) - 1
    choices = ["f2"]
    if not last:
        choices += ["enter", "tab", "tab"]
    if editor.focus > 0:
        choices += ["shift+tab", "shift+tab"]
    if editor.path.startswith(LIST) and len(editor.lines) < MAX_LINES:
        choices.append("ctrl+n")
    return rng.choice(choices)
