"""Export actions: one DOCX, a pack of several templates into a folder, PDF.

The core renders and writes atomically (nothing half-written); this module
asks where, runs the work in the background and reports the outcome.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QProgressDialog, QPushButton, QVBoxLayout, QWidget)

from briefgen.errors import OutputError
from briefgen.gui import workers
from briefgen.gui.errors import show_error
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


def done_box(parent: QWidget, path: Path, text: str) -> QMessageBox:
    """'Exported ...' with Open and Show in folder buttons (non-blocking)."""
    box = QMessageBox(QMessageBox.Information, "Export finished", text, QMessageBox.Close, parent)
    box.setInformativeText(str(path))
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
    """Choose the templates and the folder of a briefing pack."""

    def __init__(self, templates: list, chosen: set[str], folder: str,
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
        self.folder = QLineEdit(folder)
        self.folder.setAccessibleName("Folder")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Templates to include:"))
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel("Write them into this folder:"))
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(640, 560)         # the nine built-in templates without scrolling

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder for the pack", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def templates(self) -> list:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]


class PackExport:
    """Write each chosen template into the folder in the background; cancel between files."""

    def __init__(self, parent: QWidget, briefing: Briefing, templates: list, office,
                 folder: Path) -> None:
        self.parent, self.folder = parent, folder
        self.cancel = threading.Event()
        self.written: list[Path] = []
        self.progress = QProgressDialog("Exporting…", "Cancel", 0, len(templates), parent)
        self.progress.setWindowTitle("Export briefing pack")
        self.progress.setWindowModality(Qt.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self.cancel.set)
        self.progress.setValue(0)
        snapshot = briefing.model_copy(deep=True)

        def work(report):
            if not folder.is_dir():
                raise OutputError("the folder does not exist", where=folder,
                                  hint="create it or choose another folder")
            for step, template in enumerate(templates):
                if self.cancel.is_set():
                    break
                report(step, f"Writing {template.title}…")
                name = suggested_name(snapshot, template, office)
                self.written.append(render_docx(snapshot, template, office, folder / name))
            return self.written

        self.task = workers.start(work, owner=parent, done=self._done, failed=self._failed,
                                  progress=self._progress)

    def _progress(self, step: int, message: str) -> None:
        self.progress.setValue(step)
        self.progress.setLabelText(message)

    def _done(self, written: list[Path]) -> None:
        self.progress.reset()
        stopped = " (cancelled)" if self.cancel.is_set() else ""
        done_box(self.parent, self.folder, f"Wrote {len(written)} document"
                 f"{'' if len(written) == 1 else 's'} into the folder{stopped}.")

    def _failed(self, exc: BaseException) -> None:
        self.progress.reset()
        show_error(self.parent, "Export briefing pack failed", exc)
