"""What every part screen shares: the report's name and file, the row of parts, the status line.

A part screen lays out its fields in the order the report prints them (`compose_body`), so
Tab walks through them in reading order. It keeps derived figures (shares, totals,
completion) current on every keystroke (`update_live`) and on every saved change, and
rebuilds itself when the report was reloaded from the file (after a conflict).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from store import fields
from store import outline as outlines
from store.outline import Outline
from store.parse import InputError
from tui.actions import bindings
from tui.keymap import keys_said
from tui.screens import PARTS
from tui.screens.report_screen import ReportScreen
from tui.session import ReportChanged, ReportSession, SaveFailed
from tui.widgets import field_id, focus_now
from tui.widgets.field import EDITORS, FieldEditor, FieldInput, FieldRow, FieldState, ProseArea, row_of
from tui.widgets.keyline import KeyLine
from tui.widgets.listed import ListEditor, item_id

if TYPE_CHECKING:
    from tui.app import JixiaoApp

#: Keys shown in the row of parts, in the order of PARTS.
PART_KEYS = ("F2", "F3", "F4", "F5", "F6")


class PartBody(VerticalScroll, can_focus=False):
    """The scrolling form of a part screen; recomposed whole after a reload.

    Not focusable itself: the cursor belongs in a field, and the form scrolls to follow it.
    """

    def compose(self) -> ComposeResult:
        screen = self.screen
        assert isinstance(screen, PartScreen)
        yield from screen.compose_body()


def _selected(widget: Widget | None) -> Widget | None:
    """A list item's text area entered with Tab or Shift+Tab has its text selected, as a one-line field
    has (Input's select_on_focus): typing replaces the item, an arrow key puts the cursor in it.

    A section's prose is not selected: it is paragraphs, and a key typed to add a word at its start
    would replace them all (a browser's textarea does not select on Tab either); Ctrl+A selects it."""
    if isinstance(widget, ProseArea) and any(isinstance(ancestor, ListEditor) for ancestor in widget.ancestors):
        widget.select_all()
    return widget


class PartScreen(ReportScreen):
    """Base of the five screens that edit the parts of a report."""

    PART: ClassVar[str] = ""
    BINDINGS = bindings("part")

    app: JixiaoApp

    def __init__(self, session: ReportSession) -> None:
        super().__init__(classes="part")
        self.session = session
        self._editors: dict[str, FieldEditor] = {}
        #: Whether fields came or went since `_editors` was made (a list rebuilt, its window moved).
        self._editors_stale = True
        self._live_pending = False
        #: A field path to put the cursor in when the screen comes up (set by `app.goto_field`).
        self.focus_on = ""

    def compose(self) -> ComposeResult:
        yield Static(self.heading_text(), classes="heading", id="part-heading")
        if self.session.readonly:
            yield Static(self.app.t("safety.readonly_banner"), classes="banner")
        yield Static(self.tabs_text(), classes="tabs")
        yield PartBody(id="part-body")
        yield Static(self.status_text(), id="status")
        yield KeyLine()

    def compose_body(self) -> ComposeResult:
        """The screen's fields in reading order (each part screen says what they are)."""
        raise NotImplementedError

    def on_mount(self) -> None:
        """The form is whole by now: show what is derived from it before the screen is first drawn.

        (A screen built ahead is then laid out once when it comes up, not again for its asides.)
        """
        self.update_live()

    def on_screen_resume(self) -> None:
        """Put the cursor where it was sent."""
        if self.focus_on:
            path, self.focus_on = self.focus_on, ""
            self.focus_field(path)

    # --- what the screen says around the form ---------------------------------------------

    def heading_text(self) -> str:
        report = self.session.report
        return self.app.t(
            "ui.part.heading", unit=report.short_name, year=report.fiscal_year, path=self.session.store.path
        )

    def tabs_text(self) -> Text:
        text = Text()
        for key, part in zip(PART_KEYS, PARTS, strict=True):
            words = f" {key} {self.app.t(f'ui.part.{part}')} "
            text.append(words, style="reverse bold" if part == self.PART else "")
            text.append(" ")
        return text

    def status_text(self) -> str:
        return self.session.status()

    @property
    def outline(self) -> Outline:
        """The outline the open report follows (its file says what each part holds and where)."""
        return outlines.load(self.session.report.outline)

    def section(self, key: str) -> Static:
        """A heading as the report's outline numbers and names the part `key`."""
        return Static(self.outline.label(key, self.session.lang), classes="section")

    def sections_on(self, shapes: Iterable[str] | None = None) -> Iterable[tuple[str, list[str]]]:
        """(part key, its field shapes this screen edits) for each part of the outline with any, in print order.

        Only the shapes named in `shapes` are kept when it is given (the fields a hand-made screen lays out).
        """
        wanted = None if shapes is None else set(shapes)
        for node in self.outline.nodes():
            mine = [
                shape
                for shape in node.fields
                if node.edited_on.get(shape, node.screen) == self.PART and (wanted is None or shape in wanted)
            ]
            if mine:
                yield node.key, mine

    def label(self, path: str) -> str:
        """The short name of the field at `path`, as the checks panel says it (`第3行 对个人和家庭的补助 金额`)."""
        return fields.label(path, self.session.lang, fields.item_name(self.session.report, path))

    def column(self, shape: str) -> str:
        """The name of one column of a list (`basic_lines.amount` → 金额)."""
        return self.app.t(f"field.{shape}")

    def line(self, path: str, *, label: str = "", aside: str | None = None, placeholder: str = "") -> FieldRow:
        """A labelled one-line field, with a note beside it when `aside` is given.

        Figures, counts and dates get a short box, so the note (万元, a sum) sits beside them.
        """
        short = fields.kind_of(path) not in ("line", "required_line", "text", "plates")
        editor = FieldInput(self.session, path, placeholder=placeholder, classes="short" if short else "")
        return FieldRow(editor, label=label or self.label(path), aside=aside)

    def prose(self, path: str, *, label: str | None = None) -> FieldRow:
        """A prose field with its label above it ("" for none)."""
        return FieldRow(ProseArea(self.session, path), label=self.label(path) if label is None else label, stacked=True)

    def text_item(self, path: str, _text: Any) -> Iterable[Widget]:
        """One paragraph item of a numbered list (a duty, a problem, an efficiency point)."""
        yield FieldRow(ProseArea(self.session, path), stacked=True)

    def columns(self, *names: tuple[str, str], numbered: bool = False) -> Horizontal:
        """The heading line of a list's columns: (text, width class) pairs."""
        line = Horizontal(classes="columns" + (" -numbered" if numbered else ""))
        for text, width in names:
            line.compose_add_child(Label(text, classes=width))
        return line

    # --- what is typed, and what is derived from it -------------------------------------

    def editor(self, path: str) -> FieldEditor | None:
        """The widget editing the field at `path` (None when it has no row on screen), found through an
        index rebuilt as lists change."""
        found = self.editors_now().get(path)
        if found is None or not found.is_attached:
            self._editors_stale = True
            found = self.editors_now().get(path)
        return found

    def editors_now(self) -> dict[str, FieldEditor]:
        """Every field editor on the screen by its path; a long list's items outside its window have none."""
        if self._editors_stale:
            self._editors = {editor.path: editor for editor in self.query(EDITORS) if isinstance(editor, FieldEditor)}
            self._editors_stale = False
        return self._editors

    def set_aside(self, path: str, text: str) -> None:
        """Show `text` beside the field at `path` (in a row made with an aside).

        Looked up in the index as it stands, never rebuilt for a path with no row: the derived
        figures name every figure of the report, most of them on other screens, and rebuilding the
        index for each took a fiftieth of a second at every burst of typing. A row mounted since
        gets its aside once its list says it was rebuilt (`on_list_editor_rebuilt`, `live_soon`).
        """
        editor = self.editors_now().get(path)
        row = row_of(editor) if editor is not None and editor.is_attached else None
        if row is not None:
            row.set_aside(text)

    def offer(self, path: str, text: str) -> None:
        """Offer `text` (worked out from other fields) in the empty field at `path`: Enter takes it."""
        editor = self.editor(path)
        if isinstance(editor, FieldInput):
            shown = self.app.t("ui.field.offer", value=text, enter=keys_said(self.app, "field.next")) if text else ""
            editor.offer(text, shown)

    def typed(self, path: str) -> Any:
        """The value of the field at `path` as typed so far, or as stored while it cannot be read."""
        editor = self.editor(path)
        if editor is not None:
            try:
                return fields.parse(path, editor.text_now)
            except InputError:
                pass
        return self.session.value(path)

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.live_soon()

    def on_list_editor_rebuilt(self, _event: ListEditor.Rebuilt) -> None:
        self._editors_stale = True
        self.live_soon()

    def live_soon(self) -> None:
        """Update the derived figures once, after the current burst of changes."""
        if not self._live_pending:
            self._live_pending = True
            self.call_after_refresh(self._live_now)

    def _live_now(self) -> None:
        self._live_pending = False
        self.update_live()

    # --- keeping up with changes ----------------------------------------------------------

    async def on_report_changed(self, event: ReportChanged) -> None:
        self.query_one("#part-heading", Static).update(self.heading_text())
        self.query_one("#status", Static).update(self.status_text())
        if event.reloaded:
            focused = self.focused.path if isinstance(self.focused, FieldEditor) else ""
            for editor in self.query(EDITORS):
                if isinstance(editor, FieldEditor):
                    editor.discard()
            await self.query_one(PartBody).recompose()
            self._editors_stale = True
            if focused:
                self.focus_field(focused)
        else:
            for path in event.paths:
                editor = self.editor(path)
                if editor is not None:
                    editor.settle()
        self.live_soon()

    def on_field_state(self, event: FieldState) -> None:
        status = self.query_one("#status", Static)
        if event.reason and not event.waiting:
            field, reason = self.label(event.path), event.reason
            status.update(self.app.t("ui.status.refused", status=self.status_text(), field=field, reason=reason))
        else:
            status.update(self.status_text())

    def on_save_failed(self, event: SaveFailed) -> None:
        """A change kept waiting for the file was refused at last: mark its field with the reason."""
        for path in event.paths:
            editor = self.editor(path)
            if editor is not None:
                editor.fail(event.reason, event.why)

    def update_live(self) -> None:
        """Refresh what is derived from the fields (shares, totals); nothing by default."""

    # --- moving -------------------------------------------------------------------------

    def focus_field(self, path: str) -> None:
        """Put the cursor in the field at `path`, or in the nearest thing that holds it.

        An item of a long list outside its window is given a row first (the list's window moves to it).
        """
        for listed in self.query(ListEditor):
            place = listed.item_of(path)
            if place is not None and place[0] not in listed.shown:
                self.call_later(listed.reveal, *place)
                return
        candidate = path
        while candidate:
            for selector in (f"#{field_id(candidate)}", f"#{item_id(candidate)}"):
                matches = self.query(selector)
                if matches:
                    target = matches.first()
                    if not target.focusable:
                        editors = target.query(EDITORS)
                        target = editors.first() if editors else target
                    focus_now(target)
                    return
            candidate = _parent_path(candidate)

    def focus_next(self, selector: str | type[Widget] = "*") -> Widget | None:
        """Tab: on to the next field, but not round from the last one to the top of the form
        (keys typed on would land in a field far from where the person looks)."""
        chain = self.focus_chain
        if chain and self.focused is chain[-1]:
            self._stay()
            self._say_edge("ui.part.last_field")
            return self.focused
        return _selected(super().focus_next(selector))

    def focus_previous(self, selector: str | type[Widget] = "*") -> Widget | None:
        """Shift+Tab: back to the field before, but not round from the first one to the bottom."""
        chain = self.focus_chain
        if chain and self.focused is chain[0]:
            self._stay()
            self._say_edge("ui.part.first_field")
            return self.focused
        return _selected(super().focus_previous(selector))

    def _stay(self) -> None:
        """Tab at an end of the form saves the field as leaving it would (or marks what cannot be read)."""
        if isinstance(self.focused, FieldEditor):
            self.focused.commit()

    def _say_edge(self, key: str) -> None:
        self.query_one("#status", Static).update(f"{self.status_text()} · {self.app.t(key)}")

    def action_home(self) -> None:
        self.app.leave_report()


def _parent_path(path: str) -> str:
    """`results[2].indicators[1].target` → `results[2].indicators[1]` → `results[2]` → `results`."""
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path[: path.rindex(".")] if "." in path else ""
