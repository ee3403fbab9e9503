"""The export dialog: the report (Markdown or Word, with or without 附表) or the hand-in forms
(自评表, 基础数据表: Excel, Word or Markdown), to a file the officer names.

The writing is the exporters' (`exporters.export_report`, which writes to a temporary file
and renames it over the target); it runs in a thread so the screen stays responsive while
a long Word draft is written. When the checks find errors (figures that disagree) the dialog asks first: export all the
same, or go to the checks (F7). A file that cannot be written (open in Word, a read-only
folder) is reported in the dialog with the exporter's reason; the dialog stays open with
every choice as it was, so the officer closes Word and presses the key again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static
from textual.worker import Worker, WorkerState

from exporters import ExportError, default_filename, export_forms, export_report, form_filename
from store.checks import ERROR, run_checks
from store.scoring import gaps, load_systems, score, system_for
from store.settings import remember, remembered
from tui.actions import bindings
from tui.keymap import keys_said
from tui.textual_compat import MarkedWhenOn
from tui.widgets.dialogs import ChoiceDialog
from tui.widgets.field import TextInput
from tui.words import message

if TYPE_CHECKING:
    from tui.session import ReportSession

#: Formats in the order offered, with the file suffix each writes.
FORMATS: dict[str, str] = {"md": ".md", "docx": ".docx", "xlsx": ".xlsx"}
#: What can be exported, in the order offered: the report, or forms (exporters.forms names).
CONTENTS: dict[str, tuple[str, ...]] = {
    "report": (),
    "scores": ("scores",),
    "figures": ("figures",),
    "forms": ("scores", "figures"),
}


#: How many of the 自评表's unscored indicators the dialog names after an export (F10 lists them all).
GAPS_SHOWN = 5
#: What the question about errors found by the checks answers.
EXPORT_ANYWAY, SEE_CHECKS = "export-anyway", "see-checks"


class MarkedRadio(MarkedWhenOn, RadioButton):
    """A radio button whose mark is drawn only when it is chosen, so the choice shows without colour
    (Textual draws every button's dot and tells the chosen one by colour alone)."""

    MARK = "●"


class MarkedCheckbox(MarkedWhenOn, Checkbox):
    """A checkbox whose X is drawn only when it is ticked (see MarkedRadio)."""

    MARK = "X"


#: The section of the program's memory (store.settings.remembered) holding the last export's format,
#: content and folder: the next export starts from there, after a restart too, not from Markdown in
#: the documents folder again.
MEMORY = "export"


def last_export() -> tuple[str, str, Path | None]:
    """The format, content and folder of the last export (Markdown of the report, no folder, when none
    is remembered or what is remembered no longer fits: an unknown format, a folder since removed)."""
    kept = remembered(MEMORY)
    fmt = kept.get("format", "md")
    content = kept.get("content", "report")
    folder = Path(kept["folder"]) if kept.get("folder") else None
    return (
        fmt if fmt in FORMATS else "md",
        content if content in CONTENTS else "report",
        folder if folder is not None and folder.is_dir() else None,
    )


def documents_folder() -> Path:
    """The user's documents folder (Windows: 文档), where an export goes unless told otherwise.

    The home folder when there is no documents folder (a bare Linux account).
    """
    folder = Path(platformdirs.user_documents_dir())
    return folder if folder.is_dir() else Path.home()


class ExportScreen(ModalScreen["Path | None"]):
    """Choose format, 附表 and file; export; show where it went or why it could not be written.

    Dismisses with the written path (or None when closed without exporting).
    """

    BINDINGS = bindings("export")
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 96%; max-width: 100; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ExportScreen .title { text-style: bold; margin-bottom: 1; }
    ExportScreen Label { margin-top: 1; color: $text-muted; }
    ExportScreen Checkbox { margin-top: 1; }
    ExportScreen RadioSet { layout: horizontal; height: auto; }
    /* Where the cursor is, not by colour alone: a bar left of the choice or box that has it, as in the forms. */
    /* (!important and .-textual-compact: Textual's compact widgets clear their borders so.) */
    ExportScreen RadioSet.-textual-compact, ExportScreen Checkbox.-textual-compact,
    ExportScreen Input.-textual-compact { border-left: blank !important; }
    ExportScreen RadioSet.-textual-compact:focus, ExportScreen Checkbox.-textual-compact:focus,
    ExportScreen Input.-textual-compact:focus { border-left: outer $accent !important; }
    ExportScreen RadioSet > MarkedRadio { width: auto; margin-right: 1; }
    ExportScreen #export-status { height: auto; margin: 1 0 0 0; }
    ExportScreen #export-status.-error { color: $text-error; text-style: bold; }
    ExportScreen #export-status.-done { color: $text-success; }
    ExportScreen Horizontal { height: auto; align: right middle; }
    ExportScreen Button { margin: 0 0 0 1; }
    """

    def __init__(self, session: ReportSession, folder: Path | None = None) -> None:
        super().__init__()
        self.session = session
        fmt, content, last_folder = last_export()
        folder = folder or last_folder
        self.folder = folder if folder is not None else documents_folder()
        self.written: Path | None = None
        #: The folder the export being written makes (it did not exist), said when it is done.
        self.made_folder: Path | None = None
        #: The officer has chosen to export although the checks find errors (asked once per dialog).
        self.errors_accepted = False
        #: radio set id → the choice made there, as each press is announced (the buttons' ids after "-").
        self.choices = {"export-format": fmt, "export-content": content}

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical():
            yield Static(t("ui.export.title"), classes="title")
            yield Label(t("ui.export.format"))
            with RadioSet(id="export-format", compact=True):
                for fmt, words in (
                    ("md", "ui.export.markdown"),
                    ("docx", "ui.export.word"),
                    ("xlsx", "ui.export.excel"),
                ):
                    yield MarkedRadio(t(words), value=fmt == self.fmt, id=f"format-{fmt}", compact=True)
            yield Label(t("ui.export.content"))
            with RadioSet(id="export-content", compact=True):
                for name in CONTENTS:
                    yield MarkedRadio(
                        t(f"ui.export.content.{name}"), value=name == self.content, id=f"content-{name}", compact=True
                    )
            yield MarkedCheckbox(t("ui.export.tables"), value=True, id="export-tables", compact=True)
            yield Label(t("ui.export.path"))
            yield TextInput(str(self.default_path(self.fmt, self.content)), id="export-path", compact=True)
            yield Static(
                t("ui.export.hint", run=keys_said(self.app, "export.run"), close=keys_said(self.app, "export.close")),
                id="export-status",
            )
            with Horizontal():
                yield Button(t("ui.export.run"), variant="primary", id="export-run", compact=True)
                yield Button(t("ui.export.close"), id="export-close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-format", RadioSet).focus()

    def default_path(self, fmt: str, content: str = "report") -> Path:
        """The documents folder and the exporters' standard name for this report, content and format."""
        report = self.session.report
        names = self.names(fmt, content)
        return self.folder / (form_filename(report, fmt, names) if names else default_filename(report, fmt))

    @staticmethod
    def names(fmt: str, content: str) -> tuple[str, ...]:
        """The forms to write (none: the report itself); a workbook holds forms, both unless one is chosen."""
        return CONTENTS[content] or (CONTENTS["forms"] if fmt == "xlsx" else ())

    @property
    def fmt(self) -> str:
        """The format chosen: "md", "docx" or "xlsx"."""
        return self.choices["export-format"]

    @property
    def content(self) -> str:
        """What is to be exported: "report", "scores", "figures" or "forms" (both forms)."""
        return self.choices["export-content"]

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Switching format switches the file's suffix, keeping a folder or name already typed;
        switching what is exported gives the standard name in the folder already chosen."""
        event.stop()
        if event.radio_set.id is None or event.pressed.id is None:
            return
        self.choices[event.radio_set.id] = event.pressed.id.partition("-")[2]
        field = self.query_one("#export-path", Input)
        path = Path(field.value.strip())
        if event.radio_set.id == "export-content":
            field.value = str(path.parent / self.default_path(self.fmt, self.content).name)
            return
        suffix = FORMATS[self.fmt]
        if path.suffix.lower() in FORMATS.values() and path.suffix.lower() != suffix:
            field.value = str(path.with_suffix(suffix))
        if self.fmt == "xlsx" or path.suffix.lower() == FORMATS["xlsx"]:
            field.value = str(path.parent / self.default_path(self.fmt, self.content).name)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-run":
            self.action_export()
        else:
            self.action_close()

    def action_export(self) -> None:
        """Write the file in a thread; the result arrives in on_worker_state_changed."""
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self.show_status(self.app.t("ui.export.no_path"), "-error")
            return
        path = Path(typed).expanduser()
        if not path.suffix:
            path = path.with_suffix(FORMATS[self.fmt])
        report = self.session.report
        fmt, names = self.fmt, self.names(self.fmt, self.content)
        if fmt != "xlsx" and len(names) > 1:
            self.show_status(self.app.t("ui.export.mismatch"), "-error")
            return
        errors = sum(finding.severity == ERROR for finding in run_checks(report, self.session.last_year))
        if errors and not self.errors_accepted:
            self.ask_about_errors(errors)
            return
        tables = self.query_one("#export-tables", Checkbox).value
        self.show_status(self.app.t("ui.export.working", path=str(path)), "")

        self.made_folder = None if path.parent.is_dir() else path.parent

        def write() -> Path:
            path.parent.mkdir(parents=True, exist_ok=True)  # a folder typed that does not exist yet
            if names:
                return export_forms(report, fmt, names, path)
            return export_report(report, fmt, path, tables=tables, last_year=self.session.last_year)

        self.run_worker(
            write,
            name="export",
            group="export",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def ask_about_errors(self, count: int) -> None:
        """The checks find `count` errors: export all the same (then not asked again here), or go to F7 (the focus, Escape)."""
        t = self.app.t
        choices = [
            (EXPORT_ANYWAY, t("ui.export.errors.anyway"), "warning"),
            (SEE_CHECKS, t("ui.export.errors.see", checks=keys_said(self.app, "checks")), "primary"),
        ]

        def answered(choice: str | None) -> None:
            if choice == EXPORT_ANYWAY:
                self.errors_accepted = True
                self.action_export()
            else:
                self.dismiss(self.written)
                self.app.call_later(self.app.run_action, "open('checks')")

        self.app.push_screen(
            ChoiceDialog(
                t("ui.export.errors.question", count=count, checks=keys_said(self.app, "checks")), choices, SEE_CHECKS
            ),
            answered,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "export":
            return
        if event.state == WorkerState.SUCCESS:
            self.written = Path(event.worker.result)
            remember(MEMORY, {"format": self.fmt, "content": self.content, "folder": str(self.written.parent)})
            done = self.app.t("ui.export.done", path=str(self.written))
            if self.made_folder is not None:
                done = "\n".join((self.app.t("ui.export.folder_made", path=str(self.made_folder)), done))
            if "scores" in self.names(self.fmt, self.content):
                done = "\n".join((done, *self.score_gaps()))
            self.show_status(done, "-done")
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, ExportError):
                reason = error.text(self.session.lang)
            else:
                reason = self.app.t("ui.export.failed", reason=str(error))
            self.show_status(reason, "-error")

    def score_gaps(self, shown: int = GAPS_SHOWN) -> list[str]:
        """What the 自评表 just written lacks (left blank in it): the first few indicators, then how many more."""
        report, lang = self.session.report, self.session.lang
        lines = gaps(score(report, system_for(report, load_systems()[0])), lang)
        if len(lines) > shown + 1:
            lines = [*lines[: shown + 1], message("scoring.gaps_more", lang, count=len(lines) - shown - 1)]
        return lines

    def show_status(self, text: str, kind: str) -> None:
        status = self.query_one("#export-status", Static)
        status.update(text)
        status.set_classes(kind)

    def action_close(self) -> None:
        self.dismiss(self.written)
