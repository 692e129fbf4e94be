"""Writing planned documents (DOCX, or PDF through LibreOffice), on every core for
large batches of DOCX."""

from __future__ import annotations

import datetime as dt
import gc
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.files import atomic_write
from briefgen.model import Briefing
from briefgen.offices import OfficeProfile
from briefgen.render import render_briefing, render_to_file
from briefgen.templates import TemplateInfo

PARALLEL_FROM = 24
"""Below this many documents a second process costs more than it saves."""
CHUNKS_PER_WORKER = 16
"""Jobs go to workers in this many chunks each: few enough to pass cheaply, small
enough that no worker is left with a long tail when the others are done."""


@dataclass(frozen=True)
class Job:
    """One document to write: *briefing* with *template* to *out* (.docx or .pdf)."""

    briefing: Briefing
    template: TemplateInfo
    out: Path


def write_job(job: Job, office: OfficeProfile, today: dt.date | None = None,
              ready: Callable[[], None] | None = None) -> Path:
    """Render *job* and write it atomically; a .pdf *out* goes through a temporary
    .docx and LibreOffice.  *ready()* is called once the document is rendered, just
    before it is converted or put in place; it may raise to stop (nothing is written)."""
    if job.out.suffix.lower() != ".pdf":
        data = render_briefing(job.briefing, job.template, office, today=today)
        if ready:
            ready()
        return atomic_write(job.out, data)
    from briefgen.convert import docx_to_pdf

    with tempfile.TemporaryDirectory(prefix="briefgen-") as tmp:
        docx = render_to_file(job.briefing, job.template, office,
                              Path(tmp) / (job.out.stem + ".docx"), today=today)
        if ready:
            ready()
        return docx_to_pdf(docx, job.out)


_WORK: tuple[Sequence[Job], OfficeProfile, dt.date | None] | None = None
"""What a worker process writes (the jobs, the office, the date), set as it starts."""


def _take_work(jobs: Sequence[Job], office: OfficeProfile, today: dt.date | None) -> None:
    global _WORK
    _WORK = (jobs, office, today)


def _run(index: int) -> Path:
    jobs, office, today = _WORK       # type: ignore[misc]
    return write_job(jobs[index], office, today)


def render_batch(jobs: Sequence[Job], office: OfficeProfile, *, today: dt.date | None = None,
                 progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write every job (each atomically); the first error stops the batch.

    ``progress(done, total)`` is called after each document and, one at a time,
    also before each is put in place; it may raise (such as
    :class:`~briefgen.errors.Cancelled`) to stop the batch.  Documents already
    written stay, each complete; in worker processes those being written when
    it stops are finished.  Batches of PDFs run one at a time (each runs LibreOffice).
    """
    def report(done: int) -> None:
        if progress:
            progress(done, len(jobs))

    workers = min(os.cpu_count() or 1, 4)
    written: list[Path] = []
    pdf = any(job.out.suffix.lower() == ".pdf" for job in jobs)
    if len(jobs) < PARALLEL_FROM or workers < 2 or pdf:
        for job in jobs:
            written.append(write_job(job, office, today, lambda: report(len(written))))
            report(len(written))
        return written
    from concurrent.futures import ProcessPoolExecutor    # loaded by large batches only

    # The first document is written here, before the workers start: where they
    # are forked they inherit what it made ready (the prepared template, the
    # compiled tags, modules loaded on first use) instead of each making it again.
    written.append(write_job(jobs[0], office, today))
    report(len(written))
    # The workers get the jobs once, as they start (forked, they inherit them
    # without pickling), then only the index of each job to write.
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_take_work,
                               initargs=(jobs, office, today))
    try:
        chunk = max(1, (len(jobs) - 1) // (workers * CHUNKS_PER_WORKER))
        gc.freeze()     # forked workers leave what they inherit out of their collections
        try:
            results = pool.map(_run, range(1, len(jobs)),
                               chunksize=chunk)        # (forks the workers, if it forks)
        finally:
            gc.unfreeze()
        for path in results:
            written.append(path)
            report(len(written))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)   # an error or a stop drops the rest
    return written
