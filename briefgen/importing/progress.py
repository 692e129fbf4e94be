"""Progress over the passes of an import, reported often enough that a callback
raising :class:`~briefgen.errors.Cancelled` stops the work at once, in any pass."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called as an import advances; may raise Cancelled."""

UNITS = 1000  # the progress of one piece of work, reported at each unit done
Item = TypeVar("Item")


class Passes:
    """One piece of work made of named passes, each taking a share of the progress in
    proportion to its weight.

    Every pass reports when it starts and then at each unit done, so a pass over a
    long article reports hundreds of times and a cancel takes effect between two of
    its items; the values never go back and end at ``UNITS``."""

    def __init__(self, progress: Progress | None, weights: dict[str, int]):
        self.progress = progress
        whole = sum(weights.values())
        self.spans: dict[str, tuple[int, int]] = {}
        before = 0
        for name, weight in weights.items():
            self.spans[name] = (UNITS * before // whole, UNITS * (before + weight) // whole)
            before += weight
        self.done = 0

    def start(self, name: str) -> None:
        """Report that pass *name* begins (a pass done in one call reports only this)."""
        self._report(self.spans[name][0], always=True)

    def each(self, name: str, items: Sequence[Item]) -> Iterator[Item]:
        """The items of pass *name*, reporting as they are used."""
        first, last = self.spans[name]
        self.start(name)
        count = max(len(items), 1)
        for number, item in enumerate(items, start=1):
            yield item
            self._report(first + (last - first) * number // count)

    def finish(self) -> None:
        self._report(UNITS, always=True)

    def _report(self, done: int, *, always: bool = False) -> None:
        if self.progress and (done > self.done or always):
            self.done = max(done, self.done)
            self.progress(self.done, UNITS)


def part(progress: Progress | None, start: int, stop: int, total: int) -> Progress | None:
    """A callback reporting its own (done, of) as the stretch start..stop of *total*."""
    if progress is None:
        return None

    def report(done: int, of: int) -> None:
        progress(start + (stop - start) * done // max(of, 1), total)
    return report
