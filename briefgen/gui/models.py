"""Qt item models over the lists of a briefing (people, quotes, figures, plain text lists).

Models read from the :class:`BriefingDocument` and write through it, so every
edit, insertion, removal and drag-and-drop move is one undo step.  A value the
model refuses is not stored: the cell is marked and :attr:`ListModel.problem`
says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from briefgen.gui.document import BriefingDocument, Path_, problem_text
from briefgen.gui.values import from_text, label, to_text

ROW_MIME = "application/x-briefgen-row"


@dataclass(frozen=True)
class Column:
    """One column: *field* of each item (None: the item itself is the value)."""

    field: str | None
    header: str
    kind: str = "text"          # text | date | number | choice | list
    choices: tuple[str, ...] = ()
    tip: str = ""
    wrap: bool = False          # long text: the cell wraps instead of widening the column


class ListModel(QAbstractTableModel):
    """A table over the list at *list_path*; one row per item, one column per field."""

    problem = Signal(str)       # "" when the last edit was accepted

    def __init__(self, document: BriefingDocument, list_path: Path_, columns: list[Column],
                 new_item: Any) -> None:
        super().__init__(document)
        self.document = document
        self.list_path = list_path
        self.columns = columns
        self.new_item = new_item
        self.errors: dict[tuple[int, int], str] = {}
        # cells showing what the user typed although the model refused it: (path, text)
        self.refused: dict[tuple[int, int], tuple[Path_, str]] = {}
        document.changed.connect(self._on_changed)

    def set_list_path(self, list_path: Path_) -> None:
        """Show another list (e.g. the points of another topic)."""
        self.beginResetModel()
        self.list_path = list_path
        self._forget_problems()
        self.endResetModel()

    def _forget_problems(self) -> None:
        """Drop the cells' problems (rows moved or another list is shown); saving no
        longer waits for them."""
        self.errors.clear()
        for path, _text in self.refused.values():
            self.document.flag(path, "")
        self.refused.clear()

    def list_path_valid(self) -> bool:
        try:
            self.document.get(self.list_path)
        except (IndexError, AttributeError):
            return False
        return True

    def items(self) -> list[Any]:
        try:
            return self.document.get(self.list_path)
        except (IndexError, AttributeError):
            return []           # the owner of the list was just removed

    def _on_changed(self, path: tuple) -> None:
        """Reset when the list (or what holds it) changed; refresh one row for an item edit."""
        n = len(self.list_path)
        if self.list_path[: len(path)] == path:
            self.beginResetModel()
            self._forget_problems()
            self.endResetModel()
        elif path[:n] == self.list_path and len(path) > n and isinstance(path[n], int):
            row = path[n]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    # -- reading -----------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal:
            column = self.columns[section]
            if role == Qt.DisplayRole:
                return column.header
            if role == Qt.ToolTipRole and column.tip:
                return column.tip
        elif role == Qt.DisplayRole:
            return str(section + 1)
        return None

    def value(self, row: int, column: Column) -> Any:
        item = self.items()[row]
        return item if column.field is None else getattr(item, column.field)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self.items()):
            return None
        column = self.columns[index.column()]
        error = self.errors.get((index.row(), index.column()))
        refused = self.refused.get((index.row(), index.column()))
        if refused is not None and role in (Qt.DisplayRole, Qt.EditRole):
            return refused[1]
        if role == Qt.DisplayRole and column.kind == "choice":
            return label(self.value(index.row(), column))
        if role in (Qt.DisplayRole, Qt.EditRole):
            return to_text(self.value(index.row(), column), column.kind)
        if role == Qt.ToolTipRole:
            return error or self.data(index) or column.tip
        if role == Qt.BackgroundRole and error:
            return QBrush(QColor(255, 205, 210))
        if role == Qt.ForegroundRole and error:
            return QBrush(QColor(0, 0, 0))
        if role == Qt.AccessibleTextRole:
            return f"{column.header}: {self.data(index)}"
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled
        if not index.isValid():
            return Qt.ItemIsDropEnabled
        return base | Qt.ItemIsEditable

    # -- editing -----------------------------------------------------------
    def setData(self, index: QModelIndex, value: Any, role: int = Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid():
            return False
        column = self.columns[index.column()]
        new = from_text(str(value), column.kind) if isinstance(value, str) else value
        path = self.list_path + (index.row(),)
        if column.field is not None:
            path += (column.field,)
        key = (index.row(), index.column())
        try:
            self.document.set_value(path, new)
        except ValidationError as exc:
            self.errors[key] = f"{column.header}: {problem_text(exc)}"
            if isinstance(value, str):      # keep what was typed; saving waits for a fix
                self.refused[key] = (path, value)
                self.document.flag(path, self.errors[key])
            self.dataChanged.emit(index, index)
            self.problem.emit(self.errors[key])
            return False
        self.errors.pop(key, None)
        if self.refused.pop(key, None) is not None:
            self.document.flag(path, "")
            self.dataChanged.emit(index, index)
        self.problem.emit("")
        return True

    def add(self, row: int | None = None, item: Any = None) -> int:
        """Insert *item* (default: a new blank one) at *row* (default: the end)."""
        row = len(self.items()) if row is None else row
        new = item if item is not None else (
            self.new_item() if callable(self.new_item) else self.new_item)
        self.document.insert_item(self.list_path, row, new)
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.items()):
            self.document.remove_item(self.list_path, row)

    def move(self, source: int, dest: int) -> None:
        self.document.move_item(self.list_path, source, dest)

    # -- drag and drop (reorder) -------------------------------------------
    def supportedDropActions(self) -> Qt.DropActions:
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(ROW_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:
        return data.hasFormat(ROW_MIME) and action == Qt.MoveAction

    def dropMimeData(self, data: QMimeData, action, row: int, column: int,
                     parent: QModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        source = int(bytes(data.data(ROW_MIME)).decode() or -1)
        count = len(self.items())
        if row < 0:
            row = parent.row() if parent.isValid() else count
        dest = row - 1 if row > source else row
        if 0 <= source < count:
            self.move(source, min(dest, count - 1))
        return False            # the move is done; the view must not remove the source row


def blank(model_cls: type[BaseModel], **values: Any):
    """A factory of new list items that satisfies required fields with a placeholder."""
    return lambda: model_cls.model_validate(values)
