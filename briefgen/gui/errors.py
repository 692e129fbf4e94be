"""The one place the desktop app shows errors as dialogs.

A :class:`BriefgenError` is told in plain words (:func:`messages.human_message`),
with where it is (file, part, location, tag, field: :func:`messages.where_lines`)
below, and the technical line and its ``details`` under "Show Details...";
anything else is a bug and shows its traceback, never a crash.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from briefgen.errors import BriefgenError
from briefgen.gui.messages import human_message, where_lines

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

T = TypeVar("T")
_open: set[QMessageBox] = set()     # dialogs on screen (one without a parent needs an owner)


def error_box(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    """The dialog for *exc* (not yet shown).  Qt's dialog classes load here, on the
    first error, not at start-up: making them takes longer than a first paint."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if isinstance(exc, BriefgenError)
                else QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    if isinstance(exc, BriefgenError):
        text, details = human_message(exc)
        box.setText(text)
        box.setInformativeText(where_lines(exc))
        box.setDetailedText(details)
    else:
        box.setText(f"Something went wrong: {type(exc).__name__}: {exc}")
        box.setInformativeText("This is a bug in briefgen; the details help to fix it.")
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    """Show the dialog without blocking the caller (window-modal); return it."""
    from PySide6.QtCore import Qt

    box = error_box(parent, title, exc)
    box.setAttribute(Qt.WA_DeleteOnClose)
    if parent is None:
        _open.add(box)
        box.finished.connect(lambda _result: _open.discard(box))
    box.open()
    return box


def run_action(parent: QWidget | None, title: str, fn: Callable[[], T]) -> T | None:
    """Call *fn*; show any exception as a dialog titled *title* and return None."""
    try:
        return fn()
    except Exception as exc:  # the GUI's one error path: never a crash
        show_error(parent, title, exc)
        return None
