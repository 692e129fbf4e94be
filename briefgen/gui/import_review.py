"""Reviewing what the importer found before it enters a briefing.

The items are listed by kind (participants, quotes, figures, ...) in a model
over the import itself, so tens of thousands stay fast: each group shows how
many of its items are kept, and its check box keeps all or none of them.  The
meeting facts found (kind, date, place, title) come first: a rejected one is
left empty in a new briefing and leaves the open briefing's value when merging;
one that would change a value the open briefing already has starts unchecked.
The dialog never grows past the screen; the list scrolls.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QPushButton,
                               QRadioButton, QTreeView, QVBoxLayout, QWidget)

from briefgen.gui.fields import mark_invalid
from briefgen.importing.merge import merge
from briefgen.model import Briefing


def _person(p) -> str:
    return ", ".join(x for x in (p.name, p.title, p.country) if x)


# (field of the briefing, group heading, how an item reads)
GROUPS: tuple[tuple[str, str, Any], ...] = (
    ("participants", "Participants", _person),
    ("mentioned", "People mentioned", _person),
    ("quotes", "Quotes", lambda q: f"{q.speaker}: “{q.text}”" if q.speaker else f"“{q.text}”"),
    ("figures", "Figures", lambda f: f.text),
    ("topics", "Topics", lambda t: f"{t.title} ({t.category})"),
    ("commitments", "Commitments", lambda c: c.text),
    ("next_steps", "Next steps",
     lambda s: f"{s.text} ({s.date.isoformat()})" if s.date else s.text),
)
MEETING = "meeting"     # the group of the meeting facts; the other groups are briefing lists
# (field of the briefing's meeting, or "title"; how a fact is labelled)
FACTS = (("kind", "Kind"), ("date", "Date"), ("location", "Place"),
         ("host_country", "Host country"), ("title", "Title"))
GROUP = 0xFFFFFFFF        # internal id of a group row; an item row's is its group's number


@dataclass(frozen=True)
class MeetingFact:
    """One meeting fact the import found: the field it fills and its value."""

    field: str
    label: str
    value: Any
    evidence: str = ""
    now: Any = None         # the open briefing's different value, which this one would replace

    def describe(self) -> str:
        text = f"{self.label}: {_shown(self.value)}"
        return f"{text} (now {_shown(self.now)})" if self.now is not None else text


def _shown(value: Any) -> str:
    return f"{value.day} {value:%B %Y}" if isinstance(value, dt.date) else str(value)


def _fact(briefing: Briefing, name: str) -> Any:
    return briefing.title if name == "title" else getattr(briefing.meeting, name)


def meeting_facts(briefing: Briefing, current: Briefing | None = None) -> list[MeetingFact]:
    """The meeting facts *briefing* holds, in the order of :data:`FACTS`; with *current*
    (the open briefing), each notes the different value it would replace there."""
    facts = []
    for name, label in FACTS:
        value = _fact(briefing, name)
        if value in (None, ""):
            continue
        now = _fact(current, name) if current is not None else None
        facts.append(MeetingFact(name, label, value,
                                 now=None if now in (None, "", value) else now))
    return facts


def evidence_of(item: Any) -> str:
    """The source sentence of an item (a topic shows its first point)."""
    evidence = getattr(item, "evidence", "")
    if not evidence and getattr(item, "points", None):
        evidence = item.points[0]
    return evidence or getattr(item, "summary", "")


class ReviewModel(QAbstractItemModel):
    """Groups of extracted items, each item checked (kept) or not."""

    HEADERS = ("Item", "Evidence")

    def __init__(self, briefing: Briefing, current: Briefing | None = None,
                 parent=None) -> None:
        """*current* is the open briefing: a meeting fact that would replace a value the
        staffer already has starts unchecked."""
        super().__init__(parent)
        facts = meeting_facts(briefing, current)
        self.groups = [(MEETING, "Meeting", facts, MeetingFact.describe)] if facts else []
        self.groups += [(field, heading, list(getattr(briefing, field)), describe)
                        for field, heading, describe in GROUPS if getattr(briefing, field)]
        self.checked = [[f.now is None for f in values] if field == MEETING else [True] * len(values)
                        for field, _h, values, _d in self.groups]
        self.kept = [sum(keep) for keep in self.checked]

    # -- structure ---------------------------------------------------------
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP)
        return self.createIndex(row, column, parent.row())

    def parent(self, index=QModelIndex()) -> QModelIndex:
        if not index.isValid() or index.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, GROUP)

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self.groups[parent.row()][2])
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:
        return 2

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.HEADERS[section]
        return None

    # -- contents ------------------------------------------------------------
    def flags(self, index) -> Qt.ItemFlag:
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return flags | Qt.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == GROUP:
            return self._group_data(index.row(), index.column(), role)
        group, row = index.internalId(), index.row()
        value = self.groups[group][2][row]
        if role == Qt.CheckStateRole and index.column() == 0:
            return Qt.Checked if self.checked[group][row] else Qt.Unchecked
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.groups[group][3](value) if index.column() == 0 else evidence_of(value)
        return None

    def _group_data(self, group: int, column: int, role):
        _field, heading, values, _describe = self.groups[group]
        kept, total = self.kept[group], len(values)
        if role == Qt.DisplayRole and column == 0:
            return f"{heading} ({total:,})" if kept == total else \
                f"{heading} ({kept:,} of {total:,} kept)"
        if role == Qt.CheckStateRole and column == 0:
            return (Qt.Checked if kept == total else Qt.Unchecked if kept == 0
                    else Qt.PartiallyChecked)
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        keep = Qt.CheckState(value) != Qt.Unchecked
        if index.internalId() == GROUP:
            self.set_group(index.row(), keep)
        else:
            self.set_item(index.internalId(), index.row(), keep)
        return True

    def set_item(self, group: int, row: int, keep: bool) -> None:
        if self.checked[group][row] != keep:
            self.checked[group][row] = keep
            self.kept[group] += 1 if keep else -1
            item = self.index(row, 0, self.index(group, 0))
            self.dataChanged.emit(item, item, [Qt.CheckStateRole])
            self._group_changed(group)

    def set_group(self, group: int, keep: bool) -> None:
        """Keep all or none of a group's items."""
        values = self.checked[group]
        values[:] = [keep] * len(values)
        self.kept[group] = len(values) if keep else 0
        parent = self.index(group, 0)
        if values:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(len(values) - 1, 0, parent),
                                  [Qt.CheckStateRole])
        self._group_changed(group)

    def _group_changed(self, group: int) -> None:
        index = self.index(group, 0)
        self.dataChanged.emit(index, index, [Qt.CheckStateRole, Qt.DisplayRole])

    def group_of(self, field: str) -> int:
        return [g[0] for g in self.groups].index(field)

    def kept_values(self) -> dict[str, list]:
        """Each group's checked items, by the briefing field (or :data:`MEETING`)."""
        return {field: [v for v, keep in zip(values, checked) if keep]
                for (field, _h, values, _d), checked in zip(self.groups, self.checked)}


class ImportReviewDialog(QDialog):
    """Accept or reject each extracted item; merge or start a new briefing.

    Relative dates ("on Saturday") need the publication date: the user can
    give it and have the sources read again (``reread`` carries the date).
    """

    reread = Signal(object)

    def __init__(self, result, *, can_merge: bool, current: Briefing | None = None,
                 parent: QWidget | None = None) -> None:
        """*current*, the open briefing, is what a merge goes into: a meeting fact that
        would change it starts unchecked and shows the value it would replace."""
        super().__init__(parent)
        self.result = result
        self.setWindowTitle("Review the import")
        self.model = ReviewModel(result.briefing, current if can_merge else None, self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Extracted items")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)           # fast with thousands of rows
        self.tree.setTextElideMode(Qt.ElideRight)
        self.tree.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 380)
        for group, (_f, _h, values, _d) in enumerate(self.model.groups):
            if len(values) <= 200:                      # big groups open on demand
                self.tree.expand(self.model.index(group, 0))

        summary = QLabel(f"Found {result.summary()}. Uncheck anything that is wrong; "
                         "a group's box keeps all or none of it.")
        summary.setWordWrap(True)
        self.warnings = QListWidget()
        self.warnings.setAccessibleName("Warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.warnings.addItems([f"⚠ {w}" for w in result.warnings])
        self.warnings.setMaximumHeight(self.warnings.sizeHintForRow(0) * 4 + 8
                                       if result.warnings else 0)
        self.warnings.setVisible(bool(result.warnings))
        count = len(result.warnings)
        warnings_label = QLabel(f"{count} warning{'s' if count != 1 else ''} "
                                "(a repeated one is listed once, with how often it came):")
        warnings_label.setVisible(bool(result.warnings))
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
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText("Import")
        for text, keep in (("Check all", True), ("Uncheck all", False)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=keep: self.set_all(k))
            self.buttons.addButton(button, QDialogButtonBox.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(warnings_label)
        layout.addWidget(self.warnings)
        layout.addLayout(dates)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.merge)
        layout.addWidget(self.new)
        layout.addWidget(self.buttons)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """At most 900 x 640, and never larger than the screen (the list scrolls)."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.setMaximumSize(screen.width(), screen.height())
        self.resize(min(900, screen.width() * 9 // 10), min(640, screen.height() * 85 // 100))

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

    def set_all(self, keep: bool) -> None:
        for group in range(len(self.model.groups)):
            self.model.set_group(group, keep)

    def set_group(self, field: str, keep: bool) -> None:
        self.model.set_group(self.model.group_of(field), keep)

    def set_checked(self, field: str, index: int, checked: bool) -> None:
        self.model.set_item(self.model.group_of(field), index, checked)

    def accepted_briefing(self) -> Briefing:
        """The imported briefing with only the checked items; a rejected meeting fact is
        left empty."""
        kept = self.model.kept_values()
        facts = {fact.field for fact in kept.pop(MEETING, [])}
        rejected = {f.field: None if f.field in ("kind", "date") else ""
                    for f in meeting_facts(self.result.briefing) if f.field not in facts}
        title = rejected.pop("title", None)
        briefing = self.result.briefing.model_copy(update=kept, deep=True)
        briefing.meeting = briefing.meeting.model_copy(update=rejected)
        if title is not None:
            briefing.title = title
        return briefing

    def merged_into(self, briefing: Briefing) -> Briefing:
        """*briefing* with the checked items added; a checked meeting fact replaces its
        value, a rejected one leaves it."""
        merged = merge([briefing, self.accepted_briefing()])
        facts = {fact.field: fact.value for fact in self.model.kept_values().get(MEETING, [])}
        if "title" in facts:
            merged.title = facts.pop("title")
        merged.meeting = merged.meeting.model_copy(update=facts)
        return merged

    def merge_chosen(self) -> bool:
        return self.merge.isChecked()
