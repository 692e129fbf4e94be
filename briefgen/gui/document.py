"""The open briefing: its file, its undo stack, its dirty state and its autosave.

Every edit goes through :meth:`BriefingDocument.set_value` (or the list helpers
built on it), which validates the new value with the model, pushes an undo
command and emits :attr:`BriefingDocument.changed` with the path that changed.
A path is a tuple of field names and list indexes, e.g. ``("participants", 1, "name")``.
"""

from __future__ import annotations

import calendar
import copy
import json
import os
import re
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
AUTOSAVE_DELAY_MS = 3_000      # after the last edit
AUTOSAVE_MS = 30_000           # and at least this often while editing goes on


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


def date_problem(text: str) -> str:
    """Why *text* is not a date: ``2025-02-30 is not a date: February has 28 days in 2025``."""
    found = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text.strip())
    if found:
        year, month, day = map(int, found.groups())
        if not 1 <= month <= 12:
            return f"{text} is not a date: there is no month {month}"
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            in_year = f" in {year}" if month == 2 else ""
            return f"{text} is not a date: {calendar.month_name[month]} has {days} days{in_year}"
    return f"{text} is not a date: write it as YYYY-MM-DD, e.g. 2025-08-23"


def problem_text(exc: ValidationError) -> str:
    """The first problem of a validation error as a short sentence about that value."""
    error = exc.errors()[0]
    message = error["msg"]
    if error["type"] in ("string_too_short", "too_short"):
        message = "must not be empty"
    elif error["type"].startswith("date") and isinstance(error.get("input"), str):
        message = date_problem(error["input"])
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
        self.invalid: dict[Path_, str] = {}     # fields showing a refused value: their message
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

    def flag(self, path: Path_, message: str) -> None:
        """Note that the field at *path* shows a value the model refused (*message*
        says why; "" when it is valid again): saving refuses until it is fixed."""
        was = bool(self.invalid)
        if message:
            self.invalid[path] = message
        else:
            self.invalid.pop(path, None)
        if was != bool(self.invalid):
            self.path_changed.emit()

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
    def check_savable(self) -> None:
        """Raise :class:`InputError` naming each field that shows a refused value."""
        if self.invalid:
            problems = list(self.invalid.values())
            these = "this field" if len(problems) == 1 else f"these {len(problems)} fields"
            raise InputError(f"Not saved: correct or undo {these} first. " + " ".join(
                p if p.endswith(".") else p + "." for p in problems),
                hint="the file keeps its last saved version")

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> tuple[BriefingDocument, list[str]]:
        briefing, warnings = load_briefing(path)
        return cls(briefing, Path(path), parent), warnings

    def save(self, path: Path | None = None) -> Path:
        """Save atomically to *path* (or the current file); the document becomes clean.

        Refuses (:class:`InputError` naming the fields) while a field shows a
        value the model refused: the file would silently keep the old value.
        """
        target = Path(path or self.path)
        self.check_savable()
        save_briefing(self.briefing, target)
        self.path = target
        self.undo_stack.setClean()
        self.autosave.discard()
        self.path_changed.emit()
        return target


class Autosave(QObject):
    """A copy of unsaved work in ``<user data>/autosave``: a few seconds after
    the last edit, and every 30 seconds while editing goes on.

    One file per document (so per window), named after this process's session
    (:func:`session`); a session whose process is gone left crash left-overs
    that :func:`recoverable` finds at the next start.
    """

    _count = 0

    def __init__(self, document: BriefingDocument) -> None:
        super().__init__(document)
        self.document = document
        Autosave._count += 1
        self.name = f"{session()}-{Autosave._count}.json"
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AUTOSAVE_DELAY_MS)
        self.soon.timeout.connect(self.save_now)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        document.changed.connect(lambda _path: self.soon.start())

    @property
    def file(self) -> Path:
        return autosave_dir() / self.name

    def save_now(self) -> Path | None:
        """Write the copy (None and no copy when nothing is unsaved)."""
        if not self.document.dirty:
            self.discard()
            return None
        doc = self.document
        payload = {"pid": os.getpid(), "saved": time.time(),
                   "path": str(doc.path) if doc.path else None,
                   "briefing": json.loads(dump_briefing(doc.briefing))}
        lock_session()
        return atomic_write(self.file, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def discard(self) -> None:
        self.soon.stop()
        self.file.unlink(missing_ok=True)


def autosave_dir() -> Path:
    return user_data_dir() / "autosave"


def process_start(pid: int) -> str | None:
    """When process *pid* started (a token that differs for a reused pid), or
    None if it is not running; a killed process its parent has not reaped yet
    (a zombie) is not running.  Linux reads ``/proc``, Windows asks the kernel;
    elsewhere (macOS) only the pid can be checked: "?" while it exists."""
    if os.name == "nt":
        return _windows_process_start(pid)
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        if Path("/proc/self/stat").exists():
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except OSError:
            pass
        return "?"
    fields = stat.rsplit(")", 1)[1].split()       # the name in (...) may hold spaces
    return None if fields[0] in ("Z", "X") else fields[19]


def _windows_process_start(pid: int) -> str | None:
    """The creation time of a running Windows process (None if it has ended)."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(0x1000, False, pid)      # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return None
    try:
        code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != 259:
            return None                                    # 259: STILL_ACTIVE
        created, ended, kernel, user = (wintypes.FILETIME() for _ in range(4))
        if not kernel32.GetProcessTimes(handle, ctypes.byref(created), ctypes.byref(ended),
                                        ctypes.byref(kernel), ctypes.byref(user)):
            return "?"
        return str(created.dwHighDateTime << 32 | created.dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)


def session() -> str:
    """This process as ``<pid>-<start>``: names its autosave copies and lock file."""
    return f"{os.getpid()}-{process_start(os.getpid())}".replace("?", "0")


def lock_session() -> Path:
    """The lock file saying this session is running (pid and start time inside)."""
    lock = autosave_dir() / f"{session()}.lock"
    if not lock.exists():
        lock.parent.mkdir(parents=True, exist_ok=True)
        pid = os.getpid()
        atomic_write(lock, json.dumps({"pid": pid, "started": process_start(pid)}).encode())
    return lock


def unlock_session() -> None:
    """A clean exit: this session's lock goes (its copies went when the windows closed)."""
    (autosave_dir() / f"{session()}.lock").unlink(missing_ok=True)


def _running(lock: Path) -> bool:
    """Whether the process that wrote *lock* still runs (same pid, same start time)."""
    try:
        info = json.loads(lock.read_text(encoding="utf-8"))
        pid, started = int(info["pid"]), info["started"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    now = process_start(pid)
    return now is not None and (now == started or "?" in (now, started))


def recoverable() -> list[Path]:
    """Autosave copies left by sessions that are no longer running, newest first.

    Lock files of such sessions without copies are removed (no work in them).
    """
    folder = autosave_dir()
    if not folder.is_dir():
        return []
    dead = {lock.stem for lock in folder.glob("*.lock") if not _running(lock)}
    found = [file for file in folder.glob("*.json")
             if file.stem.rsplit("-", 1)[0] in dead
             or not (folder / f"{file.stem.rsplit('-', 1)[0]}.lock").exists()]
    for name in dead - {file.stem.rsplit("-", 1)[0] for file in found}:
        (folder / f"{name}.lock").unlink(missing_ok=True)
    return sorted(found, key=lambda f: f.stat().st_mtime, reverse=True)


def read_autosave(file: Path) -> tuple[Briefing, Path | None, float]:
    """The briefing, original file name and time (seconds) kept in an autosave copy."""
    try:
        payload = json.loads(file.read_text(encoding="utf-8"))
        data, original = payload["briefing"], payload.get("path")
        saved = float(payload.get("saved") or file.stat().st_mtime)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"the autosave copy is damaged ({exc})", file=file) from exc
    briefing, _ = briefing_from_data(data, where=file)
    return briefing, Path(original) if original else None, saved
