"""The live preview: the chosen template rendered a moment after edits stop.

Rendering runs as a background task (:mod:`briefgen.gui.workers`) in a
one-thread pool of its own, so typing never waits; each request carries a
generation number and only the newest result is shown.
Template errors and empty fields the template uses show in the pane itself; the
empty fields are found by a second task once the preview is shown (the first time,
listing a template's fields reads the template again: the preview does not wait).
"""

from __future__ import annotations

import time
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from briefgen.errors import BriefgenError
from briefgen.gui import workers
from briefgen.model import Briefing

DEBOUNCE_MS = 400
NOTICE_STYLE = "background: rgba(255, 193, 7, 60); padding: 4px 6px;"


@lru_cache(maxsize=16)
def _variables(path: Path, mtime: float) -> frozenset[str]:
    from briefgen.check import template_variables

    return frozenset(template_variables(path))


def empty_fields(briefing: Briefing, template) -> list[str]:
    """Top-level fields the template uses that this briefing leaves empty."""
    try:
        used = _variables(template.path, template.path.stat().st_mtime)
    except (OSError, BriefgenError):
        return []
    missing = [name for name in Briefing.model_fields
               if name in used and name != "schema_version" and not getattr(briefing, name)]
    if "meeting" in used and briefing.meeting.date is None:
        missing.append("meeting.date")
    return missing


def render_preview(briefing: Briefing, template, office) -> tuple[object, float]:
    """The preview HTML and the seconds it took."""
    from briefgen.preview import docx_to_html
    from briefgen.render import render_briefing

    start = time.perf_counter()
    preview = docx_to_html(render_briefing(briefing, template, office))
    return preview, time.perf_counter() - start


class PreviewPane(QWidget):
    """Shows the rendered document as HTML, or what stops it from rendering."""

    refreshed = Signal(float)     # seconds from the request to the result shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName("Preview")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Preview notice")
        self.notice.hide()
        self.status = QLabel("Preview")
        palette = self.status.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         palette.color(QPalette.ColorRole.PlaceholderText))
        self.status.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
        layout.addWidget(self.browser, 1)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_now)
        self.generation = 0
        self.noticed_generation = 0     # the newest render whose empty fields are shown
        self.error: BaseException | None = None
        self.source = None            # () -> (briefing, template, office) or None
        self._requested = 0.0

    def schedule(self) -> None:
        """Refresh a moment after the last call (edits restart the wait)."""
        self.timer.start()

    def refresh_now(self) -> None:
        self.timer.stop()
        state = self.source() if self.source else None
        if state is None:
            return
        briefing, template, office = state
        if template is None or office is None:
            self.show_problem("No template", "Choose a template to see the preview.")
            return
        self.generation += 1
        generation = self.generation
        self._requested = time.perf_counter()
        snapshot = briefing.model_copy(deep=True)
        self.status.setText(f"Rendering {template.title}…")
        workers.start(lambda _report: render_preview(snapshot, template, office), owner=self,
                      pool=self.pool,
                      done=lambda result: self._finished(generation, result, snapshot, template),
                      failed=lambda exc: self._finished(generation, exc))   # shown in the pane

    def busy(self) -> bool:
        return self.timer.isActive() or self.noticed_generation < self.generation

    def _finished(self, generation: int, result: object, briefing: Briefing | None = None,
                  template=None) -> None:
        if generation < self.generation:
            return                      # a newer edit is on its way
        if isinstance(result, BaseException):
            self.error = result
            title = ("Template error" if isinstance(result, BriefgenError)
                     else f"Preview failed ({type(result).__name__})")
            self.show_problem(title, str(result))
            self.noticed_generation = generation
        else:
            self.error = None
            preview, seconds = result
            bar = self.browser.verticalScrollBar()
            position = bar.value()
            self.browser.setHtml(preview.html)
            bar.setValue(position)
            self.status.setText(f"Preview — rendered in {seconds * 1000:.0f} ms")
            workers.start(lambda _report: empty_fields(briefing, template), owner=self,
                          pool=self.pool, done=lambda missing: self._notice(generation, missing),
                          failed=lambda _exc: self._notice(generation, []))
        self.refreshed.emit(time.perf_counter() - self._requested)

    def _notice(self, generation: int, missing: list[str]) -> None:
        """Name the empty fields the template uses (the previous notice stays until then)."""
        if generation < self.generation:
            return
        self.noticed_generation = generation
        self.notice.setText("Empty in this briefing but used by the template: "
                            + ", ".join(name.replace("_", " ") for name in missing))
        if missing and not self.notice.styleSheet():     # styled when first needed
            self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setVisible(bool(missing))

    def show_problem(self, title: str, message: str) -> None:
        from briefgen.preview import message_html

        self.browser.setHtml(message_html(title, [message]))
        self.notice.hide()
        self.status.setText(title)

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until pending renders are done (used by tests and the benchmark)."""
        return self.pool.waitForDone(msecs)
