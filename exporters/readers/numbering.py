"""Automatic numbering: the text Word prints before a numbered paragraph, from a list level's
format and number text, and the counters Word keeps while it lays the document out. Shared by
the .docx reader (word/numbering.xml) and the .doc reader (the LST/LFO tables), so a list reads
the same in either format."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"))
_ROMAN += ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _chinese_thousand(n: int) -> str:
    """一 … 十, 十一, 二十一, 一百, 一百〇一, 一千二百三十四 (Word's chineseCountingThousand)."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for unit, name in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, unit)
        if unit == 10000 and digit:
            out += _chinese_thousand(digit) + name
        elif digit:
            out += ("〇" if zero and out else "") + _CN_DIGITS[digit] + name
            zero = False
        elif out:
            zero = True
    return out


def _chinese_counting(n: int) -> str:
    """一 … 十, 十一, 九十九, then digit by digit (一〇〇): Word's chineseCounting."""
    return _chinese_thousand(n) if n < 100 else "".join(_CN_DIGITS[int(d)] for d in str(n))


def _enclosed(n: int, first: int, count: int, fallback: str) -> str:
    return chr(first + n - 1) if 1 <= n <= count else fallback


def _circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def _letters(n: int, base: str) -> str:
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def _cycle(n: int, signs: str) -> str:
    return signs[(n - 1) % len(signs)] if n > 0 else str(n)


FORMATS = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20, f"({n})"),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20, f"{n}."),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3220, 10, str(n)),
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_thousand,
    "taiwaneseCounting": _chinese_counting,
    "taiwaneseCountingThousand": _chinese_thousand,
    "japaneseCounting": _chinese_thousand,
    "chineseLegalSimplified": lambda n: _chinese_thousand(n).translate(_CN_LEGAL),
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "japaneseDigitalTenThousand": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: _cycle(n, "甲乙丙丁戊己庚辛壬癸"),
    "ideographZodiac": lambda n: _cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "ordinal": lambda n: f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}",
    "none": lambda _: "",
}
_LEVEL_REF = re.compile(r"%([1-9])")


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    style: str | None = None
    suffix: str = "tab"
    ilvl: int = 0


@dataclass
class Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


class Counters:
    """The counters Word keeps while it lays a document out, one set per abstract numbering (a .docx
    w:abstractNum, a .doc LST): two lists of one abstract numbering continue one sequence."""

    def __init__(self) -> None:
        self.counters: dict[object, dict[int, int]] = {}
        self.seen: set[tuple[object, int]] = set()
        self.unknown: set[str] = set()  # format names read as decimal

    def marker(
        self, key: object, num: object, levels: dict[int, Level], starts: dict[int, int], ilvl: int
    ) -> str | None:
        """The text Word shows before a paragraph of list `num` (of abstract numbering `key`) at level
        `ilvl` ("一、", "（二）", "1.2"), "" for a bullet; None when the level is not defined. Counts it:
        a start override (`starts`) restarts the level where the list is first used, w:lvlRestart
        (Level.restart) and w:isLgl (Level.legal) are honoured."""
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(key, {})

        def start(at: int) -> int:
            return starts.get(at, levels[at].start if at in levels else 1)

        if (num, ilvl) not in self.seen and ilvl in starts:
            counters[ilvl] = starts[ilvl]
        else:
            counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start(ilvl)
        self.seen.add((num, ilvl))
        for deeper, lvl in levels.items():
            restarts = lvl.restart is None or (lvl.restart != 0 and ilvl < lvl.restart)
            if deeper > ilvl and deeper in counters and restarts:
                del counters[deeper]
        if level.fmt == "bullet":
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            value = counters.get(at, start(at))
            fmt = "decimal" if level.legal else (levels[at].fmt if at in levels else "decimal")
            if fmt == "bullet":
                return ""
            if fmt not in FORMATS:
                self.unknown.add(fmt)
                fmt = "decimal"
            return FORMATS[fmt](value)

        text = _LEVEL_REF.sub(number, level.text)
        if text and level.suffix != "nothing" and text[-1].isascii():
            text += " "
        return text
