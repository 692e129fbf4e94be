"""What `briefgen gui` loads before its first frame: the sample's facts on screen, and
nothing the first frame does not show (other pages, dialogs, the library, rendering)."""

from __future__ import annotations

import os
import subprocess
import sys

# Starts the app as `briefgen gui` does and, at the main window's first paint, prints
# the Meeting page's title, the modules loaded and the Qt widget classes made so far.
FIRST_FRAME = """
import sys
from briefgen.cli import main
import briefgen.gui.app
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, window, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            print(window.meeting_form.fields["title"].editor.text())
            print(" ".join(sys.modules))
            print(" ".join(name for name, value in vars(QtWidgets).items()
                           if isinstance(value, type)))
            QApplication.instance().quit()
        return False

_exec = QApplication.exec
def exec_until_painted(self=None):
    app = QApplication.instance()
    app.first_paint = FirstPaint()
    for window in app.topLevelWidgets():
        window.installEventFilter(app.first_paint)
    return _exec()
QApplication.exec = exec_until_painted
main(["gui"])
"""

# Loaded after the first frame: the other pages and their tables, the recovery
# dialog, the template library, rendering and the preview's converter, the importer.
NOT_BEFORE_THE_FIRST_FRAME = (
    "briefgen.gui.widgets", "briefgen.gui.models", "briefgen.gui.editors.people",
    "briefgen.gui.editors.topics", "briefgen.gui.editors.facts", "briefgen.gui.editors.routing",
    "briefgen.gui.recovery", "briefgen.library", "briefgen.templates", "briefgen.offices",
    "briefgen.render", "briefgen.preview", "briefgen.convert", "briefgen.importing",
    "docxtpl", "mammoth", "jinja2")
QT_DIALOGS = {"QMessageBox", "QFileDialog", "QStyle", "QDialogButtonBox"}


def test_the_first_frame_shows_the_sample_and_loads_nothing_else(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFGEN_DATA_DIR": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME], env=env, capture_output=True,
                            text=True, timeout=120, check=True)
    title, modules, qt_classes = result.stdout.splitlines()[-3:]
    assert title == "Your summit with President Lee Jae Myung, Tokyo, 23 August 2025"
    loaded = set(modules.split())
    assert "briefgen.gui.editors.meeting" in loaded
    assert sorted(m for m in loaded if m.startswith(NOT_BEFORE_THE_FIRST_FRAME)) == []
    assert QT_DIALOGS.isdisjoint(qt_classes.split())
