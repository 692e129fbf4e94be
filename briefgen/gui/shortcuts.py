"""Window shortcuts that work wherever the keyboard focus is.

Text fields claim some keys before the window sees them: on X11 a line edit
takes Ctrl+E as "end of line", and every text field keeps its own undo for
Ctrl+Z.  The window's keys win instead, so Ctrl+E exports and Ctrl+Z undoes the
briefing's last edit (the one undo history) from any field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys plus Ctrl+Shift+Z and Ctrl+Y, each listed once
    (a key listed twice makes Qt report an ambiguous shortcut and do nothing)."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
        if QKeySequence(extra) not in keys:
            keys.append(QKeySequence(extra))
    return keys


class WindowKeys(QObject):
    """Stops the focused widget of *window* from claiming the window's shortcuts."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.window.isAncestorOf(new):
            new.installEventFilter(self)        # installing twice keeps one filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.is_window_key(event):
            event.ignore()          # not claimed by the field: the shortcut map runs it
            return True
        return False

    def is_window_key(self, event) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                   for action in self.window.actions() for key in action.shortcuts())
