"""What the readers share while placing one document: the report, what landed, and what did not.

A piece that could not be placed is kept in 未归类 (`Unplaced`). A piece whose number could
belong to more than one field, or that disagrees with what the document said before, is kept
the same way with a note naming the number and the candidate fields: it is *doubtful*, never
stored as a fact.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from store import fields
from store.catalogue import message
from store.model import FIGURE_KEYS, Report

ALL_FIGURES = frozenset(FIGURE_KEYS)


@dataclass(frozen=True)
class Unplaced:
    """A piece of the document the importer could not place: where it sat, what it says, and why (doubtful)."""

    where: str
    text: str
    #: Empty for a piece jixiao has no place for; else why its number was not stored (a doubt).
    note: str = ""

    @property
    def stored(self) -> str:
        """The piece as kept in the report's 未归类 list: its text, then the note when doubtful."""
        return f"{self.text}\n〔{self.note}〕" if self.note else self.text


def figure_name(key: str) -> str:
    """A figure's name as the report's forms show it (实际到位指标)."""
    return fields.label(f"figures.{key}")


def amount_text(value: Decimal | str) -> str:
    return f"{value}万元" if isinstance(value, Decimal) else value


class Placer:
    """Puts what each reader finds into the report and keeps what it cannot place."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.unplaced: list[Unplaced] = []
        self.placed: Counter[str] = Counter()
        self.where = ""
        #: The stated figures the section being read may set (all of them outside any section).
        self.allowed: frozenset[str] = ALL_FIGURES
        #: The outline the document was matched to, whose sentence templates are read first.
        self.outline_id = ""
        #: Tables read once the section's items are known (indicators, after the results they belong to).
        self.deferred: list = []

    def keep(self, text: str, note: str = "") -> None:
        """Keep `text` in 未归类 (with `note` when it is there because of a doubt); the same text once only."""
        text = text.strip()
        if not text:
            return
        for i, piece in enumerate(self.unplaced):
            if piece.text == text and piece.where == self.where:
                if note and note not in piece.note:
                    self.unplaced[i] = Unplaced(piece.where, text, "；".join(filter(None, (piece.note, note))))
                return
        self.unplaced.append(Unplaced(self.where, text, note))

    def doubt(self, text: str, code: str, **params: object) -> None:
        """Keep `text` in 未归类 with the note `code` (a catalogue message) says."""
        self.keep(text, message(code, "zh", **params))

    def text(self, key: str, paras: list[str]) -> None:
        """Add `paras` to the block `key`; with no block ("") they go to 未归类, never dropped."""
        if not key:
            for text in paras:
                self.keep(text)
            return
        paras = [p for p in paras if p.strip()]
        if not paras:
            return
        old = self.report.texts.get(key, "")
        self.report.texts[key] = "\n".join([old, *paras] if old else paras)
        self.placed["texts"] += 0 if old else 1

    def add(self, name: str, items: list) -> None:
        getattr(self.report, name).extend(items)
        self.placed[name] += len(items)

    def figure(self, key: str, value: Decimal) -> bool:
        """Set a stated figure; False (nothing changed) when the document already gave another value."""
        old = self.report.figures.get(key)
        if old is None:
            self.report.figures[key] = value
            self.placed["figures"] += 1
            return True
        return old == value

    def candidates(self, keys: list[str]) -> str:
        """`实际到位指标 或 预算调整数`: the fields a number may belong to, as the forms name them."""
        return " 或 ".join(dict.fromkeys(figure_name(key) for key in keys))
