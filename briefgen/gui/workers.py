"""Running core calls off the GUI thread (QThreadPool), with results back as signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


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
        self.cancelled = False

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
          progress: Callable[[int, int], None] | None = None) -> Task:
    """Run *fn* in the global thread pool; its outcome goes to *done* or *failed*
    unless *owner* has been deleted by then (its widgets would be gone)."""
    task = Task(fn)
    task.setAutoDelete(False)
    _running.add(task)
    task.signals.done.connect(lambda _result: _running.discard(task))
    task.signals.failed.connect(lambda _exc: _running.discard(task))
    outcome = _Outcome(owner, done, failed, progress)
    task.signals.done.connect(outcome.done)
    task.signals.failed.connect(outcome.failed)
    task.signals.progress.connect(outcome.progress)
    QThreadPool.globalInstance().start(task)
    return task
