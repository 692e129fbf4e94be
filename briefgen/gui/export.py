"""Export actions: one DOCX, a briefing pack (one DOCX of several templates), PDF.

The core renders and writes atomically (nothing half-written); this module
asks where, runs the work in the background and reports the outcome.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from briefgen.model import Briefing


def render_docx(briefing: Briefing, template, office, out: Path) -> Path:
    from briefgen.render import render_to_file

    return render_to_file(briefing, template, office, out)


def render_pdf(briefing: Briefing, template, office, out: Path) -> Path:
    """Render to a temporary .docx, then convert with LibreOffice (atomic)."""
    from briefgen.convert import docx_to_pdf
    from briefgen.render import render_to_file

    with tempfile.TemporaryDirectory(prefix="briefgen-") as tmp:
        docx = render_to_file(briefing, template, office, Path(tmp) / "document.docx")
        return docx_to_pdf(docx, out)


def suggested_name(briefing: Briefing, template, office, suffix: str = ".docx") -> str:
    from briefgen.render import output_filename

    name = output_filename(briefing, template, office)
    return name[: -len(".docx")] + suffix


def render_pack(briefing: Briefing, templates: list, office, out: Path) -> Path:
    """One pack DOCX: a cover with contents, then each template (as ``--pack``)."""
    from briefgen.pack import write_pack

    return write_pack(briefing, templates, office, out)


def marking_notes(briefing: Briefing, office) -> list[str]:
    """Why the briefing's marking may surprise the office (shown with the result)."""
    from briefgen.render import marking_warnings

    return [w[:1].upper() + w[1:] + "." for w in marking_warnings(briefing, office)]


def done_box(parent: QWidget, path: Path, text: str, notes: list[str] = ()) -> QMessageBox:
    """'Exported ...' with Open and Show in folder buttons (non-blocking); *notes*
    (such as marking warnings) under the file name."""
    box = QMessageBox(QMessageBox.Information if not notes else QMessageBox.Warning,
                      "Export finished", text, QMessageBox.Close, parent)
    box.setInformativeText("\n\n".join([str(path), *notes]))
    open_button = box.addButton("Open", QMessageBox.AcceptRole)
    folder_button = box.addButton("Show in folder", QMessageBox.ActionRole)
    open_button.setEnabled(path.is_file())
    open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
    folder_button.clicked.connect(lambda: QDesktopServices.openUrl(
        QUrl.fromLocalFile(str(path.parent if path.is_file() else path))))
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
        layout.addWidget(QLabel("Save the pack (one Word document) as:"))
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(640, 560)         # the nine built-in templates without scrolling

    def _browse(self) -> None:
        out, _ = QFileDialog.getSaveFileName(self, "Save the briefing pack as", self.out.text(),
                                             "Word documents (*.docx)")
        if out:
            self.out.setText(out if out.lower().endswith(".docx") else out + ".docx")

    def templates(self) -> list:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]
