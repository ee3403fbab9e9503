"""An ordered list of the report (duties, results, breakdown lines, bodies…) edited by keys alone.

ctrl+n adds an item after the one being edited, ctrl+o inserts one before it, alt+↑/alt+↓
(or ctrl+↑/ctrl+↓) move it, ctrl+delete deletes it — at once when it is blank, otherwise
after a confirmation, so nothing typed is ever lost silently. In nested lists (bodies in a
group, indicators in a result) the keys act on the innermost list around the cursor.

A long list (a 主管部门's 2,000 results, 5,000 duties) gives rows to a window of its items only:
a screenful of items on either side of the cursor's, and a line above and below saying how many
more there are. The window follows the cursor (Tab, Enter, a click, a jump from the checks panel)
a few rows at a time, so the widgets alive — and the time to build, lay out and quit a screen —
stay those of a short list however long the report grows.
"""

from __future__ import annotations

import asyncio
import bisect
import dataclasses
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.containers import ScrollableContainer, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from tui.actions import bindings
from tui.keymap import keys_said
from tui.session import ReportSession
from tui.widgets import field_id, focus_now
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.field import EDITORS, FieldEditor

if TYPE_CHECKING:
    from tui.app import JixiaoApp

#: Builds the widgets of one item from its path (`duties[3]`) and its value.
RowMaker = Callable[[str, Any], Iterable[Widget]]

#: Lists of up to this many items give every item a row; a longer one, a window of rows around the cursor.
WHOLE = 50


def is_blank(value: Any) -> bool:
    """Whether an item holds nothing a person typed (so deleting it loses nothing)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, int | Decimal):
        return value == 0
    if isinstance(value, list):
        return all(is_blank(item) for item in value)
    if dataclasses.is_dataclass(value):
        return all(is_blank(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False


def item_id(path: str) -> str:
    """The id of the row holding list item `path` (the item's own editor has `field_id(path)`)."""
    return "i" + field_id(path)


class ItemRow(Vertical):
    """One item of a list, with its number (docked on the left) when the list is numbered."""

    def __init__(self, path: str, number: str, children: Iterable[Widget]) -> None:
        super().__init__(id=item_id(path), classes="item-row")
        self.path = path
        self.number = number
        self.parts = list(children)

    @property
    def index(self) -> int:
        """The item's place in its list (`duties[3]` → 3)."""
        return int(self.path[self.path.rindex("[") + 1 : -1])

    def compose(self) -> ComposeResult:
        if self.number:
            yield Label(self.number, classes="item-number")
        yield from self.parts


class AddButton(Button):
    """ "＋ add" at the foot of a list. Enter (or space) is a priority binding, so it runs in the app
    as the key arrives and the keys typed straight after it go to the new item."""

    BINDINGS = bindings("list_gap")

    async def action_add(self) -> None:
        editor = self.parent
        if isinstance(editor, ListEditor):
            await editor.action_add(1)


class MoreItems(Static):
    """The line above or below a window of a long list saying how many items have no row; a click shows the nearest."""

    def __init__(self, before: bool) -> None:
        super().__init__("", classes="list-more")
        self.before = before

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        listed = self.parent
        if isinstance(listed, ListEditor):
            shown = listed.shown
            await listed.reveal(shown.start - 1 if self.before else shown.stop, "")


class ListEditor(Vertical):
    """The list at `list_path`, one ItemRow per item shown (all of a short list, a window of a long
    one), rebuilt from the store after each change."""

    #: Priority bindings run in the app as the key arrives, and the app takes no further key until
    #: the list is rebuilt and the cursor is in its new place, so keys typed next land there.
    BINDINGS = bindings("list")

    app: JixiaoApp

    def __init__(
        self,
        session: ReportSession,
        list_path: str,
        make_row: RowMaker,
        new_item: Callable[[], Any],
        *,
        numbered: bool = False,
        header: Callable[[], Widget] | None = None,
        add_label: str = "",
        add_at_end: bool = False,
        enter_adds: bool = False,
        item_lines: int = 1,
    ) -> None:
        super().__init__(id=field_id(list_path), classes="list-editor")
        self.session = session
        self.list_path = list_path
        self.make_row = make_row
        self.new_item = new_item
        self.numbered = numbered
        self.header = header
        self.add_label = add_label
        self.add_at_end = add_at_end
        #: Enter in the last field of the last item adds an item (rows typed one after another, as
        #: bodies are); Enter in a blank last item removes it and goes on past the list.
        self.enter_adds = enter_adds
        #: The fewest lines one item takes on screen: a window holds a screenful of them on either side of the cursor.
        self.item_lines = item_lines
        #: The items that have rows: all of them, or a window of a long list.
        self.shown = range(0)
        #: The item the window is built around when the list is next composed.
        self._around = 0
        #: One window move at a time (the cursor's move and the focus event may both ask for one).
        self._moving = asyncio.Lock()

    def compose(self) -> ComposeResult:
        items = self.session.value(self.list_path)
        self.shown = self._window(len(items), self._around)
        windowed = len(self.shown) < len(items)
        if self.header is not None and items:
            yield self.header()
        if windowed:
            yield self._more(MoreItems(before=True), len(items))
        for index in self.shown:
            yield self._row(index, items[index])
        if windowed:
            yield self._more(MoreItems(before=False), len(items))
        if not items or self.add_at_end:
            label = self.add_label or self.app.t("ui.list.add_first", add=keys_said(self.app, "list.add_here"))
            yield AddButton(label, classes="list-add", compact=True)
        yield Static("", classes="field-error list-error")

    @property
    def size_now(self) -> int:
        return len(self.session.value(self.list_path))

    # --- the window of a long list --------------------------------------------------------

    def _row(self, index: int, item: Any) -> ItemRow:
        path = f"{self.list_path}[{index}]"
        return ItemRow(path, f"{index + 1}." if self.numbered else "", self.make_row(path, item))

    @property
    def margin(self) -> int:
        """Items kept on each side of the cursor's: as many of the shortest items as fill the screen."""
        return -(-max(self.app.size.height, 1) // self.item_lines)

    def _window(self, size: int, around: int) -> range:
        """The items of a list of `size` that get rows when the cursor is in item `around`."""
        span = 2 * self.margin + 1
        if size <= max(WHOLE, span):
            return range(size)
        start = max(0, min(around - self.margin, size - span))
        return range(start, start + span)

    def item_of(self, path: str) -> tuple[int, str] | None:
        """(index, the rest of the path) when `path` is in an item of this list (`duties[7]` → (7, ""))."""
        prefix = self.list_path + "["
        if not path.startswith(prefix) or "]" not in path[len(prefix) :]:
            return None
        close = path.index("]", len(prefix))
        number = path[len(prefix) : close]
        return (int(number), path[close + 1 :]) if number.isdigit() else None

    def _more(self, more: MoreItems, size: int) -> MoreItems:
        """Say on the line above or below the window (`more`) how many of the `size` items have no row there."""
        count = self.shown.start if more.before else size - self.shown.stop
        if more.before:
            more.update(self.app.t("ui.list.more_before", n=count, previous=keys_said(self.app, "previous")))
        else:
            more.update(self.app.t("ui.list.more_after", n=count, next=keys_said(self.app, "next")))
        more.display = count > 0
        return more

    async def follow(self) -> None:
        """Move the window of a long list so that a screenful of items stays on either side of the cursor's.

        It moves once the cursor is within half a screenful of its edge, so Tab and Enter always
        find the next item's row there, and the rows it adds and drops are half a screenful at most.
        """
        async with self._moving:
            where = self.current()
            size = self.size_now
            if where is None or len(self.shown) >= size:
                return
            index, half = where[0], max(1, self.margin // 2)
            room_before = self.shown.start == 0 or index - self.shown.start >= half
            room_after = self.shown.stop == size or self.shown.stop - 1 - index >= half
            if not (room_before and room_after):
                await self._move_window(self._window(size, index))

    async def reveal(self, index: int, rest: str) -> None:
        """Put the cursor in field `rest` of item `index`, moving the window to it first if it has no row."""
        if 0 <= index < self.size_now and index not in self.shown:
            async with self._moving:
                await self._move_window(self._window(self.size_now, index))
        self.focus_item(index, rest)
        self.call_after_refresh(self._show_focused)

    async def _move_window(self, window: range) -> None:
        """Give rows to the items of `window` and take them from the others, keeping the rows of fields
        that hold a refused input or one waiting for the file (their text is on screen only), and
        keeping the cursor's row on the same line of the screen."""
        items = self.session.value(self.list_path)
        rows = list(self.query_children(ItemRow))
        kept = {row.index: row for row in rows if row.index in window or _holds_unsaved(row)}
        where = self.current()
        anchor = kept.get(where[0]) if where is not None else None
        top = anchor.virtual_region.y if anchor is not None else 0
        self.shown = window
        dropped = [row for row in rows if row.index not in kept]
        # The rows dropped above the cursor's were laid out: scroll back by their height at once, so
        # no picture is drawn with the form jumped (rows added above are measured once laid out).
        above = sum(row.outer_size.height for row in dropped if anchor is not None and row.index < anchor.index)
        scroller = self._scroller()
        if above and scroller is not None:
            scroller.scroll_relative(y=-above, animate=False, immediate=True)
            top -= above
        await self.remove_children(dropped)
        places = sorted(kept)
        after = self.query_children(MoreItems).last()
        runs: dict[Widget, list[ItemRow]] = {}
        for index in window:
            if index not in kept:
                following = bisect.bisect_right(places, index)
                place = kept[places[following]] if following < len(places) else after
                runs.setdefault(place, []).append(self._row(index, items[index]))
        for place, new_rows in runs.items():
            await self.mount_all(new_rows, before=place)
        for more in self.query_children(MoreItems):
            self._more(more, len(items))
        self.post_message(self.Rebuilt())
        if anchor is not None:
            self.call_after_refresh(self._hold_line, anchor, top)

    def _hold_line(self, anchor: ItemRow, top: int) -> None:
        """Scroll the form by as much as rows that came or went above `anchor` moved it from `top`,
        so the cursor's row stays on its line of the screen; then make sure the cursor shows."""
        scroller = self._scroller()
        if anchor.is_attached and scroller is not None:
            moved = anchor.virtual_region.y - top
            if moved:
                scroller.scroll_relative(y=moved, animate=False, immediate=True)
        self._show_focused()

    def _scroller(self) -> ScrollableContainer | None:
        """The form that scrolls this list."""
        return next((node for node in self.ancestors if isinstance(node, ScrollableContainer)), None)

    async def on_descendant_focus(self, _event: events.DescendantFocus) -> None:
        """The cursor came to a field of this list (by any way, a click too): the window follows it."""
        if len(self.shown) < self.size_now:
            await self.follow()

    # --- where the cursor is -----------------------------------------------------------

    def current(self) -> tuple[int, str] | None:
        """(index of the item holding the cursor, the focused field's path after the item)."""
        node = self.app.focused
        suffix = ""
        if isinstance(node, FieldEditor):
            suffix = node.path
        while node is not None and node is not self:
            if isinstance(node, ItemRow) and node.parent is self:
                rest = suffix[len(node.path) :] if suffix.startswith(node.path) else ""
                return node.index, rest
            node = node.parent
        return None

    def _can_change(self) -> bool:
        """Refuse to rebuild while a field of this list holds input that was refused: it would be lost."""
        if not self.app.commit_focused():
            self.say(self.app.t("ui.list.fix_first"))
            return False
        for editor in self.query(EDITORS):
            if isinstance(editor, FieldEditor) and editor.refused:
                self.say(self.app.t("ui.list.fix_first"))
                focus_now(editor)
                return False
        return True

    def say(self, text: str) -> None:
        """Show why a list change was refused, under the list."""
        self.query_children(".list-error").first(Static).update(text)
        self.set_class(bool(text), "-refused")

    # --- changes -----------------------------------------------------------------------

    def _innermost(self) -> ListEditor:
        """The list the keys act on: the innermost one around the cursor.

        Priority bindings are offered to the outermost list first, so it hands them inward.
        """
        node = self.app.focused
        while node is not None and node is not self:
            if isinstance(node, ListEditor):
                return node
            node = node.parent
        return self

    async def action_add(self, after: int) -> None:
        """Add a blank item after (1) or before (0) the current one; at the end if none is current."""
        await self._innermost()._add(after)

    async def action_move(self, step: int) -> None:
        """Move the current item up (-1) or down (1)."""
        await self._innermost()._move(step)

    async def action_delete(self) -> None:
        """Delete the current item: at once if blank, else after the person confirms."""
        await self._innermost()._delete_current()

    async def _add(self, after: int) -> None:
        if not self._can_change():
            return
        where = self.current()
        index = self.size_now if where is None else where[0] + after
        if self._done(self.session.insert(self.list_path, index, self.new_item())):
            await self.rebuild(index, "")

    async def _move(self, step: int) -> None:
        where = self.current()
        if where is None or not self._can_change():
            return
        index, rest = where
        target = index + step
        if not 0 <= target < self.size_now:
            return
        if self._done(self.session.move(self.list_path, index, target)):
            await self.rebuild(target, rest)

    async def _delete_current(self) -> None:
        where = self.current()
        if where is None or not self._can_change():
            return
        index = where[0]
        item = self.session.value(f"{self.list_path}[{index}]")
        if is_blank(item):
            await self._delete(index)
            return

        async def answered(yes: bool | None) -> None:
            if yes:
                await self._delete(index)
            else:
                self.focus_item(index, where[1])

        question = self.app.t("ui.list.confirm_delete", n=index + 1, what=_preview(item))
        self.app.push_screen(ConfirmDialog(question, self.app.t("ui.list.delete")), answered)

    async def _delete(self, index: int) -> None:
        if self._done(self.session.delete(self.list_path, index)):
            await self.rebuild(min(index, self.size_now - 1), "")

    def _done(self, result: Any) -> bool:
        if result.ok:
            self.say("")
            return True
        self.say(result.reason)
        if result.conflict:
            self.app.ask_conflict()
        return False

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        """The add button clicked: a first item, or (with `add_at_end`) one after the last."""
        if event.button.has_class("list-add") and event.button.parent is self:
            event.stop()
            await self.action_add(1)

    class Rebuilt(Message):
        """A list was rebuilt: its screen finds its fields anew and updates what it derives."""

    async def rebuild(self, index: int, rest: str) -> None:
        """Show the list as the store now holds it and put the cursor in item `index`.

        Keys typed meanwhile wait in the app and then go to that field.
        """
        self._around = index
        await self.recompose()
        self.focus_item(index, rest)
        self.post_message(self.Rebuilt())
        # Once the new rows have a place on screen, scroll the cursor's field into view (before the
        # layout it has none, and a row added at the foot of the form stayed under the status line).
        self.call_after_refresh(self._show_focused)

    def _show_focused(self) -> None:
        focused = self.app.focused
        if focused is not None and self in focused.ancestors:
            focused.scroll_visible(animate=False, immediate=True)

    async def entered(self, editor: Widget) -> bool:
        """Enter in `editor`, a field of this list: add an item after the last one when `editor` is its
        last field, or leave a blank last item (removing it). False when Enter should go on as usual."""
        if not self.enter_adds:
            return False
        where = self.current()
        if where is None or where[0] != self.size_now - 1:
            return False
        row = self.query_children(ItemRow).last()
        editors = [e for e in row.query(EDITORS) if isinstance(e, FieldEditor)]
        if not editors or not self._can_change():
            return False
        index = where[0]
        if is_blank(self.session.value(f"{self.list_path}[{index}]")) and index > 0:
            after = self._after()
            if after is not None:
                focus_now(after)
            if self._done(self.session.delete(self.list_path, index)):
                self._around = index - 1
                await self.recompose()
                self.post_message(self.Rebuilt())
            return True
        if editor is not editors[-1]:
            return False
        await self._add(1)
        return True

    def _after(self) -> Widget | None:
        """The first thing the cursor can go to after this list."""
        chain = self.screen.focus_chain
        mine = [w for w in chain if self in w.ancestors]
        position = chain.index(mine[-1]) + 1 if mine else len(chain)
        return chain[position] if position < len(chain) else None

    def focus_item(self, index: int, rest: str) -> None:
        """Focus the field `rest` of item `index` (its first field if `rest` is "")."""
        if index < 0:
            focus_now(self.query_children(".list-add").first())
            return
        path = f"{self.list_path}[{index}]"
        for selector in (f"#{field_id(path + rest)}", f"#{item_id(path)}"):
            matches = self.query(selector)
            if matches:
                target = matches.first()
                if target.focusable:
                    focus_now(target)
                    return
                editors = target.query(EDITORS)
                if editors:
                    focus_now(editors.first())
                    return


async def follow_cursor(app: JixiaoApp) -> None:
    """Once the cursor has moved (Tab, Enter), let each long list around it bring its window along,
    before the app takes the next key: keys typed at once then find the rows they go to."""
    focused = app.focused
    if focused is not None:
        for node in focused.ancestors:
            if isinstance(node, ListEditor):
                await node.follow()


def _holds_unsaved(row: ItemRow) -> bool:
    """Whether a field of `row` shows a refused input or one waiting for the file (its text is nowhere else)."""
    return any(isinstance(editor, FieldEditor) and (editor.refused or editor.waiting) for editor in row.query(EDITORS))


def _preview(item: Any, width: int = 24) -> str:
    """A short reminder of what an item says, for the delete question."""
    if isinstance(item, str):
        text = item
    else:
        text = next(
            (getattr(item, name) for name in ("title", "category", "name", "label") if getattr(item, name, "")), ""
        )
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"
