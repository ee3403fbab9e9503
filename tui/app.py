"""The jixiao app: the report file's home list, one screen per part of a report, and the way between.

`run(db_path, lang)` opens the file before the UI starts (a file that cannot be used is
refused with its reason and exit code 2). Screens are looked up by name in
`tui.screens.SCREENS` and imported the first time they are shown, so opening a file loads
the home screen alone. While a report is open, its screens are kept (installed) so that
switching parts keeps each screen's place and any input still being fixed.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import WorkerCancelled, WorkerFailed, active_worker

from store.repository import Store, StoreError
from store.scoring import load_systems
from store.settings import Settings, load_settings
from tui import actions, screens
from tui.commands import KeyCommands, command_palette
from tui.keymap import read_keymap
from tui.session import CONFLICT, LOCK_WAIT_MS, WAITING, ReportChanged, ReportSession, SaveFailed
from tui.textual_compat import (
    binding_chain,
    draw_unseen,
    is_closing,
    lay_out_unseen,
    layout_pending,
    modal_binding_chain,
    mount_unseen,
    use_escape_parser,
    use_lean_compositor,
)
from tui.widgets.dialogs import DISCARD, WAIT
from tui.widgets.own_keys import takes_itself
from tui.words import message

#: Seconds a key waits at most for the focused widget to take the keys typed before it.
CAUGHT_UP_TIMEOUT = 10.0
#: Seconds between looks for the first screen, while a key typed as the program starts waits for it.
STARTING_POLL = 0.01

#: Enter as it arrives while the program starts: the terminal still edits lines (tui.keyinput) and
#: passes Enter on as a line feed, which Textual reads as ctrl+j.
TERMINAL_ENTER = "ctrl+j"

#: Seconds after the last save before the file itself takes in what the -wal holds (Store.checkpoint),
#: so that a plain copy of the .db made while the app is open is complete.
CHECKPOINT_AFTER = 3.0
#: Seconds without a key before a screen is built ahead (tui.app: screens built before they are asked for).
QUIET = 0.3

#: Layout passes at most for a screen built ahead, and the seconds its widgets get to ask for another.
LAYOUT_PASSES, LAYOUT_SETTLE = 4, 0.02

#: The open report's screens built in the background, one at a time while the keyboard is quiet:
#: the parts, then the checks, the preview and the 自评表 (the export dialog is made when asked for).
BUILT_AHEAD = (*screens.PARTS, "checks", "preview", "scoring")


class JixiaoApp(App[int]):
    """The whole program around one open Store; `session` is the report being edited, if any."""

    CSS_PATH = "app.tcss"
    #: Only jixiao's own commands: Textual's system commands are in English whatever the language.
    COMMANDS = {KeyCommands}
    BINDINGS = actions.bindings("app")

    def __init__(
        self, store: Store, lang: str = "zh", settings: Settings | None = None, *, build_ahead: bool = True
    ) -> None:
        """`build_ahead`: build the report's screens while the keyboard rests, before they are asked
        for (the program always does). Without it each screen is built when it is first shown, as
        it is anyway when a key asks for it before its turn; tests that are not about the screens
        built ahead run so in half the time."""
        use_lean_compositor()
        # Escape followed at once by another key is Escape then that key, never an Alt key (tui.keyinput).
        use_escape_parser()
        super().__init__()
        self.store = store
        # A write that meets another program's lock waits a moment only: the session keeps the
        # change and tries again on a timer, and the screen goes on taking keys meanwhile.
        store.lock_wait_ms = LOCK_WAIT_MS
        #: Quit as soon as nothing is unsaved (the person chose to wait for a locked file).
        self._quit_when_saved = False
        #: The timer that brings saved changes into the .db itself once saving rests (CHECKPOINT_AFTER).
        self._checkpoint: Timer | None = None
        self._priority_keys_of: WeakKeyDictionary[Widget, frozenset[str]] = WeakKeyDictionary()
        #: The screen in front when each key came. A key no binding takes at once goes to the focused
        #: widget and up through its parents back to the app, whose bindings Textual then looks up on
        #: the screen in front by then: Escape typed on the home list just before Enter and F3 came
        #: back once the report was open and left it again (issue 23).
        self._typed_at: WeakKeyDictionary[events.Key, Screen | None] = WeakKeyDictionary()
        self.lang = lang
        self.session: ReportSession | None = None
        self._report_screens: dict[str, Screen] = {}
        #: The first part screen of the report under the home list's cursor, built ahead (`prepare`).
        self._prepared: tuple[ReportSession, Screen] | None = None
        self.build_ahead = build_ahead
        self._last_key = 0.0
        self.title = self.t("ui.app.title")
        #: The settings file's choices (fonts, share rounding, keys), read once.
        self.settings = settings if settings is not None else load_settings()
        keymap, self._notices = read_keymap(self.settings)
        self.set_keymap(keymap)

    def on_mount(self) -> None:
        self._last_key = asyncio.get_running_loop().time()
        # What exists once the report list is up (Textual, the stylesheet, the modules) lives as
        # long as the program, and a built screen as long as its report is open: the garbage
        # collector need not scan them again and again (gc.freeze). Its full scans otherwise
        # paused the program for up to a fifth of a second, at any key. A screen dropped gives
        # everything back to the collector (gc.unfreeze), to be frozen again after the next build.
        self.call_after_refresh(gc.freeze)
        # What the settings file and the user's indicator files hold that was set aside (the
        # defaults and the shipped indicator systems are used instead), said once at start.
        for notice in (*self._notices, *load_systems()[1]):
            self.notify(notice.text(self.lang), severity="warning", timeout=10)
        if self.store.backup_problem is not None:
            self.notify(self.store.backup_problem.text(self.lang), severity="warning", timeout=10)
        if not self.store.readonly and self.store.journal != "wal":
            self.notify(self.t("safety.rollback_journal"), timeout=10)

    def on_unmount(self) -> None:
        # The freeze is process-wide and outlives the app: a program that runs the app again (each
        # test does, with run_test) would keep every earlier app's objects frozen, and its memory
        # and the collector's work would grow with each run. Stopping gives them all back.
        gc.unfreeze()

    def t(self, key: str, **params: object) -> str:
        """The text for `key` in the app's language (tui/words.py, else the store's catalogue)."""
        return message(key, self.lang, **params)

    def get_default_screen(self) -> Screen:
        return screens.screen_class("home")()

    # --- keys in the order they were typed --------------------------------------------
    #
    # Textual hands each key to the focused widget's own queue, while bound keys (Enter, Tab,
    # ctrl+n, F3) act at once in the app; a burst of typing (an input method committing a word,
    # a slow PC catching up) could then be overtaken by the Enter or F3 typed after it. So the
    # app hands such a key on only once the focused widget has taken every key before it: in
    # order, wherever it goes. A key the focused widget takes itself (a character into a field,
    # or an editing key the field editors run as they take it, see tui.widgets.own_keys) goes
    # straight to that widget's queue, which keeps the order: typing costs no wait. Whatever
    # moves the cursor does so at once (`screen.set_focus`, not the deferred `Widget.focus`), so
    # the next key finds it there.

    async def on_event(self, event: events.Event) -> None:
        """Pass a key or paste on only after the focused widget has taken the ones before it,
        unless the focused widget takes it itself (in its own queue, so in order)."""
        if (
            isinstance(event, events.Key)
            and event.is_forwarded
            and self._typed_at.get(event, self._front()) is not self._front()
        ):
            return  # back from the widgets of a screen no longer in front: not for this one's bindings
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            self._last_key = asyncio.get_running_loop().time()
            if isinstance(event, events.Key) and event.key == TERMINAL_ENTER and not self._first_screen_up():
                event = events.Key("enter", "\r")  # Enter, as the terminal's line editing passed it on
            await self._screen_up()
            if not self._taken_in_place(event):
                await self._focused_caught_up()
                if isinstance(event, events.Key) and await self._screen_key_now(event):
                    return
            if not self.screen_stack:
                return  # the program is closing and has no screen left to take the key
            if isinstance(event, events.Key):
                self._typed_at[event] = self._front()
        await super().on_event(event)

    def _front(self) -> Screen | None:
        """The screen in front, or None while there is none (starting, closing)."""
        return self.screen_stack[-1] if self.screen_stack else None

    async def _screen_key_now(self, event: events.Key) -> bool:
        """Run the screen's or the app's own binding for `event` now, when no widget between the
        focused one and the screen binds the key; True if it ran.

        Textual runs a non-priority binding only once the key has bubbled back up to the app,
        behind the keys typed after it: Escape then 5 put the 5 into the field, and the report was
        not left; F1 then Escape left the report, and the help came up over the home list
        (issue 23). Run here, the binding acts in the order the keys were typed.
        """
        if not self.screen_stack or is_closing(self):
            return False
        for node, bindings in modal_binding_chain(self.screen):
            bound = bindings.key_to_bindings.get(event.key)
            if not bound:
                continue
            if node not in (self.screen, self) or any(binding.priority for binding in bound):
                return False
            for binding in bound:
                if await self.run_action(binding.action, node):
                    event.stop()
                    event.prevent_default()
                    await self._left()
                    return True
            return False
        return False

    async def _screen_up(self) -> None:
        """Keys typed while the program starts wait for its first screen to be mounted (Textual has
        nowhere to send them before it, and would stop with an error; before the screen's own
        mount handler has put the cursor in its first field, they went to the screen and were
        lost: `2019` typed as the program started never reached the home list's filter)."""
        while not self._first_screen_up() and not is_closing(self):
            await asyncio.sleep(STARTING_POLL)

    def _first_screen_up(self) -> bool:
        return bool(self.screen_stack) and self.screen.is_mounted

    def _taken_in_place(self, event: events.Key | events.Paste) -> bool:
        """Whether the focused widget handles `event` in its own queue: a key it takes itself
        (tui.widgets.own_keys) that no priority binding claims first."""
        focused = self.focused if self.screen_stack else None
        if focused is None or not isinstance(event, events.Key):
            return False
        return event.key not in self._priority_keys(focused) and takes_itself(focused, event)

    def _priority_keys(self, focused: Widget) -> frozenset[str]:
        """The keys a priority binding claims while `focused` has the cursor, as Textual finds them
        (a key the widget consumes is left to it); worked out once a widget (its place in the
        screen and the keymap do not change)."""
        keys = self._priority_keys_of.get(focused)
        if keys is None:
            chain = binding_chain(focused.screen)
            keys = frozenset(
                key
                for _node, bindings in chain
                for key, bound in bindings.key_to_bindings.items()
                if any(binding.priority for binding in bound)
            )
            self._priority_keys_of[focused] = keys
        return keys

    async def _focused_caught_up(self) -> None:
        """Wait until the focused widget has handled every message sent to it before now.

        Gives up if the widget goes away, once the app is closing, or after CAUGHT_UP_TIMEOUT
        (a widget that never answers must not stop the keyboard for good). Textual runs no
        callback once the app is closing (after an unhandled error, too): waiting then would
        hold each key already typed for the whole timeout, and the app would seem hung.
        """
        if is_closing(self) or not self.screen_stack:
            return
        focused = self.focused
        if focused is None:
            return
        loop = asyncio.get_running_loop()
        taken = loop.create_future()
        if not focused.call_later(lambda: taken.done() or taken.set_result(None)):
            return
        deadline = loop.time() + CAUGHT_UP_TIMEOUT
        while focused.is_attached and not is_closing(self) and loop.time() < deadline:
            done, _pending = await asyncio.wait([taken], timeout=0.1)
            if done:
                return

    async def _left(self) -> None:
        """Wait (CAUGHT_UP_TIMEOUT at most) until leaving the report is done, if a key started it:
        the keys typed after Escape go to the home list, not to the report's screen going away."""
        this = active_worker.get(None)
        leaving = [
            worker
            for worker in self.workers
            if worker.group == "open" and not worker.is_finished and worker is not this
        ]
        if leaving:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.gather(*(worker.wait() for worker in leaving)), CAUGHT_UP_TIMEOUT)

    # --- moving between screens -----------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Report keys (F2–F10) while a report is open; on the home list, a report screen's key
        (not a dialog's) opens the highlighted report at that screen."""
        if action == "open" and self.session is None:
            return self._opens_from_home(str(parameters[0])) is not None
        if action == "outline":
            return self.session is not None
        return True

    def _opens_from_home(self, name: str) -> int | None:
        """The report the key for screen `name` opens from the home list: the highlighted one, when
        the home list is in front and `name` is a screen of its own (a dialog needs a report behind it)."""
        from tui.screens.home import HomeScreen

        front = self._front()
        if not isinstance(front, HomeScreen) or name in screens.DIALOGS:
            return None
        return front.selected_id()

    def commit_focused(self) -> bool:
        """Save the field being edited, if any; False when what it holds was refused."""
        # Imported here: the field widgets (and Textual's TextArea) are not needed to show the home list.
        from tui.widgets.field import FieldEditor

        focused = self.focused
        if isinstance(focused, FieldEditor):
            return focused.commit()
        return True

    async def open_report(self, report_id: int, first: str = screens.PARTS[0]) -> None:
        """Start editing a report: its screen `first` comes up (its first part, unless the key of
        another screen was pressed on the home list), and the other screens are built behind it.

        A report still closing (Escape typed just before Enter) is closed first: opened meanwhile,
        its closing took the new report's screens away.
        """
        await self._left()
        ready = await self._take_ready(report_id)
        if ready is None:
            try:
                self.session = self._session(report_id)
            except StoreError as error:
                # A page damaged deep inside the file shows only when the report is read: say so,
                # with the newest good backup (store.repository.DamagedError), and stay on the list.
                self.notify(error.text(self.lang), severity="error", timeout=30)
                return
        else:
            self.session, screen = ready
            self.install_screen(screen, f"report-{screens.PARTS[0]}")
            self._report_screens[screens.PARTS[0]] = screen
        await self.show(first)
        if self.build_ahead:
            self.run_worker(self._build_parts, group="build", exclusive=True)

    # --- screens built before they are asked for ---------------------------------------
    #
    # A part screen holds a few hundred widgets, and Textual took most of a second to build one
    # (compose, styles, several layout passes while it was already in front). Built while
    # unseen, a screen comes up at its first key as fast as on a later one: the first part of
    # the report under the cursor in the home list is built once the highlight rests there,
    # and the other parts are built one by one once the report is open, each when the keyboard
    # has been quiet for a moment (a build shares the one thread with the keys).

    def prepare(self, report_id: int) -> None:
        """Build the first part screen of report `report_id` (under the home list's cursor) ahead of Enter."""
        if self.build_ahead:
            self.run_worker(partial(self._prepare, report_id), group="prepare", exclusive=True)

    async def _prepare(self, report_id: int) -> None:
        if self._prepared is not None:
            session, screen = self._prepared
            if session.report_id == report_id and self._still_fresh(session):
                return
            self._prepared = None
            self._drop(screen)
        await self._quiet()
        try:
            session = self._session(report_id)
        except StoreError:
            return
        screen = screens.screen_class(screens.PARTS[0])(session)
        self._prepared = (session, screen)
        await self._mounted(screen)

    def _session(self, report_id: int) -> ReportSession:
        """A session on report `report_id` that tells this app of its changes and retries on its timers."""
        return ReportSession(self.store, report_id, self.lang, notify=self.post_message, call_later=self.set_timer)

    def _still_fresh(self, session: ReportSession) -> bool:
        """Whether the file holds the report as `session` read it (no other window changed it since)."""
        try:
            return self.store.revision(session.report_id) == session.revision
        except StoreError:
            return False

    async def _take_ready(self, report_id: int) -> tuple[ReportSession, Screen] | None:
        """The prepared session and first screen if they are of `report_id` and still fresh; else None."""
        self.workers.cancel_group(self, "prepare")
        ready, self._prepared = self._prepared, None
        if ready is not None and ready[0].report_id == report_id and self._still_fresh(ready[0]):
            return ready
        if ready is not None:
            self._drop(ready[1])
        return None

    async def _build_parts(self) -> None:
        """Build each screen of BUILT_AHEAD not built yet, one after the other."""
        for name in BUILT_AHEAD:
            await self._quiet()
            if self.session is None:
                return
            if name not in self._report_screens:
                await self._mounted(self._report_screen(name))

    async def _quiet(self) -> None:
        """Wait until no key has come for QUIET seconds."""
        loop = asyncio.get_running_loop()
        while (wait := self._last_key + QUIET - loop.time()) > 0:
            await asyncio.sleep(wait)

    def _report_screen(self, name: str) -> Screen:
        """The open report's screen `name`, made and installed the first time it is asked for."""
        assert self.session is not None
        screen = self._report_screens.get(name)
        if screen is None:
            screen = screens.screen_class(name)(self.session)
            self.install_screen(screen, f"report-{name}")
            self._report_screens[name] = screen
        return screen

    async def _mounted(self, screen: Screen) -> None:
        """Compose, mount and lay out `screen` without showing it.

        Textual does these when a screen first comes up: a layout pass as it resumes, then one
        for each round of widgets that the pass before resized (a scroll bar appears, a label
        wraps), then it draws every widget in view for the first time. Done here until the
        layout settles, and drawn once, coming up is only putting the lines on the terminal.
        (Speed alone rests on this: whatever is still wanted when the screen comes up is done then.)
        """
        await mount_unseen(self, screen)
        for _pass in range(LAYOUT_PASSES):
            if screen.is_current or not screen.is_attached:
                return
            lay_out_unseen(screen, self.size)
            await asyncio.sleep(LAYOUT_SETTLE)
            if not layout_pending(screen):
                break
        if not screen.is_current and screen.is_attached:
            # Drawn once unseen, the widgets keep their drawn lines for when the screen comes up.
            # A text area whose part styles Textual has not worked out yet cannot be drawn ahead
            # (KeyError); the screen then draws it as it comes up, as it would anyway.
            with contextlib.suppress(KeyError):
                draw_unseen(screen)
        gc.freeze()

    def _drop(self, screen: Screen) -> None:
        """Remove a screen built ahead or left behind, and let the collector have what it held again.

        The removal runs on its own: a removal cut short (the worker that asked for it cancelled
        by a newer one, as typing in the home filter does) stopped the whole program.
        """
        self.run_worker(partial(self._remove, screen), group="drop")

    async def _remove(self, screen: Screen) -> None:
        # The screen's own work stops first (a worker it started): Textual cancels a widget's
        # workers only once its children are taken apart, and a worker still mounting into one of
        # them stopped the program (MountError, issue 23). A worker that failed has said so already.
        for worker in self.workers.cancel_node(screen):
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
        await screen.remove()
        gc.unfreeze()

    def leave_report(self) -> None:
        """Escape: back to the home list, after asking if any text is not saved (it would be lost).

        Nothing once the report is closing (session None): a second Escape, reaching a screen the
        first one is taking away, started a second closing that cut the first one short.
        """
        if self.session is None:
            return
        self.commit_focused()

        def answered(choice: str) -> None:
            if choice == DISCARD:
                self._drop_unsaved()
            if choice in (DISCARD, ""):
                self.run_worker(self.close_report(), group="open", exclusive=True)

        self._ask_unsaved(self.t("ui.unsaved.discard_leave"), answered)

    def _ask_unsaved(self, discard_label: str, answered: Callable[[str], None], *, can_wait: bool = False) -> None:
        """Ask what to do with the text not saved, then `answered(choice)`; `answered("")` at once if all is saved."""
        from tui.widgets.dialogs import UnsavedDialog

        if any(isinstance(screen, UnsavedDialog) for screen in self.screen_stack):
            return  # asked already: the key pressed again does not answer for the person
        counts = self.session.unsaved() if self.session is not None else {}
        if not counts:
            answered("")
            return
        assert self.session is not None
        question = self.t("ui.unsaved.question", n=sum(counts.values()), whys=self.session.unsaved_reasons())
        self.push_screen(UnsavedDialog(question, discard_label, can_wait=can_wait), answered)

    def _drop_unsaved(self) -> None:
        """Forget every unsaved text: the session's waiting changes, and what the fields hold (not saved again)."""
        from tui.widgets.field import EDITORS, FieldEditor

        assert self.session is not None
        for screen in {*self._report_screens.values(), *self.screen_stack}:
            for editor in screen.query(EDITORS):
                if isinstance(editor, FieldEditor):
                    editor.discard()
        self.session.drop_unsaved()

    async def close_report(self) -> None:
        """Back to the home list; the report's screens are dropped (the field being edited is saved first)."""
        self.workers.cancel_group(self, "build")
        self.commit_focused()
        # No report key (F2–F10) acts from here on: a screen shown now would outlive the report.
        self.session = None
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        for name, screen in self._report_screens.items():
            self.uninstall_screen(f"report-{name}")
            self._drop(screen)
        self._report_screens.clear()
        refresh = getattr(self.screen, "refresh_reports", None)
        if refresh is not None:
            refresh()

    async def action_focus_next(self) -> None:
        """Tab: the next field; a long list brings its window along before the next key (tui.widgets.listed)."""
        self.screen.focus_next()
        await self._lists_follow()

    async def action_focus_previous(self) -> None:
        """Shift+Tab: the field before; a long list brings its window along before the next key."""
        self.screen.focus_previous()
        await self._lists_follow()

    async def _lists_follow(self) -> None:
        if self.session is not None:
            # Imported here: the list widgets are not needed to show the home list.
            from tui.widgets.listed import follow_cursor

            await follow_cursor(self)

    async def action_open(self, name: str) -> None:
        if self.session is None:
            report_id = self._opens_from_home(name)
            if report_id is not None:
                await self.open_report(report_id, first=name)
            return
        self.commit_focused()
        await self.show(name)

    async def show(self, name: str, focus: str = "") -> Screen:
        """Bring up the report screen `name` in place of the report screen in front.

        With `focus`, the cursor goes to that field path once the screen is up.
        """
        assert self.session is not None
        if name in screens.DIALOGS:
            screen = screens.screen_class(name)(self.session)
            await self.push_screen(screen)
            return screen
        screen = self._report_screen(name)
        if self.screen is screen:
            if focus:
                screen.focus_field(focus)  # type: ignore[attr-defined]
            return screen
        if focus:
            screen.focus_on = focus  # type: ignore[attr-defined]
        if len(self.screen_stack) > 1:
            await self.switch_screen(screen)
        else:
            await self.push_screen(screen)
        return screen

    def goto_field(self, path: str) -> None:
        """Open the part screen that holds the field at `path` and put the cursor in it."""
        self.run_worker(self._goto_field(path), group="goto", exclusive=True)

    async def _goto_field(self, path: str) -> None:
        self.commit_focused()
        assert self.session is not None
        await self.show(screens.part_of(path, self.session.report.outline), focus=path)

    # --- changes and conflicts -------------------------------------------------------

    def on_report_changed(self, event: ReportChanged) -> None:
        """Pass a change on to every screen of the open report (panels refresh, totals update)."""
        for screen in {*self._report_screens.values(), *self.screen_stack[1:]}:
            screen.post_message(ReportChanged(event.report_id, event.paths, reloaded=event.reloaded))
        if self._quit_when_saved and self.session is not None and not self.session.unsaved():
            self.exit(0)
        if self._checkpoint is not None:
            self._checkpoint.stop()
        self._checkpoint = self.set_timer(CHECKPOINT_AFTER, self.store.checkpoint)

    def on_save_failed(self, event: SaveFailed) -> None:
        """A change kept waiting for the file was refused at last: its field shows why; a conflict is asked."""
        for screen in {*self._report_screens.values(), *self.screen_stack[1:]}:
            screen.post_message(SaveFailed(event.report_id, event.paths, event.reason, event.why))
        self._quit_when_saved = False
        if event.why == CONFLICT:
            self.ask_conflict()

    def ask_conflict(self) -> None:
        """The file moved on under a change: ask whether to keep ours or take the file's."""
        from tui.widgets.dialogs import ConflictDialog

        if any(isinstance(screen, ConflictDialog) for screen in self.screen_stack):
            return

        def settle(keep_mine: bool | None) -> None:
            if self.session is not None:
                result = self.session.resolve_conflict(keep_mine is not False)
                if not result.ok:
                    self.notify(result.reason, severity="error")

        self.push_screen(ConflictDialog(), settle)

    def action_outline(self) -> None:
        """Ctrl+G: follow another outline; every report screen lays itself out anew, no value is lost."""
        from tui.widgets.outline_choice import OutlineDialog, outline_name

        if self.session is None:
            return
        self.commit_focused()

        def chosen(outline_id: str | None) -> None:
            if outline_id is None or self.session is None:
                return
            result = self.session.switch_outline(outline_id)
            if result.ok:
                self.notify(self.t("ui.outline.switched", name=outline_name(outline_id, self.lang)))
            else:
                self.notify(result.reason, severity="error")

        self.push_screen(OutlineDialog(self.session.report.outline), chosen)

    def action_help(self) -> None:
        """F1: the keys of the screen in front."""
        from tui.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        """Ctrl+P: the command palette, its prompt in the UI language (Textual's own says "Search for commands…")."""
        if self.use_command_palette:
            command_palette(self)

    async def action_quit(self) -> None:
        """Quit, saving the field being edited first; if any text is still not saved, ask first
        (keep editing, drop it, or, when it only waits for the file's lock, quit once it is in)."""
        self.commit_focused()
        self._quit_when_saved = False

        def answered(choice: str) -> None:
            if choice == WAIT:
                self._quit_when_saved = True
                self.notify(self.t("ui.unsaved.waiting_to_quit"), timeout=10)
            elif choice in (DISCARD, ""):
                self.exit(0)

        waits_only = self.session is not None and set(self.session.unsaved()) == {WAITING}
        self._ask_unsaved(self.t("ui.unsaved.discard_quit"), answered, can_wait=waits_only)


def run(db_path: Path, lang: str = "zh") -> int:
    """Open the report file at `db_path` and run the app; the exit code (2: the file was refused)."""
    try:
        store = Store.open(db_path)
    except StoreError as error:
        print(error.text(lang), file=sys.stderr)
        return 2
    try:
        app = JixiaoApp(store, lang)
        app.run()
    finally:
        store.close()
    code: Any = app.return_code
    return int(code or 0)
