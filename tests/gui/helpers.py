"""Helpers of the GUI tests."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox


def wait_preview(qtbot, win) -> None:
    """Wait until the preview shows the newest edit."""
    pane = win.preview
    if pane.timer.isActive():
        pane.refresh_now()
    qtbot.waitUntil(lambda: not pane.busy(), timeout=15_000)


def message_boxes(parent) -> list[QMessageBox]:
    """The message boxes currently open over *parent*."""
    return [w for w in parent.findChildren(QMessageBox) if w.isVisible()]


def active_modal():
    return QApplication.activeModalWidget()


def run_import(window, qtbot, paths):
    """Import *paths* in the window and return the review dialog once it opens."""
    window.review = None
    window.import_paths(paths)
    qtbot.waitUntil(lambda: getattr(window, "review", None) is not None, timeout=30_000)
    return window.review
