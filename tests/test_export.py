"""The export commands both front ends call: names, files written, warnings, stopping."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document
from docx_helpers import body_text

from briefgen.errors import Cancelled, OutputError
from briefgen.export import (ExportResult, export_documents, export_pack, pack_target,
                             plan_outputs)
from briefgen.offices import OfficeProfile, find_office
from briefgen.templates import find_template

TITLE = "Your summit with President Lee Jae Myung, Tokyo, 23 August 2025"


@pytest.fixture
def memo():
    return find_template("briefing-memo")


@pytest.fixture
def points():
    return find_template("talking-points")


def test_a_folder_gets_the_manifest_names_numbered_when_they_repeat(sample, memo, points,
                                                                     tmp_path):
    shouting = sample.model_copy(update={"title": sample.title.upper()})
    jobs = plan_outputs([sample, shouting, sample], [memo, points], OfficeProfile(),
                        tmp_path / "out")
    assert [job.out.name for job in jobs] == [
        f"2025-08-23 {TITLE} - Briefing memo.docx",
        f"2025-08-23 {TITLE} - Talking points.docx",
        f"2025-08-23 {TITLE.upper()} - Briefing memo (2).docx",     # names differing in case
        f"2025-08-23 {TITLE.upper()} - Talking points (2).docx",    # clash on Windows and macOS
        f"2025-08-23 {TITLE} - Briefing memo (3).docx",
        f"2025-08-23 {TITLE} - Talking points (3).docx"]
    assert {job.out.parent for job in jobs} == {tmp_path / "out"}
    assert [(job.briefing.title, job.template.name) for job in jobs[:3]] == [
        (sample.title, "briefing-memo"), (sample.title, "talking-points"),
        (shouting.title, "briefing-memo")]
    assert not (tmp_path / "out").exists(), "planning writes nothing"


def test_pdf_names_in_a_folder_and_one_file_for_one_document(sample, memo, tmp_path):
    office = OfficeProfile()
    [job] = plan_outputs([sample], [memo], office, tmp_path, pdf=True)
    assert job.out == tmp_path / f"2025-08-23 {TITLE} - Briefing memo.pdf"
    [job] = plan_outputs([sample], [memo], office, tmp_path / "Memo.PDF")
    assert job.out == tmp_path / "Memo.PDF"


def test_several_documents_cannot_go_to_one_file(sample, memo, points, tmp_path):
    with pytest.raises(OutputError) as info:
        plan_outputs([sample], [memo, points], OfficeProfile(), tmp_path / "memo.docx")
    assert str(info.value) == (f"{tmp_path / 'memo.docx'}: 2 documents need a folder, not a "
                               "file (give a folder for them, or make one pack of them)")
    with pytest.raises(OutputError, match="nothing to export"):
        plan_outputs([sample], [], OfficeProfile(), tmp_path)


def test_export_writes_every_document_and_names_the_marking_warnings(sample, memo, points,
                                                                     tmp_path):
    tank = find_office("think-tank")
    seen: list[tuple[int, int]] = []
    result = export_documents([sample], [memo, points], tank, tmp_path / "new" / "folder",
                              today=dt.date(2025, 8, 20), names=["tokyo.brief.json"],
                              progress=lambda done, total: seen.append((done, total)))
    folder = tmp_path / "new" / "folder"
    assert result == ExportResult(
        [folder / f"2025-08-23 {TITLE} - Briefing memo.docx",
         folder / f"2025-08-23 {TITLE} - Talking points.docx"],
        ["tokyo.brief.json: the briefing is marked UNCLASSIFIED, which office 'think-tank' "
         "does not use (its levels: none (unmarked)); the document keeps UNCLASSIFIED"])
    assert sorted(folder.iterdir()) == sorted(result.written)
    assert "BRIEFING MEMORANDUM" in body_text(result.written[0].read_bytes())
    assert "TALKING POINTS" in body_text(result.written[1].read_bytes())
    assert seen == [(0, 2), (1, 2), (1, 2), (2, 2)]


def test_a_briefing_the_office_expects_has_no_warning(sample, memo, tmp_path):
    result = export_documents([sample], [memo], find_office("us-embassy"), tmp_path / "m.docx")
    assert result.warnings == [] and result.written == [tmp_path / "m.docx"]


def test_stopping_keeps_the_documents_written_and_writes_no_more(sample, memo, points, tmp_path):
    def progress(done: int, total: int) -> None:
        if done == 1:
            raise Cancelled("the export was stopped")

    with pytest.raises(Cancelled) as info:
        export_documents([sample], [memo, points], OfficeProfile(), tmp_path, progress=progress)
    assert str(info.value) == ("the export was stopped after 1 of 2 documents "
                               "(those are complete)")
    assert [p.name for p in tmp_path.iterdir()] == [f"2025-08-23 {TITLE} - Briefing memo.docx"]


@pytest.mark.parametrize("command", [export_documents, export_pack])
def test_a_stop_once_the_document_is_made_leaves_the_old_file(command, sample, memo, tmp_path):
    out = tmp_path / "memo.docx"
    out.write_bytes(b"yesterday's memo")
    calls: list[int] = []

    def progress(done: int, total: int) -> None:     # the last call before it is put in place
        calls.append(done)
        if len(calls) == (1 if command is export_documents else 2):
            raise Cancelled("the export was stopped")

    with pytest.raises(Cancelled, match="^the export was stopped: nothing was written$"):
        command([sample], [memo], OfficeProfile(), out, progress=progress)
    assert out.read_bytes() == b"yesterday's memo"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.docx"]


def test_a_stop_after_the_last_document_is_no_stop(sample, memo, tmp_path):
    def progress(done: int, total: int) -> None:
        if done == total:
            raise Cancelled("too late")

    result = export_documents([sample], [memo], OfficeProfile(), tmp_path / "m.docx",
                              progress=progress)
    assert result.written == [tmp_path / "m.docx"] and (tmp_path / "m.docx").is_file()


def test_the_pack_is_one_docx_with_cover_contents_and_each_document(sample, memo, points,
                                                                   tmp_path):
    out = tmp_path / "pack.docx"
    result = export_pack([sample], [memo, points], find_office("think-tank"), out,
                         today=dt.date(2025, 8, 20))
    assert result.written == [out] and [p.name for p in tmp_path.iterdir()] == ["pack.docx"]
    assert len(result.warnings) == 1 and "does not use" in result.warnings[0]
    paragraphs = [p.text for p in Document(io.BytesIO(out.read_bytes())).paragraphs]
    contents = paragraphs.index("Contents")
    assert "Briefing pack" in paragraphs[:contents]
    assert paragraphs.index("BRIEFING MEMORANDUM", contents) < paragraphs.index("TALKING POINTS")


def test_a_pack_takes_one_briefing_and_a_docx_or_pdf_name(sample, memo, tmp_path):
    with pytest.raises(OutputError) as info:
        export_pack([sample, sample], [memo], OfficeProfile(), tmp_path / "pack.docx")
    assert str(info.value) == (f"{tmp_path / 'pack.docx'}: a pack is made from one briefing "
                               "(choose one briefing for the pack)")
    with pytest.raises(OutputError, match="must be saved as .docx or .pdf"):
        export_pack([sample], [memo], OfficeProfile(), tmp_path / "pack.odt")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.soffice
def test_pdf_into_a_folder_leaves_only_the_pdf(sample, memo, tmp_path):
    from pdfminer.high_level import extract_text

    from briefgen.convert import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    result = export_documents([sample], [memo], OfficeProfile(), tmp_path / "out", pdf=True)
    assert result.written == [tmp_path / "out" / f"2025-08-23 {TITLE} - Briefing memo.pdf"]
    assert list((tmp_path / "out").iterdir()) == result.written
    assert "BRIEFING MEMORANDUM" in extract_text(str(result.written[0]))


@pytest.mark.parametrize("command", [export_documents, export_pack])
def test_pdf_without_libreoffice_fails_first_naming_the_chosen_file(command, sample, memo,
                                                                    tmp_path, monkeypatch):
    import briefgen.convert

    monkeypatch.setattr(briefgen.convert, "find_soffice", lambda: None)
    monkeypatch.delenv(briefgen.convert.ENV_VAR, raising=False)
    with pytest.raises(OutputError) as info:
        command([sample], [memo], OfficeProfile(), tmp_path / "memo.pdf")
    assert str(info.value) == (f"{tmp_path / 'memo.pdf'}: {briefgen.convert.NOT_INSTALLED} "
                               "(or export .docx instead)")
    assert list(tmp_path.iterdir()) == []


def test_the_pack_is_named_after_the_briefing(sample, memo):
    assert pack_target(sample, memo, OfficeProfile(), Path("/out")) == Path(
        f"/out/2025-08-23 {TITLE} - pack.docx")
