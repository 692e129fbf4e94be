"""PDF readouts: real PDFs made by LibreOffice from Word files the tests build."""

from __future__ import annotations

import datetime as dt
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from briefgen.convert import docx_to_pdf, find_soffice
from briefgen.errors import SourceError
from briefgen.importing import import_sources
from briefgen.importing.pdf import read_pdf

pytestmark = [pytest.mark.soffice,
              pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")]

LEAD = ("Prime Minister Ishiba Shigeru met President Lee Jae-myung in Tokyo on 23 August 2025. "
        "The two leaders reaffirmed that close cooperation between Japan and the Republic of "
        "Korea is crucial for regional peace and stability.")
TRADE = ("Trade between the two countries reached $85 billion last year, and both sides "
         "pledged to expand cooperation on semiconductors and hydrogen energy.")


ANNEXES = [("Energy", "Both sides will study a hydrogen supply chain linking their ports."),
           ("Culture", "The working holiday scheme will be widened to 15,000 places."),
           ("Regional affairs", "The leaders discussed North Korea and the East China Sea.")]


def _statement(path: Path, pages: int = 1) -> Path:
    import docx

    word = docx.Document()
    word.core_properties.title = "Microsoft Word - statement.docx"
    if pages > 1:  # a running header, as on every page of a long readout
        word.sections[0].header.paragraphs[0].text = "Ministry of Foreign Affairs - Press Release"
    word.add_heading("Joint Statement by Japan and the Republic of Korea", 0)
    word.add_heading("Security", 1)
    word.add_paragraph(LEAD)
    word.add_paragraph("The two leaders agreed to hold regular meetings.")
    word.add_heading("Trade", 1)
    word.add_paragraph(TRADE)
    for annex in ANNEXES[:pages - 1]:
        word.add_page_break()
        word.add_heading(annex[0], 1)
        word.add_paragraph(annex[1])
    word.save(path)
    return path


def _png(width: int = 64, height: int = 64) -> bytes:
    """A grey square as a PNG, without an imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes([128]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    import docx
    from docx.shared import Cm

    folder = tmp_path_factory.mktemp("pdfs")
    made = {"statement": docx_to_pdf(_statement(folder / "statement.docx"),
                                     folder / "statement.pdf"),
            "long": docx_to_pdf(_statement(folder / "long.docx", pages=4), folder / "long.pdf")}
    (folder / "scan.png").write_bytes(_png())
    scan = docx.Document()
    scan.add_picture(str(folder / "scan.png"), width=Cm(15))
    scan.save(folder / "scan.docx")
    made["scan"] = docx_to_pdf(folder / "scan.docx", folder / "scan.pdf")
    made["locked"] = _locked_pdf(folder / "statement.docx", folder / "locked")
    return made


def _locked_pdf(source: Path, out: Path) -> Path:
    """The statement as a PDF that needs a password to open."""
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    profile = out / "profile"
    subprocess.run([find_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", options, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=120)
    return out / "statement.pdf"


def test_headings_and_paragraphs_are_kept(pdfs):
    doc = read_pdf(pdfs["statement"].read_bytes(), "statement.pdf")
    assert doc.title == "Joint Statement by Japan and the Republic of Korea"
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Security"), ("paragraph", LEAD),
        ("paragraph", "The two leaders agreed to hold regular meetings."),
        ("heading", "Trade"), ("paragraph", TRADE)]
    assert doc.published == dt.date.today()


def test_running_headers_are_left_out_of_a_long_readout(pdfs):
    doc = read_pdf(pdfs["long"].read_bytes(), "long.pdf")
    texts = [b.text for b in doc.blocks]
    assert not any("Press Release" in t for t in texts)
    assert texts[:5] == ["Security", LEAD, "The two leaders agreed to hold regular meetings.",
                         "Trade", TRADE]
    assert texts[5:] == [text for annex in ANNEXES for text in annex]


def test_a_pdf_readout_imports_its_facts(pdfs):
    b = import_sources([pdfs["statement"]], published=dt.date(2025, 8, 24)).briefing
    assert b.title == "Joint Statement by Japan and the Republic of Korea"
    assert {p.name for p in b.participants} == {"Ishiba Shigeru", "Lee Jae-myung"}
    assert b.meeting.location == "Tokyo" and b.meeting.date == dt.date(2025, 8, 23)
    assert [s.file for s in b.sources] == ["statement.pdf"]


def test_a_scanned_pdf_is_refused_with_what_to_do(pdfs):
    with pytest.raises(SourceError) as info:
        import_sources([pdfs["scan"]])
    assert str(info.value) == (
        f"{pdfs['scan']}: this PDF holds only scanned images, no text (run it through text "
        "recognition (OCR), e.g. ocrmypdf, or copy its text into a .txt file)")


def test_a_password_protected_pdf_is_refused(pdfs):
    with pytest.raises(SourceError) as info:
        import_sources([pdfs["locked"]])
    assert str(info.value) == (
        f"{pdfs['locked']}: this PDF is protected by a password (save a copy without the "
        "password, or copy its text into a .txt file)")


@pytest.mark.parametrize("content", [b"%PDF-1.4\nnot really", b"hello, this is text"])
def test_a_damaged_pdf_is_refused(tmp_path, content):
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(SourceError) as info:
        import_sources([path])
    assert str(info.value).startswith(f"{path}: not a PDF, or a damaged one (")
    assert str(info.value).endswith("(open it and save or export it as PDF again)")


def test_reading_a_long_pdf_reports_progress_and_can_be_cancelled(pdfs):
    from briefgen.errors import Cancelled

    seen = []
    import_sources([pdfs["long"]], progress=lambda done, total: seen.append((done, total)))
    total = seen[-1][1]
    assert seen[-1] == (total, total)
    assert len([1 for done, _ in seen if 0 < done < total / 2]) >= 3  # pages 1, 2, 3 of 4

    def stop(done, total):
        if done:
            raise Cancelled("import cancelled")

    with pytest.raises(Cancelled):
        import_sources([pdfs["long"]], progress=stop)
