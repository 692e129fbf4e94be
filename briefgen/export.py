"""Exporting: the commands the CLI and the app both call to write documents and packs.

:func:`plan_outputs` names the documents: one file, or a folder of files named
by each template's manifest pattern, de-duplicated.  :func:`export_documents`
writes them as DOCX or PDF, :func:`export_pack` writes one pack (a cover with
the contents, then every document).  Both return an :class:`ExportResult`, the
files written and the warnings to pass on, as plain data: the CLI prints it,
the app shows it.  Each file is written to a temporary file, then moved into
place.  ``progress(done, total)`` is called as the work advances and may raise
:class:`~briefgen.errors.Cancelled` to stop before the next file is put in
place; files already written stay, each complete.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.batch import Job, render_batch
from briefgen.errors import Cancelled, OutputError
from briefgen.files import atomic_write, make_folder
from briefgen.model import Briefing
from briefgen.offices import OfficeProfile
from briefgen.render import marking_warnings, output_filename
from briefgen.templates import TemplateInfo

Progress = Callable[[int, int], None]
FILE_SUFFIXES = (".docx", ".pdf")
"""A target with one of these endings is one file; any other target is a folder."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, in order, and the warnings for the user (one line each)."""

    written: list[Path]
    warnings: list[str]


def plan_outputs(briefings: Sequence[Briefing], templates: Sequence[TemplateInfo],
                 office: OfficeProfile, target: str | Path, *, pdf: bool = False) -> list[Job]:
    """One job for every briefing with every template: *target* itself when it is
    a .docx or .pdf file for one document, else files in the folder *target* named
    by the templates' manifests (``.pdf`` with *pdf*), a repeated name numbered
    ``NAME (2).docx``.  Nothing is written."""
    pairs = [(briefing, template) for briefing in briefings for template in templates]
    target = Path(target)
    if not pairs:
        raise OutputError("nothing to export", file=target, hint="choose at least one template")
    if target.suffix.lower() in FILE_SUFFIXES:
        if len(pairs) > 1:
            raise OutputError(f"{len(pairs)} documents need a folder, not a file", file=target,
                              hint="give a folder for them, or make one pack of them")
        return [Job(*pairs[0], target)]
    suffix = ".pdf" if pdf else ".docx"
    used: set[str] = set()
    jobs = []
    for briefing, template in pairs:
        stem = Path(output_filename(briefing, template, office)).stem
        name, n = stem + suffix, 2
        while name.casefold() in used:
            name, n = f"{stem} ({n}){suffix}", n + 1
        used.add(name.casefold())
        jobs.append(Job(briefing, template, target / name))
    return jobs


def pack_target(briefing: Briefing, template: TemplateInfo, office: OfficeProfile,
                folder: str | Path) -> Path:
    """Where a pack led by *template* goes by default: the document's name, its
    template title replaced by "pack"."""
    stem = Path(output_filename(briefing, template, office)).stem
    return Path(folder) / f"{stem.removesuffix(f' - {template.title}')} - pack.docx"


def export_documents(briefings: Sequence[Briefing], templates: Sequence[TemplateInfo],
                     office: OfficeProfile, target: str | Path, *, pdf: bool = False,
                     today: dt.date | None = None, progress: Progress | None = None,
                     names: Sequence[str] = ()) -> ExportResult:
    """Write every briefing with every template to *target* as :func:`plan_outputs`
    plans it (a folder is created).  *names* (such as the briefings' file names)
    start their warnings."""
    jobs = plan_outputs(briefings, templates, office, target, pdf=pdf)
    if jobs[0].out.suffix.lower() == ".pdf":
        from briefgen.convert import soffice_for     # PDF output only

        soffice_for(jobs[0].out)       # before the work, naming a file the user chose
    if Path(target).suffix.lower() not in FILE_SUFFIXES:
        make_folder(target)
    warnings = _warnings(briefings, office, names)
    counter = _Counter(progress)
    try:
        written = render_batch(jobs, office, today=today, progress=counter)
    except Cancelled:
        written = [job.out for job in jobs[:counter.done]]
        if len(written) < len(jobs):
            raise _stopped(len(written), len(jobs)) from None
    return ExportResult(written, warnings)


def export_pack(briefings: Sequence[Briefing], templates: Sequence[TemplateInfo],
                office: OfficeProfile, out: str | Path, *, today: dt.date | None = None,
                progress: Progress | None = None, names: Sequence[str] = ()) -> ExportResult:
    """Write one pack of the briefing with *templates* to *out* (.docx, or .pdf
    through LibreOffice).  The pack is built in a temporary folder, so a stop
    while it is built leaves *out* as it was."""
    from briefgen.pack import write_pack

    out = Path(out)
    if len(briefings) != 1:
        raise OutputError("a pack is made from one briefing", file=out,
                          hint="choose one briefing for the pack")
    suffix = out.suffix.lower()
    if suffix not in FILE_SUFFIXES:
        raise OutputError("a briefing pack must be saved as .docx or .pdf", file=out,
                          hint="name it e.g. pack.docx or pack.pdf")
    if suffix == ".pdf":
        from briefgen.convert import soffice_for     # PDF output only

        soffice_for(out)
    warnings = _warnings(briefings, office, names)
    counter = _Counter(progress)
    written: list[Path] = []
    try:
        counter(0, 1)
        with tempfile.TemporaryDirectory(prefix="briefgen-pack-") as tmp:
            built = write_pack(briefings[0], list(templates), office, Path(tmp) / f"pack{suffix}",
                               today=today)
            counter(0, 1)
            written.append(atomic_write(out, built.read_bytes()))
        counter(1, 1)
    except Cancelled:
        if not written:
            raise _stopped(0, 1) from None
    return ExportResult(written, warnings)


class _Counter:
    """Passes progress on and remembers how many documents were done."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        self.done = done
        if self.progress:
            self.progress(done, total)


def _stopped(done: int, total: int) -> Cancelled:
    if not done:
        return Cancelled("the export was stopped: nothing was written")
    return Cancelled(f"the export was stopped after {done} of {total} documents "
                     "(those are complete)")


def _warnings(briefings: Sequence[Briefing], office: OfficeProfile,
              names: Sequence[str]) -> list[str]:
    """The marking warnings of each briefing, after its name where there is one."""
    found = []
    for n, briefing in enumerate(briefings):
        name = names[n] if n < len(names) else ""
        found += [f"{name}: {w}" if name else w for w in marking_warnings(briefing, office)]
    return found
