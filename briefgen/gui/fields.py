"""Form fields bound to the briefing, and the pages they sit on.

A field shows the value at a path of the briefing and writes edits back through
the document (undoable).  A value the model refuses stays in the field, marked, with
the reason beneath it; the briefing keeps its last valid value and saving
refuses (naming the field) until the value is corrected or undone.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QSplitter, QVBoxLayout, QWidget)

from briefgen.gui.document import BriefingDocument, Path_, problem_text
from briefgen.gui.scripts import font_notice
from briefgen.gui.values import from_text, label as display_label, to_text

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


def page(*widgets: QWidget) -> QWidget:
    """A page of the editor: widgets stacked with comfortable margins.

    Tables (a widget whose ``grows`` is true) and splitters take the spare height;
    a page of forms keeps it below.
    """
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.setSpacing(12)
    growing = [getattr(item, "grows", False) or isinstance(item, QSplitter) for item in widgets]
    for item, grows in zip(widgets, growing, strict=True):
        layout.addWidget(item, 1 if grows else 0)
    if not any(growing):
        layout.addStretch(1)
    return widget
