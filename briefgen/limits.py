"""Resource limits for rendering untrusted templates.

Every operator and function that can make a value, a loop or a call chain
explode is checked against a small limit that no real briefing comes near; a
per-render :class:`Budget` counts loop iterations, output and time.  Where the
process has no other thread (the CLI, a batch worker), :func:`hard_limits`
adds an address-space cap and an alarm, so even what slips past the checks
stops at 1 GB and 20 s.
"""

from __future__ import annotations

import contextlib
import math
import re
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

try:
    import resource
except ImportError:  # Windows: no address-space cap, the checks still apply
    resource = None  # type: ignore[assignment]

MAX_TEXT = 1_000_000
"""Characters in one value (a string a tag builds)."""
MAX_ITEMS = 10_000
"""Items in one list or range."""
MAX_WIDTH = 1_000
"""Width or precision in a ``%`` format."""
MAX_INT_BITS = 10_000
"""Bits in one integer (about 3,000 digits)."""
MAX_LOOPS = 50_000
"""Loop iterations in one render."""
MAX_OUTPUT = 10_000_000
"""Characters one render may produce."""
MAX_DEPTH = 40
"""Nested macro and recursive-loop calls."""
MAX_SECONDS = 10.0
"""Time one render may take (checked as it runs)."""
HARD_SECONDS = 20
"""Hard wall-clock limit where an alarm can be set."""
MEMORY_BYTES = 1 << 30
"""Extra address space one render may take where a cap can be set."""


class LimitError(Exception):
    """A template went over a limit: ``limit`` names it, ``detail`` what went over it."""

    def __init__(self, limit: str, detail: str = "") -> None:
        super().__init__(limit)
        self.limit = limit
        self.detail = detail


@dataclass
class Budget:
    """What one render has used so far."""

    deadline: float
    loops: int = 0
    output: int = 0
    depth: int = 0

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitError(f"the {MAX_SECONDS:.0f}-second time limit for one document")


_BUDGET: ContextVar[Budget | None] = ContextVar("briefgen_budget", default=None)


@contextlib.contextmanager
def budget() -> Iterator[Budget]:
    """The budget of one render: the current one if a render is under way, else a new one."""
    current = _BUDGET.get()
    if current is not None:
        yield current
        return
    fresh = Budget(time.monotonic() + MAX_SECONDS)
    token = _BUDGET.set(fresh)
    try:
        yield fresh
    finally:
        _BUDGET.reset(token)


def _current() -> Budget:
    current = _BUDGET.get()
    if current is None:
        raise RuntimeError("templates render only inside limits.budget()")
    return current


def loop_items(iterable: Iterable, cost: int = 0) -> Iterator:
    """*iterable*, counting each iteration (and the *cost* characters of text its
    body writes) against the render's budget."""
    state = _current()
    for item in iterable:
        state.loops += 1
        state.output += cost
        if state.loops > MAX_LOOPS:
            raise LimitError(f"the {MAX_LOOPS:,}-iteration limit for loops in one document")
        if state.output > MAX_OUTPUT:
            raise output_error()
        state.check_time()
        yield item


def output_error() -> LimitError:
    return LimitError(f"the {MAX_OUTPUT:,}-character limit for one document")


def count_output(size: int) -> None:
    """Count *size* printed characters against the budget."""
    state = _current()
    state.output += size
    if state.output > MAX_OUTPUT:
        raise output_error()


@contextlib.contextmanager
def call_depth() -> Iterator[None]:
    """One level of macro or recursive-loop calls."""
    state = _current()
    state.check_time()
    if state.depth >= MAX_DEPTH:
        raise LimitError(f"the limit of {MAX_DEPTH} nested macro or loop calls")
    state.depth += 1
    try:
        yield
    finally:
        state.depth -= 1


def text_error(size: int, what: str) -> LimitError:
    return LimitError(f"the {MAX_TEXT:,}-character limit for one value",
                      f"{what} would make {size:,} characters")


def check_text(size: int, what: str) -> None:
    if size > MAX_TEXT:
        raise text_error(size, what)


def check_items(size: int, what: str) -> None:
    if size > MAX_ITEMS:
        raise LimitError(f"the {MAX_ITEMS:,}-item limit for one list",
                         f"{what} would make {size:,} items")


def check_int_bits(bits: float, what: str) -> None:
    if bits > MAX_INT_BITS:
        raise LimitError(f"the {MAX_INT_BITS:,}-bit limit for one number", what)


def limited_range(*args: int) -> range:
    """``range()`` of at most :data:`MAX_ITEMS` numbers."""
    numbers = range(*args)
    check_items(len(numbers), f"range({', '.join(map(str, args))})")
    return numbers


def multiply(left, right):
    """``*`` without giant strings, lists or numbers."""
    if isinstance(left, int) and not isinstance(left, bool) and isinstance(right, (str, list,
                                                                                tuple)):
        left, right = right, left
    if isinstance(left, (str, list, tuple)) and isinstance(right, int):
        size = len(left) * max(right, 0)
        what = f"repeating {len(left):,} {'character' if isinstance(left, str) else 'item'}" \
               f"{'' if len(left) == 1 else 's'} {right:,} times"
        (check_text if isinstance(left, str) else check_items)(size, what)
    elif isinstance(left, int) and isinstance(right, int):
        check_int_bits(left.bit_length() + right.bit_length(), "a product too large")
    return left * right


def power(base, exponent):
    """``**`` without giant numbers."""
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        check_int_bits(exponent * math.log2(abs(base)), f"{base} ** {exponent}")
    return base ** exponent


def add(left, right):
    """``+`` without giant strings or lists."""
    if isinstance(left, str) and isinstance(right, str):
        check_text(len(left) + len(right), "joining two strings")
    elif isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        check_items(len(left) + len(right), "joining two lists")
    return left + right


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?[a-zA-Z%]")


def check_percent_format(fmt: str, args) -> None:
    """``'%999999999s' % x`` and ``'%*s'``: widths and precisions stay small."""
    count = 0
    for match in _PERCENT_SPEC.finditer(fmt):
        count += 1
        for number in match.groups():
            if number == "*":
                raise LimitError("the limits of formatting", "'*' widths are not allowed")
            if number and int(number) > MAX_WIDTH:
                raise LimitError(f"the {MAX_WIDTH:,}-character limit for a format width",
                                 f"width or precision {int(number):,}")
    items = args if isinstance(args, tuple) else (args,)
    size = len(fmt) + sum(len(str(item)) for item in items[:count] if isinstance(item, str))
    check_text(size + MAX_WIDTH * count, "formatting")


def remainder(left, right):
    """``%``: string formatting with small widths; numbers as usual."""
    if isinstance(left, str):
        check_percent_format(left, right)
    return left % right


def check_replace(text: str, old: str, new: str, count: int = -1) -> None:
    """``replace`` without an explosion: ``'x'*1000|replace('', 'y'*1000)``."""
    occurrences = len(text) + 1 if old == "" else text.count(old)
    if count is not None and count >= 0:
        occurrences = min(occurrences, count)
    check_text(len(text) + occurrences * (len(new) - len(old)), "replacing text")


@contextlib.contextmanager
def hard_limits() -> Iterator[None]:
    """A memory cap and an alarm around a render, where they cannot hurt anyone else.

    Both are process-wide, so they apply only in the main thread of a process
    that has no other thread (the CLI, a batch worker); the app's preview
    thread relies on the checks above.  A process that already caps its memory
    or uses the alarm keeps its own settings.
    """
    if threading.active_count() != 1 or threading.current_thread() is not threading.main_thread():
        yield
        return
    with _memory_cap(), _alarm():
        yield


@contextlib.contextmanager
def _memory_cap() -> Iterator[None]:
    """RLIMIT_AS at what the process uses now plus :data:`MEMORY_BYTES` (Linux)."""
    if resource is None or not hasattr(resource, "RLIMIT_AS"):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            used = int(statm.read().split()[0]) * resource.getpagesize()
        cap = used + MEMORY_BYTES
        if soft != resource.RLIM_INFINITY or (hard != resource.RLIM_INFINITY and cap > hard):
            raise ValueError("the process already has a cap")
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError, IndexError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _on_alarm(signum, frame):
    raise LimitError(f"the {HARD_SECONDS}-second hard time limit for one document")


@contextlib.contextmanager
def _alarm() -> Iterator[None]:
    """SIGALRM after :data:`HARD_SECONDS`, unless the process uses the alarm itself."""
    if not hasattr(signal, "SIGALRM") or signal.getsignal(signal.SIGALRM) not in (
            signal.SIG_DFL, None) or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield
        return
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, float(HARD_SECONDS))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
