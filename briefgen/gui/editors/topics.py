"""Objectives, and topics with their summary, points, talking points, 'if raised' and risks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QSplitter, QVBoxLayout, QWidget

from briefgen.gui.document import BriefingDocument
from briefgen.gui.models import Column, blank
from briefgen.gui.widgets import Form, ListEditor, page
from briefgen.model import CATEGORIES, Topic

TOPIC_LISTS = (("points", "Key points", "point"), ("talking_points", "Talking points", "point"),
               ("if_raised", "If raised", "point"), ("risks", "Risks", "risk"))


def text_list(document: BriefingDocument, path: tuple, title: str, noun: str) -> ListEditor:
    """A one-column table over a list of strings."""
    return ListEditor(document, path, [Column(None, title)], f"New {noun}",
                      title=title, noun=noun)


def objectives_page(document: BriefingDocument) -> tuple[QWidget, dict[str, ListEditor]]:
    editors = {
        "objectives": text_list(document, ("objectives",), "Our objectives", "objective"),
        "counterpart_objectives": text_list(document, ("counterpart_objectives",),
                                            "Counterpart's likely objectives", "objective"),
    }
    split = QSplitter(Qt.Vertical)
    for editor in editors.values():
        split.addWidget(editor)
    return page(split), editors


class TopicsPage(QWidget):
    """The list of topics beside the details of the selected one."""

    def __init__(self, document: BriefingDocument) -> None:
        super().__init__()
        self.document = document
        self.topics = ListEditor(document, ("topics",),
                                 [Column("title", "Topic"),
                                  Column("category", "Category", "choice", CATEGORIES)],
                                 blank(Topic, title="New topic"),
                                 title="Topics", noun="topic", stretch=0)
        self.form = Form(document)
        path = ("topics", 0)
        self.form.line("title", path + ("title",), "Title")
        self.form.choice("category", path + ("category",), "Category", CATEGORIES)
        self.form.text("summary", path + ("summary",), "Summary", lines=3)
        self.lists = {key: text_list(document, path + (key,), title, noun)
                      for key, title, noun in TOPIC_LISTS}
        details = QWidget()
        grid = QGridLayout()
        for i, editor in enumerate(self.lists.values()):
            grid.addWidget(editor, i // 2, i % 2)
        box = QVBoxLayout(details)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.form)
        box.addLayout(grid, 1)
        self.details = details

        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.topics)
        split.addWidget(details)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page(split))
        self.topics.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_topic())
        self.topics.model.modelReset.connect(self.show_topic)
        self.show_topic()

    def show_topic(self) -> None:
        """Point the detail fields at the selected topic (the first if none is)."""
        row = max(self.topics.current_row(), 0)
        count = self.topics.model.rowCount()
        path = ("topics", row)
        for key, field in self.form.fields.items():
            field.set_path(path + (key,))
        for key, editor in self.lists.items():
            editor.model.set_list_path(path + (key,))
        self.details.setEnabled(row < count)
