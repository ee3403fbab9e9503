"""Wrapping Chinese text to a width in terminal cells, with the line-breaking rules (禁则) Word and WPS keep.

A wrapped line never begins with closing punctuation or a mark that belongs to what precedes it
(，。）%…) and never ends with opening punctuation (（《“…); a number or a word in Latin letters
(`12.5%`, `1,234.56`, `GDP`) is not cut; spaces at a break are dropped.

When the width falls where a line may not break, the break moves back: the characters before
it go down to the next line with the punctuation (推出, as WPS does by default). The other way,
letting the punctuation hang past the width, is not taken: a full-width mark is two cells, and
the preview has no margin for it to hang in, so it would be cut off at the edge. So no wrapped
line is wider than the width, the one exception a single character wider than the width itself.
Where no break is allowed anywhere in a line (a run of closing marks, a number wider than the
line) it is cut at the width, as plain wrapping would.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.cells import cell_len, get_character_cell_size

#: Marks a line may not begin with: closing punctuation and what attaches to the character before it.
NO_START = frozenset("，。、；：！？）】》」』〉〕］｝”’…—%％,.;:!?)]}")
#: Marks a line may not end with: opening punctuation.
NO_END = frozenset("（【《「『〈〔［｛“‘([{")


def _joined(before: str, after: str) -> bool:
    """Whether a line may not break between these two characters."""
    if after in NO_START or before in NO_END or after == " ":
        return True
    return before.isascii() and after.isascii() and before != " "


def wrap(text: str, width: int) -> list[str]:
    """`text` cut into lines of at most `width` cells (a CJK character takes two), keeping the 禁则."""
    if len(text) <= width and cell_len(text) <= width:  # (a paragraph longer is not counted twice)
        return [text]
    #: The cells text[:index] takes, for each index: a line's end is found by bisection.
    ends = [0, *accumulate(map(get_character_cell_size, text))]
    lines: list[str] = []
    start = 0
    while start < len(text):
        end = max(
            bisect_right(ends, ends[start] + width) - 1, start + 1
        )  # a character wider than the line still takes one
        if end >= len(text):
            lines.append(text[start:])
            break
        if text[end] == " ":
            cut = end
        else:
            cut = next((at for at in range(end, start, -1) if not _joined(text[at - 1], text[at])), end)
        lines.append(text[start:cut].rstrip(" "))
        start = cut
        while start < len(text) and text[start] == " ":
            start += 1
    return lines
