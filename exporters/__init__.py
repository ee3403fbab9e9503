"""Exporting a report: one composer builds a document tree; writers lay it out as Markdown or Word.

Never imports textual. The public face, used by the TUI and the `jixiao export` command:

    export_report(report, "docx", "月湖街道-2019-绩效评价报告.docx")  → the Path written
    default_filename(report, "md")                                 → "月湖街道-2019-绩效评价报告.md"
    to_markdown(report)                                            → the Markdown text (preview)
    export_forms(report, "xlsx", ("scores", "figures"), folder)    → the hand-in forms (自评表, 基础数据表)
"""

from __future__ import annotations

from pathlib import Path

from exporters import docx_writer, forms, markdown
from exporters.compose import compose
from exporters.files import ExportError, write_atomically
from store import outline as outlines
from store.model import SHARE_METHODS, Report
from store.settings import Settings, load_settings

__all__ = [
    "FORMATS",
    "FORM_FORMATS",
    "ExportError",
    "default_filename",
    "export_forms",
    "export_report",
    "form_filename",
    "to_markdown",
]

#: Export formats and their file extensions.
FORMATS: dict[str, str] = {"md": "md", "docx": "docx"}
#: Formats the hand-in forms (自评表, 基础数据表) are written in; .xlsx holds every form asked for, one sheet each.
FORM_FORMATS: dict[str, str] = {"xlsx": "xlsx", "docx": "docx", "md": "md"}
#: What a form file is called after the unit and year.
_FORM_TITLES = {"scores": "绩效自评表", "figures": "基础数据表"}
_UNSAFE = '<>:"/\\|?*'


def default_filename(report: Report, fmt: str) -> str:
    """`<unit short name>-<year>-绩效评价报告.<ext>`, with characters Windows forbids in names replaced.

    The kind of report is named as the report's outline titles it (the 2023 outline: 绩效自评报告).
    """
    return f"{_safe_name(report)}-{report.fiscal_year}-{report_kind(report)}.{_extension(fmt)}"


def report_kind(report: Report) -> str:
    """What the report's outline calls this kind of report: the end of its title, "绩效评价报告" or "绩效自评报告"."""
    kind = outlines.load(report.outline).title.rsplit("支出", 1)[-1].strip()
    return kind if kind and "{" not in kind else "绩效评价报告"


def _safe_name(report: Report) -> str:
    return "".join("_" if ch in _UNSAFE or ord(ch) < 32 else ch for ch in report.short_name).strip(" .") or "报告"


def form_filename(report: Report, fmt: str, names: tuple[str, ...]) -> str:
    """`<unit>-<year>-绩效自评表.xlsx`; both forms in one workbook: `…-绩效自评表与基础数据表.xlsx`."""
    if fmt not in FORM_FORMATS:
        raise ExportError("export.unknown_format", fmt=fmt, formats="、".join(FORM_FORMATS))
    title = "与".join(_FORM_TITLES[name] for name in names)
    return f"{_safe_name(report)}-{report.fiscal_year}-{title}.{FORM_FORMATS[fmt]}"


def export_forms(
    report: Report, fmt: str, names: tuple[str, ...], path: str | Path, *, settings: Settings | None = None
) -> Path:
    """Write the forms `names` ("scores", "figures") of `report` as `fmt` to `path`; returns the file written.

    .xlsx puts each form on a sheet of one workbook; .docx and .md take one form (the first).
    `path` may be a folder (the file is named by `form_filename`). Raises ExportError as `export_report`.
    """
    if not names or any(name not in forms.FORM_NAMES for name in names):
        raise ExportError("export.unknown_form", name="、".join(names), forms="、".join(forms.FORM_NAMES))
    if fmt != "xlsx":
        names = names[:1]
    target = Path(path)
    if target.is_dir():
        target = target / form_filename(report, fmt, names)
    elif not target.suffix:
        target = target.with_name(f"{target.name}.{form_filename(report, fmt, names).rsplit('.', 1)[1]}")
    built = [forms.build(report, name) for name in names]
    if fmt == "xlsx":
        from exporters import xlsx

        data = xlsx.render(built)
    elif fmt == "docx":
        data = docx_writer.render(forms.form_document(built[0]), (settings or load_settings()).fonts)
    else:
        data = markdown.render(forms.form_document(built[0])).encode("utf-8")
    return write_atomically(target, data)


def _extension(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ExportError("export.unknown_format", fmt=fmt, formats="、".join(FORMATS))
    return FORMATS[fmt]


def to_markdown(
    report: Report, tables: bool = True, *, last_year: Report | None = None, shares: str = SHARE_METHODS[0]
) -> str:
    """The report as Markdown text (the TUI preview shows this); see `compose` for `last_year` and `shares`."""
    return markdown.render(compose(report, tables=tables, last_year=last_year, shares=shares))


def export_report(
    report: Report,
    fmt: str,
    path: str | Path,
    *,
    tables: bool = True,
    settings: Settings | None = None,
    last_year: Report | None = None,
) -> Path:
    """Write the report as `fmt` ("md" or "docx") to `path` safely and return the file written.

    `path` may be a folder: the file is then named by `default_filename`; a name without an
    extension gets the format's (Word would not open "报告" by double-click). Raises ExportError
    with a message naming the file when it cannot be written; an existing file stays intact.
    With `last_year` (the unit's report of the year before) the figures are compared with it.
    """
    extension = _extension(fmt)
    target = Path(path)
    if target.is_dir():
        target = target / default_filename(report, fmt)
    elif not target.suffix:
        target = target.with_name(f"{target.name}.{extension}")
    settings = settings or load_settings()
    document = compose(report, tables=tables, last_year=last_year, shares=settings.shares)
    data = markdown.render(document).encode("utf-8") if fmt == "md" else docx_writer.render(document, settings.fonts)
    return write_atomically(target, data)
