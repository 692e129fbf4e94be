"""The first page: title, bottom line, meeting details and notes."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from briefgen.gui.document import BriefingDocument
from briefgen.gui.fields import Form, page
from briefgen.model import MEETING_KINDS, Briefing


def meeting_page(document: BriefingDocument) -> tuple[QWidget, Form]:
    form = Form(document)
    form.line("title", ("title",), "Title", placeholder="Subject line of the documents")
    form.text("summary", ("summary",), "Bottom line", lines=4,
              placeholder="The bottom line up front (Markdown **bold** and *italic* allowed)")
    form.choice("kind", ("meeting", "kind"), "Kind", MEETING_KINDS, blank="(not set)")
    form.line("date", ("meeting", "date"), "Date", kind="date")
    form.line("end_date", ("meeting", "end_date"), "End date", kind="date",
              tip="Only for meetings over several days")
    form.line("time", ("meeting", "time"), "Time", placeholder="e.g. 10:00–11:30 JST")
    form.line("location", ("meeting", "location"), "City")
    form.line("venue", ("meeting", "venue"), "Venue")
    form.line("host_country", ("meeting", "host_country"), "Host country")
    form.line("press", ("meeting", "press"), "Press",
              placeholder="e.g. closed; joint press conference")
    form.text("notes", ("notes",), "Notes", lines=3, placeholder="Notes for the drafter")
    hint = QLabel("A new briefing. Fill in the meeting below, or import the articles, readouts "
                  "or cables you have (File › Import, Ctrl+I): briefgen finds the people, "
                  "quotes, figures and outcomes in them for you.")
    hint.setWordWrap(True)
    hint.setAccessibleName("Getting started")
    hint.setMargin(8)
    hint.setBackgroundRole(QPalette.AlternateBase)
    hint.setAutoFillBackground(True)            # no style sheet: they slow start-up

    def update(*_changed) -> None:
        hint.setVisible(blank_briefing(document.briefing))

    document.changed.connect(update)
    update()
    return page(hint, _group("Meeting", form)), form


def blank_briefing(briefing: Briefing) -> bool:
    """Nothing entered yet: no title, date, people, topics or facts."""
    return not (briefing.title or briefing.meeting.date or briefing.participants
                or briefing.topics or briefing.quotes or briefing.figures or briefing.summary)


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(widget)
    return box
