"""What every screen of an open report shares: it is built once and comes back many times."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class ReportScreen(Screen):
    """A screen of the open report (a part, the checks, the preview, the 自评表), kept while the
    report is open and shown again and again."""

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Keep the screen's styles rather than recompute them as it comes back.

        Textual restyles every widget of a screen each time it comes back (a theme may have
        changed meanwhile); jixiao changes no styles while a report is open, and on a screen of
        hundreds of widgets that restyle was most of what switching back took. (Subclasses'
        resume handlers run first and this one before Textual's own, which reads `refresh_styles`.)
        """
        event.refresh_styles = False
