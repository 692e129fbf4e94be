"""Shortcuts with real key presses on X11."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_ctrl_shift_z_and_ctrl_y_both_redo(window, qtbot, keys):
    stack = window.document.undo_stack
    window.document.set_value(("title",), "First")
    window.document.set_value(("title",), "Second")
    window.sidebar.setFocus()
    keys("ctrl+z", "ctrl+z")
    qtbot.waitUntil(lambda: stack.index() == 0)
    keys("ctrl+shift+z")
    qtbot.waitUntil(lambda: stack.index() == 1)
    assert window.document.briefing.title == "First"
    keys("ctrl+y")
    qtbot.waitUntil(lambda: stack.index() == 2)
    assert window.document.briefing.title == "Second"
    assert stack.undoText() == "Edit title"


def test_undo_and_redo_from_a_text_field_use_the_briefing_history(window, qtbot, keys):
    stack = window.document.undo_stack
    field = window.meeting_form.fields["title"].editor
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.selectAll()
    keys("N", "e", "w")
    qtbot.waitUntil(lambda: window.document.briefing.title == "New")
    keys("ctrl+z")
    qtbot.waitUntil(lambda: stack.index() == 0)
    assert field.text() == window.document.briefing.title != "New"
    keys("ctrl+y")
    qtbot.waitUntil(lambda: field.text() == "New")
    keys("ctrl+z", "ctrl+shift+z")
    qtbot.waitUntil(lambda: stack.index() == 1 and field.text() == "New")


def test_window_shortcuts_work_while_a_text_field_has_focus(window, qtbot, keys, monkeypatch):
    asked: list[str] = []
    window.act_export.triggered.connect(lambda: asked.append("export"))
    monkeypatch.setattr(window, "_ready", lambda: False)        # no file dialog
    field = window.meeting_form.fields["location"].editor
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.setCursorPosition(0)
    before = field.text()
    keys("ctrl+e")
    qtbot.waitUntil(lambda: asked == ["export"])
    assert field.text() == before and field.cursorPosition() == 0     # not "end of line"
    keys("ctrl+3")
    qtbot.waitUntil(lambda: window.sidebar.currentRow() == 2)
