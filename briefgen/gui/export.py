"""Export dialogs: the pack's templates and file, and the box that says what an export wrote.

The work itself is :mod:`briefgen.export`'s (the same commands as ``briefgen
render``); the main window runs it in the background and shows its
:class:`~briefgen.export.ExportResult` here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from briefgen.export import ExportResult

PACK_FILTERS = {"Word documents (*.docx)": ".docx", "PDF documents (*.pdf)": ".pdf"}


def sentence(warning: str) -> str:
    """A warning line as a sentence: capital first letter, full stop."""
    return warning[:1].upper() + warning[1:] + ("" if warning.endswith(".") else ".")


def done_box(parent: QWidget, result: ExportResult, text: str) -> QMessageBox:
    """'Exported ...' listing the files written and, under them, the warnings (such
    as the marking's), with Open and Show in folder buttons (non-blocking)."""
    notes = [sentence(w) for w in result.warnings]
    box = QMessageBox(QMessageBox.Warning if notes else QMessageBox.Information,
                      "Export finished", text, QMessageBox.Close, parent)
    box.setInformativeText("\n\n".join(["\n".join(map(str, result.written)), *notes]))
    first = result.written[0]
    open_button = box.addButton("Open", QMessageBox.AcceptRole)
    folder_button = box.addButton("Show in folder", QMessageBox.ActionRole)
    open_button.setEnabled(len(result.written) == 1 and first.is_file())
    open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(first))))
    folder_button.clicked.connect(lambda: QDesktopServices.openUrl(
        QUrl.fromLocalFile(str(first.parent))))
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.open()
    return box


class PackDialog(QDialog):
    """Choose the templates of a briefing pack and the file to write it to."""

    def __init__(self, templates: list, chosen: set[str], out: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export briefing pack")
        self.list = QListWidget()
        self.list.setAccessibleName("Templates")
        self.list.setWordWrap(True)                  # long descriptions wrap, never scroll
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.Adjust)
        self.list.setSpacing(2)
        for info in templates:
            item = QListWidgetItem(f"{info.title} — {info.description}" if info.description
                                   else info.title)
            item.setData(Qt.UserRole, info)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if info.name in chosen else Qt.Unchecked)
            item.setToolTip(f"{info.name} ({info.origin}) — {info.path}")
            self.list.addItem(item)
        self.out = QLineEdit(out)
        self.out.setAccessibleName("Pack file")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Documents in the pack, after a cover page with the contents:"))
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel("Save the pack (one Word document, or one PDF) as:"))
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(640, 560)         # the nine built-in templates without scrolling

    def _browse(self) -> None:
        out, chosen = QFileDialog.getSaveFileName(self, "Save the briefing pack as",
                                                  self.out.text(), ";;".join(PACK_FILTERS))
        if out:
            suffix = PACK_FILTERS.get(chosen, ".docx")
            self.out.setText(out if out.lower().endswith(tuple(PACK_FILTERS.values()))
                             else out + suffix)

    def target(self) -> Path:
        """The pack file: a name without .docx or .pdf becomes a .docx."""
        out = self.out.text().strip()
        return Path(out if out.lower().endswith(tuple(PACK_FILTERS.values())) else out + ".docx")

    def templates(self) -> list:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]
