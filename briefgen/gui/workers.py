"""Running core calls off the GUI thread (QThreadPool), with results back as signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefgen.errors import Cancelled


_running: set[Task] = set()   # keeps tasks alive until their outcome is delivered


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object)       # the exception
    progress = Signal(int, int)   # done, total


class Task(QRunnable):
    """Call ``fn(report)`` in the pool; ``report(done, total)`` emits progress.

    Results arrive through :attr:`signals` on the thread that owns them (the GUI).
    """

    def __init__(self, fn: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            result = self.fn(self.report)
        except Exception as exc:  # delivered to the GUI's error path
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)

    def report(self, done: int, total: int) -> None:
        self.signals.progress.emit(done, total)


class _Outcome(QObject):
    """Hands a task's signals to its callbacks while *owner* lives: a child of
    the owner, so Qt disconnects it when the owner (a window, a dialog) is deleted."""

    def __init__(self, owner: QObject, done, failed, progress) -> None:
        super().__init__(owner)
        self.on_done, self.on_failed, self.on_progress = done, failed, progress

    def done(self, result: Any) -> None:
        self.deleteLater()
        self.on_done(result)

    def failed(self, exc: BaseException) -> None:
        self.deleteLater()
        self.on_failed(exc)

    def progress(self, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total)


def start(fn: Callable[[Callable[[int, int], None]], Any], *, owner: QObject,
          done: Callable[[Any], None], failed: Callable[[BaseException], None],
          progress: Callable[[int, int], None] | None = None,
          pool: QThreadPool | None = None) -> Task:
    """Run *fn* in *pool* (the global thread pool by default); its outcome goes
    to *done* or *failed* unless *owner* has been deleted by then (its widgets
    would be gone)."""
    task = Task(fn)
    task.setAutoDelete(False)
    _running.add(task)
    task.signals.done.connect(lambda _result: _running.discard(task))
    task.signals.failed.connect(lambda _exc: _running.discard(task))
    outcome = _Outcome(owner, done, failed, progress)
    task.signals.done.connect(outcome.done)
    task.signals.failed.connect(outcome.failed)
    task.signals.progress.connect(outcome.progress)
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def start_cancellable(fn: Callable[[Callable[[int, int], None]], Any], *, owner: QWidget,
                      title: str, label: str, what: str, done: Callable[[Any], None],
                      failed: Callable[[BaseException], None]) -> QProgressDialog:
    """Run ``fn(progress)`` as :func:`start` does, behind a window-modal progress
    dialog (shown after 300 ms) whose Cancel makes *progress* raise
    :class:`Cancelled` ("the *what* was stopped") at the task's next step."""
    stop = threading.Event()
    bar = QProgressDialog(label, "Cancel", 0, 0, owner)
    bar.setWindowTitle(title)
    bar.setWindowModality(Qt.WindowModal)
    bar.setMinimumDuration(300)
    bar.setAutoClose(False)
    bar.canceled.connect(stop.set)

    def run(report: Callable[[int, int], None]) -> Any:
        def progress(finished: int, total: int) -> None:
            if stop.is_set():
                raise Cancelled(f"the {what} was stopped")
            report(finished, total)
        return fn(progress)

    def moved(finished: int, total: int) -> None:
        if not stop.is_set():
            bar.setMaximum(total)
            bar.setValue(min(finished, total - 1))       # the full bar would close it

    def close() -> None:
        bar.canceled.disconnect(stop.set)
        bar.hide()
        bar.deleteLater()

    def succeeded(result: Any) -> None:
        close()
        done(result)

    def stopped(exc: BaseException) -> None:
        close()
        failed(exc)

    start(run, owner=owner, done=succeeded, failed=stopped, progress=moved)
    return bar
