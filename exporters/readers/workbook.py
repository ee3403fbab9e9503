"""The 部门决算 workbook: the figures a report takes from the final accounts (issue 22).

A workbook is read whatever it really is — .xls/.xlsx/.ods by python-calamine, an Excel 2003
SpreadsheetML file or an HTML table saved as .xls by the stdlib — told apart by its first
bytes. Tables are found by the code prefix of their sheet name or by their title
(store/accounts.toml), never by position; header rows by their words; amounts are kept exact
(Decimal from the cell's own digits) and brought to 万元, refusing a figure that is not a whole
number of 0.01 万元 rather than rounding it. The workbook's own sums are checked (±0.01).
"""

from __future__ import annotations

import io
import re
import tomllib
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from exporters.readers.pieces import ReadError

Cell = str | Decimal | None

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet"
TOLERANCE = Decimal("0.01")
CENT = Decimal("0.01")
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
_NUMBER = re.compile(r"^-?[\d,]*\.?\d+$")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|\(\d+\)|\d+[.、])")
_HEADER_WORDS = ("项目", "科目名称", "科目编码", "决算数", "预算数", "金额", "合计", "行次")


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[Cell]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row0, col0, row1, col1)
    origin: list[tuple[str, int]] | None = None  # row → (sheet, row) where a table joined from its 续表


@dataclass(frozen=True)
class Figure:
    """One value the workbook gives a report field: `path` in 万元, where it came from, on which basis."""

    path: str
    value: Decimal
    source: str
    basis: str


@dataclass(frozen=True)
class Finding:
    """Something to tell the officer about the workbook: a catalogue code and its parameters."""

    code: str
    params: dict[str, object]


@dataclass
class Accounts:
    """What a workbook holds for a report."""

    unit_name: str = ""
    fiscal_year: int | None = None
    figures: list[Figure] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    tables: dict[str, str] = field(default_factory=dict)  # table id → sheet name
    empty: list[tuple[str, str, str]] = field(default_factory=list)  # (table name, sheet, its 说明) empty this year

    def figure(self, path: str) -> Figure | None:
        return next((f for f in self.figures if f.path == path), None)


@cache
def config() -> dict:
    """store/accounts.toml, read once."""
    here = Path(__file__).resolve().parents[2] / "store" / "accounts.toml"
    with here.open("rb") as handle:
        return tomllib.load(handle)


def norm(text: str) -> str:
    """NFKC, no spaces, （）→(), the radical forms ⻔ ⻋ as 门 车, quotes dropped."""
    text = unicodedata.normalize("NFKC", text).replace("⻔", "门").replace("⻋", "车")
    return re.sub(r"[\s\"'“”‘’]", "", text)


def label(text: str) -> str:
    """A row label without its ordinal (一、 (一) 1.) and its 其中: prefix."""
    text = norm(text)
    text = _ORDINAL.sub("", text)
    return text.removeprefix("其中:").removeprefix("其中")


# --- reading the file ---------------------------------------------------------------


def is_workbook(data: bytes, suffix: str = "") -> bool:
    """Whether the bytes look like a workbook jixiao reads (and not a Word or text document). A
    password-protected file (an encrypted package, whatever it holds) counts as one when named .xls*/.et."""
    if data.startswith(OLE_MAGIC):
        from exporters.readers.doc import ole_kind

        try:
            kind = ole_kind(data)
            return kind == "excel" or (kind == "encrypted" and suffix.lower() in (".xls", ".xlsx", ".xlsm", ".et"))
        except ReadError:
            return False
    if data.startswith(ZIP_MAGIC):
        return b"xl/" in data[:4096] or b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in data[:200]
    head = _head_text(data)
    if head.startswith("<?xml") or head.startswith("<?mso"):
        return SPREADSHEET_NS in head
    return bool(re.match(r"<(!doctype html|html|table|meta|head)", head, re.I)) and "<table" in _text(data).lower()


def _head_text(data: bytes) -> str:
    return _text(data[:2048]).lstrip("\ufeff \r\n\t")


def _text(data: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of the workbook at `path`; ReadError when it is not one or cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("no_such_file", path=path) from None
    except OSError:
        raise ReadError("cannot_read", path=path) from None
    if data.startswith(OLE_MAGIC):
        from exporters.readers.doc import ole_kind

        if ole_kind(data) == "encrypted":
            raise ReadError("accounts.password")
        return _calamine(data)
    if data.startswith(ZIP_MAGIC):
        return _calamine(data)
    head = _head_text(data)
    if SPREADSHEET_NS in head or (head.startswith("<?xml") and SPREADSHEET_NS in _text(data)):
        return _spreadsheetml(_text(data))
    if "<table" in _text(data).lower():
        return _html(_text(data))
    raise ReadError("accounts.not_workbook_file")


def _calamine(data: bytes) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own kinds for a damaged or encrypted file
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise ReadError("accounts.password") from None
        raise ReadError("accounts.damaged", reason=str(error)) from None
    sheets = []
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        rows = [[_value(cell) for cell in row] for row in sheet.to_python(skip_empty_area=False)]
        merged = []
        for start, end in sheet.merged_cell_ranges or []:
            merged.append((start[0], start[1], end[0], end[1]))
        sheets.append(Sheet(name, rows, merged))
    return sheets


def _value(cell: object) -> Cell:
    """A cell as text or an exact Decimal: a float is taken by its shortest repr, never by its binary value."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, int | float):
        return Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
    text = str(cell).strip()
    return text or None


def _spreadsheetml(text: str) -> list[Sheet]:
    """Excel 2003 XML: Worksheet/Table/Row/Cell/Data, with ss:Index skipping and ss:MergeAcross spans."""
    ns = {"ss": SPREADSHEET_NS}
    try:
        root = ET.fromstring(text.encode("utf-8") if text.startswith("<?xml") else text)
    except ET.ParseError as error:
        raise ReadError("accounts.damaged", reason=str(error)) from None
    sheets = []
    for ws in root.findall("ss:Worksheet", ns):
        rows: list[list[Cell]] = []
        merged = []
        for r, row in enumerate(ws.findall("ss:Table/ss:Row", ns)):
            out: list[Cell] = []
            for cell in row.findall("ss:Cell", ns):
                index = cell.get(f"{{{SPREADSHEET_NS}}}Index")
                if index:
                    out.extend([None] * (int(index) - 1 - len(out)))
                data = cell.find("ss:Data", ns)
                kind = data.get(f"{{{SPREADSHEET_NS}}}Type") if data is not None else None
                content = "".join(data.itertext()).strip() if data is not None else ""
                if kind == "Number" and content:
                    out.append(Decimal(content))
                else:
                    out.append(content or None)
                across = int(cell.get(f"{{{SPREADSHEET_NS}}}MergeAcross", "0"))
                down = int(cell.get(f"{{{SPREADSHEET_NS}}}MergeDown", "0"))
                if across or down:
                    merged.append((r, len(out) - 1, r + down, len(out) - 1 + across))
                out.extend([None] * across)
            rows.append(out)
        sheets.append(Sheet(ws.get(f"{{{SPREADSHEET_NS}}}Name", ""), rows, merged))
    return sheets


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list[Cell]], list[tuple[int, int, int, int]]]] = []
        self.before: list[str] = []  # text before each table (its title)
        self._text: list[str] = []
        self._rows: list[list[Cell]] | None = None
        self._merged: list[tuple[int, int, int, int]] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._taken: set[tuple[int, int]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.before.append("".join(self._text).strip())
            self._text = []
            self._rows, self._merged, self._taken = [], [], set()
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            values = dict(attrs)
            self._span = (int(values.get("rowspan") or 1), int(values.get("colspan") or 1))
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._rows is not None and self._cell is not None:
            r = len(self._rows) - 1
            row = self._rows[r]
            while (r, len(row)) in self._taken:
                row.append(None)
            c = len(row)
            text = "".join(self._cell).strip()
            row.append(_number_or_text(text))
            down, across = self._span
            row.extend([None] * (across - 1))
            for dr in range(down):
                for dc in range(across):
                    self._taken.add((r + dr, c + dc))
            if down > 1 or across > 1:
                self._merged.append((r, c, r + down - 1, c + across - 1))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables.append((self._rows, self._merged))
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._rows is None:
            self._text.append(data)


def _number_or_text(text: str) -> Cell:
    if not text:
        return None
    if _NUMBER.match(text.replace(",", "")) and not _CODE.match(text):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return text
    return text


def _html(text: str) -> list[Sheet]:
    parser = _Tables()
    parser.feed(text)
    sheets = []
    for n, ((rows, merged), before) in enumerate(zip(parser.tables, parser.before, strict=True), start=1):
        title = before.splitlines()[-1].strip() if before.strip() else ""
        name = title or f"表{n}"
        sheets.append(
            Sheet(
                name[:31],
                [[title], *rows] if title else rows,
                [(a + bool(title), b, c + bool(title), d) for a, b, c, d in merged],
            )
        )
    return sheets


# --- finding the tables -------------------------------------------------------------


def _title_cells(sheet: Sheet) -> list[str]:
    """The sheet's name and the words of its first rows, each on its own: a title is one of them."""
    return [norm(sheet.name), *(norm(cell) for row in sheet.rows[:4] for cell in row if isinstance(cell, str))]


def find_tables(sheets: list[Sheet]) -> dict[str, Sheet]:
    """Each known table (by its id in store/accounts.toml) and the sheet that holds it.

    A title is matched within one cell (or the sheet's name), so that the `not` words of a title
    are not found in the header beside it (财政拨款收入支出决算总表's column 一般公共预算财政拨款)."""
    found: dict[str, Sheet] = {}
    for table_id, spec in config()["tables"].items():
        for sheet in sheets:
            if sheet in found.values():
                continue
            name = norm(sheet.name)
            code = name.split("(")[0]
            by_code = any(re.match(rf"^{re.escape(c)}(?![_\d-])", code) for c in spec["codes"])
            cells = [name] if by_code else _title_cells(sheet)
            by_title = any(
                any(norm(t) in cell for t in spec["titles"]) and not any(w in cell for w in spec["not"])
                for cell in cells
            )
            if by_code or by_title:
                found[table_id] = sheet
                break
    return found


# --- the grid of one table ----------------------------------------------------------


def col_letter(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def cell_ref(sheet: Sheet, row: int, col: int) -> str:
    name, row = sheet.origin[row] if sheet.origin and row < len(sheet.origin) else (sheet.name, row)
    return f"{name}!{col_letter(col)}{row + 1}"


@dataclass
class Grid:
    """A table: its header columns' words and its data rows, with the sheet's unit."""

    sheet: Sheet
    header: dict[int, str]  # column → its header words joined by "/"
    first: int  # first data row
    scale: Decimal  # 1 for 万元, 10000 for 元

    def rows(self) -> range:
        return range(self.first, len(self.sheet.rows))

    def at(self, row: int, col: int) -> Cell:
        cells = self.sheet.rows[row]
        return cells[col] if col < len(cells) else None

    def columns(self, *words: str) -> list[int]:
        return [c for c, text in sorted(self.header.items()) if all(norm(w) in text for w in words)]


def _is_data_row(row: list[Cell]) -> bool:
    texts = [c for c in row if c is not None]
    if not texts:
        return False
    if isinstance(texts[0], str) and norm(texts[0]) in ("栏次", "行次"):
        return False
    return any(isinstance(c, Decimal) for c in row) or any(isinstance(c, str) and _CODE.match(c) for c in row[:3])


def _is_header_row(row: list[Cell]) -> bool:
    return any(isinstance(c, str) and norm(c) in _HEADER_WORDS for c in row)


def _header_span(rows: list[list[Cell]], since: int = 0, within: int = 20) -> tuple[int, int] | None:
    """The header rows (start, first data row) at or after `since`, the header within `within` rows."""
    start = next((r for r in range(since, min(len(rows), since + within)) if _is_header_row(rows[r])), None)
    if start is None:
        return None
    first = start + 1
    while first < len(rows) and not _is_data_row(rows[first]):
        first += 1
    return start, first


def _header_words(rows: list[list[Cell]], start: int, first: int) -> list[list[str]]:
    return [[norm(c) for c in rows[r] if isinstance(c, str) and norm(c)] for r in range(start, first)]


def grid(sheet: Sheet) -> Grid:
    """The table on a sheet: header rows found by their words, the unit from its note."""
    rows = sheet.rows
    span = _header_span(rows)
    if span is None:
        raise ReadError("accounts.no_header", sheet=sheet.name)
    start, first = span
    width = max((len(row) for row in rows), default=0)
    header: dict[int, str] = {}
    for r in range(start, first):
        row = rows[r]
        carried = ""
        for c in range(width):
            cell = row[c] if c < len(row) else None
            if isinstance(cell, Decimal):
                continue
            text = norm(cell) if isinstance(cell, str) else ""
            covered = any(a <= r <= b and d0 < c <= d1 and d0 >= 0 for a, d0, b, d1 in _spans(sheet))
            if text:
                carried = text
            elif covered or (r < first - 1 and carried):
                text = carried
            if text:
                header[c] = f"{header[c]}/{text}" if c in header else text
    g = Grid(sheet, header, first, _scale(sheet, start))
    _check_merged(g, start)
    return g


def _check_merged(g: Grid, start: int) -> None:
    """A header cell merged over columns is read across them (预算数 over its items); refused only when
    two of those columns that hold numbers end up with the same words, so that they cannot be told apart."""
    for a, c0, _, c1 in g.sheet.merged:
        if not start <= a < g.first or c1 <= c0:
            continue
        seen: dict[str, int] = {}
        for c in range(c0, c1 + 1):
            text = g.header.get(c)
            if text is None or not any(isinstance(g.at(r, c), Decimal) for r in g.rows()):
                continue
            if text in seen:
                raise ReadError("accounts.merged_header", table="", sheet=g.sheet.name, cell=cell_ref(g.sheet, a, c0))
            seen[text] = c


def _spans(sheet: Sheet) -> list[tuple[int, int, int, int]]:
    return [(a, b, c, d) for a, b, c, d in sheet.merged]


def _scale(sheet: Sheet, before: int) -> Decimal:
    for row in sheet.rows[: before + 1]:
        for cell in row:
            if isinstance(cell, str) and "单位" in cell:
                text = norm(cell)
                match = re.search(r"(?:金额)?单位:?(万元|元)", text)
                if match:
                    return Decimal(1) if match[1] == "万元" else Decimal(10000)
    raise ReadError("accounts.no_unit", sheet=sheet.name)


def _header_info(sheets: list[Sheet]) -> tuple[str, int | None]:
    unit, year = "", None
    for sheet in sheets:
        for row in sheet.rows[:6]:
            for cell in row:
                if not isinstance(cell, str):
                    continue
                text = norm(cell)
                match = re.search(
                    r"(?:编制单位|单位名称|部门名称|部门|单位):?([^:]+?)(?:$|\d{4}年|金额单位|单位:)", text
                )
                if match and match[1] not in ("元", "万元") and not unit:
                    unit = match[1]
                found = re.search(r"(20\d\d)年度|年度:?(20\d\d)", text)
                if found and year is None:
                    year = int(found[1] or found[2])
    return unit, year


# --- amounts ------------------------------------------------------------------------


class _Reading:
    def __init__(self) -> None:
        self.accounts = Accounts()

    def amount(self, g: Grid, row: int, col: int) -> Decimal | None:
        """The cell in 万元, exact; None (with a finding) when it is not a whole number of 0.01 万元."""
        cell = g.at(row, col)
        if isinstance(cell, str):
            cell = _number_or_text(cell.replace(",", ""))
        if cell is None or cell == "-":
            return Decimal("0.00") if cell is None else None
        if not isinstance(cell, Decimal):
            return None
        value = cell.quantize(CENT) if g.scale != 1 else cell
        wan = value / g.scale
        if wan != wan.quantize(CENT):
            self.finding("accounts.inexact", cell=cell_ref(g.sheet, row, col), value=str(cell))
            return None
        return wan.quantize(CENT)

    def finding(self, code: str, **params: object) -> None:
        self.accounts.findings.append(Finding(code, params))

    def add(self, path: str, value: Decimal | None, source: str, basis: str) -> None:
        if value is None or self.accounts.figure(path) is not None:
            return
        self.accounts.figures.append(Figure(path, value, source, basis))


def _missing(g: Grid, column: str, words: tuple[str, ...] | list[str]) -> ReadError:
    """A table without a column it needs: which column, the header words looked for, the header found."""
    return ReadError(
        "accounts.missing_column",
        table="",  # named by read_accounts
        sheet=g.sheet.name,
        column=column,
        words="、".join(f"“{w}”" for w in words),
        found="、".join(dict.fromkeys(g.header.values())) or "—",
    )


def _label_cells(g: Grid) -> list[int]:
    """The columns that hold row labels (项目 / 科目名称): one per pane."""
    cols = [
        c
        for c, text in sorted(g.header.items())
        if text.split("/")[-1] in ("项目", "科目名称") or text.endswith("/项目")
    ]
    return cols or [min(g.header, default=0)]


def _panes(g: Grid) -> list[tuple[int, int]]:
    cols = _label_cells(g)
    edges = [*cols, max(g.header, default=0) + 1]
    return [(edges[i], edges[i + 1]) for i in range(len(cols))]


def _value_col(g: Grid, lo: int, hi: int, words: tuple[str, ...] = ("决算数", "金额", "合计")) -> int | None:
    for word in words:
        for c in range(lo + 1, hi):
            text = g.header.get(c, "")
            if word in text.split("/")[-1] or (word in text and "预算数" not in text.split("/")[-1]):
                return c
    numbers = [c for c in range(lo + 1, hi) if "行次" not in g.header.get(c, "") and "编码" not in g.header.get(c, "")]
    return numbers[-1] if numbers else None


def _pane_rows(g: Grid) -> dict[str, list[tuple[int, int, int, int | None]]]:
    """Label → [(row, label col, value col, budget col)] over every pane."""
    out: dict[str, list[tuple[int, int, int, int | None]]] = {}
    for lo, hi in _panes(g):
        value = _value_col(g, lo, hi)
        budget = next((c for c in range(lo + 1, hi) if "年初预算" in g.header.get(c, "")), None)
        if value is None:
            raise _missing(g, "决算数", ("决算数", "金额", "合计"))
        for r in g.rows():
            cell = g.at(r, lo)
            if isinstance(cell, str):
                out.setdefault(label(cell), []).append((r, lo, value, budget))
    return out


# --- the tables ---------------------------------------------------------------------


def read_accounts(path: Path) -> Accounts:
    """The figures of a 决算 workbook and what its own sums say; ReadError when it is none."""
    sheets = join_continuations(read_sheets(path))
    tables = find_tables(sheets)
    useful = {"total", "spending", "basic_all", "basic_fiscal", "sangong", "fiscal_total", "project_all"}
    if not useful & tables.keys():
        looked = "、".join(spec["name"] for spec in config()["tables"].values())
        found = "、".join(sheet.name for sheet in sheets) or "—"
        raise ReadError("accounts.not_accounts", looked=looked, found=found)
    reading = _Reading()
    acc = reading.accounts
    acc.unit_name, acc.fiscal_year = _header_info(sheets)
    acc.tables = {key: sheet.name for key, sheet in tables.items()}
    for table_id, sheet in tables.items():
        spec = config()["tables"][table_id]
        note = _empty_with_note(sheet)
        if note:
            acc.empty.append((spec["name"], sheet.name, note))
            continue
        try:
            _read_table(reading, table_id, sheet)
        except ReadError as error:
            raise ReadError(error.code, **{**error.params, "table": spec["name"]}) from None
    _cross_checks(reading)
    return acc


def _read_table(reading: _Reading, table_id: str, sheet: Sheet) -> None:
    g = grid(sheet)
    basis = config()["tables"][table_id]["basis"]
    if table_id in ("total", "fiscal_total"):
        _totals(reading, g, table_id, basis)
    elif table_id == "spending":
        _spending(reading, g, basis)
    elif table_id in ("basic_all", "basic_fiscal", "project_all"):
        _classes(reading, g, config()["tables"][table_id]["list"], basis)
    elif table_id == "sangong":
        _sangong(reading, g, basis)


def _continued(cell: Cell) -> bool:
    return isinstance(cell, str) and ("续表" in norm(cell) or norm(cell).endswith("(续)"))


def join_continuations(sheets: list[Sheet]) -> list[Sheet]:
    """Continuation pages (续表) read as part of their table: a sheet whose name or title says 续表 is
    joined to the sheet before it, a 续表 further down a sheet loses its repeated title and header.
    Cell references still name the sheet and row each figure is on. Refused when the continuation's
    header differs from its table's, since its columns could not be matched."""
    out: list[Sheet] = []
    for sheet in sheets:
        sheet = _join_below(sheet)
        head = sheet.rows[:6]
        if not (_continued(sheet.name) or any(_continued(c) for row in head for c in row)) or not out:
            out.append(sheet)
            continue
        main = out[-1]
        mine, theirs = _header_span(sheet.rows), _header_span(main.rows)
        if mine is None or theirs is None or _header_words(sheet.rows, *mine) != _header_words(main.rows, *theirs):
            raise ReadError("accounts.continued", sheet=sheet.name, main=main.name)
        origin = main.origin or [(main.name, r) for r in range(len(main.rows))]
        out[-1] = Sheet(
            main.name,
            [*main.rows, *sheet.rows[mine[1] :]],
            main.merged,
            [*origin, *((sheet.name, r) for r in range(mine[1], len(sheet.rows)))],
        )
    return out


def _join_below(sheet: Sheet) -> Sheet:
    """A 续表 further down the sheet: its marker, repeated title and header rows blanked (rows keep their place)."""
    rows = sheet.rows
    span = _header_span(rows)
    if span is None:
        return sheet
    marks = [r for r in range(span[1], len(rows)) if any(_continued(c) for c in rows[r])]
    if not marks:
        return sheet
    rows = [list(row) for row in rows]
    words = _header_words(rows, *span)
    for mark in marks:
        again = _header_span(rows, mark, within=6)
        end = again[1] if again else mark + 1
        if again and _header_words(rows, *again) != words:
            raise ReadError("accounts.continued", sheet=sheet.name, main=sheet.name)
        for r in range(mark, end):
            rows[r] = []
    return Sheet(sheet.name, rows, sheet.merged, sheet.origin)


def _empty_with_note(sheet: Sheet) -> str:
    """The 说明 line of a table kept empty ("本年度没有…故本表无数据"): nothing to read, nothing wrong;
    "" when the table has numbers or no such line."""
    if any(isinstance(c, Decimal) and c != 0 for row in sheet.rows for c in row):
        return ""
    return next((c for row in sheet.rows for c in row if isinstance(c, str) and "无数据" in c), "")


def _totals(reading: _Reading, g: Grid, table_id: str, basis: str) -> None:
    rows = _pane_rows(g)
    cells: dict[str, tuple[Decimal, str]] = {}

    def take(name: str, index: int = 0) -> tuple[Decimal, str] | None:
        found = rows.get(name, [])
        if len(found) <= index:
            return None
        r, _, c, _ = found[index]
        value = reading.amount(g, r, c)
        return None if value is None else (value, cell_ref(g.sheet, r, c))

    for path, names in config()["rows"].get(table_id, {}).items():
        for name in names:
            got = take(name)
            if got:
                reading.add(path, got[0], got[1], basis)
                break
    if table_id != "total":
        _fund_spending(reading, g, rows, basis)
        return
    income = [take(name) for name in config()["fiscal_income"]["rows"]]
    income = [x for x in income if x]
    if income:
        reading.add(
            "figures.fiscal_appropriation",
            sum((v for v, _ in income), Decimal("0.00")),
            "+".join(s for _, s in income),
            basis,
        )
    others = [x for x in (take(name) for name in config()["fiscal_income"]["others"]) if x]
    if others:
        reading.add(
            "figures.other_income", sum((v for v, _ in others), Decimal("0.00")), "+".join(s for _, s in others), basis
        )
    balance = config()["balance"]
    found = rows.get(balance["budget_initial"], [])
    if found and found[0][3] is not None:
        r, _, _, b = found[0]
        reading.add("figures.budget_initial", reading.amount(g, r, b), cell_ref(g.sheet, r, b), basis)
    for name in (*balance["income"], *balance["spending"]):
        got = take(name)
        if got:
            cells[name] = got
    left, right = take(balance["total"], 0), take(balance["total"], 1)
    for side, total in ((balance["income"], left), (balance["spending"], right)):
        if total and side[0] in cells:
            _identity(reading, [cells[n] for n in side if n in cells], total)
    if left and right:
        _identity(reading, [left], right)


def _fund_spending(reading: _Reading, g: Grid, rows: dict, basis: str) -> None:
    """The four budgets' spending: the 本年支出合计 row of 财政拨款收入支出决算总表, in the column of each
    fund its pane has (合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款 | 国有资本经营预算财政拨款)."""
    found = rows.get(config()["balance"]["spending"][0], [])
    if not found:
        return
    r, lo, _, _ = found[0]
    hi = next((b for a, b in _panes(g) if a == lo), max(g.header, default=0) + 1)
    for path, words in config()["columns"]["fiscal_total"].items():
        col = next((c for c in range(lo + 1, hi) if any(norm(w) in g.header.get(c, "") for w in words)), None)
        if col is not None:
            reading.add(path, reading.amount(g, r, col), cell_ref(g.sheet, r, col), basis)


def _identity(reading: _Reading, parts: list[tuple[Decimal, str]], total: tuple[Decimal, str]) -> None:
    got = sum((v for v, _ in parts), Decimal("0.00"))
    if abs(got - total[0]) > TOLERANCE:
        reading.finding(
            "accounts.sum",
            parts="+".join(s for _, s in parts),
            got=f"{got:.2f}",
            total=total[1],
            expected=f"{total[0]:.2f}",
        )


def _total_row(g: Grid) -> int | None:
    for r in g.rows():
        for c in range(min(6, len(g.sheet.rows[r]))):
            cell = g.at(r, c)
            if isinstance(cell, str) and label(cell) in ("合计", config()["balance"]["spending"][0], "总计"):
                return r
    return None


def _spending(reading: _Reading, g: Grid, basis: str) -> None:
    row = _total_row(g)
    if row is None:
        raise ReadError("accounts.missing_row", sheet=g.sheet.name, row="合计")
    for path, words in config()["columns"]["spending"].items():
        cols = [c for c in g.columns(words[0])]
        if not cols:
            raise _missing(g, words[0], words)
        reading.add(path, reading.amount(g, row, cols[0]), cell_ref(g.sheet, row, cols[0]), basis)


Classes = dict[str, tuple[Decimal, str, str]]  # class code → (amount, cell, name)


def _classes(reading: _Reading, g: Grid, target: str, basis: str) -> None:
    """Class lines (3-digit 经济分类 codes, never the 5-digit rows again), 人员/公用经费, and their sums.

    The classes are rows (科目编码 | 科目名称 | 决算数, in one or two panes) or columns (the 财决05 tables:
    功能分类 down, a column per class, its 小计 beside its details), told apart by the header's words;
    a code may be split over 类 | 款 | 项 cells."""
    code_cols = sorted(c for c, text in g.header.items() if "编码" in text or "代码" in text)
    if not code_cols:
        raise _missing(g, "科目编码", ("编码", "代码"))
    across = _class_columns(g, set(code_cols))
    classes, details, named = _classes_across(reading, g, across) if across else _classes_down(reading, g, code_cols)
    for code, (amount, source, name) in sorted(classes.items()):
        reading.add(f"{target}[{name}].amount", amount, source, basis)
        if code in details and abs(sum(details[code]) - amount) > TOLERANCE:
            reading.finding(
                "accounts.class_detail", cell=source, got=f"{sum(details[code]):.2f}", expected=f"{amount:.2f}"
            )
    if "合计" in named and classes:
        parts = [(a, s) for a, s, _ in classes.values()]
        _identity(reading, parts, named["合计"])
    if target != "basic_lines":
        return
    for key, codes in config()["classes"].items():
        parts = [(classes[c][0], classes[c][1]) for c in codes if c in classes]
        word = config()["class_totals"][key]
        if key == "public":
            parts += [
                (a, s) for c, (a, s, _) in classes.items() if c not in (*codes, *config()["classes"]["personnel"])
            ]
        if word in named and parts:
            _identity(reading, parts, named[word])
        if parts:
            path = f"figures.{key}_spent"
            total = named.get(word)
            value = total or (sum((a for a, _ in parts), Decimal("0.00")), "+".join(s for _, s in parts))
            reading.add(path, value[0], value[1], basis)
    words = list(config()["class_totals"].values())
    if all(word in named for word in words) and "合计" in named:
        _identity(reading, [named[word] for word in words], named["合计"])


def _class_of(words: str) -> tuple[str, str] | None:
    """The 经济分类 class a header's words name, and the name they give it: "工资福利支出" (a name of
    store/accounts.toml) or "312对企业的补贴支出" (the code before the table's own name); else None."""
    text = label(words)
    code = re.match(r"^(3\d\d)(?!\d)(.*)$", text)
    if code:
        return code[1], code[2] or config()["class_names"].get(code[1], code[1])
    return next(((c, name) for c, name in config()["class_names"].items() if norm(name) == text), None)


def _class_columns(g: Grid, code_cols: set[int]) -> dict[str, tuple[int, str]]:
    """Class code → the column that holds its total and the class's name, when the table has the
    classes as columns. A class over several columns (小计 and its details) is taken at its 小计 (or
    合计); one whose total column cannot be told is refused, naming the words looked for."""
    by_class: dict[str, list[tuple[int, list[str], str]]] = {}
    for c, text in sorted(g.header.items()):
        if c in code_cols:
            continue
        parts = text.split("/")
        found = next((found for found in map(_class_of, parts) if found), None)
        if found:
            by_class.setdefault(found[0], []).append((c, parts, found[1]))
    out = {}
    totals = config()["class_columns"]["total"]
    for code, cols in by_class.items():
        pick = cols[0] if len(cols) == 1 else None
        pick = pick or next((col for col in cols if col[1][-1] in totals or _class_of(col[1][-1])), None)
        if pick is None:
            raise _missing(g, f"{cols[0][2]}{totals[0]}", totals)
        out[code] = (pick[0], pick[2])
    return out


def _classes_across(reading: _Reading, g: Grid, columns: dict[str, tuple[int, str]]) -> tuple[Classes, dict, dict]:
    """The classes as columns: each class's total in the 合计 row, its other columns as its details."""
    row = _total_row(g)
    if row is None:
        raise ReadError("accounts.missing_row", sheet=g.sheet.name, row="合计")
    classes: Classes = {}
    details: dict[str, list[Decimal]] = {}
    for code, (col, name) in columns.items():
        amount = reading.amount(g, row, col)
        if amount is not None:
            classes[code] = (amount, cell_ref(g.sheet, row, col), name)
        for c, text in g.header.items():
            if c != col and (_class_of(text.split("/")[0]) or ("",))[0] == code:
                part = reading.amount(g, row, c)
                details.setdefault(code, []).append(part or Decimal("0.00"))
    named = {}
    whole = next((c for c, text in sorted(g.header.items()) if text == "合计"), None)
    if whole is not None:
        named["合计"] = (reading.amount(g, row, whole) or Decimal("0.00"), cell_ref(g.sheet, row, whole))
    return classes, details, named


def _code_groups(code_cols: list[int]) -> list[list[int]]:
    """Code columns side by side (类 | 款 | 项) as one code; a code column further right starts another pane."""
    groups: list[list[int]] = []
    for c in code_cols:
        if groups and c == groups[-1][-1] + 1:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _code(g: Grid, row: int, group: list[int]) -> str:
    """The code of a row, put together from its 类 | 款 | 项 cells (款 and 项 two digits each)."""
    parts = []
    for i, c in enumerate(group):
        cell = g.at(row, c)
        text = str(int(cell)) if isinstance(cell, Decimal) else (norm(cell) if isinstance(cell, str) else "")
        parts.append(text.zfill(2) if i and text.isdigit() else text)
    return "".join(parts)


def _classes_down(reading: _Reading, g: Grid, code_cols: list[int]) -> tuple[Classes, dict, dict]:
    """The classes as rows, in one pane or two side by side (科目编码 | 科目名称 | 决算数 each)."""
    classes: Classes = {}
    details: dict[str, list[Decimal]] = {}
    named: dict[str, tuple[Decimal, str]] = {}
    groups = _code_groups(code_cols)
    edges = [*(group[0] for group in groups), max(g.header) + 1]
    for i, group in enumerate(groups):
        lo, hi = group[-1], edges[i + 1]
        value = _value_col(g, lo, hi)
        if value is None:
            raise _missing(g, "决算数", ("决算数", "金额", "合计"))
        for r in g.rows():
            code = _code(g, r, group)
            name_cell = next((g.at(r, c) for c in range(lo + 1, value) if isinstance(g.at(r, c), str)), None)
            amount = reading.amount(g, r, value)
            if re.fullmatch(r"3\d\d", code) and amount is not None:
                classes[code] = (amount, cell_ref(g.sheet, r, value), label(name_cell or code))
            elif re.fullmatch(r"3\d{4}", code) and amount is not None:
                details.setdefault(code[:3], []).append(amount)
            totals = config()["class_totals"].values()
            for text in (code, label(name_cell or "")):
                if (text.removesuffix("合计") in totals or text == "合计") and amount is not None:
                    named[text.removesuffix("合计") or "合计"] = (amount, cell_ref(g.sheet, r, value))
    return classes, details, named


def _sangong(reading: _Reading, g: Grid, basis: str) -> None:
    """三公 per item, budget and actual, in either orientation (items across, or items down)."""
    items = config()["sangong"]
    across = any(norm(a) in g.header.get(c, "") for c in g.header for item in items for a in item["aliases"])
    for item in items:
        aliases = {label(a) for a in (item["name"], *item["aliases"])}
        path = f"sangong[{item['name']}]"
        if across:
            row = next((r for r in g.rows() if any(isinstance(c, Decimal) for c in g.sheet.rows[r])), None)
            if row is None:
                return
            for c, text in sorted(g.header.items()):
                parts = text.split("/")
                if not aliases & {label(p) for p in parts}:
                    continue
                kind = (
                    "budget"
                    if any("预算" in p for p in parts)
                    else "actual"
                    if any("决算" in p for p in parts)
                    else None
                )
                if kind:
                    reading.add(f"{path}.{kind}", reading.amount(g, row, c), cell_ref(g.sheet, row, c), basis)
        else:
            budget = next(iter(g.columns("预算")), None)
            actual = next(iter(g.columns("决算")), None)
            if budget is None or actual is None:
                raise _missing(g, "预算数", ("预算",)) if budget is None else _missing(g, "决算数", ("决算",))
            for r in g.rows():
                if any(isinstance(c, str) and label(c) in aliases for c in g.sheet.rows[r][:3]):
                    reading.add(f"{path}.budget", reading.amount(g, r, budget), cell_ref(g.sheet, r, budget), basis)
                    reading.add(f"{path}.actual", reading.amount(g, r, actual), cell_ref(g.sheet, r, actual), basis)


def _cross_checks(reading: _Reading) -> None:
    """人员 + 公用 = 基本 across tables on the same basis."""
    acc = reading.accounts
    basic = acc.figure("figures.basic_spent")
    personnel, public = acc.figure("figures.personnel_spent"), acc.figure("figures.public_spent")
    if basic and personnel and public and personnel.basis == public.basis == basic.basis:
        _identity(
            reading, [(personnel.value, personnel.source), (public.value, public.source)], (basic.value, basic.source)
        )
