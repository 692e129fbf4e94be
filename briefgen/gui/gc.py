"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate; if
that is a render worker and the garbage holds Qt objects, Qt deletes widgets
off the GUI thread and crashes.  The app turns automatic collection off and
collects from a timer on the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)

    @staticmethod
    def collect() -> None:
        """What the automatic collector would do now: the oldest generation due."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return
