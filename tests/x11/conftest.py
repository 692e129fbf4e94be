"""Keyboard and window tests on a real X server (the xcb platform), where key
bindings differ from the offscreen platform.  ``tests/gui/test_x11.py`` runs this
folder in its own pytest process under Xvfb; by hand:
``QT_QPA_PLATFORM=xcb DISPLAY=:57 pytest tests/x11``."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

if os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"):
    raise pytest.UsageError("tests/x11 needs QT_QPA_PLATFORM=xcb and a DISPLAY")

from PySide6.QtCore import QSettings  # noqa: E402  (after checking the platform)
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefgen.gui.settings import app_settings  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, isolated_user_dirs):
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope,
                      str(tmp_path_factory.mktemp("qsettings")))
    app_settings().clear()


@pytest.fixture
def window(qtbot, sample_path):
    """The main window on the sample, active (it has the X keyboard focus)."""
    from briefgen.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win, before_close_func=lambda w: (w.document.undo_stack.setClean(), w.document.invalid.clear()))
    assert win.open_path(sample_path)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    yield win
    win.preview.wait()


@pytest.fixture
def keys(qtbot):
    """Type real key presses through the X server: ``keys("ctrl+shift+z")``."""
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed")

    def press(*names: str) -> None:
        subprocess.run(["xdotool", "key", "--delay", "30", *names], check=True, timeout=20)
        qtbot.wait(150)            # the events reach Qt through the X connection
    return press
