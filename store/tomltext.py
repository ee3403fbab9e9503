"""Reading TOML that someone else wrote, so that no file can do more than be refused.

`tomllib.loads` can fail in ways beyond `TOMLDecodeError`: a file nested a few hundred
tables or lists deep exhausts Python's stack (RecursionError), and an integer of more than
4300 digits raises a plain ValueError without a line. `loads` here turns each into a
ValueError of its own kind, so every reader of a user's TOML (the exchange file, the
settings file, indicator files) catches one exception type and can say what happened.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

#: An integer longer than Python converts from text by default (sys.get_int_max_str_digits()).
_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4299,}")


class TooDeep(ValueError):
    """Tables or lists nested deeper than Python's stack allows to read."""


class NumberTooLong(ValueError):
    """An integer of thousands of digits; `lineno`, `colno` and `msg` as a TOMLDecodeError has them."""

    def __init__(self, lineno: int, colno: int) -> None:
        self.lineno, self.colno, self.msg = lineno, colno, "integer too long"
        super().__init__(f"{self.msg} (at line {lineno}, column {colno})")


def loads(text: str) -> dict[str, Any]:
    """`text` parsed as TOML; every failure is a ValueError (TOMLDecodeError, TooDeep or NumberTooLong)."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise TooDeep("nested too deep") from None
    except tomllib.TOMLDecodeError:
        raise
    except ValueError:
        match = _LONG_NUMBER.search(text)
        if match is None:
            raise
        start = text.rfind("\n", 0, match.start()) + 1
        raise NumberTooLong(text.count("\n", 0, match.start()) + 1, match.start() - start + 1) from None
