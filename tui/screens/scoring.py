"""自评表: every indicator of the report's indicator system, its score, the total and the grade.

Each indicator shows its levels, weight and scoring standard. A computed one shows its
formula in words and with the report's figures filled in, the value and the score, or why
it cannot be scored (the missing figure, named); those figures are edited on their own
screens (F3 预算执行, F2 组织与人员) and the sheet follows. A manual one has two fields, the
score (refused above the weight, at the field) and a short reason, saved like every field:
on Enter, on leaving it, and after a pause in typing. ctrl+t moves to the next indicator
system; scores entered under the other one are kept. The screen computes nothing itself:
store.scoring does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from store.parse import format_number
from store.scoring import Scored, Sheet, System, formula_text, load_systems, row_note, score, system_for
from tui.actions import bindings
from tui.keymap import keys_said
from tui.screens.report_screen import ReportScreen
from tui.widgets.field import TextInput
from tui.widgets.keyline import KeyLine

if TYPE_CHECKING:
    from tui.app import JixiaoApp
    from tui.session import ReportSession

#: Seconds of quiet after the last keystroke before a changed score or reason is saved.
PAUSE = 0.6


class ScoreField(TextInput):
    """The score or the reason of one manual indicator; saved through the session, refused at the field."""

    BINDINGS = bindings("field")

    app: JixiaoApp

    def __init__(self, screen: ScoringScreen, system: System, indicator: str, kind: str, text: str) -> None:
        super().__init__(text, id=f"{kind}-{indicator}", classes=f"score-{kind}", compact=True)
        self.owner = screen
        self.system = system
        self.indicator = indicator
        self.kind = kind
        self.saved_text = text
        self._timer: Timer | None = None

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is not self:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(PAUSE, self.commit) if self.value != self.saved_text else None

    def on_blur(self, _event: events.Blur) -> None:
        self.commit()

    def action_submit(self) -> None:
        """Enter: save, then on to the next field when what was typed was taken."""
        if self.commit():
            self.screen.focus_next()

    def commit(self) -> bool:
        """Save the field if it changed; False, with the reason shown, when it was refused."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.value == self.saved_text and not self.has_class("-refused"):
            return True
        session = self.owner.session
        save = session.save_score if self.kind == "score" else session.save_score_reason
        result = save(self.system, self.indicator, self.value)
        self.set_class(not result.ok, "-refused")
        session.hold(self.id or "", result.why, result.reason)  # counted as unsaved while refused
        if not result.ok:
            self.owner.show_status(result.reason)
            if result.conflict:
                self.app.ask_conflict()
            return False
        self.saved_text = self.value
        return True


class ScoringBody(VerticalScroll, can_focus=False):
    """The sheet's rows; recomposed when the system changes or the report is reloaded."""

    def compose(self) -> ComposeResult:
        screen = self.screen
        assert isinstance(screen, ScoringScreen)
        yield from screen.compose_rows()


class ScoringScreen(ReportScreen):
    """The 自评表 of the open report (F10)."""

    BINDINGS = bindings("scoring")
    DEFAULT_CSS = """
    ScoringScreen > #scoring-total { height: auto; padding: 0 1; text-style: bold; }
    ScoringScreen > #scoring-system { height: auto; padding: 0 1; color: $text-muted; }
    ScoringScreen .score-group { padding: 1 1 0 1; text-style: bold; color: $accent; }
    ScoringScreen .score-row { height: auto; padding: 0 1 0 3; }
    ScoringScreen .score-entry { height: auto; padding: 0 1 0 5; }
    ScoringScreen .score-entry Label { padding-right: 1; color: $text-muted; }
    ScoringScreen .score-score { width: 8; background: $boost; margin-right: 2; }
    ScoringScreen .score-reason { width: 1fr; background: $boost; }
    ScoringScreen Input:focus { background: $primary 25%; }
    ScoringScreen Input.-refused { background-tint: $error 25%; }
    """

    app: JixiaoApp

    def __init__(self, session: ReportSession) -> None:
        super().__init__()
        self.session = session
        self.systems, self.problems = load_systems()
        #: The text each indicator's row shows now, by indicator id (see refresh_sheet).
        self._rows_shown: dict[str, Text] = {}

    @property
    def system(self) -> System:
        """The system the report is scored by now."""
        return system_for(self.session.report, self.systems)

    def sheet(self) -> Sheet:
        """The sheet as it stands (store.scoring does the arithmetic)."""
        return score(self.session.report, self.system)

    def compose(self) -> ComposeResult:
        t = self.app.t
        report = self.session.report
        heading = t("ui.part.heading", unit=report.short_name, year=report.fiscal_year, path=self.session.store.path)
        yield Static(f"{t('ui.scoring.title')} · {heading}", classes="heading")
        if self.session.readonly:
            yield Static(t("safety.readonly_banner"), classes="banner")
        yield Static(id="scoring-system")
        yield Static(id="scoring-total")
        yield ScoringBody(id="scoring-body")
        first_problem = self.problems[0].text(self.session.lang) if self.problems else ""
        yield Static(first_problem or t("ui.status.ready"), id="status")
        yield KeyLine()

    def on_mount(self) -> None:
        self.refresh_sheet()

    def compose_rows(self) -> ComposeResult:
        """A group line per 一级指标, then each indicator: what it is, and its score or its two fields."""
        system = self.system
        group = ""
        self._rows_shown = {}
        for row in self.sheet().rows:
            indicator = row.indicator
            if indicator.level1 != group:
                group = indicator.level1
                yield Static(group, classes="score-group")
            text = self._rows_shown[indicator.id] = self.row_text(row)
            yield Static(text, id=f"row-{indicator.id}", classes="score-row")
            if indicator.manual:
                entry = self.session.report.manual_scores.get(system.id, {}).get(indicator.id)
                score_text = "" if entry is None or entry.score is None else format_number(entry.score)
                with Horizontal(classes="score-entry"):
                    yield Label(self.app.t("ui.scoring.score", weight=format_number(indicator.weight)))
                    yield ScoreField(self, system, indicator.id, "score", score_text)
                    yield Label(self.app.t("ui.scoring.reason"))
                    yield ScoreField(self, system, indicator.id, "reason", entry.reason if entry else "")

    def row_text(self, row: Scored) -> Text:
        """One indicator: 二级 · 三级 (分值), the formula with the figures, the score or why none, the standard."""
        t = self.app.t
        indicator = row.indicator
        text = Text()
        text.append(f"{indicator.level2} · {indicator.name}", style="bold")
        text.append(f"  {t('ui.scoring.weight', weight=format_number(indicator.weight))}")
        if row.score is not None:
            text.append(f"  {t('ui.scoring.scored', score=format_number(row.score))}", style="bold green")
        words, filled = formula_text(row, self.system, self.session.report, self.session.lang)
        if words:
            value = "" if row.value is None else f" = {format_number(row.value)}{indicator.unit}"
            text.append(f"\n{words}\n= {filled}{value}", style="")
        note = row_note(row, self.system, self.session.lang) if not indicator.manual else ""
        if note:
            text.append(f"\n{note}", style="bold yellow")
        if indicator.standard:
            text.append(f"\n{indicator.standard}", style="dim")
        return text

    def refresh_sheet(self) -> None:
        """Bring the total, the grade and every row's text up to date with the report.

        Only rows whose text changed are redrawn: the screen is refreshed each time it comes up.
        """
        sheet = self.sheet()
        t = self.app.t
        others = [s.name for s in self.systems.values() if s.id != sheet.system.id]
        self.query_one("#scoring-system", Static).update(
            t(
                "ui.scoring.system",
                name=sheet.system.name,
                others="、".join(others) or "—",
                next_system=keys_said(self.app, "scoring.system"),
            )
        )
        left = sum(1 for row in sheet.rows if row.score is None)
        total = format_number(sheet.total.normalize())
        key = "ui.scoring.total" if sheet.complete else "ui.scoring.total_partial"
        self.query_one("#scoring-total", Static).update(t(key, total=total, grade=sheet.grade, left=left))
        changed = {row.indicator.id: self.row_text(row) for row in sheet.rows}
        changed = {key: text for key, text in changed.items() if self._rows_shown.get(key) != text}
        if changed:
            for widget in self.query(".score-row").results(Static):
                key = (widget.id or "").removeprefix("row-")
                if key in changed:
                    widget.update(changed[key])
                    self._rows_shown[key] = changed[key]

    def show_status(self, text: str) -> None:
        """Say what became of the last change (a refusal's reason, or saved at …)."""
        self.query_one("#status", Static).update(text)

    async def on_report_changed(self, event: Any) -> None:
        if getattr(event, "reloaded", False):
            for score in self.query(ScoreField):
                self.session.hold(score.id or "", "", "")  # what they held gives way to the file's
            await self.query_one(ScoringBody).recompose()
        self.refresh_sheet()
        self.show_status(self.session.status())

    def on_screen_resume(self) -> None:
        self.refresh_sheet()

    def on_screen_suspend(self) -> None:
        focused = self.focused
        if isinstance(focused, ScoreField):
            focused.commit()

    async def action_next_system(self) -> None:
        """ctrl+t: score the report by the next indicator system (entered scores of each are kept)."""
        focused = self.focused
        if isinstance(focused, ScoreField) and not focused.commit():
            return
        ids = list(self.systems)
        following = ids[(ids.index(self.system.id) + 1) % len(ids)]
        result = self.session.choose_score_system(following)
        if not result.ok:
            self.show_status(result.reason)
            if result.conflict:
                self.app.ask_conflict()
            return
        await self.query_one(ScoringBody).recompose()
        self.refresh_sheet()

    def action_home(self) -> None:
        self.app.leave_report()
