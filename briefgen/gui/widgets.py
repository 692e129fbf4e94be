"""List editors: a table over one list of the briefing, with Add / Remove / Move.

Cells write through the document (undoable); a value the model refuses is marked
and the reason shows under the table.  Loaded when a page with tables is first shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QStyledItemDelegate, QTableView, QToolButton,
                               QVBoxLayout, QWidget)

from briefgen.gui import icons
from briefgen.gui.document import BriefingDocument, Path_
from briefgen.gui.fields import NOTICE_STYLE, ErrorLabel
from briefgen.gui.models import Column, ListModel
from briefgen.gui.scripts import Script, missing_fonts, notice
from briefgen.gui.values import label as display_label
from briefgen.gui.values import to_text


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for columns with fixed choices."""

    def createEditor(self, parent, option, index):
        column: Column = index.model().columns[index.column()]
        if column.kind != "choice":
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem("", "")
        for choice in column.choices:
            combo.addItem(display_label(choice), choice)
        combo.setAccessibleName(column.header)
        return combo

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.EditRole) or ""), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.EditRole)
        else:
            super().setModelData(editor, model, index)


# The keys of every table, as (name, icon, text, shortcut); the Help lists them from here.
TABLE_ACTIONS = (("add", "add", "Add {noun}", "Ins"), ("remove", "remove", "Remove {noun}", "Del"),
                 ("up", "up", "Move up", "Ctrl+Up"), ("down", "down", "Move down", "Ctrl+Down"))
IMPORT = " Import an article (Ctrl+I) to find them, or add them here."
WRAP_WIDTH = 300        # the widest a long-text column starts; its text wraps
MAX_ROW_LINES = 4       # a row grows with wrapped text up to this many lines
FIT_ROWS = 400          # longer lists keep one-line rows (fitting them costs too much)


class EmptyHint(QWidget):
    """Shown over an empty table: what belongs here and a button to add the first one."""

    def __init__(self, view: QTableView, text: str, button: str, slot) -> None:
        super().__init__(view.viewport())
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignCenter)
        self.label.setForegroundRole(QPalette.PlaceholderText)
        self.button = QPushButton(icons.icon("add"), button)
        self.button.setAutoDefault(False)
        self.button.clicked.connect(slot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 8)
        layout.addStretch(1)
        layout.addWidget(self.label)        # no alignment: a wrapped label then gets its height
        layout.addWidget(self.button, 0, Qt.AlignHCenter)
        layout.addStretch(2)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Resize:
            self.setGeometry(watched.rect())
        return False


class ListEditor(QWidget):
    """A table over one list of the briefing with Add / Remove / Move buttons.

    Keys in the table: Insert adds, Delete removes, Ctrl+Up / Ctrl+Down move the row;
    rows can also be dragged into place.  Columns fit their content (long text
    wraps), an empty list shows what belongs in it, and text in a script no
    installed font can show is pointed out under the table.
    """

    grows = True        # takes the spare height of its page (see fields.page)

    def __init__(self, document: BriefingDocument, list_path: Path_, columns: list[Column],
                 new_item: Any, *, title: str, noun: str, plural: str = "",
                 stretch: int | None = None, empty: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.noun = noun
        self.stretch = stretch
        self.model = ListModel(document, list_path, columns, new_item)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(title)
        self.view.setItemDelegate(ChoiceDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed)
        self.view.setDragDropMode(QAbstractItemView.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDefaultDropAction(Qt.MoveAction)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.Stretch)
        header.sectionResized.connect(lambda *_: self._schedule_fit(rows_only=True))
        self.line_height = self.view.fontMetrics().height() + 10
        self.view.verticalHeader().setDefaultSectionSize(self.line_height)
        self.error = ErrorLabel(self)
        self.model.problem.connect(self.error.show_message)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Fonts")
        self.notice.hide()

        heading = QLabel(f"<b>{title}</b>")
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        self.actions_: dict[str, QAction] = {}
        slots = {"add": self.add, "remove": self.remove, "up": lambda: self.move(-1),
                 "down": lambda: self.move(1)}
        for key, icon, text, shortcut in TABLE_ACTIONS:
            text = text.format(noun=noun)
            action = QAction(icons.icon(icon), text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.NativeText)})")
            action.triggered.connect(slots[key])
            self.view.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setAccessibleName(text)
            bar.addWidget(button)
            self.actions_[key] = action
        plural = plural or f"{noun}s"
        self.empty = EmptyHint(self.view, empty or f"No {plural} yet.", f"Add {noun}", self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        self.fit_timer = QTimer(self)
        self.fit_timer.setSingleShot(True)
        self.fit_timer.timeout.connect(self.fit)
        self.view.viewport().installEventFilter(self)      # the last column fills the width
        self._rows_only = True
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.dataChanged):
            signal.connect(lambda *_: self._schedule_fit())
        self._update_actions()
        self._fitted = False

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.selectRow(row)

    def add(self) -> None:
        row = self.current_row()
        row = self.model.add(row + 1 if row >= 0 else None)
        self.select_row(row)
        self.view.setFocus()
        self.view.edit(self.model.index(row, 0))

    def remove(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.remove(row)
            self.select_row(min(row, self.model.rowCount() - 1))

    def move(self, step: int) -> None:
        row = self.current_row()
        dest = row + step
        if row >= 0 and 0 <= dest < self.model.rowCount():
            self.model.move(row, dest)
            self.select_row(dest)

    def _update_actions(self) -> None:
        row, count = self.current_row(), self.model.rowCount()
        self.actions_["remove"].setEnabled(row >= 0)
        self.actions_["up"].setEnabled(row > 0)
        self.actions_["down"].setEnabled(0 <= row < count - 1)
        self.actions_["add"].setEnabled(self.model.list_path_valid())
        self.empty.setVisible(count == 0 and self.model.list_path_valid())
        self.empty.button.setEnabled(self.model.list_path_valid())

    # -- fitting the columns to their content --------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:
            self.fit()

    def _schedule_fit(self, rows_only: bool = False) -> None:
        self._rows_only = self._rows_only and rows_only if self.fit_timer.isActive() else rows_only
        self.fit_timer.start(0)

    def fit(self) -> None:
        """Widen each column to its header and content (long text wraps), then fit the rows."""
        self._update_actions()
        if not self._rows_only or not self._fitted:
            self._fit_columns()
        self._rows_only = True
        self._fitted = True
        self._fit_rows()
        self._check_fonts()

    def _fit_columns(self) -> None:
        """Each column as wide as its header and content (a long-text column at most
        WRAP_WIDTH); without a stretching column the last one takes the spare room."""
        header, view = self.view.horizontalHeader(), self.view
        header.blockSignals(True)
        last = len(self.model.columns) - 1
        for i, column in enumerate(self.model.columns):
            needed = max(self.header_width(i), view.sizeHintForColumn(i) + 2)
            if column.kind == "choice":
                widest = max((view.fontMetrics().horizontalAdvance(display_label(c))
                              for c in column.choices), default=0)
                needed = max(needed, widest + 48)       # room for the combo box's arrow
            if column.wrap or i == self.stretch:
                needed = max(min(needed, WRAP_WIDTH), self.header_width(i))
                if not self.model.rowCount():           # room for the first entry
                    needed = max(needed, WRAP_WIDTH // 2)
            if i == last and self.stretch is None:
                spare = view.viewport().width() - sum(header.sectionSize(j) for j in range(last))
                needed = max(spare, self.header_width(i) if column.wrap else needed)
            if header.sectionResizeMode(i) != QHeaderView.Stretch:
                header.resizeSection(i, needed)
        header.blockSignals(False)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Resize and self.stretch is None:
            self._schedule_fit()
        return False

    def header_width(self, column: int) -> int:
        """The width that shows the header of *column* in full."""
        return self.view.horizontalHeader().sectionSizeFromContents(column).width()

    def _fit_rows(self) -> None:
        view, count = self.view, self.model.rowCount()
        if count > FIT_ROWS:
            return
        view.resizeRowsToContents()
        most = self.line_height + (MAX_ROW_LINES - 1) * view.fontMetrics().lineSpacing()
        for row in range(count):
            if view.rowHeight(row) > most:
                view.setRowHeight(row, most)

    def _check_fonts(self) -> None:
        """One line per column whose text uses a script no installed font has, naming the rows
        by their first column (a name, a title) since their own letters show as boxes."""
        text_columns = [c for c in self.model.columns if c.kind in ("text", "list")]
        found: dict[str, tuple[list[Script], list[str]]] = {}
        for row in range(min(self.model.rowCount(), FIT_ROWS)):
            for column in text_columns:
                missing = missing_fonts(to_text(self.model.value(row, column), column.kind))
                if missing:
                    scripts, rows = found.setdefault(column.header, ([], []))
                    scripts += [s for s in missing if s not in scripts]
                    label = self.model.index(row, 0).data() if column is not text_columns[0] \
                        else ""
                    rows.append(label if label and not missing_fonts(label) else f"row {row + 1}")
        notices = []
        for header, (scripts, rows) in found.items():
            shown = ", ".join(rows[:3]) + (f" and {len(rows) - 3} more" if len(rows) > 3 else "")
            notices.append(notice(scripts, f"{header} of {shown}"))
        self.notice.setText("\n".join(notices))
        if notices and not self.notice.styleSheet():
            self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setVisible(bool(notices))
