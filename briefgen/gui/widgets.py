"""Building blocks of the editor pages: bound form fields and list editors.

A field shows the value at a path of the briefing and writes edits back through
the document (undoable).  A value the model refuses stays in the field, marked, with
the reason beneath it; the briefing keeps its last valid value and saving
refuses (naming the field) until the value is corrected or undone.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QSplitter, QStyledItemDelegate, QTableView, QToolButton,
                               QVBoxLayout, QWidget)

from briefgen.gui.document import BriefingDocument, Path_, problem_text
from briefgen.gui import icons
from briefgen.gui.models import Column, ListModel, from_text, to_text
from briefgen.gui.models import label as display_label
from briefgen.gui.scripts import Script, font_notice, missing_fonts, notice

NOTICE_STYLE = "background: rgba(255, 193, 7, 60); padding: 2px 4px;"
ERROR_STYLE = "color: palette(text); background: rgba(211, 47, 47, 40); padding: 2px 4px;"
INVALID_STYLE = "border: 1px solid #d32f2f; background: rgba(211, 47, 47, 28);"


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark *widget* red (and its ``invalid`` property) while its value is refused.

    A style sheet only on the marked widget: an application-wide one would slow
    the building of every widget.
    """
    if bool(widget.property("invalid")) != invalid:
        widget.setStyleSheet(INVALID_STYLE if invalid else "")
    widget.setProperty("invalid", invalid)


class ErrorLabel(QLabel):
    """The message under a field or table; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName("Problem")
        self.hide()

    def show_message(self, text: str) -> None:
        if text and not self.styleSheet():
            self.setStyleSheet(ERROR_STYLE)     # styled on first use: labels are many
        self.setText(text)
        self.setVisible(bool(text))


class Field(QWidget):
    """An editor widget bound to one path, with its error label."""

    def __init__(self, document: BriefingDocument, path: Path_, label: str, editor: QWidget,
                 kind: str = "text", tip: str = "") -> None:
        super().__init__()
        self.document, self.path, self.label, self.kind = document, path, label, kind
        self.editor = editor
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        editor.setAccessibleName(label)
        if tip:
            editor.setToolTip(tip)
        self._updating = False
        self.notice: QLabel | None = None      # made when a script cannot be shown
        document.changed.connect(self._on_changed)

    # subclasses: read the editor / show a value
    def read(self) -> Any:
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    @property
    def message(self) -> str:
        return self.error.text() if self.error.isVisible() else ""

    def set_path(self, path: Path_) -> None:
        self.document.flag(self.path, "")
        self.path = path
        self.refresh()

    def refresh(self) -> None:
        try:
            value = self.document.get(self.path)
        except (IndexError, AttributeError):
            value = None
        self._updating = True
        try:
            self.show_value(value)
        finally:
            self._updating = False
        self._mark("")
        self._check_fonts()

    def _on_changed(self, path: tuple) -> None:
        if self.path[: len(path)] == path:
            self.refresh()

    def commit(self, merge: bool = True) -> None:
        if self._updating:
            return
        try:
            self.document.set_value(self.path, self.read(), merge=merge)
        except ValidationError as exc:
            self._mark(problem_text(exc))
        except (IndexError, AttributeError):
            pass                # nothing selected to edit
        else:
            self._mark("")
        self._check_fonts()

    def _check_fonts(self) -> None:
        """Say so under the field when its text uses a script no installed font has."""
        editor = self.editor
        text = (editor.text() if isinstance(editor, QLineEdit) else
                editor.toPlainText() if isinstance(editor, QPlainTextEdit) else "")
        notice = font_notice(text, self.label)
        if notice and self.notice is None:
            self.notice = QLabel()
            self.notice.setWordWrap(True)
            self.notice.setAccessibleName("Fonts")
            self.notice.setStyleSheet(NOTICE_STYLE)
            self.layout().addWidget(self.notice)
        if self.notice is not None:
            self.notice.setText(notice)
            self.notice.setVisible(bool(notice))

    def _mark(self, message: str) -> None:
        """Flag the value the user typed (it stays in the field) or clear the flag."""
        text = f"{self.label}: {message}" if message else ""
        self.error.show_message(text)
        mark_invalid(self.editor, bool(message))
        self.editor.setAccessibleDescription(message)
        self.document.flag(self.path, text)


class LineField(Field):
    def __init__(self, document, path, label, *, kind="text", placeholder="", tip="") -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder or ("YYYY-MM-DD" if kind == "date" else ""))
        edit.setClearButtonEnabled(kind != "date")
        super().__init__(document, path, label, edit, kind, tip)
        edit.textEdited.connect(lambda _text: self.commit())
        self.refresh()

    def read(self) -> Any:
        return from_text(self.editor.text(), self.kind)

    def show_value(self, value: Any) -> None:
        text = to_text(value, self.kind)
        if self.editor.text() != text:
            self.editor.setText(text)


class TextField(Field):
    def __init__(self, document, path, label, *, lines: int = 3, placeholder="", tip="") -> None:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        height = edit.fontMetrics().lineSpacing() * lines + 14
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height * 2)
        super().__init__(document, path, label, edit, "text", tip)
        edit.textChanged.connect(self.commit)
        self.refresh()

    def read(self) -> Any:
        return self.editor.toPlainText().strip()

    def show_value(self, value: Any) -> None:
        text = value or ""
        if self.editor.toPlainText().strip() != text:
            self.editor.setPlainText(text)


class ChoiceField(Field):
    """A combo box of *choices*; *blank* adds an empty first entry meaning None."""

    def __init__(self, document, path, label, choices, *, blank: str | None = None, tip="") -> None:
        combo = QComboBox()
        self.values: list[Any] = ([None] if blank is not None else []) + list(choices)
        if blank is not None:
            combo.addItem(blank)
        for choice in choices:
            combo.addItem(display_label(choice))
        super().__init__(document, path, label, combo, "choice", tip)
        combo.currentIndexChanged.connect(lambda _i: self.commit(merge=False))
        self.refresh()

    def read(self) -> Any:
        return self.values[self.editor.currentIndex()]

    def show_value(self, value: Any) -> None:
        index = self.values.index(value) if value in self.values else 0
        self.editor.setCurrentIndex(index)


class TriStateField(Field):
    """A check box for ``bool | None`` (partly checked: use the default)."""

    def __init__(self, document, path, label, text, *, tip="") -> None:
        box = QCheckBox(text)
        box.setTristate(True)
        super().__init__(document, path, label, box, "choice", tip)
        box.checkStateChanged.connect(lambda _s: self.commit(merge=False))
        self.refresh()

    STATES = {None: Qt.PartiallyChecked, True: Qt.Checked, False: Qt.Unchecked}

    def read(self) -> Any:
        return {v: k for k, v in self.STATES.items()}[self.editor.checkState()]

    def show_value(self, value: Any) -> None:
        self.editor.setCheckState(self.STATES[value])


class Form(QWidget):
    """A two-column form of fields with their labels."""

    def __init__(self, document: BriefingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignRight | Qt.AlignTop)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, Field] = {}

    def add(self, key: str, field: Field) -> Field:
        label = QLabel(f"{field.label}:")
        label.setBuddy(field.editor)
        self.layout_.addRow(label, field)
        self.fields[key] = field
        return field

    def line(self, key, path, label, **kw) -> Field:
        return self.add(key, LineField(self.document, path, label, **kw))

    def text(self, key, path, label, **kw) -> Field:
        return self.add(key, TextField(self.document, path, label, **kw))

    def choice(self, key, path, label, choices, **kw) -> Field:
        return self.add(key, ChoiceField(self.document, path, label, choices, **kw))


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


def page(*widgets: QWidget) -> QWidget:
    """A page of the editor: widgets stacked with comfortable margins.

    Tables and splitters take the spare height; a page of forms keeps it below.
    """
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.setSpacing(12)
    growing = (ListEditor, QSplitter)
    for item in widgets:
        layout.addWidget(item, 1 if isinstance(item, growing) else 0)
    if not any(isinstance(item, growing) for item in widgets):
        layout.addStretch(1)
    return widget
