"""GUI tests run offscreen, with settings and user folders in temporary directories."""

from __future__ import annotations

import gc
import os

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QSettings  # noqa: E402  (after choosing the platform)

from briefgen.gui.settings import app_settings  # noqa: E402
from gui.helpers import wait_preview  # noqa: E402


@pytest.fixture(autouse=True)
def collect_on_gui_thread():
    """As in the app: no garbage collection in worker threads (Qt objects must die here)."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture(autouse=True)
def isolated_gui(tmp_path_factory, monkeypatch, isolated_user_dirs):
    """Offscreen Qt; QSettings and BRIEFGEN_DATA_DIR point at temporary folders."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    settings_dir = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(settings_dir))
    settings = app_settings()
    assert settings.fileName().startswith(str(settings_dir))
    settings.clear()
    return settings_dir


@pytest.fixture
def window(qtbot, sample_path):
    """The main window on the bundled sample, with templates loaded and a first preview."""
    from briefgen.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win, before_close_func=forget_changes)
    assert win.open_path(sample_path)
    win.show()
    win.load_choices()
    wait_preview(qtbot, win)
    yield win
    win.preview.wait()


def forget_changes(win) -> None:
    """Teardown closes the window: no unsaved-changes prompt."""
    win.document.undo_stack.setClean()
    win.document.invalid.clear()

