"""Reviewing what the importer found before it enters a briefing.

Every extracted item is listed with the sentence it came from and a check box;
the user keeps what is right and chooses to merge into the open briefing or to
start a new one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QRadioButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from briefgen.gui.widgets import mark_invalid
from briefgen.model import Briefing

# (field of the briefing, group heading, how an item reads)
GROUPS: tuple[tuple[str, str, Any], ...] = (
    ("participants", "Participants",
     lambda p: ", ".join(x for x in (p.name, p.title, p.country) if x)),
    ("mentioned", "People mentioned",
     lambda p: ", ".join(x for x in (p.name, p.title, p.country) if x)),
    ("quotes", "Quotes", lambda q: f"{q.speaker}: “{q.text}”" if q.speaker else f"“{q.text}”"),
    ("figures", "Figures", lambda f: f.text),
    ("topics", "Topics", lambda t: f"{t.title} ({t.category})"),
    ("commitments", "Commitments", lambda c: c.text),
    ("next_steps", "Next steps",
     lambda s: f"{s.text} ({s.date.isoformat()})" if s.date else s.text),
)


def evidence_of(item: Any) -> str:
    """The source sentence of an item (a topic shows its first point)."""
    evidence = getattr(item, "evidence", "")
    if not evidence and getattr(item, "points", None):
        evidence = item.points[0]
    return evidence or getattr(item, "summary", "")


class ImportReviewDialog(QDialog):
    """Accept or reject each extracted item; merge or start a new briefing.

    Relative dates ("on Saturday") need the publication date: the user can
    give it and have the sources read again (``reread`` carries the date).
    """

    reread = Signal(object)

    def __init__(self, result, *, can_merge: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setWindowTitle("Review the import")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Item", "Evidence"])
        self.tree.setAccessibleName("Extracted items")
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.items: dict[str, list[QTreeWidgetItem]] = {}
        briefing: Briefing = result.briefing
        for field, heading, describe in GROUPS:
            found = getattr(briefing, field)
            if not found:
                continue
            group = QTreeWidgetItem(self.tree, [f"{heading} ({len(found)})"])
            group.setFlags(group.flags() | Qt.ItemIsAutoTristate | Qt.ItemIsUserCheckable)
            group.setFirstColumnSpanned(False)
            self.items[field] = []
            for value in found:
                child = QTreeWidgetItem(group, [describe(value), evidence_of(value)])
                child.setFlags(child.flags() | Qt.ItemIsUserCheckable)
                child.setCheckState(0, Qt.Checked)
                child.setToolTip(1, evidence_of(value))
                child.setToolTip(0, describe(value))
                self.items[field].append(child)
            group.setExpanded(True)
        self.tree.setColumnWidth(0, 360)

        summary = QLabel(f"Found {result.summary()}. Uncheck anything that is wrong.")
        summary.setWordWrap(True)
        warnings = QLabel("\n".join(f"⚠ {w}" for w in result.warnings))
        warnings.setWordWrap(True)
        warnings.setVisible(bool(result.warnings))
        self.published = QLineEdit(self._known_published())
        self.published.setPlaceholderText("YYYY-MM-DD")
        self.published.setAccessibleName("Publication date")
        self.published.setMaximumWidth(120)
        self.read_again = QPushButton("Read again with this date")
        self.published.textChanged.connect(self._check_date)
        self.read_again.clicked.connect(lambda: self.reread.emit(self.published_date()))
        self._check_date(self.published.text())
        dates = QHBoxLayout()
        dates.addWidget(QLabel("Published on:"))
        dates.addWidget(self.published)
        dates.addWidget(self.read_again)
        dates.addStretch(1)
        self.merge = QRadioButton("Merge into the open briefing")
        self.new = QRadioButton("Start a new briefing")
        self.merge.setEnabled(can_merge)
        (self.merge if can_merge else self.new).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Import")
        for text, state in (("Check all", Qt.Checked), ("Uncheck all", Qt.Unchecked)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=state: self.set_all(s))
            buttons.addButton(button, QDialogButtonBox.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(warnings)
        layout.addLayout(dates)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.merge)
        layout.addWidget(self.new)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def _known_published(self) -> str:
        dates = [s.published for s in self.result.briefing.sources if s.published]
        return dates[0].isoformat() if dates else ""

    def published_date(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.published.text().strip())
        except ValueError:
            return None

    def _check_date(self, text: str) -> None:
        valid = self.published_date() is not None
        self.read_again.setEnabled(valid)
        mark_invalid(self.published, bool(text.strip()) and not valid)
        self.published.setToolTip("" if valid or not text.strip() else "Use the form YYYY-MM-DD")

    def set_all(self, state: Qt.CheckState) -> None:
        for children in self.items.values():
            for child in children:
                child.setCheckState(0, state)

    def set_checked(self, field: str, index: int, checked: bool) -> None:
        self.items[field][index].setCheckState(0, Qt.Checked if checked else Qt.Unchecked)

    def accepted_briefing(self) -> Briefing:
        """The imported briefing with only the checked items."""
        briefing = self.result.briefing
        kept = {field: [value for value, child in zip(getattr(briefing, field), children)
                        if child.checkState(0) == Qt.Checked]
                for field, children in self.items.items()}
        return briefing.model_copy(update=kept, deep=True)

    def merge_chosen(self) -> bool:
        return self.merge.isChecked()
