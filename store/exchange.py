"""TOML exchange: reports out of the file as text a person can read and mail, and back in.

`dump` writes reports as TOML (tomli-w, money as strings, times kept); `load` takes such a
text in, all of it or nothing, in one transaction. dump → load → dump gives the same bytes.
A file that is not TOML, not ours, from a newer jixiao, or holding a bad value is refused
with the line (and column) where the trouble is, and nothing is written.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from typing import Any

import tomli_w

from store import codec, tomltext
from store.model import Report
from store.repository import SQLITE_HEADER, Store, StoreError

#: Closings tried after a prefix of the file, so a prefix that stops inside a multi-line array still parses.
_CLOSINGS = ("", "\n]", "\n]\n]", '"""', '"""\n]', "'''", "'''\n]")
_POSITION = re.compile(r"^(?P<detail>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$", re.S)
_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_MISSING = object()


class ExchangeError(StoreError):
    """An exchange text that cannot be loaded; nothing was written. `line` is where, when known."""

    def __init__(self, code: str, *, line: int | None = None, **params: object) -> None:
        self.line = line
        super().__init__(code, line=line, **params)

    def text(self, lang: str = "zh") -> str:
        """The reason in the given language; a nested FormatError speaks the same language."""
        params = {
            key: value.text(lang) if isinstance(value, codec.FormatError) else value
            for key, value in self.params.items()
        }
        return StoreError(self.code, **params).text(lang)


def dump(store: Store, report_ids: Iterable[int] | None = None) -> str:
    """The reports (all of them, in the home list's order, when `report_ids` is None) as TOML text."""
    ids = [summary.id for summary in store.list_reports()] if report_ids is None else list(report_ids)
    reports = [store.load(report_id) for report_id in ids]
    return tomli_w.dumps(codec.reports_to_data(reports), multiline_strings=True)


def read(text: str | bytes) -> list[Report]:
    """Every report of an exchange text, each value checked; ExchangeError (with the line) if any is bad.

    Bytes are decoded as UTF-8; a byte-order mark (Windows Notepad) is allowed.
    """
    if isinstance(text, bytes):
        if text.startswith(SQLITE_HEADER):
            raise ExchangeError("exchange.is_database")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ExchangeError("exchange.not_utf8", line=text.count(b"\n", 0, error.start) + 1) from None
    text = text.removeprefix("\ufeff")
    try:
        data = tomltext.loads(text)
    except tomltext.TooDeep:
        raise ExchangeError("exchange.too_deep") from None
    except ValueError as error:
        raise _syntax_error(error, text) from None
    try:
        reports = codec.reports_from_data(data)
    except codec.FormatError as error:
        line = locate(text, error.where)
        code = "exchange.bad_value" if line is not None else "exchange.bad_value_nowhere"
        raise ExchangeError(code, line=line, where=error.where, reason=error) from None
    seen: set[tuple[str, int]] = set()
    for index, report in enumerate(reports):
        key = (report.unit_name, report.fiscal_year)
        if key in seen:
            line = locate(text, f"reports[{index}]")
            raise ExchangeError("exchange.duplicate", line=line, unit=report.unit_name, year=report.fiscal_year)
        seen.add(key)
    return reports


def write(reports: list[Report], store: Store, *, replace: bool = False) -> list[int]:
    """Add the reports to the file in one transaction; returns their new ids in order.

    A report whose unit and year are already in the file is refused (StoreError
    `report_exists`, nothing written) unless `replace`, which swaps the old one for it.
    Created and updated times travel with the report.
    """
    existing = {(summary.unit_name, summary.fiscal_year): summary.id for summary in store.list_reports()}
    with store.transaction():
        ids = []
        for report in reports:
            old_id = existing.get((report.unit_name, report.fiscal_year))
            if old_id is not None and replace:
                store.delete_report(old_id)
            ids.append(store.add_report(report, keep_times=True))
    return ids


def load(text: str | bytes, store: Store, *, replace: bool = False) -> list[int]:
    """Read an exchange text and add its reports to the file, all or nothing (see `read`, `write`)."""
    return write(read(text), store, replace=replace)


def _syntax_error(error: ValueError, text: str) -> ExchangeError:
    """tomllib's complaint as line, column and detail (the detail is tomllib's own English words)."""
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    detail = getattr(error, "msg", None) or str(error)
    match = _POSITION.match(str(error))
    if match and line is None:
        detail = match["detail"]
        if match["line"]:
            line, column = int(match["line"]), int(match["column"])
    if line is None:
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    return ExchangeError("exchange.bad_toml", line=line, column=column, detail=detail)


def _segments(where: str) -> list[str | int]:
    """`reports[0].basic_lines[2].amount` → ["reports", 0, "basic_lines", 2, "amount"]."""
    return [int(index) if index else key for key, index in _SEGMENT.findall(where)]


def _resolve(data: Any, segments: list[str | int]) -> Any:
    for segment in segments:
        if isinstance(segment, int):
            if not isinstance(data, list) or segment >= len(data):
                return _MISSING
        elif not isinstance(data, dict) or segment not in data:
            return _MISSING
        data = data[segment]
    return data


def locate(text: str, where: str) -> int | None:
    """The line of `text` (1-based) where the value at `where` is written, or its nearest enclosing table.

    TOML readers give no positions for values. One pass over the text (`_tables`) finds every
    table header (`[[reports]]`, `[reports.texts]`, `[[reports.results]]` …) and the place it
    opens, array indices counted; only the innermost table holding `where` is then searched
    (`_locate_in`), so a bad value near the end of a big file costs one pass over the file, not
    a parse of it per line before the value (2,000 results: 89 s before). None when the place
    is not in the text.
    """
    segments = _segments(where)
    tables = _tables(text)
    if tables is None:
        return _locate_in(text, segments)
    # The top-level table runs from the start to the first header; each header's table to the next.
    bounds = [((), 0, 0), *tables, ((), len(text), len(text))]
    best, depth = 0, 0
    for index, (path, _, _) in enumerate(bounds[:-1]):
        if len(path) > depth and list(path) == segments[: len(path)]:
            best, depth = index, len(path)
    path, header, body = bounds[best]
    rest = segments[len(path) :]
    found = _locate_in(text[body : bounds[best + 1][1]], rest) if rest else None
    if found is not None:
        return text.count("\n", 0, body) + found
    # Not among this table's own keys: a list of tables (its first header), or the nearest table that is there.
    first: dict[tuple[str | int, ...], int] = {}
    for place, start, _ in tables:
        first.setdefault(place, start)
    for end in range(len(segments), len(path), -1):
        for place in (tuple(segments[:end]), (*segments[:end], 0)):
            if place in first:
                return text.count("\n", 0, first[place]) + 1
    return text.count("\n", 0, header) + 1 if path else None


#: Where the scan of `_tables` stops outside strings: string openings, comments, brackets, line ends.
_TOKEN = re.compile(r"\"\"\"|'''|[\"'#\[\]{}\n]")
#: The rest of a string after its opening quotes (a multi-line one may end in up to two more quotes).
_STRING_ENDS = {
    '"': re.compile(r'(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"[^'\n]*'"),
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"{3,5}', re.S),
    "'''": re.compile(r"(?:[^']|'(?!''))*'{3,5}", re.S),
}
_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_KEY_PART = re.compile(_KEY)
_INDENT = re.compile(r"[ \t]*")
_HEADER = re.compile(rf"[ \t]*(\[\[?)[ \t]*({_KEY}(?:[ \t]*\.[ \t]*{_KEY})*)[ \t]*\]\]?[ \t]*(?:#[^\n]*)?(?:\n|$)")


def _tables(text: str) -> list[tuple[tuple[str | int, ...], int, int]] | None:
    """Every table header of `text`: the place it opens (as `_segments` gives it), where it starts, where its keys start.

    One pass over a text tomllib has read: strings, comments and arrays are stepped over, and
    a line that begins with `[` outside them is a header. An array of tables counts its
    elements (`[[reports.results]]` is `reports[i].results[j]`, j starting afresh in each
    report). None for a header this scan does not understand (the caller then searches the
    whole text).
    """
    tables: list[tuple[tuple[str | int, ...], int, int]] = []
    last: dict[tuple[str, ...], int] = {}  # an array of tables (by its names) → index of its last element
    depth = pos = 0
    line_start = True
    while pos < len(text):
        if line_start and depth == 0 and text.startswith("[", _INDENT.match(text, pos).end()):
            header = _HEADER.match(text, pos)
            if header is None:
                return None
            names = tuple(_unquote(part) for part in _KEY_PART.findall(header[2]))
            tables.append((_header_path(names, header[1] == "[[", last), pos, header.end()))
            pos = header.end()
            continue
        token = _TOKEN.search(text, pos)
        if token is None:
            break
        pos, line_start = token.end(), token[0] == "\n"
        if token[0] == "#":
            newline = text.find("\n", pos)
            pos = len(text) if newline < 0 else newline
        elif token[0] in _STRING_ENDS:
            end = _STRING_ENDS[token[0]].match(text, pos)
            pos = len(text) if end is None else end.end()
        elif token[0] in "[{":
            depth += 1
        elif token[0] in "]}":
            depth -= 1
    return tables


def _unquote(key: str) -> str:
    """A header's key as tomllib reads it (quotes taken off; escapes inside are rare enough to keep)."""
    return key[1:-1] if key[:1] in ('"', "'") else key


def _header_path(names: tuple[str, ...], array: bool, last: dict[tuple[str, ...], int]) -> tuple[str | int, ...]:
    """The place a header opens: an array of tables on the way is its last element; `[[…]]` adds one."""
    if array:
        for key in [key for key in last if len(key) > len(names) and key[: len(names)] == names]:
            del last[key]
        last[names] = last.get(names, -1) + 1
    path: list[str | int] = []
    for end in range(1, len(names) + 1):
        path.append(names[end - 1])
        if names[:end] in last:
            path.append(last[names[:end]])
    return tuple(path)


def _locate_in(text: str, segments: list[str | int]) -> int | None:
    """The line of `text` (one table's keys, or a whole file) where the value at `segments` is written.

    This reads prefixes of the text ending at lines that name the innermost key (closing any
    array or string left open) and returns the first by which the value is there; for an
    item of a list written over several lines it then walks on from the list's first line.
    None when the place is not in the text.
    """
    data = tomllib.loads(text)
    segments = list(segments)
    while segments and _resolve(data, segments) is _MISSING:
        segments.pop()
    last_key = max((i for i, segment in enumerate(segments) if isinstance(segment, str)), default=None)
    if last_key is None:
        return None
    target = _resolve(data, segments)
    lines = text.splitlines(keepends=True)
    ends = [0]
    for line in lines:
        ends.append(ends[-1] + len(line))
    token = re.compile(rf"(?<![\w-]){re.escape(segments[last_key])}(?![\w-])")
    named = [number for number, line in enumerate(lines) if token.search(line)]
    found = _first_line(text, ends, named, segments, target, every_line=False)
    if found is None and last_key < len(segments) - 1:
        start = _first_line(text, ends, named, segments[: last_key + 1], None, every_line=False)
        if start is not None:
            found = _first_line(text, ends, range(start - 1, len(lines)), segments, target, every_line=True)
    return found


def _first_line(
    text: str, ends: list[int], candidates: Iterable[int], segments: list[str | int], target: Any, *, every_line: bool
) -> int | None:
    """The first candidate line (0-based in, 1-based out) by which `segments` holds `target`.

    When the candidates skip lines, a hit counts only if the line before did not hold it
    yet: otherwise the value was written on a line that is not a candidate, and None says so.
    """
    for number in candidates:
        if _holds(text[: ends[number + 1]], segments, target):
            if not every_line and number > 0 and _holds(text[: ends[number]], segments, target):
                return None
            return number + 1
    return None


def _holds(prefix: str, segments: list[str | int], target: Any) -> bool:
    """Whether this beginning of the file (closing what it leaves open) already holds `target`.

    A table or list (or None: anything) holds once it exists; a plain value once it is
    equal, or, when the prefix stops inside a string, once that string has begun.
    """
    for closing in _CLOSINGS:
        try:
            partial = tomllib.loads(prefix + closing)
        except tomllib.TOMLDecodeError:
            continue
        found = _resolve(partial, segments)
        if found is _MISSING:
            return False
        if target is None or isinstance(target, (dict, list)) or found == target:
            return True
        opened = closing.startswith(('"', "'"))
        return opened and isinstance(found, str) and isinstance(target, str) and target.startswith(found)
    return False
