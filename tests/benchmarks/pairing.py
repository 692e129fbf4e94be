"""Paired timing: a measurement and its baseline, interleaved, compared run by run.

On a shared machine the load changes from second to second; timing all the
baseline runs and then all the measured runs compares two different machines.
Each pair runs the two back to back (alternating which goes first), the ratio is
taken within the pair, and the median of the ratios is reported.
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import briefgen


@dataclass(frozen=True)
class Paired:
    ratio: float
    """Median over the pairs of measured / baseline."""
    measured: float
    baseline: float
    """Medians of the two, in seconds (for context; the ratio is the number)."""


def paired(baseline: Callable[[], float], measured: Callable[[], float], runs: int) -> Paired:
    """Run *baseline* and *measured* in *runs* pairs; each returns seconds."""
    base_times, times, ratios = [], [], []
    for i in range(runs):
        if i % 2:
            t, b = measured(), baseline()
        else:
            b, t = baseline(), measured()
        base_times.append(b)
        times.append(t)
        ratios.append(t / b)
    return Paired(statistics.median(ratios), statistics.median(times),
                  statistics.median(base_times))


def wall_seconds(argv: list[str], env: dict[str, str] | None = None) -> float:
    """Wall time of one run of *argv*, which must succeed."""
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=env, timeout=600)
    return time.perf_counter() - start


def byte_compile() -> None:
    """Compile briefgen as a wheel install leaves it, so no run pays for compiling."""
    compileall.compile_dir(Path(briefgen.__file__).parent, quiet=1)


@dataclass(frozen=True)
class Metric:
    """One reported number and its target."""

    name: str
    value: float
    unit: str
    target: str
    ok: bool
    context: str = ""
    headline: bool = False
    """One of the three numbers issue 12 set targets for (start-up and throughput)."""

    def __str__(self) -> str:
        line = f"{self.name}: {self.value:.2f}{self.unit} (target {self.target})"
        return line + (f"  [{self.context}]" if self.context else "")
