"""Page preview: the real pages, rendered to PDF with LibreOffice and shown in QPdfView."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from briefgen.gui import workers
from briefgen.gui.messages import human_message, plural
from briefgen.model import Briefing


class PagePreview(QDialog):
    """Renders in the background; shows the PDF when LibreOffice has converted it."""

    def __init__(self, briefing: Briefing, template, office, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.setWindowTitle(f"Page preview — {template.title}")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.folder = tempfile.TemporaryDirectory(prefix="briefgen-pages-")
        self.status = QLabel("Converting with LibreOffice…")
        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName("Pages")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.resize(760, 960)
        snapshot = briefing.model_copy(deep=True)
        target = Path(self.folder.name) / "preview.pdf"

        def work(_report):
            from briefgen.export import export_documents

            return export_documents([snapshot], [template], office, target).written[0]

        workers.start(work, owner=self, done=self._show, failed=self._failed)
        self.finished.connect(lambda _r: self.folder.cleanup())

    def _show(self, pdf: Path) -> None:
        self.pdf.load(str(pdf))
        self.status.setText(plural(self.pdf.pageCount(), "page"))

    def _failed(self, exc: BaseException) -> None:
        text, details = human_message(exc)
        self.status.setText(f"Cannot show the pages. {text}")
        self.status.setToolTip(details)
