"""Participants and people mentioned: two tables."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QWidget
from PySide6.QtCore import Qt

from briefgen.gui.document import BriefingDocument
from briefgen.gui.models import Column, blank
from briefgen.gui.fields import page
from briefgen.gui.widgets import IMPORT, ListEditor
from briefgen.model import ROLES, Person

PERSON_COLUMNS = [
    Column("name", "Name"), Column("native_name", "Native name", tip="e.g. 石破茂"),
    Column("title", "Title", tip="Office without the country adjective", wrap=True),
    Column("country", "Country"), Column("role", "Role", "choice", ROLES),
    Column("side", "Side", tip="Which delegation"), Column("bio", "Biography", wrap=True),
    Column("evidence", "Evidence", tip="The source sentence that introduces the person",
           wrap=True),
]


def people_page(document: BriefingDocument) -> tuple[QWidget, dict[str, ListEditor]]:
    editors = {
        "participants": ListEditor(document, ("participants",), PERSON_COLUMNS,
                                   blank(Person, name="New participant"),
                                   title="Participants", noun="participant",
                                   empty="No participants yet: the people at the table."
                                   + IMPORT),
        "mentioned": ListEditor(document, ("mentioned",), PERSON_COLUMNS,
                                blank(Person, name="New person"),
                                title="People mentioned", noun="person", plural="people",
                                empty="No one else mentioned yet: people named in the "
                                "talks but not at the table."),
    }
    split = QSplitter(Qt.Vertical)
    split.setChildrenCollapsible(False)
    for editor in editors.values():
        split.addWidget(editor)
    split.setSizes([3, 2])
    return page(split), editors
