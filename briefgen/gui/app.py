"""Starting the desktop app: ``run(path)`` opens the main window (on the sample by default).

Heavy modules (docxtpl, mammoth, the importer, QtPdf) load after the window is
shown; the unsaved work of sessions that ended without saving is offered for restoring.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

# Automatic garbage collection is off in the app (gc.GuiThreadCollector collects on
# the GUI thread instead), and off from here on: the start-up's imports (pydantic,
# Qt) are not scanned for cycles again and again (~8 ms before the first paint).
gc.disable()
# The core the first frame needs (pydantic, the facts model) loads before Qt: once
# PySide6 is loaded it reads the source of every module imported after it (its
# ``__feature__`` check).
import briefgen.briefing_io  # noqa: F401  isort: skip
from PySide6.QtWidgets import QApplication

from briefgen.errors import BriefgenError
from briefgen.gui.document import BriefingDocument, recoverable, unlock_session
from briefgen.gui.errors import show_error
from briefgen.gui.gc import GuiThreadCollector
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import APPLICATION, ORGANIZATION
from briefgen.resources import sample_briefing_path


def application() -> QApplication:
    """The QApplication (created once), set up for briefgen."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("briefgen")
    if not hasattr(app, "collector"):
        app.collector = GuiThreadCollector(app)
    return app


def restore_unsaved() -> list[BriefingDocument]:
    """The documents the user restores from sessions that ended without saving; the
    recovery dialog's module loads only when there is work to offer."""
    left_over = recoverable()
    if not left_over:
        return []
    from briefgen.gui.recovery import offer_recovery

    return offer_recovery(left_over)


def create_windows(path: Path | None) -> list[MainWindow]:
    """The main window on *path* (the bundled sample if None), or a window for
    each briefing restored from a session that ended without saving."""
    restored = restore_unsaved()
    if restored:
        windows = [MainWindow(document) for document in restored]
        for window in windows:
            window.statusBar().showMessage("Restored unsaved work: save it to keep it", 8000)
        return windows
    path = Path(path) if path else sample_briefing_path()
    try:
        document, warnings = BriefingDocument.open(path)
    except BriefgenError as exc:
        window = MainWindow()
        show_error(window, "Cannot open the briefing", exc)
        return [window]
    window = MainWindow(document)
    window.remember(path)
    if warnings:
        window.statusBar().showMessage("; ".join(warnings), 8000)
    return [window]


def run(path: Path | None = None) -> int:
    """Open the main window(s) and run the event loop; the exit status."""
    app = application()
    windows = create_windows(path)
    for window in windows:
        window.start()
    sys.excepthook = lambda kind, exc, tb: show_error(windows[0], "Unexpected error", exc)
    app.aboutToQuit.connect(unlock_session)
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
