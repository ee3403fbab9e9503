"""Exporting a report: one composer builds a document tree; writers lay it out as Markdown or Word.

Never imports textual. The public face, used by the TUI and the `jixiao export` command:

    export_report(report, "docx", "月湖街道-2019-绩效评价报告.docx")  → the Path written
    default_filename(report, "md")                                 → "月湖街道-2019-绩效评价报告.md"
    to_markdown(report)                                            → the Markdown text (preview)
"""

from __future__ import annotations

from pathlib import Path

from exporters import docx_writer, markdown
from exporters.compose import compose
from exporters.files import ExportError, write_atomically
from store.model import SHARE_METHODS, Report
from store.settings import Settings, load_settings

__all__ = ["FORMATS", "ExportError", "default_filename", "export_report", "to_markdown"]

#: Export formats and their file extensions.
FORMATS: dict[str, str] = {"md": "md", "docx": "docx"}
_UNSAFE = '<>:"/\\|?*'


def default_filename(report: Report, fmt: str) -> str:
    """`<unit short name>-<year>-绩效评价报告.<ext>`, with characters Windows forbids in names replaced."""
    name = "".join("_" if ch in _UNSAFE or ord(ch) < 32 else ch for ch in report.short_name).strip(" .")
    return f"{name or '报告'}-{report.fiscal_year}-绩效评价报告.{_extension(fmt)}"


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
