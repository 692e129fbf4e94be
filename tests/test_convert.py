"""PDF export through LibreOffice: finding it, clear failures, and a real conversion."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from briefgen import convert
from briefgen.convert import NOT_INSTALLED, docx_to_pdf, find_soffice, pdf_page_count
from briefgen.errors import OutputError
from briefgen.offices import find_office
from briefgen.render import render_to_file
from briefgen.templates import find_template

MINIMAL_PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
               b"2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n"
               b"3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"
               b"4 0 obj <</Type/Page/Parent 2 0 R>> endobj\n%%EOF\n")


def fake_soffice(tmp_path, body: str):
    """An executable standing in for LibreOffice; *body* is its shell script."""
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir(exist_ok=True)
    program.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


@pytest.fixture
def docx(tmp_path, sample):
    return render_to_file(sample, find_template("briefing-memo"), find_office(None),
                          tmp_path / "memo.docx", today=dt.date(2025, 8, 20))


@pytest.fixture
def no_libreoffice(monkeypatch, tmp_path):
    monkeypatch.delenv(convert.ENV_VAR, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(convert, "_candidates", lambda: [])


def test_missing_libreoffice_is_one_clear_error_and_writes_nothing(no_libreoffice, docx, tmp_path):
    assert find_soffice() is None
    out = tmp_path / "memo.pdf"
    with pytest.raises(OutputError) as caught:
        docx_to_pdf(docx, out)
    assert str(caught.value) == f"{out}: {NOT_INSTALLED} (or export .docx instead)"
    assert NOT_INSTALLED == ("LibreOffice is not installed: install it (e.g. apt install "
                             "libreoffice-writer) to export PDF")
    assert not out.exists()


def test_override_that_is_not_a_program(monkeypatch, docx, tmp_path):
    monkeypatch.setenv(convert.ENV_VAR, str(tmp_path / "nowhere" / "soffice"))
    assert find_soffice() is None
    with pytest.raises(OutputError, match="BRIEFGEN_SOFFICE is set to .*which is not a program"):
        docx_to_pdf(docx, tmp_path / "memo.pdf")


def test_runs_with_a_private_profile_and_writes_the_pdf(monkeypatch, docx, tmp_path):
    log = tmp_path / "args.txt"
    program = fake_soffice(tmp_path, f"""
printf '%s\\n' "$@" > {log}
while [ $# -gt 0 ]; do
  if [ "$1" = "--outdir" ]; then outdir="$2"; fi
  last="$1"; shift
done
mkdir -p "$outdir"
printf '%%PDF-1.4 fake /Type /Page' > "$outdir/$(basename "$last" .docx).pdf"
""")
    monkeypatch.setenv(convert.ENV_VAR, str(program))
    assert find_soffice() == str(program)
    out = docx_to_pdf(docx, tmp_path / "memo.pdf")
    assert out.read_bytes() == b"%PDF-1.4 fake /Type /Page"
    args = log.read_text(encoding="utf-8").splitlines()
    profile = next(a for a in args if a.startswith("-env:UserInstallation="))
    assert profile.startswith("-env:UserInstallation=file:///")
    assert not os.path.exists(profile.split("file://", 1)[1]), "the temporary profile is removed"
    assert {"--headless", "--convert-to", "pdf:writer_pdf_Export"} <= set(args)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["args.txt", "bin", "memo.docx",
                                                          "memo.pdf"]


def test_failed_conversion_keeps_the_existing_pdf(monkeypatch, docx, tmp_path):
    program = fake_soffice(tmp_path, "echo 'Error: source file could not be loaded'\nexit 1\n")
    monkeypatch.setenv(convert.ENV_VAR, str(program))
    out = tmp_path / "memo.pdf"
    out.write_bytes(b"old")
    with pytest.raises(OutputError, match="LibreOffice could not convert memo.docx to PDF: "
                                          "Error: source file could not be loaded"):
        docx_to_pdf(docx, out)
    assert out.read_bytes() == b"old"


def test_hung_libreoffice_times_out(monkeypatch, docx, tmp_path):
    program = fake_soffice(tmp_path, "sleep 30\n")
    monkeypatch.setenv(convert.ENV_VAR, str(program))
    with pytest.raises(OutputError, match="did not finish the PDF within 0.5 seconds"):
        docx_to_pdf(docx, tmp_path / "memo.pdf", timeout=0.5)


def test_output_must_be_pdf_and_input_must_exist(tmp_path, docx):
    with pytest.raises(OutputError, match="the output must end in .pdf"):
        docx_to_pdf(docx, tmp_path / "memo.docx")
    with pytest.raises(OutputError, match="no such document to convert"):
        docx_to_pdf(tmp_path / "missing.docx", tmp_path / "memo.pdf")


def test_pdf_page_count(tmp_path):
    pdf = tmp_path / "two.pdf"
    pdf.write_bytes(MINIMAL_PDF)
    assert pdf_page_count(pdf) == 2
    pdf.write_bytes(b"<html></html>")
    with pytest.raises(OutputError, match="not a PDF whose pages can be counted"):
        pdf_page_count(pdf)


@pytest.mark.soffice
def test_real_conversion_of_the_sample_memo(docx, tmp_path):
    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    out = docx_to_pdf(docx, tmp_path / "memo.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert 4 <= pdf_page_count(out) <= 7  # two front pages, then the tabs
