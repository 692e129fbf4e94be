"""Batch rendering: large batches use worker processes, errors keep their location."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest
from docx import Document
from docx_helpers import body_text

from briefgen.batch import PARALLEL_FROM, Job, render_batch
from briefgen.errors import Cancelled, TemplateError
from briefgen.offices import OfficeProfile
from briefgen.templates import find_template, read_template_info


def test_a_large_batch_writes_every_document(sample, tmp_path):
    memo = find_template("briefing-memo")
    jobs = []
    for i in range(PARALLEL_FROM + 2):
        briefing = sample.model_copy(update={"title": f"Summit {i}"})
        jobs.append(Job(briefing, memo, tmp_path / f"{i}.docx"))
    seen = []
    written = render_batch(jobs, OfficeProfile(), progress=lambda done, total: seen.append(done))
    assert written == [job.out for job in jobs]
    assert seen[-1] == len(jobs)
    assert "Summit 25" in body_text((tmp_path / "25.docx").read_bytes())


def test_errors_from_workers_keep_template_and_hint(sample, tmp_path):
    doc = Document()
    doc.add_paragraph("{{ titel }}")
    doc.save(tmp_path / "typo.docx")
    bad = read_template_info(tmp_path / "typo.docx")
    jobs = [Job(sample, bad, tmp_path / f"{i}.docx") for i in range(PARALLEL_FROM)]
    with pytest.raises(TemplateError) as info:
        render_batch(jobs, OfficeProfile())
    assert str(info.value) == ("typo: body: {{ titel }}: unknown variable 'titel' "
                               "(check its spelling; `briefgen check` lists the known names)")


def test_errors_pickle_with_their_location():
    error = pickle.loads(pickle.dumps(TemplateError("bad", file="memo", hint="fix", details=("d",))))
    assert (str(error), error.details) == ("memo: bad (fix)", ("d",))


def test_a_stop_drops_the_documents_not_yet_started(sample, tmp_path):
    memo = find_template("briefing-memo")
    jobs = [Job(sample, memo, tmp_path / f"{i}.docx") for i in range(PARALLEL_FROM * 2)]

    def progress(done: int, total: int) -> None:
        raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        render_batch(jobs, OfficeProfile(), progress=progress)
    written = list(tmp_path.iterdir())
    assert 1 <= len(written) < len(jobs)
    assert all(p.suffix == ".docx" for p in written), "no temporary file is left behind"


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers are spawned")
def test_forked_workers_inherit_the_jobs_instead_of_unpickling_each(monkeypatch, sample, tmp_path):
    pickled = []

    def reduce(job):
        pickled.append(job.out.name)
        return Job, (job.briefing, job.template, job.out)

    monkeypatch.setattr(Job, "__reduce__", reduce)
    memo = find_template("briefing-memo")
    jobs = [Job(sample, memo, tmp_path / f"{i}.docx") for i in range(PARALLEL_FROM)]
    assert render_batch(jobs, OfficeProfile()) == [job.out for job in jobs]
    assert pickled == []
