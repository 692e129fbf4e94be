"""Starting the desktop app: ``run(path)`` opens the main window (on the sample by default).

Heavy modules (docxtpl, mammoth, the importer, QtPdf) load after the window is
shown; a crash left-over in the autosave folder is offered for restoring.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefgen.errors import BriefgenError
from briefgen.gui.document import BriefingDocument, read_autosave, recoverable
from briefgen.gui.errors import show_error
from briefgen.gui.gc import GuiThreadCollector
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import APPLICATION, ORGANIZATION, app_settings, apply_shared_folders
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


def offer_recovery(parent: QWidget | None) -> BriefingDocument | None:
    """If a crashed session left unsaved work, ask to restore it (dirty, with its file name)."""
    files = recoverable()
    if not files:
        return None
    newest = files[0]
    try:
        briefing, original = read_autosave(newest)
    except BriefgenError as exc:
        newest.unlink(missing_ok=True)
        show_error(parent, "Cannot restore unsaved work", exc)
        return None
    name = original.name if original else "an untitled briefing"
    answer = QMessageBox.question(
        parent, "Restore unsaved work?",
        f"briefgen closed unexpectedly with unsaved changes to {name}.\n\nRestore them?",
        QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
    for file in files:
        file.unlink(missing_ok=True)
    if answer != QMessageBox.Yes:
        return None
    document = BriefingDocument(path=original)
    document.replace_all(briefing, "Restore unsaved work")   # dirty until saved
    return document


def create_window(path: Path | None) -> MainWindow:
    """The main window on *path* (the bundled sample if None), or a restored session."""
    restored = offer_recovery(None)
    if restored is not None:
        window = MainWindow(restored)
        window.statusBar().showMessage("Restored unsaved work", 5000)
        return window
    path = Path(path) if path else sample_briefing_path()
    try:
        document, warnings = BriefingDocument.open(path)
    except BriefgenError as exc:
        window = MainWindow()
        show_error(window, "Cannot open the briefing", exc)
        return window
    window = MainWindow(document)
    window.remember(path)
    if warnings:
        window.statusBar().showMessage("; ".join(warnings), 8000)
    return window


def run(path: Path | None = None) -> int:
    """Open the main window and run the event loop; the exit status."""
    app = application()
    apply_shared_folders(app_settings())      # the shared template folders of the settings
    window = create_window(path)
    window.show()
    window.after_first_paint(window.load_choices)     # templates and the first preview
    sys.excepthook = lambda kind, exc, tb: show_error(window, "Unexpected error", exc)
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
