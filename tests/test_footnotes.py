"""Sources as real Word footnotes: the OOXML part, the filter and the render."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx_helpers import part_xml, xml_text

from briefgen import docxxml
from briefgen.convert import find_soffice
from briefgen.model import Marking, Source
from briefgen.offices import find_office
from briefgen.render import render_briefing
from briefgen.templates import find_template, read_template_info
from briefgen.templating import citation

EVIDENCE = "Officials said some 80,000 troops are based in the two countries."


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def package(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


def test_a_document_gets_a_footnotes_part_with_separators_and_styles():
    document = Document()
    assert docxxml.next_footnote_id(document) == 1
    assert docxxml.add_footnote(document, "First note.") == 1
    assert docxxml.add_footnote(document, "Second note.") == 2
    parts = package(saved(document))

    notes = parts["word/footnotes.xml"]
    assert re.findall(r'<w:footnote (?:w:type="(\w+)" )?w:id="(-?\d+)"', notes) == [
        ("separator", "-1"), ("continuationSeparator", "0"), ("", "1"), ("", "2")]
    assert xml_text(notes) == " First note. Second note."
    assert notes.count("<w:footnoteRef/>") == 2
    assert ('PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.footnotes+xml"') in parts["[Content_Types].xml"]
    assert 'relationships/footnotes" Target="footnotes.xml"' in parts["word/_rels/document.xml.rels"]
    styles = parts["word/styles.xml"]
    assert 'w:styleId="FootnoteText"' in styles and 'w:styleId="FootnoteReference"' in styles


def test_footnotes_continue_in_a_reopened_document():
    document = Document()
    docxxml.add_footnote(document, "First note.")
    reopened = Document(io.BytesIO(saved(document)))
    assert docxxml.next_footnote_id(reopened) == 2
    assert docxxml.add_footnote(reopened, "Second note.") == 2
    notes = package(saved(reopened))["word/footnotes.xml"]
    assert xml_text(notes) == " First note. Second note."
    assert notes.count('w:type="separator"') == 1


def test_citation_of_a_source_and_of_evidence():
    source = Source(title="Summit report", publisher="Example Wire", published=dt.date(2025, 8, 24),
                    url="https://example.org/summit")
    assert citation(source, date_style="uk") == (
        "Summit report, Example Wire, 24 August 2025. https://example.org/summit")
    figure = {"evidence": EVIDENCE}
    assert citation(figure, [Source(title="Summit report")]) == f"Summit report: \u201c{EVIDENCE}\u201d"
    assert citation(figure, [source]) == (
        f"Summit report, Example Wire, August 24, 2025: \u201c{EVIDENCE}\u201d "
        "https://example.org/summit")
    assert citation({"evidence": ""}, []) == ""
    assert citation(Source(file="report.txt")) == "report.txt."
    assert citation("  See the annex.  ") == "See the annex."


@pytest.fixture
def evidenced(sample):
    figures = [f.model_copy(update={"evidence": EVIDENCE if f.unit == "US troops" else ""})
               for f in sample.figures]
    return sample.model_copy(update={"figures": figures, "marking": Marking()})


def test_the_briefing_memo_cites_figures_and_quotes_in_footnotes(evidenced):
    data = render_briefing(evidenced, find_template("briefing-memo"), find_office("uk-fcdo-desk"))
    body, notes = part_xml(data, "document"), part_xml(data, "footnotes")
    references = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', body)
    assert references == [str(n) for n in range(1, len(evidenced.figures) + len(evidenced.quotes) + 1)]
    defined = re.findall(r'<w:footnote w:id="(\d+)">', notes)
    assert defined == references
    first = re.search(r'<w:footnote w:id="1">(.*?)</w:footnote>', notes).group(1)
    assert xml_text(first) == (" News report on the Ishiba-Lee summit in Tokyo, 24 August 2025: "
                               f"\u201c{EVIDENCE}\u201d")
    assert 'w:rStyle w:val="FootnoteReference"' in body


def test_templates_without_the_manifest_key_write_no_footnotes(evidenced, tmp_path):
    builtin = find_template("briefing-memo")
    copy = tmp_path / "plain-memo.docx"
    shutil.copyfile(builtin.path, copy)
    (tmp_path / "plain-memo.toml").write_text('title = "Plain memo"\n', encoding="utf-8")
    info = read_template_info(copy)
    assert not info.footnotes
    data = render_briefing(evidenced, info, find_office("default"))
    assert "footnoteReference" not in part_xml(data, "document")
    assert "word/footnotes.xml" not in package(data)


@pytest.mark.soffice
def test_libreoffice_prints_the_footnotes(evidenced, tmp_path):
    soffice, pdftotext = find_soffice(), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("needs LibreOffice and pdftotext")
    docx = tmp_path / "note.docx"
    docx.write_bytes(render_briefing(evidenced, find_template("briefing-note"),
                                     find_office("us-embassy")))
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=120)
    text = subprocess.run([pdftotext, str(tmp_path / "note.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert " ".join(EVIDENCE.split()) in " ".join(text.split())
    assert "News report on the Ishiba-Lee summit in Tokyo, August 24, 2025" in text
