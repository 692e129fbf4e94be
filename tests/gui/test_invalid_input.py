"""A value the model refuses stays in its field, flagged; saving refuses and says which."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefgen.briefing_io import load_briefing
from briefgen.gui.document import date_problem
from gui.helpers import message_boxes


@pytest.mark.parametrize("text, message", [
    ("2025-02-30", "2025-02-30 is not a date: February has 28 days in 2025"),
    ("2024-02-30", "2024-02-30 is not a date: February has 29 days in 2024"),
    ("2025-04-31", "2025-04-31 is not a date: April has 30 days"),
    ("2025-13-01", "2025-13-01 is not a date: there is no month 13"),
    ("23/08/2025", "23/08/2025 is not a date: write it as YYYY-MM-DD, e.g. 2025-08-23"),
])
def test_date_messages_say_what_is_wrong_with_the_value(text, message):
    assert date_problem(text) == message


def test_save_refuses_while_a_field_holds_a_refused_value(window, qtbot, tmp_path, sample_path):
    path = tmp_path / "talks.brief.json"
    shutil.copy(sample_path, path)
    assert window.open_path(path)
    field = window.meeting_form.fields["date"]
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, "2025-02-30")

    assert field.editor.text() == "2025-02-30"                   # kept as typed
    assert field.message == "Date: 2025-02-30 is not a date: February has 28 days in 2025"
    assert window.save_state.text() == "Fields to correct"
    assert window.save() is False
    box = message_boxes(window)[-1]
    assert box.text() == ("Not saved: correct or undo this field first. "
                          "Date: 2025-02-30 is not a date: February has 28 days in 2025. "
                          "The file keeps its last saved version.")
    assert load_briefing(path)[0].meeting.date.isoformat() == "2025-08-23"   # untouched
    box.close()

    field.editor.selectAll()
    qtbot.keyClicks(field.editor, "2025-02-28")
    assert window.document.invalid == {}
    assert window.save() is True
    assert load_briefing(path)[0].meeting.date.isoformat() == "2025-02-28"


def test_saving_the_sample_with_a_refused_value_says_so_before_asking_a_name(window, qtbot,
                                                                             monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: asked.append("name") or ("", ""))
    qtbot.keyClicks(window.meeting_form.fields["end_date"].editor, "2025-08-32")
    assert window.save() is False
    assert asked == []
    box = message_boxes(window)[-1]
    assert box.text() == ("Not saved: correct or undo this field first. "
                          "End date: 2025-08-32 is not a date: August has 31 days. "
                          "The file keeps its last saved version.")
    box.close()


def test_closing_with_only_a_refused_value_still_asks(window, qtbot, monkeypatch):
    field = window.meeting_form.fields["end_date"]
    qtbot.keyClicks(field.editor, "2025-08-32")
    assert not window.document.dirty
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: asked.append(box.text()) or QMessageBox.Cancel)
    assert window.maybe_save() is False
    assert asked == ["Save the changes to ishiba-lee-tokyo-2025.brief.json?"]


def test_a_table_cell_keeps_a_refused_value_and_saving_waits_for_it(window, qtbot, tmp_path,
                                                                    sample_path):
    from briefgen.gui.widgets import ListEditor

    path = tmp_path / "talks.brief.json"
    shutil.copy(sample_path, path)
    assert window.open_path(path)
    window.show_page(5)                                          # Outcomes
    editor = next(e for e in window.findChildren(ListEditor) if e.model.list_path == ("next_steps",))
    model = editor.model
    cell = model.index(0, [c.field for c in model.columns].index("date"))

    assert model.setData(cell, "2025-02-30") is False
    assert model.data(cell) == "2025-02-30"                      # kept as typed
    assert editor.error.text() == "Date: 2025-02-30 is not a date: February has 28 days in 2025"
    assert window.save_state.text() == "Fields to correct"
    assert window.save() is False
    box = message_boxes(window)[-1]
    assert "Date: 2025-02-30 is not a date: February has 28 days in 2025" in box.text()
    assert load_briefing(path)[0].next_steps[0].date.isoformat() == "2025-08-25"   # untouched
    box.close()

    assert model.setData(cell, "2025-09-01") is True
    assert model.data(cell) == "2025-09-01"
    assert window.document.invalid == {}
    assert window.save() is True
    assert load_briefing(path)[0].next_steps[0].date.isoformat() == "2025-09-01"
