"""Rendering many documents at once, on every core for large batches."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from briefgen.model import Briefing
from briefgen.offices import OfficeProfile
from briefgen.render import render_to_file
from briefgen.templates import TemplateInfo

PARALLEL_FROM = 24
"""Below this many documents a second process costs more than it saves."""


@dataclass(frozen=True)
class Job:
    briefing: Briefing
    template: TemplateInfo
    out: Path


def _run(job: Job, office: OfficeProfile, today: dt.date | None) -> Path:
    return render_to_file(job.briefing, job.template, office, job.out, today=today)


def render_batch(jobs: Sequence[Job], office: OfficeProfile, *, today: dt.date | None = None,
                 progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Render every job (each written atomically); the first error stops the batch."""
    workers = min(os.cpu_count() or 1, 4)
    written: list[Path] = []
    if len(jobs) < PARALLEL_FROM or workers < 2:
        for job in jobs:
            written.append(_run(job, office, today))
            if progress:
                progress(len(written), len(jobs))
        return written
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, len(jobs) // (workers * 4))
        results = pool.map(_run, jobs, [office] * len(jobs), [today] * len(jobs),
                           chunksize=chunk)
        for path in results:
            written.append(path)
            if progress:
                progress(len(written), len(jobs))
    return written
