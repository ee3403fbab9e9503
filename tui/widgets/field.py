"""Editing one field of the report: a one-line input, a prose area, and the row that shows both.

Both editors save through the session when the person leaves the field, on Enter (one-line
fields), and after a short pause in typing, so a crash loses at most the last second of work.
What cannot be read is marked at the field with the parser's reason and not saved; the text
stays as typed so it can be fixed. What the session keeps waiting because another program
locks the file is marked too (`-unsaved`, with the reason) until the session's retry writes
it. Either way the session is told (`ReportSession.hold`), for the status line and for the
question before quitting.
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea
from textual.widgets.text_area import WrappedDocument

from store import fields
from store.parse import InputError, format_amount, format_date, format_day, format_number
from tui.actions import bindings
from tui.session import INPUT, WAITING
from tui.textual_compat import FixedBoxInput, draw_at_once
from tui.widgets import field_id
from tui.widgets.own_keys import RunsOwnKeys, run_own_binding

if TYPE_CHECKING:
    from tui.app import JixiaoApp
    from tui.session import ReportSession, SaveResult

_WidgetMixin = Widget if TYPE_CHECKING else object

#: CSS selector of every field editor (FieldEditor is a mixin, so it has no CSS type name of its own).
EDITORS = "FieldInput, ProseArea"

#: Seconds of quiet after the last keystroke before a changed field is saved.
PAUSE = 0.6


def display(path: str, value: Any) -> str:
    """A stored value as the field shows it for editing (1610.68, 2020年9月21日, 甲、乙)."""
    kind = fields.kind_of(path)
    if value is None:
        return ""
    if kind in ("amount", "signed_amount"):
        return format_amount(value)
    if kind == "number":
        return format_number(value)
    if kind == "date":
        return format_date(value)
    if kind == "day":
        return format_day(value)
    if kind == "plates":
        return "、".join(value)
    return str(value)


class FieldState(Message):
    """A field's input was refused or waits for the file (`reason`), or is fine again (`reason` is "").

    `waiting`: the text is kept by the session and will be saved once the file's lock goes.
    """

    def __init__(self, editor: Widget, path: str, reason: str, *, waiting: bool = False) -> None:
        super().__init__()
        self.editor = editor
        self.path = path
        self.reason = reason
        self.waiting = waiting


class FieldEditor(RunsOwnKeys, _WidgetMixin):
    """What the one-line input and the prose area share: save on leave, on a pause, on demand.

    A plain mixin, listed after the Textual widget it extends, so that the widget's own
    styles and component classes are inherited (Textual follows the first widget base).
    """

    app: JixiaoApp
    session: ReportSession
    path: str
    saved_text: str
    _pause_timer: Timer | None
    #: When the text last changed (time.monotonic), for the pause before it is saved.
    _typed_at: float = 0.0

    @property
    def text_now(self) -> str:
        """What the field holds on screen."""
        raise NotImplementedError

    @property
    def refused(self) -> bool:
        """Whether the field shows a refused input."""
        return self.has_class("-refused")

    @property
    def waiting(self) -> bool:
        """Whether the field shows text the session keeps until the file's lock goes."""
        return self.has_class("-unsaved")

    def _typed(self) -> None:
        """Called on every change of the text: clears a fixed error, restarts the pause.

        The pause is timed from the last key: the key only notes its time, and the timer, once
        due, waits again for what is left. A timer made and stopped at every key cost each key
        a task of its own.
        """
        if self.text_now == self.saved_text:
            self._stop_pause()
            if not self.waiting:
                self._mark("")
            return
        if self.refused and self._reason(self.text_now) == "":
            self._mark("")
        self._typed_at = monotonic()
        if self._pause_timer is None:
            self._pause_timer = self.set_timer(PAUSE, self._paused)

    def _paused(self) -> None:
        left = self._typed_at + PAUSE - monotonic()
        if left > 0:
            self._pause_timer = self.set_timer(left, self._paused)
            return
        self._pause_timer = None
        self.commit(final=False)

    def _stop_pause(self) -> None:
        if self._pause_timer is not None:
            self._pause_timer.stop()
            self._pause_timer = None

    async def _run_own_key(self, event: events.Key) -> None:
        """What both editors do with a key (their `on_key`): an editing key runs here, in order with
        the characters typed (`run_own_binding`, which then keeps Input's or TextArea's own key
        handler from running); what the key did is then drawn at once.

        Textual calls each class's key handler in MRO order, so `on_key` is defined in the editor
        classes, which come before Input and TextArea; this mixin comes after them.
        """
        await run_own_binding(self, event)
        self.call_next(self._show_key_now)

    def _show_key_now(self) -> None:
        """Draw what the key just did to the field before the messages it set off run.

        Textual draws a change once the widget, then the screen, have each gone idle: the key's
        Changed message climbs every container of the form first. A key that changed only the
        field's own lines (nothing to lay out or scroll) is drawn at once, as the screen's
        update would draw it; anything else is left to Textual's update.
        """
        if not self.is_attached:
            return  # the key took the field away (a list row deleted): nothing of it to draw
        draw_at_once(self)

    def _reason(self, text: str) -> str:
        try:
            fields.parse(self.path, text)
        except InputError as error:
            return error.text(self.session.lang)
        return ""

    def commit(self, *, final: bool = True) -> bool:
        """Save the field if it changed; False (and marked) when refused.

        `final` is True when the person leaves the field: the text is then shown as the store
        understood it (１６１０．６８ → 1610.68).
        """
        self._stop_pause()
        text = self.text_now
        if text == self.saved_text:
            if final and not self.refused and not self.waiting:
                self._show_stored()  # (a waiting field's text is not in the file yet: it stays)
            return not self.refused
        result = self.session.save(self.path, text)
        if result.waiting:
            # The session has it now: typing the old text back is a change to save too.
            self.saved_text = text
            self._mark(result.reason, result.why)
            return True
        if not result.ok:
            self._mark(result.reason, result.why)
            self._ask_if_conflict(result)
            return False
        self.saved_text = text
        self._mark("")
        if final:
            self._show_stored()
        return True

    def _ask_if_conflict(self, result: SaveResult) -> None:
        if result.conflict:
            self.app.ask_conflict()

    def _show_stored(self) -> None:
        """Show the stored value in its usual form (one-line fields only)."""

    def _mark(self, reason: str, why: str = INPUT) -> None:
        """Show `reason` at the field (refused, or `why` WAITING for the file), or nothing when "", and tell the session."""
        was = self.refused or self.waiting
        waiting = bool(reason) and why == WAITING
        self.set_class(bool(reason) and not waiting, "-refused")
        self.set_class(waiting, "-unsaved")
        self.session.hold(self.path, why if reason and not waiting else "", reason)
        if reason or was:
            self.post_message(FieldState(self, self.path, reason, waiting=waiting))

    def fail(self, reason: str, why: str) -> None:
        """The change the session kept waiting was refused at last (`why`, `reason`): the field keeps
        the text, marked, and saves it on the next change or when it is left."""
        self.saved_text = display(self.path, self.session.value(self.path))  # leaving the field tries again
        self._mark(reason, why)

    def discard(self) -> None:
        """Forget what was typed and not saved (the person took the file's version instead)."""
        self._stop_pause()
        self.saved_text = self.text_now
        self._mark("")

    def settle(self) -> None:
        """The field's path was just written (perhaps after a conflict, or at last after the file's
        lock went): if the file now holds what the field shows, the field is saved and no longer
        marked; text typed since the waiting change went in is saved as any other typing is."""
        if self.waiting and not self.session.is_waiting(self.path):
            self._mark("")
        try:
            value = fields.parse(self.path, self.text_now)
        except InputError:
            return
        if value == self.session.value(self.path):
            self.saved_text = self.text_now
            self._mark("")
            if not self.has_focus:
                self._show_stored()


class TextInput(Input):
    """Textual's one-line Input with Ctrl+A selecting all (tui/actions.toml field.select_all): every
    one-line box of the app."""

    BINDINGS = bindings("select_all")


class FieldInput(TextInput, FixedBoxInput, FieldEditor):
    """A one-line field (name, amount, count, date) bound to a field path; its box has a fixed size,
    so a key typed redraws the field only (FixedBoxInput)."""

    #: Enter is a priority binding so it is handled as the key arrives, in order with Tab and the
    #: list keys: keys typed straight after it go to the next field.
    BINDINGS = bindings("field")

    def __init__(self, session: ReportSession, path: str, *, placeholder: str = "", classes: str = "") -> None:
        text = display(path, session.value(path))
        super().__init__(text, placeholder=placeholder, id=field_id(path), classes=classes, compact=True)
        self.session = session
        self.path = path
        self.saved_text = text
        self._pause_timer = None
        self._own_placeholder = placeholder
        #: A value worked out from other fields (a sum), offered while the field is empty: Enter takes it.
        self.offered = ""

    @property
    def text_now(self) -> str:
        return self.value

    def offer(self, text: str, shown: str = "") -> None:
        """Offer `text` while the field is empty: shown as its placeholder (`shown`), taken by Enter."""
        self.offered = text
        placeholder = (shown or text) if text else self._own_placeholder
        if placeholder != self.placeholder:
            self.placeholder = placeholder

    async def on_key(self, event: events.Key) -> None:
        await self._run_own_key(event)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self:
            self._typed()

    async def action_submit(self) -> None:
        """Enter: on to the next field when what was typed can be read (leaving it saves it);
        otherwise stay, marked with the reason.

        Runs in the app as the key arrives (once this field has taken what was typed before
        it) and moves the cursor at once, so keys typed straight after Enter land in the next field.
        """
        if self.value == "" and self.offered:
            self.value = self.offered
            self.commit()
        if self._reason(self.value) == "":
            if self.commit() and await self._list_takes_enter():
                return
            await _start_empty_list(self.screen.focus_next())
            from tui.widgets.listed import follow_cursor

            await follow_cursor(self.app)
        else:
            self.commit()

    async def _list_takes_enter(self) -> bool:
        """Whether the list this field is in took the Enter (to add a row, or to leave a blank one)."""
        from tui.widgets.listed import ListEditor

        for node in self.ancestors:
            if isinstance(node, ListEditor):
                return await node.entered(self)
        return False

    def on_blur(self, _event: events.Blur) -> None:
        try:
            self.session.value(self.path)
        except (IndexError, KeyError):
            return  # a row its list just removed (a blank one left by Enter)
        self.commit()

    def _show_stored(self) -> None:
        shown = display(self.path, self.session.value(self.path))
        self.saved_text = shown
        if shown != self.value:
            with self.prevent(Input.Changed):
                self.value = shown


async def _start_empty_list(reached: Widget | None) -> None:
    """Enter that lands on the add button of a list with nothing in it yet adds its first item and
    goes into it: a 机构类别 typed and Enter goes on to the first 机构's name, as the page reads.
    (Tab passes the button by, leaving the list empty.)"""
    from tui.widgets.listed import AddButton, ListEditor

    editor = reached.parent if isinstance(reached, AddButton) else None
    if isinstance(editor, ListEditor) and editor.size_now == 0:
        await editor.action_add(1)


class ProseArea(TextArea, FieldEditor):
    """Multi-line prose bound to a field path; Enter starts a new paragraph, pastes keep every line."""

    BINDINGS = bindings("select_all")

    def __init__(self, session: ReportSession, path: str) -> None:
        text = session.value(path) or ""
        super().__init__(
            text,
            id=field_id(path),
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            compact=True,
            highlight_cursor_line=False,
        )
        self.session = session
        self.path = path
        self.saved_text = text
        self._pause_timer = None
        self._measured: tuple[int, str, int] = (-1, "", 1)

    @property
    def text_now(self) -> str:
        return self.text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The wrapped text's height at `width`, known at the first layout.

        TextArea learns its wrapped height only after it has been laid out once; a form of
        many prose areas would then shift for a while after it appears, and a field the
        cursor was sent to (from the checks panel) would end up off screen.
        """
        if (width, self.document.text) != self._measured[:2]:
            wrapped = WrappedDocument(self.document, max(0, width - self.gutter_width - 1), self.indent_width)
            self._measured = (width, self.document.text, max(1, wrapped.height))
        return self._measured[2]

    async def on_key(self, event: events.Key) -> None:
        await self._run_own_key(event)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is self:
            self._typed()

    def on_blur(self, _event: events.Blur) -> None:
        self.commit()


class FieldRow(Vertical):
    """A labelled line of one or more field editors, with their reasons shown underneath.

    The line for the reasons is added the first time one is refused: a form has hundreds of
    rows, and each widget fewer keeps a part screen quick to open.

    `stacked` puts the label on its own line above (prose); otherwise it sits to the left.
    `aside` is a note beside the editors: a unit, or a live share, sum or completion rate.
    """

    def __init__(
        self, *editors: Widget, label: str = "", aside: str | None = None, stacked: bool = False, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="field-row" + (" -stacked" if stacked else ""))
        self.editors = editors
        self.label = label
        self.aside = aside
        self.stacked = stacked
        #: The reason shown for each editor's path; `waiting`: the paths whose text only waits for the file.
        self.reasons: dict[str, str] = {}
        self.waiting: set[str] = set()

    def compose(self) -> ComposeResult:
        if self.stacked:
            if self.label:
                yield Label(self.label, classes="field-label")
            yield from self.editors
        else:
            with Horizontal(classes="field-line"):
                if self.label:
                    yield Label(self.label, classes="field-label")
                yield from self.editors
                if self.aside is not None:
                    yield Static(self.aside, classes="aside")

    def on_field_state(self, message: FieldState) -> None:
        if not self.is_attached:
            return
        if message.reason:
            self.reasons[message.path] = message.reason
        else:
            self.reasons.pop(message.path, None)
        if message.waiting:
            self.waiting.add(message.path)
        else:
            self.waiting.discard(message.path)
        text = "\n".join(self.reasons.values())
        errors = self.query_children(".field-error")
        if errors:
            errors.first(Static).update(text)
        elif text:
            self.mount(Static(text, classes="field-error"))
        self.set_class(bool(self.reasons.keys() - self.waiting), "-refused")
        self.set_class(bool(self.waiting), "-unsaved")

    def set_aside(self, text: str) -> None:
        """Show `text` beside the editors (nothing if the row has no aside).

        A row not drawn yet shows the new text when it is: compose reads `self.aside`.
        """
        if self.aside is not None and text != self.aside:
            self.aside = text
            for shown in self.query(".aside").results(Static):
                shown.update(text)


def row_of(editor: Widget) -> FieldRow | None:
    """The FieldRow that holds `editor`."""
    for node in editor.ancestors:
        if isinstance(node, FieldRow):
            return node
    return None
