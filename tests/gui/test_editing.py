"""Editing the briefing in the main window: fields, tables, undo/redo, inline validation."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.helpers import wait_preview


def test_title_edit_updates_model_and_preview_and_undo_reverts(window, qtbot):
    field = window.meeting_form.fields["title"]
    original = window.document.briefing.title
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, "Talks with Seoul")
    assert window.document.briefing.title == "Talks with Seoul"
    assert window.isWindowModified() and "*" not in window.windowTitle().replace("[*]", "")
    wait_preview(qtbot, window)
    assert "Talks with Seoul" in window.preview.browser.toPlainText()

    field.editor.setFocus()
    qtbot.keySequence(window, QKeySequence("Ctrl+Z"))       # typing merged into one step
    assert window.document.briefing.title == original
    assert field.editor.text() == original
    assert not window.document.dirty
    wait_preview(qtbot, window)
    assert "Talks with Seoul" not in window.preview.browser.toPlainText()

    qtbot.keySequence(window, QKeySequence("Ctrl+Shift+Z"))
    assert window.document.briefing.title == "Talks with Seoul"


def test_invalid_date_is_marked_inline_and_not_stored(window, qtbot):
    field = window.meeting_form.fields["date"]
    before = window.document.briefing.meeting.date
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, "2025-13-45")
    assert window.document.briefing.meeting.date == before
    assert field.message == "Date: 2025-13-45 is not a date: there is no month 13"
    assert field.editor.property("invalid") is True
    assert "border: 1px solid #d32f2f" in field.editor.styleSheet()      # marked red
    assert field.editor.accessibleDescription() == "2025-13-45 is not a date: there is no month 13"
    assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]

    field.editor.clear()
    qtbot.keyClicks(field.editor, "2025-09-01")
    assert str(window.document.briefing.meeting.date) == "2025-09-01"
    assert field.message == "" and field.editor.property("invalid") is False
    assert field.editor.styleSheet() == ""


def test_meeting_kind_choice_and_notes_text(window, qtbot):
    kind = window.meeting_form.fields["kind"]
    kind.editor.setCurrentIndex(kind.values.index("call"))
    assert window.document.briefing.meeting.kind == "call"
    notes = window.meeting_form.fields["notes"]
    notes.editor.setPlainText("Check the tariff figures.")
    assert window.document.briefing.notes == "Check the tariff figures."
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert window.document.briefing.meeting.kind == "summit"
    assert kind.editor.currentText() == "Summit"


def test_add_remove_and_reorder_participants(window, qtbot):
    people = window.people["participants"]
    names = lambda: [p.name for p in window.document.briefing.participants]  # noqa: E731
    assert names() == ["Shigeru Ishiba", "Lee Jae Myung"]

    people.select_row(1)
    people.actions_["add"].trigger()
    assert names() == ["Shigeru Ishiba", "Lee Jae Myung", "New participant"]
    QApplication.processEvents()
    model = people.model
    assert model.setData(model.index(2, 0), "Takeshi Iwaya")
    assert model.setData(model.index(2, 2), "Foreign Minister")
    assert window.document.briefing.participants[2].title == "Foreign Minister"

    people.select_row(2)
    people.actions_["up"].trigger()                          # Ctrl+Up
    assert names() == ["Shigeru Ishiba", "Takeshi Iwaya", "Lee Jae Myung"]
    assert people.current_row() == 1

    mime = model.mimeData([model.index(0, 0)])               # drag the first row to the end
    model.dropMimeData(mime, Qt.MoveAction, 3, 0, QModelIndex())
    assert names() == ["Takeshi Iwaya", "Lee Jae Myung", "Shigeru Ishiba"]

    people.select_row(1)
    people.actions_["remove"].trigger()
    assert names() == ["Takeshi Iwaya", "Shigeru Ishiba"]

    stack = window.document.undo_stack
    for _ in range(3):
        stack.undo()
    assert names() == ["Shigeru Ishiba", "Lee Jae Myung", "Takeshi Iwaya"]
    assert model.rowCount() == 3 and model.index(2, 0).data() == "Takeshi Iwaya"


def test_shortcuts_move_rows_in_the_table(window, qtbot):
    window.sidebar.setCurrentRow(1)
    people = window.people["participants"]
    people.select_row(0)
    people.view.setFocus()
    qtbot.keySequence(people.view, QKeySequence("Ctrl+Down"))
    assert [p.name for p in window.document.briefing.participants] == [
        "Lee Jae Myung", "Shigeru Ishiba"]


def test_empty_name_in_a_table_is_refused_with_the_reason(window, qtbot):
    people = window.people["participants"]
    model = people.model
    assert not model.setData(model.index(0, 0), "   ")
    assert window.document.briefing.participants[0].name == "Shigeru Ishiba"
    assert people.error.text() == "Name: Must not be empty"
    assert model.index(0, 0).data(Qt.ToolTipRole) == "Name: Must not be empty"
    assert model.index(0, 0).data(Qt.BackgroundRole) is not None
    assert model.setData(model.index(0, 0), "Ishiba Shigeru")
    assert people.error.text() == ""


def test_role_and_figure_value_columns_validate(window):
    model = window.people["participants"].model
    assert not model.setData(model.index(0, 4), "king")
    assert window.document.briefing.participants[0].role == "host"
    assert model.setData(model.index(0, 4), "principal")
    figures = window.statements["figures"].model
    assert not figures.setData(figures.index(0, 1), "lots")
    assert "Value:" in window.statements["figures"].error.text()
    assert figures.setData(figures.index(0, 1), "1,500")
    assert window.document.briefing.figures[0].value == 1500.0


def test_topic_details_follow_the_selected_topic(window, qtbot):
    page = window.topics_page
    briefing = window.document.briefing
    page.topics.select_row(1)
    assert page.form.fields["title"].editor.text() == briefing.topics[1].title
    page.form.fields["summary"].editor.setPlainText("Keep history in its box.")
    assert window.document.briefing.topics[1].summary == "Keep history in its box."
    risks = page.lists["risks"]
    before = list(briefing.topics[1].risks)
    risks.select_row(len(before) - 1)
    risks.actions_["add"].trigger()                      # added after the selected row
    assert window.document.briefing.topics[1].risks == before + ["New risk"]
    assert risks.model.setData(risks.model.index(len(before), 0), "Yasukuni visit in October")
    assert window.document.briefing.topics[1].risks[-1] == "Yasukuni visit in October"
    assert window.document.briefing.topics[0].risks == briefing.topics[0].risks
    page.topics.select_row(0)
    assert page.form.fields["summary"].editor.toPlainText() == briefing.topics[0].summary


def test_routing_marking_and_objectives_are_editable(window, qtbot):
    form = window.routing_form
    form.fields["drafter_name"].editor.setText("")
    qtbot.keyClicks(form.fields["drafter_name"].editor, "K. Sato")
    assert window.document.briefing.routing.drafter.name == "K. Sato"
    form.fields["portion_marks"].editor.setCheckState(Qt.Checked)
    assert window.document.briefing.marking.portion_marks is True
    clearances = window.clearances
    clearances.actions_["add"].trigger()
    assert clearances.model.setData(clearances.model.index(clearances.model.rowCount() - 1, 0),
                                    "Legal")
    assert window.document.briefing.routing.clearances[-1].office == "Legal"
    objectives = window.objectives["objectives"].model
    assert objectives.setData(objectives.index(0, 0), "Secure the shuttle diplomacy dates")
    assert window.document.briefing.objectives[0] == "Secure the shuttle diplomacy dates"


def test_pickers_show_whole_titles_and_mark_only_non_builtin_origins(qtbot, sample_path):
    from briefgen.gui.app import create_windows

    [window] = create_windows(sample_path)       # as `briefgen gui` starts: pickers filled
    qtbot.addWidget(window)                      # after the first paint
    window.show()
    window.after_first_paint(window.load_choices)
    qtbot.waitUntil(lambda: window.office_box.count() > 1)
    for box in (window.template_box, window.office_box):
        texts = [box.itemText(i) for i in range(box.count())]
        assert not [text for text in texts if "(built-in)" in text]
        widest = max(box.fontMetrics().horizontalAdvance(text) for text in texts)
        qtbot.waitUntil(lambda box=box: box.sizeHint().width() > widest)   # none cut short
    assert "Northbridge Institute (think tank, unmarked)" in [
        window.office_box.itemText(i) for i in range(window.office_box.count())]
    window.preview.wait()


def test_the_next_start_shows_the_pickers_in_its_first_frame(qtbot, sample_path):
    from briefgen.gui.app import create_windows
    from briefgen.gui.main_window import MainWindow

    [first] = create_windows(sample_path)
    qtbot.addWidget(first)
    first.load_choices()                         # what the first start read from the library
    first.office_box.setCurrentIndex(first.office_box.findData("think-tank"))
    first.preview.wait()
    shown = pickers(first)

    [again] = create_windows(sample_path)
    qtbot.addWidget(again)
    painted: list[tuple] = []

    def paint(event) -> None:
        painted.append((pickers(again), again.template()))
        MainWindow.paintEvent(again, event)

    again.paintEvent = paint
    again.start()
    qtbot.waitUntil(lambda: bool(painted))
    assert painted[0] == (shown, None)           # the last entries, the library not read yet
    qtbot.waitUntil(lambda: again.template() is not None)
    assert again.office().name == "think-tank"
    assert pickers(again) == shown
    again.preview.wait()


def pickers(window) -> list[tuple[str, list[str]]]:
    """What the template and office pickers show: the current text and every entry."""
    return [(box.currentText(), [box.itemText(i) for i in range(box.count())])
            for box in (window.template_box, window.office_box)]


def test_retyping_the_same_date_changes_nothing(window, qtbot):
    field = window.meeting_form.fields["date"]
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, "2025-13-45")          # refused, then the old date again
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, "2025-08-23")
    assert str(window.document.briefing.meeting.date) == "2025-08-23"
    assert not window.document.dirty and window.document.undo_stack.count() == 0
    assert field.message == ""
