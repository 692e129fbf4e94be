"""The main window: editor pages beside the live preview, menus, shortcuts, status bar.

Qt's dialog classes (QFileDialog, QMessageBox) are imported where they are used:
making their Python types (with their enumerations) would delay the first paint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMainWindow, QSplitter, QStackedWidget, QToolBar,
                               QWidget)

from briefgen.briefing_io import BRIEF_SUFFIX
from briefgen.gui import icons, workers
from briefgen.gui.document import BriefingDocument
from briefgen.gui.errors import run_action, show_error
from briefgen.gui.preview import PreviewPane
from briefgen.gui.settings import app_settings, library
from briefgen.gui.shortcuts import WindowKeys, redo_keys
from briefgen.model import Briefing
from briefgen.resources import assets_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

BRIEF_FILTER = f"Briefings (*{BRIEF_SUFFIX} *.json *.yaml *.yml);;All files (*)"
MAX_RECENT = 8


@dataclass(frozen=True)
class Page:
    """One page of the editor, built (and its module loaded) when first shown."""

    title: str
    icon: str
    builder: str
    """``module:name`` in :mod:`briefgen.gui.editors` of ``build(document)``, which
    returns the page's widget, or ``(widget, *editors)``."""
    editors: tuple[str, ...]
    """Names for what *build* returns after the widget (a bare widget is its own editor)."""

    def build(self, document: BriefingDocument):
        module, name = self.builder.split(":")
        return getattr(import_module(f"briefgen.gui.editors.{module}"), name)(document)


PAGES = (
    Page("Meeting", "page-meeting", "meeting:meeting_page", ("meeting_form",)),
    Page("People", "page-people", "people:people_page", ("people",)),
    Page("Objectives", "page-objectives", "topics:objectives_page", ("objectives",)),
    Page("Topics", "page-topics", "topics:TopicsPage", ("topics_page",)),
    Page("Quotes & figures", "page-statements", "facts:statements_page", ("statements",)),
    Page("Outcomes", "page-outcomes", "facts:outcomes_page", ("outcomes",)),
    Page("Sources", "page-sources", "facts:sources_page", ("sources",)),
    Page("Routing & marking", "page-routing", "routing:routing_page",
         ("routing_form", "clearances")),
)


def _editor(name: str) -> property:
    """The editor *name* of its page (building the page on first use)."""
    index = next(i for i, page in enumerate(PAGES) if name in page.editors)
    return property(lambda self: self.page_editors(index)[name],
                    doc=f"The {name.replace('_', ' ')} editor (page {PAGES[index].title}).")


def bundled(path: Path) -> bool:
    """A file shipped with briefgen (the sample): never overwritten, not a recent file."""
    return Path(path).resolve().is_relative_to(assets_dir().resolve())


def import_clipboard(html: str, text: str, name: str, published, progress):
    """Import pasted or dropped content: its HTML (what a browser copies), or its
    text when there is no HTML or the HTML holds no article (a bare fragment)."""
    from briefgen.errors import SourceError
    from briefgen.importing import import_text

    if html.strip():
        try:
            return import_text(html, html=True, published=published, name=name,
                               progress=progress)
        except SourceError:
            if not text.strip():
                raise
    return import_text(text, published=published, name=name, progress=progress)


class MainWindow(QMainWindow):
    """Edits one :class:`BriefingDocument`; File > New/Open replace it."""

    def __init__(self, document: BriefingDocument | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or app_settings()
        self.templates: list = []
        self.offices: list = []
        self.document: BriefingDocument | None = None
        self.built: dict[int, dict[str, object]] = {}    # page index -> its editors by name
        self.last_box: QMessageBox | None = None
        self.import_progress: QProgressDialog | None = None
        self.review = None                       # the open import review dialog
        self.pages_dialog = None                 # the open page preview
        self.template_manager = None
        self._after_paint: list = []
        self.setAcceptDrops(True)
        self.after_first_paint(self._set_window_icon)
        self._build_actions()
        self._build_ui()
        self._build_menus()
        self._restore_window()
        self.keys = WindowKeys(self)
        self.act_paste = self._action("Paste &article", self.paste_article, "Ctrl+Shift+V",
                                      tip="Import the article on the clipboard (HTML or text)")
        self.set_document(document or BriefingDocument())

    # -- building ------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, icon: str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(icons.icon(icon))
        action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence
        self.act_new = self._action("&New", self.new_file, K.New, "new", "New briefing")
        self.act_open = self._action("&Open…", self.open_dialog, K.Open, "open")
        self.act_save = self._action("&Save", self.save, K.Save, "save")
        self.act_save_as = self._action("Save &As…", self.save_as, K.SaveAs)
        self.act_import = self._action("&Import…", self.import_dialog, "Ctrl+I",
                                       "import", "Import articles or data files")
        self.act_export = self._action("&Export DOCX…", self.export_docx, "Ctrl+E",
                                       "export", "Export the chosen template")
        self.act_pack = self._action("Export briefing &pack…", self.export_pack, "Ctrl+Shift+E",
                                     "export-pack")
        self.act_pdf = self._action("Export P&DF…", self.export_pdf, "Ctrl+Shift+P", "export-pdf")
        self.act_pages = self._action("Page p&review", self.page_preview, "Ctrl+Shift+R",
                                      "page-preview", "Show the real pages (PDF)")
        self.act_refresh = self._action("&Refresh preview", lambda: self.preview.refresh_now(),
                                        K.Refresh, "refresh")
        self.act_quit = self._action("&Quit", self.close, K.Quit)
        self.act_guide = self._action("briefgen &Help", self.show_guide,
                                      K.HelpContents, "guide", "A short guide to briefgen")
        self.act_shortcuts = self._action("&Keyboard shortcuts", self.show_shortcuts,
                                          None, "shortcuts", "Every keyboard shortcut")
        self.act_about = self._action("&About briefgen", self.about, None, "about")
        self.act_templates = self._action("&Templates…", self.show_template_manager, "Ctrl+T",
                                          "templates",
                                          "Manage templates, office profiles and shared folders")

    def _build_ui(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Sections")
        self.sidebar.setFixedWidth(170)
        self.sidebar.setIconSize(QSize(18, 18))
        for i, page in enumerate(PAGES):
            item = QListWidgetItem(icons.icon(page.icon), page.title)
            item.setToolTip(f"{page.title} (Ctrl+{i + 1})")
            self.sidebar.addItem(item)
            self._action(page.title.replace("&", "&&"),
                         lambda _=False, n=i: self.sidebar.setCurrentRow(n),
                         f"Ctrl+{i + 1}", tip=f"Go to {page.title}")
        self.stack = QStackedWidget()
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.preview = PreviewPane()
        self.preview.source = self._preview_source
        self.preview.refreshed.connect(self._preview_refreshed)

        editor = QWidget()
        row = QHBoxLayout(editor)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(editor)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

        self.template_box = QComboBox()
        self.template_box.setAccessibleName("Template")
        self.template_box.setToolTip("Template for the preview and export")
        self.template_box.setMinimumContentsLength(18)
        self.office_box = QComboBox()
        self.office_box.setAccessibleName("Office profile")
        self.office_box.setToolTip("Office profile: letterhead, marking, date style, paper")
        self.office_box.setMinimumContentsLength(14)
        for box in (self.template_box, self.office_box):    # whole titles, never cut short
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template_box.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.office_box.currentIndexChanged.connect(lambda _i: self._choice_changed())

        bar = QToolBar("Main")
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonIconOnly)    # Undo/Redo texts grow: icons only
        bar.setIconSize(QSize(20, 20))
        for action in (self.act_new, self.act_open, self.act_save):
            bar.addAction(action)
        bar.addSeparator()
        self.act_undo = self.act_redo = None
        self.undo_anchor = bar.addSeparator()
        bar.addAction(self.act_import)
        bar.addSeparator()
        bar.addWidget(QLabel(" Template: "))
        bar.addWidget(self.template_box)
        bar.addWidget(QLabel("  Office: "))
        bar.addWidget(self.office_box)
        bar.addSeparator()
        bar.addAction(self.act_export)
        bar.addAction(self.act_pages)
        for action in (self.act_import, self.act_export, self.act_pages):   # fixed texts
            bar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.toolbar = bar
        self.addToolBar(bar)
        self.statusBar().showMessage("Ready")
        self.save_state = QLabel()
        self.statusBar().addPermanentWidget(self.save_state)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file = menu.addMenu("&File")
        for action in (self.act_new, self.act_open):
            file.addAction(action)
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        for action in (self.act_save, self.act_save_as):
            file.addAction(action)
        file.addSeparator()
        file.addAction(self.act_import)
        file.addSeparator()
        for action in (self.act_export, self.act_pack, self.act_pdf):
            file.addAction(action)
        file.addSeparator()
        file.addAction(self.act_quit)
        self.edit_menu = menu.addMenu("&Edit")
        view = menu.addMenu("&View")
        view.addAction(self.act_refresh)
        view.addAction(self.act_pages)
        menu.addMenu("&Tools").addAction(self.act_templates)
        help_menu = menu.addMenu("&Help")
        for action in (self.act_guide, self.act_shortcuts):
            help_menu.addAction(action)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

    def _set_window_icon(self) -> None:
        """The style's icon (loading QStyle takes longer than a first paint: after it)."""
        from PySide6.QtWidgets import QStyle

        self.setWindowIcon(self.style().standardIcon(QStyle.SP_FileDialogDetailedView))

    # -- the document ------------------------------------------------------------
    def set_document(self, document: BriefingDocument) -> None:
        """Show *document* in fresh editor pages (the old one is dropped)."""
        old = self.document
        self.document = document
        document.setParent(self)
        document.changed.connect(lambda _path: self.preview.schedule())
        document.path_changed.connect(self._update_title)
        page = max(self.sidebar.currentRow(), 0)
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.built = {}
        for _ in PAGES:
            self.stack.addWidget(QWidget())     # built when first shown (fast start)
        self.sidebar.setCurrentRow(page)
        self.show_page(page)
        self._install_undo(document)
        if old is not None:
            old.autosave.discard()
            old.deleteLater()
        self._update_title()
        self.preview.schedule()

    def page_editors(self, index: int) -> dict[str, object]:
        """The editors of page *index* by name (building the page on first use)."""
        if index not in self.built:
            made = PAGES[index].build(self.document)
            widget, *editors = made if isinstance(made, tuple) else (made, made)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.built[index] = dict(zip(PAGES[index].editors, editors, strict=True))
        return self.built[index]

    def show_page(self, index: int) -> None:
        if 0 <= index < len(PAGES):
            self.page_editors(index)
            self.stack.setCurrentIndex(index)

    # the editors of each page, for code and tests that reach into them
    meeting_form = _editor("meeting_form")
    people = _editor("people")
    objectives = _editor("objectives")
    topics_page = _editor("topics_page")
    statements = _editor("statements")
    outcomes = _editor("outcomes")
    sources = _editor("sources")
    routing_form = _editor("routing_form")
    clearances = _editor("clearances")

    def _install_undo(self, document: BriefingDocument) -> None:
        for action in (self.act_undo, self.act_redo):
            if action is not None:
                self.toolbar.removeAction(action)
                self.removeAction(action)
                action.deleteLater()
        stack = document.undo_stack
        self.act_undo = stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcut(QKeySequence.Undo)
        self.act_undo.setIcon(icons.icon("undo"))
        self.act_redo = stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts(redo_keys())
        self.act_redo.setIcon(icons.icon("redo"))
        for action in (self.act_undo, self.act_redo):
            self.addAction(action)
            self.toolbar.insertAction(self.undo_anchor, action)
        self.edit_menu.clear()
        self.edit_menu.addAction(self.act_undo)
        self.edit_menu.addAction(self.act_redo)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.act_paste)

    def _update_title(self) -> None:
        doc = self.document
        self.setWindowTitle(f"{doc.display_name}[*] — briefgen")
        self.setWindowModified(doc.dirty)
        self.save_state.setText("Fields to correct" if doc.invalid else "Unsaved changes"
                                if doc.dirty else "Saved" if doc.path else "")

    # -- templates and offices --------------------------------------------------
    def load_choices(self) -> None:
        """Fill the template and office pickers, preview the choice, and enable PDF
        export if LibreOffice is found."""
        self.fill_pickers()
        self._choice_changed()
        self._update_pdf_actions()

    def fill_pickers(self) -> None:
        """The library's templates and office profiles in their pickers, the last
        choices selected; the entries are kept in the settings for the next start."""
        shelf = library(self.settings)
        self.templates = run_action(self, "Templates", shelf.templates) or []
        self.offices = run_action(self, "Office profiles", shelf.offices) or []
        origins = {"user": "mine", "shared": "office", "path": "file"}   # built-in: no suffix
        for box, items, key in ((self.template_box, self.templates, "template"),
                                (self.office_box, self.offices, "office")):
            entries = []
            for info in items:
                origin = origins.get(info.origin, "" if info.origin == "builtin" else info.origin)
                tip = getattr(info, "description", "") or info.title
                entries.append((f"{info.title}  ({origin})" if origin else info.title,
                                info.name, f"{tip}\n{info.path or ''}".strip()))
            self._fill(box, entries, key)
            self.settings.setValue(f"pickers/{key}", json.dumps(entries))

    def show_last_pickers(self) -> None:
        """The pickers' entries as the last start found them, until :meth:`fill_pickers`
        reads the library (after the first frame): the toolbar is whole in that frame
        and does not jump when the library is read."""
        for box, key in ((self.template_box, "template"), (self.office_box, "office")):
            try:
                entries = [(str(text), str(name), str(tip)) for text, name, tip
                           in json.loads(str(self.settings.value(f"pickers/{key}", "[]")))]
            except (ValueError, TypeError):
                entries = []
            self._fill(box, entries, key)

    def _fill(self, box: QComboBox, entries: list[tuple[str, str, str]], key: str) -> None:
        """Put *entries* (text, name, tool tip) in *box* and select the last choice."""
        box.blockSignals(True)
        box.clear()
        for text, name, tip in entries:
            box.addItem(text, name)
            box.setItemData(box.count() - 1, tip, Qt.ToolTipRole)
        wanted = self.settings.value(key, "briefing-memo" if key == "template" else "")
        index = box.findData(wanted)
        box.setCurrentIndex(index if index >= 0 else 0)
        box.blockSignals(False)

    def template(self):
        index = self.template_box.currentIndex()
        return self.templates[index] if 0 <= index < len(self.templates) else None

    def office(self):
        index = self.office_box.currentIndex()
        return self.offices[index] if 0 <= index < len(self.offices) else None

    def _choice_changed(self) -> None:
        if self.template() is not None:
            self.settings.setValue("template", self.template().name)
        if self.office() is not None:
            self.settings.setValue("office", self.office().name)
        self.preview.refresh_now()

    def _preview_refreshed(self, seconds: float) -> None:
        """Say so in the status bar, unless it is saying something else ("Imported: ...")."""
        current = self.statusBar().currentMessage()
        if not current or current.startswith("Preview updated"):
            self.statusBar().showMessage(f"Preview updated ({seconds * 1000:.0f} ms)", 3000)

    def _preview_source(self):
        return self.document.briefing, self.template(), self.office()

    def _update_pdf_actions(self) -> None:
        from briefgen.convert import find_soffice

        found = find_soffice() is not None
        why = "" if found else "Needs LibreOffice, which is not installed (or not on PATH)"
        for action, tip in ((self.act_pdf, "Export the chosen template as PDF"),
                            (self.act_pages, "Show the real pages (PDF)")):
            action.setEnabled(found)
            action.setToolTip(tip if found else why)
            action.setStatusTip(tip if found else why)

    # -- files -------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes (or typed values not yet valid); False if the user cancels."""
        from PySide6.QtWidgets import QMessageBox

        if not self.document.dirty and not self.document.invalid:
            return True
        box = QMessageBox(QMessageBox.Warning, "Unsaved changes",
                          f"Save the changes to {self.document.display_name}?",
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, self)
        box.setInformativeText("Your changes are lost if you don't save them.")
        box.setDefaultButton(QMessageBox.Save)
        answer = box.exec()
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def new_file(self) -> None:
        if self.maybe_save():
            self.set_document(BriefingDocument())
            self.sidebar.setCurrentRow(0)
            self.statusBar().showMessage("New briefing", 3000)

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Open briefing", self._folder("open"),
                                              BRIEF_FILTER)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open *path* (no unsaved-changes prompt); errors show as a dialog."""
        opened = run_action(self, "Cannot open the briefing", lambda: BriefingDocument.open(path))
        if opened is None:
            return False
        document, warnings = opened
        self.set_document(document)
        self.remember(path)
        self.statusBar().showMessage(
            "; ".join(warnings) if warnings else f"Opened {path.name}", 5000)
        return True

    def save(self) -> bool:
        """Save to the open file; a new, YAML or bundled sample file asks for a name
        (not while a field holds a refused value: that is said first)."""
        if run_action(self, "Cannot save the briefing", self.document.check_savable) is None \
                and self.document.invalid:
            return False
        path = self.document.path
        if path is None or path.suffix.lower() in (".yaml", ".yml") or bundled(path):
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        start = self.document.path or Path(self._folder("open")) / "briefing.brief.json"
        path, _ = QFileDialog.getSaveFileName(self, "Save briefing as", str(start), BRIEF_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += BRIEF_SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        saved = run_action(self, "Cannot save the briefing", lambda: self.document.save(path))
        if saved is None:
            return False
        self.remember(saved)
        self.statusBar().showMessage(f"Saved {saved.name}", 3000)
        return True

    def remember(self, path: Path, key: str = "open") -> None:
        """Add *path* to the recent files and remember its folder."""
        if bundled(path):
            return
        self.settings.setValue(f"folders/{key}", str(path.parent))
        recent = [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("recent", [str(path)] + recent[: MAX_RECENT - 1])

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for i, name in enumerate(self.recent_files()):
            action = self.recent_menu.addAction(f"&{i + 1} {Path(name).name}")
            action.setToolTip(name)
            action.triggered.connect(lambda _=False, p=name: self._open_recent(Path(p)))
        self.recent_menu.setEnabled(True)
        if not self.recent_files():
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.open_path(path)

    def _folder(self, key: str) -> str:
        return str(self.settings.value(f"folders/{key}", str(Path.home())))

    # -- import ------------------------------------------------------------
    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from briefgen.importing import SUPPORTED_SUFFIXES

        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import articles or data files", self._folder("import"),
            f"Articles and data ({patterns});;All files (*)")
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path], published=None) -> None:
        """Import files in the background, then open the review dialog."""
        from briefgen.importing import import_sources

        paths = list(paths)
        self.settings.setValue("folders/import", str(paths[0].parent))
        self._import(lambda progress, date: import_sources(paths, published=date,
                                                           progress=progress),
                     ", ".join(p.name for p in paths), published)

    def _import(self, work, what: str, published) -> None:
        """Run ``work(progress, published)`` off the GUI thread behind a progress
        dialog whose Cancel stops it; its result goes to the review dialog."""
        from briefgen.errors import Cancelled

        self.statusBar().showMessage(f"Importing {what}…")

        def done(result) -> None:
            self.review_import(result, lambda date: self._import(work, what, date))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                self.statusBar().showMessage("Import cancelled: nothing changed", 5000)
                return
            self.statusBar().showMessage("Import failed", 5000)
            show_error(self, "Import failed", exc)

        self.import_progress = workers.start_cancellable(
            lambda progress: work(progress, published), owner=self, title="Import",
            label=f"Reading {what}…", what="import", done=done, failed=failed)

    def review_import(self, result, again) -> None:
        """Show *result* for review; ``again(date)`` reads the sources again with that date."""
        from briefgen.gui.import_review import ImportReviewDialog

        self.statusBar().showMessage(f"Review the import: found {result.summary()}")
        dialog = ImportReviewDialog(result, can_merge=True, current=self.document.briefing,
                                    parent=self)
        dialog.accepted.connect(lambda: self.apply_import(dialog))
        dialog.rejected.connect(
            lambda: self.statusBar().showMessage("Import cancelled: nothing changed", 5000))
        dialog.reread.connect(lambda date: (dialog.reject(), again(date)))
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.review = dialog
        dialog.open()

    def apply_import(self, dialog) -> None:
        from briefgen.importing import ImportResult

        accepted = dialog.accepted_briefing()
        imported = f"Imported: {ImportResult(accepted).summary()}"
        if dialog.merge_chosen():
            self.document.replace_all(dialog.merged_into(self.document.briefing), "Import")
            self.statusBar().showMessage(f"{imported}, merged into the briefing", 8000)
        elif self.maybe_save():
            document = BriefingDocument(Briefing())
            document.replace_all(accepted, "Import")   # a new, unsaved (dirty) briefing
            self.set_document(document)
            self.statusBar().showMessage(f"{imported}, in a new briefing", 8000)

    def paste_article(self) -> None:
        """Edit > Paste article: import the clipboard's HTML (else its text), then review."""
        self.import_mime(QApplication.clipboard().mimeData(), "pasted text")

    def import_mime(self, mime: QMimeData | None, name: str) -> None:
        """Import the HTML (preferred) or text of a paste or a drop."""
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        text = mime.text() if mime is not None and mime.hasText() else ""
        if not html.strip() and not text.strip():
            self.statusBar().showMessage("No text to import: copy an article's text first", 5000)
            return
        self._import(lambda progress, date: import_clipboard(html, text, name, date, progress),
                     name, None)

    @staticmethod
    def _local_files(mime: QMimeData) -> list[Path]:
        urls = mime.urls() if mime.hasUrls() else []
        if urls and all(url.isLocalFile() for url in urls):
            return [Path(url.toLocalFile()) for url in urls]
        return []

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if self._local_files(mime) or mime.hasHtml() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """Files: open a briefing or import articles; text or HTML (from a browser): import it."""
        mime = event.mimeData()
        paths = self._local_files(mime)
        event.acceptProposedAction()
        briefs = [p for p in paths if p.name.lower().endswith((BRIEF_SUFFIX, ".yaml", ".yml"))]
        if len(paths) == 1 and briefs:
            if self.maybe_save():
                self.open_path(briefs[0])
        elif paths:
            self.import_paths(paths)
        else:
            self.import_mime(mime, "dropped text")

    # -- export ------------------------------------------------------------
    def _ready(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        if self.template() is None or self.office() is None:
            QMessageBox.information(self, "Export", "No template is available to export with.")
            return False
        return True

    def export_docx(self) -> None:
        self._ask_and_export("DOCX file", ".docx", "", "Word documents (*.docx)")

    def export_pdf(self) -> None:
        self._ask_and_export("PDF file", ".pdf", " as PDF", "PDF documents (*.pdf)")

    def _ask_and_export(self, kind: str, suffix: str, title: str, filter_: str) -> None:
        """Ask where (suggesting the template's file name), then export in the background."""
        from PySide6.QtWidgets import QFileDialog

        from briefgen.export import export_documents, plan_outputs

        if not self._ready():
            return
        template, office = self.template(), self.office()
        planned = run_action(self, "Export failed", lambda: plan_outputs(
            [self.document.briefing], [template], office, self._folder("export"),
            pdf=suffix == ".pdf"))
        if planned is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, f"Export {template.title}{title}",
                                              str(planned[0].out), filter_)
        if path:
            out = Path(path if path.lower().endswith(suffix) else path + suffix)
            self._export(out, kind, lambda briefing, progress: export_documents(
                [briefing], [template], office, out, progress=progress))

    def _export(self, out: Path, kind: str, work) -> None:
        """Run ``work(briefing, progress)`` (an export command of briefgen.export) on
        a copy of the briefing in the background, behind a progress dialog whose
        Cancel stops it; the done box lists what it wrote and its warnings."""
        from briefgen.errors import Cancelled
        from briefgen.gui.export import done_box

        self.settings.setValue("folders/export", str(out.parent))
        snapshot = self.document.briefing.model_copy(deep=True)
        self.statusBar().showMessage(f"Exporting {out.name}…")

        def done(result) -> None:
            self.statusBar().showMessage(f"Exported {out.name}", 5000)
            self.last_box = done_box(self, result, f"Exported the {kind}.")

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                self.statusBar().showMessage(f"Export cancelled: {exc}", 8000)
                return
            self.statusBar().showMessage("Export failed", 5000)
            self.last_box = show_error(self, "Export failed", exc)

        self.export_progress = workers.start_cancellable(
            lambda progress: work(snapshot, progress), owner=self, title="Export",
            label=f"Exporting {out.name}…", what="export", done=done, failed=failed)

    def export_pack(self) -> None:
        """Ask for the templates and the file, then write one pack (DOCX or PDF)."""
        from briefgen.export import pack_target
        from briefgen.gui.export import PackDialog

        if not self._ready():
            return
        chosen = set(self.settings.value("pack", []) or []) or {self.template().name}
        out = run_action(self, "Export failed", lambda: pack_target(
            self.document.briefing, self.template(), self.office(), self._folder("export")))
        if out is None:
            return
        dialog = PackDialog(self.templates, chosen, str(out), self)
        if dialog.exec() != PackDialog.Accepted or not dialog.templates():
            return
        self.settings.setValue("pack", [t.name for t in dialog.templates()])
        self.export_pack_to(dialog.target(), dialog.templates())

    def export_pack_to(self, out: Path, templates: list) -> None:
        """Write one pack of the briefing with *templates* to *out* in the background."""
        from briefgen.export import export_pack

        office = self.office()
        self._export(out, "briefing pack", lambda briefing, progress: export_pack(
            [briefing], templates, office, out, progress=progress))

    def page_preview(self) -> None:
        from briefgen.gui.pages import PagePreview

        if self._ready():
            self.pages_dialog = PagePreview(self.document.briefing, self.template(),
                                            self.office(), self)
            self.pages_dialog.show()

    def show_template_manager(self) -> None:
        """Open the template manager (one, non-modal); its changes reload the pickers."""
        from briefgen.gui.template_manager import TemplateManager

        if self.template_manager is None:
            self.template_manager = TemplateManager(self.settings, self)
            self.template_manager.changed.connect(self.load_choices)
        self.template_manager.show()
        self.template_manager.raise_()
        self.template_manager.activateWindow()

    def show_guide(self) -> None:
        from briefgen.gui.help import show_guide

        show_guide(self)

    def show_shortcuts(self) -> None:
        from briefgen.gui.help import show_shortcuts

        show_shortcuts(self)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from briefgen import __version__

        QMessageBox.about(self, "About briefgen",
                          f"<b>briefgen {__version__}</b><p>Turns the facts of a diplomatic "
                          "meeting into Word briefing documents.</p>")

    # -- window state ----------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1440, int(screen.width() * 0.92)), min(900, int(screen.height() * 0.9)))
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            QTimer.singleShot(0, lambda: self.splitter.setSizes([800, 560]))
        page = self.settings.value("window/page", 0, type=int)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(page if 0 <= page < len(PAGES) else 0)
        self.sidebar.blockSignals(False)

    def start(self) -> None:
        """Show the window as the app starts; the library and the first preview (slow)
        are read and rendered right after the first frame."""
        self.show_last_pickers()
        self.preview.timer.stop()          # no render before the library is read
        self.preview.status.setText("Rendering the preview…")
        self.show()
        self.after_first_paint(self.load_choices)

    def after_first_paint(self, callback, fallback_ms: int = 500) -> None:
        """Run *callback* once the window is on screen (or after *fallback_ms*
        if it is never painted), so start-up work does not delay the first frame."""
        self._after_paint.append(callback)
        QTimer.singleShot(fallback_ms, self._run_after_paint)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_paint:
            QTimer.singleShot(0, self._run_after_paint)

    def _run_after_paint(self) -> None:
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/page", self.sidebar.currentRow())
        self.settings.sync()
        self.document.autosave.discard()
        self.preview.timer.stop()
        self.preview.wait()
        event.accept()
