"""Offering the unsaved work of sessions that ended without saving (a crash,
``kill -9``, a power cut): every copy, with its time and file, and nothing is
deleted unless the user says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QVBoxLayout, QWidget)

from briefgen.errors import BriefgenError
from briefgen.gui.document import BriefingDocument, read_autosave
from briefgen.model import Briefing


@dataclass
class Copy:
    """One autosave copy: what it holds, or why it cannot be read."""

    file: Path
    briefing: Briefing | None = None
    original: Path | None = None
    saved: float = 0.0
    problem: str = ""

    @classmethod
    def read(cls, file: Path) -> Copy:
        try:
            briefing, original, saved = read_autosave(file)
        except BriefgenError as exc:
            return cls(file, problem=exc.message, saved=file.stat().st_mtime)
        return cls(file, briefing, original, saved)

    def describe(self) -> str:
        when = dt.datetime.fromtimestamp(self.saved).strftime("%d %b %Y, %H:%M:%S")
        if self.problem:
            return f"A copy from {when} that cannot be read: {self.problem}"
        name = str(self.original) if self.original else "an untitled briefing"
        title = f" “{self.briefing.title}”" if self.briefing.title else ""
        return f"Unsaved changes to {name}{title}, kept at {when}"

    def restore(self) -> BriefingDocument:
        """A dirty document holding the copy; its own autosave replaces this file."""
        document = BriefingDocument(path=self.original)
        document.replace_all(self.briefing, "Restore unsaved work")
        document.autosave.save_now()
        self.file.unlink(missing_ok=True)
        return document


class RecoveryDialog(QDialog):
    """Lists every left-over copy, checked; Restore opens each checked one in a
    window, Discard deletes the checked ones after asking, Later keeps them all."""

    def __init__(self, copies: list[Copy], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore unsaved work?")
        self.copies = copies
        self.list = QListWidget()
        self.list.setAccessibleName("Unsaved work")
        self.list.setWordWrap(True)
        for copy in copies:
            item = QListWidgetItem(copy.describe())
            item.setToolTip(str(copy.file))
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked if copy.problem else Qt.Checked)
            self.list.addItem(item)
        count = len(copies)
        text = QLabel(f"briefgen ended without saving {count} briefing{'s' if count > 1 else ''}. "
                      "Restore the checked ones? Each opens in its own window, unsaved.")
        text.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.AcceptRole)
        self.discard_button = buttons.addButton("Discard…", QDialogButtonBox.DestructiveRole)
        self.later_button = buttons.addButton("Later", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.discard_button.clicked.connect(self.discard)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel("Later keeps every copy: they are offered at the next start."))
        layout.addWidget(buttons)
        self.resize(640, 320)

    def checked(self) -> list[Copy]:
        return [copy for i, copy in enumerate(self.copies)
                if self.list.item(i).checkState() == Qt.Checked]

    def discard(self) -> None:
        """Delete the checked copies, once the user confirms."""
        chosen = self.checked()
        if not chosen:
            return
        answer = QMessageBox.question(
            self, "Discard unsaved work",
            f"Delete {len(chosen)} unsaved cop{'y' if len(chosen) == 1 else 'ies'}? "
            "This cannot be undone.", QMessageBox.Discard | QMessageBox.Cancel,
            QMessageBox.Cancel)
        if answer != QMessageBox.Discard:
            return
        for copy in chosen:
            copy.file.unlink(missing_ok=True)
            row = self.copies.index(copy)
            self.copies.pop(row)
            self.list.takeItem(row)
        if not self.copies:
            self.reject()


def offer_recovery(files: list[Path], parent: QWidget | None = None) -> list[BriefingDocument]:
    """Ask about the copies *files* left by sessions that are gone
    (:func:`~briefgen.gui.document.recoverable`); the restored documents."""
    copies = [Copy.read(file) for file in files]
    if not copies:
        return []
    dialog = RecoveryDialog(copies, parent)
    if dialog.exec() != QDialog.Accepted:
        return []
    return [copy.restore() for copy in dialog.checked() if not copy.problem]
