"""Objectives, and topics with their summary, points, talking points, 'if raised' and risks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from briefgen.gui.document import BriefingDocument
from briefgen.gui.models import Column, blank
from briefgen.gui.fields import Form, page
from briefgen.gui.widgets import ListEditor
from briefgen.model import CATEGORIES, Topic

TOPIC_LISTS = (("points", "Key points", "point", "No key points yet: the facts to know."),
               ("talking_points", "Talking points", "point",
                "No talking points yet: what to say."),
               ("if_raised", "If raised", "point",
                "Nothing yet for “if raised”: answers to have ready."),
               ("risks", "Risks", "risk", "No risks yet: what could go wrong."))


def text_list(document: BriefingDocument, path: tuple, title: str, noun: str,
              empty: str = "") -> ListEditor:
    """A one-column table over a list of strings."""
    return ListEditor(document, path, [Column(None, title, wrap=True)], f"New {noun}",
                      title=title, noun=noun, empty=empty)


def objectives_page(document: BriefingDocument) -> tuple[QWidget, dict[str, ListEditor]]:
    editors = {
        "objectives": text_list(document, ("objectives",), "Our objectives", "objective",
                                "No objectives yet: what we want from this meeting."),
        "counterpart_objectives": text_list(
            document, ("counterpart_objectives",), "Counterpart's likely objectives",
            "objective", "None yet: what the other side is likely to want."),
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
                                 [Column("title", "Topic", wrap=True),
                                  Column("category", "Category", "choice", CATEGORIES)],
                                 blank(Topic, title="New topic"),
                                 title="Topics", noun="topic", stretch=0,
                                 empty="No topics yet: the subjects to be discussed, each "
                                       "with key points, talking points and risks.")
        self.form = Form(document)
        path = ("topics", 0)
        self.form.line("title", path + ("title",), "Title")
        self.form.choice("category", path + ("category",), "Category", CATEGORIES)
        self.form.text("summary", path + ("summary",), "Summary", lines=3)
        self.lists = {key: text_list(document, path + (key,), title, noun, empty)
                      for key, title, noun, empty in TOPIC_LISTS}
        details = QWidget()
        grid = QGridLayout()
        for i, editor in enumerate(self.lists.values()):
            grid.addWidget(editor, i // 2, i % 2)
        box = QVBoxLayout(details)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.form)
        box.addLayout(grid, 1)
        self.details = details
        self.hint = QLabel("Add a topic on the left; its summary, key points, talking points, "
                           "“if raised” answers and risks are written here.")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignCenter)
        self.hint.setForegroundRole(QPalette.PlaceholderText)
        self.right = QStackedWidget()
        self.right.addWidget(details)
        self.right.addWidget(self.hint)

        split = QSplitter(Qt.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.topics)
        split.addWidget(self.right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 390])
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
        self.right.setCurrentWidget(self.details if row < count else self.hint)
