"""The import review lists the meeting facts found; a rejected one never enters the briefing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from briefgen.gui.import_review import ImportReviewDialog
from briefgen.importing import ImportResult
from briefgen.model import Briefing, Meeting, Person

FOUND = Briefing(
    title="Bilateral: Prime Minister Ishiba and President Lee, Seoul",
    meeting=Meeting(kind="bilateral", date=dt.date(2025, 9, 30), location="Seoul",
                    host_country="South Korea"),
    participants=[Person(name="Shigeru Ishiba", title="Prime Minister", country="Japan")])


def review(window, qtbot) -> ImportReviewDialog:
    dialog = ImportReviewDialog(ImportResult(FOUND.model_copy(deep=True)), can_merge=True,
                                parent=window)
    qtbot.addWidget(dialog)
    window.review = dialog
    dialog.accepted.connect(lambda: window.apply_import(dialog))
    return dialog


def meeting_rows(dialog) -> list[tuple[str, str, bool]]:
    model = dialog.model
    group = model.index(0, 0)
    return [(model.index(r, 0, group).data(), model.index(r, 1, group).data(),
             model.index(r, 0, group).data(Qt.CheckStateRole) == Qt.Checked)
            for r in range(model.rowCount(group))]


def uncheck(dialog, row: int) -> None:
    model = dialog.model
    assert model.setData(model.index(row, 0, model.index(0, 0)), Qt.Unchecked.value,
                         Qt.CheckStateRole)


def test_the_meeting_facts_found_come_first_checked(window, qtbot):
    dialog = review(window, qtbot)
    model = dialog.model
    assert [model.index(g, 0).data() for g in range(model.rowCount())] == [
        "Meeting (5)", "Participants (1)"]
    assert meeting_rows(dialog) == [
        ("Kind: bilateral", "", True), ("Date: 30 September 2025", "", True),
        ("Place: Seoul", "", True), ("Host country: South Korea", "", True),
        ("Title: Bilateral: Prime Minister Ishiba and President Lee, Seoul", "", True)]
    assert dialog.tree.isExpanded(model.index(0, 0))


def test_no_meeting_group_when_the_import_found_no_fact(window, qtbot):
    dialog = ImportReviewDialog(ImportResult(Briefing(participants=FOUND.participants)),
                                can_merge=True, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 0).data() == "Participants (1)"


def test_an_unchecked_date_keeps_the_open_briefings_date(window, qtbot):
    before = window.document.briefing.model_copy(deep=True)
    assert before.meeting.date and before.meeting.date != FOUND.meeting.date
    dialog = review(window, qtbot)
    uncheck(dialog, 1)
    assert dialog.model.index(0, 0).data() == "Meeting (4 of 5 kept)"
    dialog.accept()
    after = window.document.briefing
    assert after.meeting.date == before.meeting.date
    assert (after.meeting.kind, after.meeting.location, after.meeting.host_country) == (
        "bilateral", "Seoul", "South Korea")
    assert after.title == FOUND.title
    window.document.undo_stack.undo()
    assert window.document.briefing.meeting == before.meeting


def test_checked_meeting_facts_replace_the_open_briefings(window, qtbot):
    before = window.document.briefing.model_copy(deep=True)
    assert before.meeting.location and before.meeting.location != "Seoul"
    review(window, qtbot).accept()
    after = window.document.briefing
    assert (after.meeting.kind, after.meeting.date, after.meeting.location) == (
        "bilateral", dt.date(2025, 9, 30), "Seoul")
    assert after.title == FOUND.title
    assert after.meeting.time == before.meeting.time       # facts not found are kept


def test_rejected_facts_are_left_empty_in_a_new_briefing(window, qtbot):
    dialog = review(window, qtbot)
    dialog.new.setChecked(True)
    uncheck(dialog, 1)
    uncheck(dialog, 4)
    assert not window.document.dirty                        # no "save changes?" question
    dialog.accept()
    briefing = window.document.briefing
    assert briefing.meeting.date is None and briefing.title == ""
    assert (briefing.meeting.kind, briefing.meeting.location) == ("bilateral", "Seoul")
    assert FOUND.meeting.date == dt.date(2025, 9, 30)      # the import itself is untouched


def test_facts_that_would_change_the_open_briefing_start_unchecked(window, qtbot):
    before = window.document.briefing.model_copy(deep=True)
    found = FOUND.model_copy(deep=True)
    found.meeting.host_country = before.meeting.host_country       # the same: nothing to ask
    found.meeting.kind = None                                      # not found: no row
    dialog = ImportReviewDialog(ImportResult(found), can_merge=True,
                                current=window.document.briefing, parent=window)
    qtbot.addWidget(dialog)
    dialog.accepted.connect(lambda: window.apply_import(dialog))
    assert meeting_rows(dialog) == [
        (f"Date: 30 September 2025 (now {before.meeting.date.day} "
         f"{before.meeting.date:%B %Y})", "", False),
        (f"Place: Seoul (now {before.meeting.location})", "", False),
        (f"Host country: {before.meeting.host_country}", "", True),
        (f"Title: {FOUND.title} (now {before.title})", "", False)]
    assert dialog.model.index(0, 0).data() == "Meeting (1 of 4 kept)"
    dialog.accept()
    after = window.document.briefing
    assert (after.title, after.meeting.date, after.meeting.location) == (
        before.title, before.meeting.date, before.meeting.location)
    assert any(p.name == "Shigeru Ishiba" for p in after.participants)


def test_the_app_passes_the_open_briefing_to_the_review(window, qtbot):
    window.review_import(ImportResult(FOUND.model_copy(deep=True)), lambda date: None)
    rows = meeting_rows(window.review)
    assert ("Place: Seoul (now " + window.document.briefing.meeting.location + ")", "",
            False) in rows
    window.review.reject()
