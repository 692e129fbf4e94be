"""The open briefing: its file, its undo stack, its dirty state and its autosave.

Every edit goes through :meth:`BriefingDocument.set_value` (or the list helpers
built on it), which validates the new value with the model, pushes an undo
command and emits :attr:`BriefingDocument.changed` with the path that changed.
A path is a tuple of field names and list indexes, e.g. ``("participants", 1, "name")``.
"""

from __future__ import annotations

import copy
import json
import os
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefgen.briefing_io import briefing_from_data, dump_briefing, load_briefing, save_briefing
from briefgen.errors import InputError
from briefgen.files import atomic_write
from briefgen.model import Briefing
from briefgen.resources import user_data_dir

Path_ = tuple[str | int, ...]
AUTOSAVE_MS = 30_000


def get_at(root: Any, path: Path_) -> Any:
    value = root
    for key in path:
        value = value[key] if isinstance(key, int) else getattr(value, key)
    return value


def label_of(path: Path_) -> str:
    """How an edit reads in the Edit menu: ``("participants", 1, "name")`` ->
    ``participant 2 name``; ``("meeting", "date")`` -> ``meeting date``."""
    words: list[str] = []
    for key in path:
        if isinstance(key, int):
            if words:
                words[-1] = _singular(words[-1])
            words.append(str(key + 1))
        else:
            words.append(key.replace("_", " "))
    return " ".join(words)


def _singular(word: str) -> str:
    for plural, single in (("people", "person"), ("ies", "y"), ("s", "")):
        if word.endswith(plural):
            return word[: -len(plural)] + single
    return word


def problem_text(exc: ValidationError) -> str:
    """The first problem of a validation error as a short sentence."""
    error = exc.errors()[0]
    message = error["msg"]
    if error["type"] in ("string_too_short", "too_short"):
        message = "must not be empty"
    elif error["type"].startswith("date"):
        message = "enter a date as YYYY-MM-DD"
    elif error["type"] == "literal_error":
        message = message.replace("Input should be", "choose")
    return message[:1].upper() + message[1:]


def _set_in(root: BaseModel, path: Path_, value: Any) -> BaseModel:
    """Assign *value* at *path* (validated); return the new root."""
    if not path:
        if not isinstance(value, Briefing):
            raise TypeError("the root must be a Briefing")
        return value
    if isinstance(path[-1], int):
        items = list(get_at(root, path[:-1]))
        items[path[-1]] = value
        return _set_in(root, path[:-1], items)
    setattr(get_at(root, path[:-1]), path[-1], value)
    return root


class SetValue(QUndoCommand):
    """Set the value at a path; consecutive typing in one field merges into one step."""

    MERGE_ID = 1

    def __init__(self, document: BriefingDocument, path: Path_, old: Any, new: Any,
                 text: str, merge: bool) -> None:
        super().__init__(text)
        self.document, self.path, self.merge = document, path, merge
        self.old, self.new = copy.deepcopy(old), copy.deepcopy(new)

    def id(self) -> int:
        return self.MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetValue) and other.merge and other.path == self.path):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document._apply(self.path, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document._apply(self.path, copy.deepcopy(self.old))


class BriefingDocument(QObject):
    """The briefing being edited, with undo/redo and unsaved-changes tracking."""

    changed = Signal(tuple)            # the path that changed; () = everything
    path_changed = Signal()            # file name or dirty state changed

    def __init__(self, briefing: Briefing | None = None, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.briefing = briefing or Briefing()
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.autosave = Autosave(self)

    # -- state -------------------------------------------------------------
    def _clean_changed(self, _clean: bool) -> None:
        self.path_changed.emit()

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def get(self, path: Path_) -> Any:
        return get_at(self.briefing, path)

    # -- editing -----------------------------------------------------------
    def set_value(self, path: Path_, value: Any, *, merge: bool = False) -> None:
        """Validate and set *value* at *path* as one undoable step.

        Raises :class:`pydantic.ValidationError` (nothing changes) if the model
        refuses the value; an unchanged value pushes nothing.
        """
        old = self.get(path)
        if old == value:
            return
        trial = self.briefing.model_copy(deep=True)
        _set_in(trial, path, copy.deepcopy(value))          # raises before any change
        new = get_at(trial, path)
        if new == old:          # the same once validated: "2025-08-23" for that date
            return
        self.undo_stack.push(SetValue(self, path, old, new, f"Edit {label_of(path)}", merge))

    def insert_item(self, list_path: Path_, index: int, item: Any) -> None:
        items = list(self.get(list_path))
        items.insert(index, item)
        self._set_list(list_path, items, f"Add to {label_of(list_path)}")

    def remove_item(self, list_path: Path_, index: int) -> None:
        items = list(self.get(list_path))
        del items[index]
        self._set_list(list_path, items, f"Remove from {label_of(list_path)}")

    def move_item(self, list_path: Path_, source: int, dest: int) -> None:
        """Move item *source* so that it ends up at index *dest*."""
        items = list(self.get(list_path))
        if source == dest or not (0 <= source < len(items) and 0 <= dest < len(items)):
            return
        items.insert(dest, items.pop(source))
        self._set_list(list_path, items, f"Reorder {label_of(list_path)}")

    def _set_list(self, list_path: Path_, items: list, text: str) -> None:
        trial = self.briefing.model_copy(deep=True)
        _set_in(trial, list_path, copy.deepcopy(items))
        self.undo_stack.push(SetValue(self, list_path, self.get(list_path),
                                      get_at(trial, list_path), text, False))

    def replace_all(self, briefing: Briefing, text: str) -> None:
        """Replace the whole briefing as one undoable step (e.g. merging an import)."""
        self.undo_stack.push(SetValue(self, (), self.briefing, briefing, text, False))

    def _apply(self, path: Path_, value: Any) -> None:
        self.briefing = _set_in(self.briefing, path, value)
        self.changed.emit(path)

    # -- files -------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> tuple[BriefingDocument, list[str]]:
        briefing, warnings = load_briefing(path)
        return cls(briefing, Path(path), parent), warnings

    def save(self, path: Path | None = None) -> Path:
        """Save atomically to *path* (or the current file); the document becomes clean."""
        target = Path(path or self.path)
        save_briefing(self.briefing, target)
        self.path = target
        self.undo_stack.setClean()
        self.autosave.discard()
        self.path_changed.emit()
        return target


class Autosave(QObject):
    """A copy of unsaved work in ``<user data>/autosave`` every 30 seconds.

    One file per running window (named after the process and the document);
    a file whose process is gone is a crash left-over that :func:`recoverable`
    finds at the next start.
    """

    def __init__(self, document: BriefingDocument) -> None:
        super().__init__(document)
        self.document = document
        self.file = autosave_dir() / f"{os.getpid()}-{id(document):x}.json"
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def save_now(self) -> Path | None:
        if not self.document.dirty:
            return None
        doc = self.document
        payload = {"pid": os.getpid(), "saved": time.time(),
                   "path": str(doc.path) if doc.path else None,
                   "briefing": json.loads(dump_briefing(doc.briefing))}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        return atomic_write(self.file, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)


def autosave_dir() -> Path:
    return user_data_dir() / "autosave"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def recoverable() -> list[Path]:
    """Autosave files left by a process that is no longer running, newest first."""
    folder = autosave_dir()
    if not folder.is_dir():
        return []
    found = []
    for file in folder.glob("*.json"):
        try:
            pid = int(file.name.split("-", 1)[0])
        except ValueError:
            continue
        if not _alive(pid):
            found.append(file)
    return sorted(found, key=lambda f: f.stat().st_mtime, reverse=True)


def read_autosave(file: Path) -> tuple[Briefing, Path | None]:
    """The briefing and original file name kept in an autosave file."""
    try:
        payload = json.loads(file.read_text(encoding="utf-8"))
        data, original = payload["briefing"], payload.get("path")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"the autosave copy is damaged ({exc})", where=file,
                         hint="it will be removed") from exc
    briefing, _ = briefing_from_data(data, where=file)
    return briefing, Path(original) if original else None
