"""The template manager: templates and office profiles by folder, duplicating,
opening in Word, checking, the fields a template uses, and shared folders.

Every file is listed, also those another folder overrides by name, so a staffer
sees which copy the pickers use.  The folders are watched: a template saved in
Word is listed and checked again without pressing anything.
"""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QProcess, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QBrush, QDesktopServices, QFont, QPalette
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QInputDialog, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QSplitter, QStyle,
                               QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from briefgen.errors import BriefgenError, OutputError
from briefgen.files import atomic_write
from briefgen.gui import icons, workers
from briefgen.gui.errors import run_action, show_error
from briefgen.gui.messages import human_message
from briefgen.gui.settings import SHARED_KEY, environment_folders, library, shared_folders
from briefgen.library import ENV_VAR, Entry
from briefgen.offices import OfficeProfile
from briefgen.templating import slug

GROUPS = (("builtin", "Built-in"), ("shared", "Office / shared"), ("user", "Mine"))
ORIGIN_NAMES = {"builtin": "built-in", "shared": "office / shared folder", "user": "my folder"}
# where a copy lives, as the status line names it
COPY_NAMES = {"builtin": "the built-in one", "shared": "the one in an office / shared folder",
              "user": "your copy in My templates"}
DEBOUNCE_MS = 300
_TOML_KEY = r'(?m)^{key}\s*=\s*"(?:[^"\\]|\\.)*"\s*$'


# -- the user's copies (no Qt) ----------------------------------------------
def _mine(entry: Entry) -> None:
    if entry.origin != "user" or entry.path is None:
        raise OutputError(f"{entry.title!r} is not one of your copies",
                          hint="only files in My templates can be renamed or deleted")


def _set_toml_key(text: str, key: str, value: str) -> str:
    """*text* (a TOML file) with top-level ``key = "value"`` set (added first if missing)."""
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    head, sep, rest = text.partition("\n[")          # top-level keys come before any table
    pattern = _TOML_KEY.format(key=key)
    if re.search(pattern, head):
        head = re.sub(pattern, lambda _m: line, head, count=1)
    else:
        head = f"{line}\n{head}"
    return head + sep + rest


def rename_copy(entry: Entry, title: str) -> Path:
    """Give one of the user's copies a new title, file name and name (so it no longer
    overrides a file of its old name); returns the new path."""
    _mine(entry)
    title = title.strip()
    name = slug(title)
    if not name:
        raise OutputError("the new name needs letters or digits", file=entry.path)
    suffix = ".docx" if entry.kind == "template" else ".office.toml"
    target = entry.path.with_name(name + suffix)
    manifest = entry.path.with_suffix(".toml") if entry.kind == "template" else entry.path
    if target != entry.path and target.exists():
        raise OutputError(f"you already have a file called {target.name}", file=target.parent,
                          hint="choose another name, or delete that copy first")
    try:
        text = manifest.read_text(encoding="utf-8") if manifest.is_file() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise OutputError(f"cannot read {manifest.name}: {exc}", file=manifest) from exc
    text = _set_toml_key(_set_toml_key(text, "title", title), "name", name)
    new_manifest = target.with_suffix(".toml") if entry.kind == "template" else target
    try:
        if target != entry.path:
            entry.path.rename(target)
        atomic_write(new_manifest, text.encode("utf-8"))
        if manifest != new_manifest and manifest.is_file():
            manifest.unlink()
    except OSError as exc:
        raise OutputError(f"cannot rename the file: {exc.strerror or exc}",
                          file=entry.path) from exc
    return target


def delete_copy(entry: Entry) -> list[Path]:
    """Delete one of the user's copies (the template and its manifest, or the profile);
    a logo it shares with nothing else stays.  Returns the deleted files."""
    _mine(entry)
    files = [entry.path]
    if entry.kind == "template" and entry.path.with_suffix(".toml").is_file():
        files.append(entry.path.with_suffix(".toml"))
    try:
        for path in files:
            path.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot delete the file: {exc.strerror or exc}", file=path) from exc
    return files


def examine(entry: Entry, check: bool) -> tuple[list[str], list[str] | None]:
    """The fields a template uses and, if *check*, its problems (runs the check: ~0.3 s)."""
    from briefgen.check import check_template, template_variables

    if entry.kind != "template":
        return [], None
    target = entry.info if entry.error is None else entry.path
    fields = sorted(template_variables(target)) if entry.error is None else []
    problems = [str(p) for p in check_template(target)] if check else None
    return fields, problems


# -- the dialog --------------------------------------------------------------
class TemplateManager(QDialog):
    """Lists, duplicates, opens and checks templates and office profiles.

    ``changed`` is emitted when what the pickers offer may have changed (a
    duplicate, a file changed on disk, a shared folder added or removed).
    """

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.library = library(settings)
        self.setWindowTitle("Templates and office profiles")
        self.entries: dict[str, list[Entry]] = {"template": [], "office": []}
        self.fields: list[str] = []
        self.problems: list[str] | None = None
        self.checked: Path | None = None        # the template whose check is shown
        self._generation = 0
        self._reported: set[str] = set()
        self.watcher = QFileSystemWatcher(self)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._files_changed)
        self.watcher.directoryChanged.connect(lambda _p: self.debounce.start())
        self.watcher.fileChanged.connect(lambda _p: self.debounce.start())
        self._build()
        self.resize(1080, 680)
        self.reload()

    # -- building ------------------------------------------------------------
    def _build(self) -> None:
        self.trees: dict[str, QTreeWidget] = {}
        self.tabs = QTabWidget()
        for kind, label in (("template", "Templates"), ("office", "Office profiles")):
            tree = QTreeWidget()
            tree.setAccessibleName(label)
            tree.setHeaderLabels(["Title", "Status", "File"])
            tree.setRootIsDecorated(True)
            tree.setUniformRowHeights(True)
            tree.header().setStretchLastSection(True)
            tree.setColumnWidth(0, 230)
            tree.setColumnWidth(1, 130)
            tree.currentItemChanged.connect(lambda _c, _p: self._selected())
            self.trees[kind] = tree
            self.tabs.addTab(tree, label)
        self.tabs.currentChanged.connect(lambda _i: self._selected())

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.labels: dict[str, QLabel] = {}
        self.form = form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight)
        for key in ("Name", "Origin", "File", "Status", "Fields"):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            label.setAccessibleName(key)
            self.labels[key] = label
            form.addRow(f"{key}:", label)

        self.btn_duplicate = self._button("Duplicate to My Templates", "duplicate",
                                          self.duplicate_selected,
                                          "Copy into your own folder; the copy is then used "
                                          "instead of the one of the same name")
        self.btn_open = self._button("Open in word processor", "edit-file",
                                     self.open_selected, "Edit the file; saving it reloads here")
        self.btn_check = self._button("Check", "check", self.check_selected,
                                      "Look for mistakes in the template's tags")
        self.btn_folder = self._button("Show in folder", "folder", self.show_folder,
                                       "Open the folder that holds the file")
        self.btn_rename = self._button("Rename…", "rename", self.rename_selected,
                                       "Give your copy its own name and title")
        self.btn_delete = self._button("Delete", "delete", self.delete_selected,
                                       "Delete your copy (built-in and shared files are never "
                                       "touched)")
        buttons = QGridLayout()
        for i, button in enumerate((self.btn_duplicate, self.btn_open, self.btn_check,
                                    self.btn_folder, self.btn_rename, self.btn_delete)):
            buttons.addWidget(button, i // 3, i % 3)
        buttons.setColumnStretch(3, 1)

        self.check_status = QLabel()
        self.check_status.setWordWrap(True)
        self.check_list = QListWidget()
        self.check_list.setAccessibleName("Problems")
        self.check_list.setWordWrap(True)
        self.check_list.setAlternatingRowColors(True)

        details = QWidget()
        column = QVBoxLayout(details)
        column.setContentsMargins(12, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.description)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addWidget(self.check_status)
        column.addWidget(self.check_list, 100)
        column.addStretch(1)            # takes the room while there is no problem to list

        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.tabs)
        split.addWidget(details)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([470, 610])

        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self._shared_box())
        bottom = QDialogButtonBox(QDialogButtonBox.Close)
        self.btn_reload = bottom.addButton("Reload", QDialogButtonBox.ActionRole)
        self.btn_reload.setIcon(icons.icon("refresh"))
        self.btn_reload.setToolTip("List the folders again (F5)")
        self.btn_reload.setShortcut("F5")
        self.btn_reload.clicked.connect(self.reload)
        bottom.rejected.connect(self.close)
        layout.addWidget(bottom)

    def _button(self, text: str, icon: str, slot, tip: str) -> QPushButton:
        button = QPushButton(icons.icon(icon), text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _shared_box(self) -> QGroupBox:
        box = QGroupBox("Shared folders (office templates on a network drive)")
        self.shared_list = QListWidget()
        self.shared_list.setAccessibleName("Shared folders")
        self.shared_list.setMaximumHeight(72)
        self.shared_list.currentRowChanged.connect(lambda _r: self._update_shared_buttons())
        self.btn_add_shared = QPushButton(icons.icon("add"), "Add folder…")
        self.btn_add_shared.setAutoDefault(False)
        self.btn_add_shared.clicked.connect(self.add_shared_dialog)
        self.btn_remove_shared = QPushButton(icons.icon("remove"), "Remove")
        self.btn_remove_shared.setAutoDefault(False)
        self.btn_remove_shared.clicked.connect(self.remove_shared)
        self.shared_note = QLabel()
        self.shared_note.setWordWrap(True)
        self.shared_note.setForegroundRole(QPalette.PlaceholderText)
        side = QVBoxLayout()
        side.addWidget(self.btn_add_shared)
        side.addWidget(self.btn_remove_shared)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.shared_list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.shared_note)
        return box

    # -- listing -------------------------------------------------------------
    def reload(self) -> None:
        """List the folders again, keeping the selections; watch what is listed."""
        self.library = library(self.settings)
        for kind, tree in self.trees.items():
            item = tree.currentItem()
            previous = item.data(0, Qt.UserRole) if item is not None else None
            self.entries[kind] = run_action(self, "Cannot list the folders",
                                            partial(self.library.entries, kind)) or []
            self._fill(tree, self.entries[kind])
            self._reselect(kind, previous)
        QTimer.singleShot(0, self._report_broken)      # over the dialog once it is shown
        self._fill_shared()
        self._watch()
        self._selected()

    def _fill(self, tree: QTreeWidget, entries: list[Entry]) -> None:
        tree.blockSignals(True)
        tree.clear()
        mine = "My templates" if tree is self.trees["template"] else "My office profiles"
        dim = QBrush(self.palette().color(QPalette.Disabled, QPalette.Text))
        for origin, label in GROUPS:
            members = [e for e in entries if e.origin == origin]
            group = QTreeWidgetItem(tree, [f"{mine if origin == 'user' else label}  "
                                           f"({len(members)})"])
            group.setFlags(Qt.ItemIsEnabled)
            font = QFont(group.font(0))
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for entry in sorted(members, key=lambda e: e.title.lower()):
                item = QTreeWidgetItem(group, [entry.title, self.short_status(entry),
                                               entry.path.name if entry.path else "(built in)"])
                item.setData(0, Qt.UserRole, entry)
                item.setToolTip(0, str(entry.path or entry.description))
                item.setToolTip(1, self.status(entry))
                item.setToolTip(2, str(entry.path or ""))
                if entry.error is not None:
                    item.setIcon(0, self.style().standardIcon(QStyle.SP_MessageBoxWarning))
                    item.setText(0, f"{entry.path.name} — cannot be read")
                elif entry.overridden_by:
                    for column in range(3):
                        item.setForeground(column, dim)
                elif self.in_use(entry):
                    bold = QFont(item.font(0))
                    bold.setBold(True)
                    item.setFont(0, bold)
                    item.setFont(1, bold)
            group.setExpanded(True)
        tree.blockSignals(False)

    def _report_broken(self) -> None:
        """Each unreadable file once through the error dialog (the list keeps showing it)."""
        for entries in self.entries.values():
            for entry in entries:
                if entry.error is not None and str(entry.error) not in self._reported:
                    self._reported.add(str(entry.error))
                    self.tell("A template file cannot be read", entry.error)

    def items(self, kind: str = "template") -> list[QTreeWidgetItem]:
        """The entry items of one tree, in display order."""
        tree = self.trees[kind]
        return [tree.topLevelItem(g).child(i) for g in range(tree.topLevelItemCount())
                for i in range(tree.topLevelItem(g).childCount())]

    def group_of(self, kind: str, origin: str) -> list[str]:
        """The names listed under one origin group (for tests and accessibility)."""
        return [item.data(0, Qt.UserRole).name for item in self.items(kind)
                if item.data(0, Qt.UserRole).origin == origin]

    def select(self, kind: str, name: str, origin: str | None = None) -> bool:
        """Show the entry called *name* (of *origin* if given); whether there is one."""
        for item in self.items(kind):
            entry = item.data(0, Qt.UserRole)
            if entry.name == name and (origin is None or entry.origin == origin):
                self.tabs.setCurrentWidget(self.trees[kind])
                self.trees[kind].setCurrentItem(item)
                return True
        return False

    def current(self) -> Entry | None:
        tree = self.tabs.currentWidget()
        item = tree.currentItem() if tree is not None else None
        return item.data(0, Qt.UserRole) if item is not None else None

    def _reselect(self, kind: str, previous: Entry | None) -> None:
        """Select the same file again (or the one now used under its name, or the first)."""
        items = self.items(kind)
        entries = [i.data(0, Qt.UserRole) for i in items]
        match = ([i for i, e in zip(items, entries) if previous and e.path == previous.path]
                 or [i for i, e in zip(items, entries)
                     if previous and e.name == previous.name and not e.overridden_by])
        tree = self.trees[kind]
        tree.blockSignals(True)
        if match or items:
            tree.setCurrentItem((match or items)[0])
        tree.blockSignals(False)

    # -- the selected entry --------------------------------------------------
    def _selected(self) -> None:
        entry = self.current()
        self._generation += 1
        if entry is None or entry.path != self.checked:
            self.problems, self.checked = None, None
            self.check_list.clear()
            self.check_list.hide()
            self.check_status.clear()
        self.fields = []
        self._show_details(entry)
        if entry is not None and entry.kind == "template":
            self._examine(entry, check=self.checked is not None)

    def _show_details(self, entry: Entry | None) -> None:
        lab = self.labels
        is_template = entry is not None and entry.kind == "template"
        self.btn_check.setVisible(self.tabs.currentIndex() == 0)
        self.btn_duplicate.setText("Duplicate to My Templates" if self.tabs.currentIndex() == 0
                                   else "Duplicate to My Profiles")
        self.btn_open.setText("Open in word processor" if self.tabs.currentIndex() == 0
                              else "Open in text editor")
        if entry is None:
            self.title.setText("Nothing selected")
            self.description.setText("Choose a template or office profile on the left.")
            for label in lab.values():
                label.clear()
            for button in (self.btn_duplicate, self.btn_open, self.btn_check, self.btn_folder,
                           self.btn_rename, self.btn_delete):
                button.setEnabled(False)
            return
        self.title.setText(entry.title)
        self.description.setText(str(entry.error) if entry.error else entry.description)
        lab["Name"].setText(entry.name)
        lab["Origin"].setText(ORIGIN_NAMES.get(entry.origin, entry.origin).capitalize())
        lab["File"].setText(str(entry.path) if entry.path else "(built into briefgen)")
        lab["Status"].setText(self.status(entry))
        self.form.labelForField(lab["Fields"]).setText("Fields:" if is_template else "Style:")
        if is_template:
            lab["Fields"].setText("Reading the template…" if entry.error is None
                                  else "(cannot be read)")
        else:
            office = entry.info
            lab["Fields"].setText("" if office is None else
                                  f"Marking {office.classification or '(none)'}, "
                                  f"{office.paper} paper, {office.date_style} dates, "
                                  f"{office.font} {office.font_size:g} pt")
        self.btn_duplicate.setEnabled(entry.path is not None and entry.origin != "user"
                                      and entry.error is None)
        for button in (self.btn_rename, self.btn_delete):
            button.setEnabled(entry.origin == "user" and entry.path is not None)
        self.btn_open.setEnabled(entry.path is not None)
        self.btn_check.setEnabled(is_template)
        self.btn_folder.setEnabled(entry.path is not None)

    def in_use(self, entry: Entry) -> bool:
        """Whether the main window's picker has *entry* chosen (and no copy overrides it)."""
        default = "briefing-memo" if entry.kind == "template" else OfficeProfile().name
        chosen = self.settings.value(entry.kind, default) or default
        return entry.error is None and not entry.overridden_by and entry.name == chosen

    def short_status(self, entry: Entry) -> str:
        """The status column: the one word that matters most."""
        if entry.error is not None or (entry.path == self.checked and self.problems):
            return "Problems"
        if entry.overridden_by:
            return "Overridden"
        if self.in_use(entry):
            return "In use"
        return "Overrides " + ORIGIN_NAMES[entry.overrides[0]] if entry.overrides else ""

    def status(self, entry: Entry) -> str:
        """The status line: in use or not, what it overrides or what overrides it, problems."""
        if entry.error is not None:
            return "Problems: the file cannot be read (see above); the pickers leave it out."
        if entry.overridden_by:
            parts = [f"Not used: overridden by {COPY_NAMES[entry.overridden_by]} "
                     f"of the same name."]
        elif self.in_use(entry):
            parts = [f"In use: the {entry.kind.replace('office', 'office profile')} chosen in "
                     "the main window."]
        else:
            parts = ["Available in the main window's picker."]
        if entry.overrides and not entry.overridden_by:
            parts.append("Overrides " + " and ".join(COPY_NAMES[o] for o in entry.overrides)
                         + " of the same name.")
        if entry.path is not None and entry.path == self.checked and self.problems is not None:
            count = len(self.problems)
            parts.append(f"Problems found: {count} (listed below)." if count
                         else "Checked: no problems found.")
        return " ".join(parts)

    def _examine(self, entry: Entry, check: bool) -> None:
        generation = self._generation
        if check:
            self.checked = entry.path
            self.check_status.setText("Checking…")
            self.btn_check.setEnabled(False)

        def done(result) -> None:
            if generation == self._generation:
                self._show_result(entry, *result)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self.labels["Fields"].setText(f"(cannot be read: {exc})")
            self.btn_check.setEnabled(True)
            if check:
                self.check_status.setText(f"Cannot check: {exc}")
                self.tell("Cannot check the template", exc)

        workers.start(lambda _report: examine(entry, check), owner=self, done=done,
                      failed=failed)

    def _show_result(self, entry: Entry, fields: list[str], problems: list[str] | None) -> None:
        self.fields = fields
        if entry.error is None:
            self.labels["Fields"].setText(", ".join(fields) or "(none)")
        self.btn_check.setEnabled(True)
        if problems is None:
            return
        self.problems = problems
        self.check_list.clear()
        icon = self.style().standardIcon(QStyle.SP_MessageBoxWarning)
        for text in problems:
            item = QListWidgetItem(icon, text)
            item.setToolTip(text)
            self.check_list.addItem(item)
        count = len(problems)
        self.check_status.setText(
            f"{count} problem{'s' if count != 1 else ''} found in {entry.path.name}:" if count
            else f"No problems found in {entry.path.name}.")
        self.check_list.setVisible(bool(count))
        self.labels["Status"].setText(self.status(entry))
        item = self.trees[entry.kind].currentItem()
        if item is not None and item.data(0, Qt.UserRole) is entry:
            item.setText(1, self.short_status(entry))

    # -- actions -------------------------------------------------------------
    def check_selected(self) -> None:
        entry = self.current()
        if entry is not None and entry.kind == "template":
            self._generation += 1
            self._examine(entry, check=True)

    def duplicate_selected(self) -> Path | None:
        entry = self.current()
        if entry is None:
            return None
        folder = self.library.user_folder(entry.kind)
        existing = [folder / f.name for f in entry.files if (folder / f.name).exists()]
        if existing:
            answer = QMessageBox.question(
                self, "Replace your copy?",
                f"Your folder already has {existing[0].name}.\n\nReplace it with a fresh copy "
                f"of the {ORIGIN_NAMES[entry.origin]} one? Your changes to it are lost.",
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return None
        copy = self.attempt("Cannot duplicate", lambda: self.library.duplicate(entry))
        if copy is None:
            return None
        self.reload()
        self.select(entry.kind, entry.name, "user")
        self.changed.emit()
        return copy

    def rename_selected(self) -> Path | None:
        """Ask for a new title for the selected copy and rename its files."""
        entry = self.current()
        if entry is None or entry.origin != "user":
            return None
        title, ok = QInputDialog.getText(
            self, "Rename your copy", "New title (the file name follows it):",
            text=f"{entry.title} (mine)" if entry.overrides else entry.title)
        if not ok or not title.strip():
            return None
        renamed = self.attempt("Cannot rename", lambda: rename_copy(entry, title))
        if renamed is not None:
            self.reload()
            self.select(entry.kind, slug(title), "user")
            self.changed.emit()
        return renamed

    def delete_selected(self) -> bool:
        """Delete the selected copy after asking; built-in and shared files are never touched."""
        entry = self.current()
        if entry is None or entry.origin != "user":
            return False
        then = (f"{COPY_NAMES[entry.overrides[-1]][:1].upper()}{COPY_NAMES[entry.overrides[-1]][1:]}"
                " of the same name is used again." if entry.overrides else "")
        answer = QMessageBox.question(
            self, "Delete your copy?",
            f"Delete “{entry.title}” ({entry.path.name}) from your folder? This cannot be "
            f"undone. {then}".strip(), QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return False
        if self.attempt("Cannot delete", lambda: delete_copy(entry)) is None:
            return False
        self.reload()
        self.changed.emit()
        return True

    def attempt(self, title: str, fn):
        """Run *fn*; a problem is told in plain words (details below), a bug as a bug."""
        try:
            return fn()
        except BriefgenError as exc:
            self.tell(title, exc)
        except Exception as exc:  # a bug: the one error path shows its traceback
            show_error(self, title, exc)
        return None

    def tell(self, title: str, exc: BaseException, icon=QMessageBox.Warning) -> QMessageBox:
        """A window-modal message in plain words, the technical line under Details."""
        text, details = human_message(exc)
        box = QMessageBox(icon, title, text, QMessageBox.Ok, self)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        return box

    def open_selected(self) -> None:
        entry = self.current()
        if entry is None or entry.path is None:
            return
        target = entry
        if entry.origin != "user" and entry.kind == "template" and entry.error is None:
            answer = QMessageBox.question(
                self, "Open a built-in template?" if entry.origin == "builtin"
                else "Open a shared template?",
                f"The {ORIGIN_NAMES[entry.origin]} template may be read-only, and a change "
                "there affects everyone who uses it.\n\nDuplicate it to My Templates and open "
                "the copy instead?",
                QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel, QMessageBox.Yes)
            if answer == QMessageBox.Cancel:
                return
            if answer == QMessageBox.Yes:
                if self.duplicate_selected() is None:
                    return
                target = self.current()
        self.open_file(target.path)

    def open_file(self, path: Path) -> str | None:
        """Open *path* with the system's program for it, else a Word file with LibreOffice;
        say clearly when neither exists.  Returns "system", "libreoffice" or None."""
        from briefgen.convert import find_soffice

        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return "system"
        if path.suffix.lower() == ".docx":
            soffice = find_soffice()
            if soffice is not None:
                started = QProcess.startDetached(soffice, [str(path)])
                if started[0] if isinstance(started, tuple) else started:
                    return "libreoffice"
            problem = ("no program on this computer opens Word documents, and LibreOffice is "
                       "not installed")
            hint = "install LibreOffice or a word processor, or open the file from its folder"
        else:
            problem = f"no program on this computer is set up to open {path.suffix} files"
            hint = "open it in any text editor from its folder"
        self.tell("Cannot open", OutputError(problem, file=path, hint=hint,
                                             details=(f"File: {path}",)))
        return None

    def show_folder(self) -> None:
        entry = self.current()
        if entry is not None and entry.path is not None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(entry.path.parent))):
                self.tell("Cannot open", OutputError(
                    "no file manager was found to show the folder", file=entry.path.parent,
                    hint=f"the file is {entry.path}"))

    def refresh_status(self) -> None:
        """Show again which template and profile are in use (the main window may have
        changed its choice since)."""
        for kind in self.trees:
            for item in self.items(kind):
                entry = item.data(0, Qt.UserRole)
                item.setText(1, self.short_status(entry))
                item.setToolTip(1, self.status(entry))
                if entry.error is None and not entry.overridden_by:
                    font = QFont(item.font(0))
                    font.setBold(self.in_use(entry))
                    item.setFont(0, font)
                    item.setFont(1, font)
        entry = self.current()
        if entry is not None:
            self.labels["Status"].setText(self.status(entry))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.ActivationChange and self.isActiveWindow():
            self.refresh_status()

    # -- watching ------------------------------------------------------------
    def _watch(self) -> None:
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        wanted = self.library.watch_paths()
        if wanted:
            self.watcher.addPaths(wanted)

    def _files_changed(self) -> None:
        self.reload()
        self.changed.emit()

    # -- shared folders ------------------------------------------------------
    def _fill_shared(self) -> None:
        self.shared_list.clear()
        for folder in shared_folders(self.settings):
            item = QListWidgetItem(folder)
            item.setData(Qt.UserRole, folder)
            if not Path(folder).is_dir():
                item.setText(f"{folder}  (not reachable)")
                item.setIcon(self.style().standardIcon(QStyle.SP_MessageBoxWarning))
            self.shared_list.addItem(item)
        outside = environment_folders()
        note = ("Templates and office profiles in these folders are listed as "
                "“Office / shared” and replace built-in and personal ones of the same name.")
        if outside:
            note += f" Also from {ENV_VAR}: {', '.join(outside)}."
        self.shared_note.setText(note)
        self._update_shared_buttons()

    def _update_shared_buttons(self) -> None:
        self.btn_remove_shared.setEnabled(self.shared_list.currentRow() >= 0)

    def set_shared(self, folders: list[str]) -> None:
        """Store the shared folders and list again."""
        self.settings.setValue(SHARED_KEY, list(dict.fromkeys(folders)))
        self.reload()
        self.changed.emit()

    def add_shared(self, folder: str | Path) -> None:
        folder = str(Path(folder))
        current = shared_folders(self.settings)
        if folder not in current:
            self.set_shared(current + [folder])

    def add_shared_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a shared templates folder")
        if folder:
            self.add_shared(folder)

    def remove_shared(self) -> None:
        item = self.shared_list.currentItem()
        if item is not None:
            self.set_shared([f for f in shared_folders(self.settings)
                             if f != item.data(Qt.UserRole)])
