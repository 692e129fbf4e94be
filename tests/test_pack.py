"""Briefing packs: cover, contents field, every document on its own page."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from docx_helpers import part_xml

from briefgen.convert import docx_to_pdf, find_soffice, pdf_page_count
from briefgen.errors import OutputError, TemplateError
from briefgen.model import Marking
from briefgen.offices import OfficeProfile, find_office
from briefgen.pack import TOC_INSTRUCTION, build_pack, write_pack
from briefgen.templates import find_template, read_template_info
from briefgen.typography import typeset

TODAY = dt.date(2025, 8, 20)


@pytest.fixture(scope="module")
def memo():
    return find_template("briefing-memo")


def second_template(tmp_path):
    """A short one-page document with its own title and headings."""
    doc = Document()
    doc.add_paragraph("Talking Points", style="Title")
    doc.add_heading("Opening", level=1)
    doc.add_paragraph("{%p for o in objectives %}")
    doc.add_paragraph("{{ o }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_heading("If Raised", level=2)
    doc.add_paragraph("Meeting on {{ meeting.date|date }}.")
    path = tmp_path / "talking-points.docx"
    doc.save(path)
    return read_template_info(path)


def blocks(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_pack_has_cover_contents_and_each_document(sample, memo, tmp_path):
    office = OfficeProfile(letterhead=["Ministry of Foreign Affairs"], classification="SECRET",
                           date_style="uk")
    unmarked = sample.model_copy(update={"marking": Marking()})
    data = build_pack(unmarked, [memo, second_template(tmp_path)], office, today=TODAY)
    text = blocks(data)
    cover = text[:text.index("Contents") + 1]
    assert cover[:2] == ["Ministry of Foreign Affairs", ""]
    assert sample.title in cover
    assert "Briefing pack" in cover
    assert "23 August 2025" in cover and "Tokyo" in cover
    assert "Prepared 20 August 2025" in cover
    assert text.count("BRIEFING MEMORANDUM") == 1 and text.count("Talking Points") == 1
    assert text.index("BRIEFING MEMORANDUM") < text.index("Talking Points")
    for objective in sample.objectives:
        # the memo typesets (curly apostrophes), the second template prints as is
        assert sum(t in (objective, typeset(objective)) for t in text) == 2
    assert "Meeting on 23 August 2025." in text
    assert "SECRET" not in text, "the memo's header already marks every page, cover included"
    assert "SECRET" in part_xml(data, "header")


def test_contents_is_a_toc_field_updated_on_open_listing_the_headings(sample, memo, tmp_path):
    data = build_pack(sample, [memo, second_template(tmp_path)], find_office(None), today=TODAY)
    body = part_xml(data, "document")
    assert TOC_INSTRUCTION.replace('"', "&quot;") in body or TOC_INSTRUCTION in body
    assert 'w:fldCharType="begin" w:dirty="true"' in body
    assert '<w:updateFields w:val="true"/>' in part_xml(data, "settings")
    doc = Document(io.BytesIO(data))
    contents = next(p for p in doc.paragraphs if "BOTTOM LINE" in p.text)
    listed = contents.text.split("\n")
    assert listed[:3] == ["BRIEFING MEMORANDUM", "    BOTTOM LINE", "    OBJECTIVES"]
    assert "        " + sample.topics[0].title in listed
    assert listed[-3:] == ["Talking Points", "    Opening", "        If Raised"]
    headings = [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert "Contents" not in headings, "the contents do not list themselves"


def test_each_document_starts_on_a_new_page(sample, memo, tmp_path):
    data = build_pack(sample, [memo, second_template(tmp_path)], find_office(None), today=TODAY)
    doc = Document(io.BytesIO(data))
    paragraphs = doc.paragraphs
    starts = [i for i, p in enumerate(paragraphs)
              if p.text in ("BRIEFING MEMORANDUM", "Talking Points")]
    for start in starts:
        before = next(p for p in reversed(paragraphs[:start]) if p.text.strip() or p.runs)
        breaks = before._p.xpath(".//w:br[@w:type='page']")
        assert breaks, f"no page break before {paragraphs[start].text!r}"


def test_unmarked_office_has_no_banner_and_pack_properties(sample, memo):
    office = OfficeProfile(classification="")
    data = build_pack(sample, [memo], office, today=TODAY)
    doc = Document(io.BytesIO(data))
    assert not any("UNCLASSIFIED" in p.text for p in doc.paragraphs)
    assert doc.core_properties.title == f"{sample.title} \u2013 briefing pack"
    assert doc.core_properties.subject == "Briefing memo"


def test_write_pack_is_atomic_and_checks_its_arguments(sample, memo, tmp_path):
    out = tmp_path / "pack.docx"
    assert write_pack(sample, [memo], find_office(None), out, today=TODAY) == out
    assert "Briefing pack" in blocks(out.read_bytes())
    with pytest.raises(OutputError, match="a briefing pack must be saved as .docx"):
        write_pack(sample, [memo], find_office(None), tmp_path / "pack.pdf")
    with pytest.raises(OutputError, match="needs at least one template"):
        write_pack(sample, [], find_office(None), tmp_path / "empty.docx")
    assert not (tmp_path / "empty.docx").exists()


def test_broken_template_fails_the_whole_pack_and_keeps_the_old_file(sample, memo, tmp_path):
    doc = Document()
    doc.add_paragraph("{{ titel }}")
    doc.save(tmp_path / "typo.docx")
    out = tmp_path / "pack.docx"
    out.write_bytes(b"previous pack")
    with pytest.raises(TemplateError, match="typo: body: unknown variable 'titel'"):
        write_pack(sample, [memo, read_template_info(tmp_path / "typo.docx")],
                   find_office(None), out, today=TODAY)
    assert out.read_bytes() == b"previous pack"


@pytest.mark.soffice
def test_pack_converts_to_pdf_with_the_cover_in_front(sample, memo, tmp_path):
    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    pack = write_pack(sample, [memo, second_template(tmp_path)], find_office(None),
                      tmp_path / "pack.docx", today=TODAY)
    pdf = docx_to_pdf(pack, tmp_path / "pack.pdf")
    assert pdf_page_count(pdf) >= 1 + 2 + 1  # cover, the memo, the talking points


def test_cover_carries_the_banner_when_the_first_document_has_no_header(sample, tmp_path):
    unmarked = sample.model_copy(update={"marking": Marking()})
    office = OfficeProfile(classification="SECRET", caveats="NOFORN")
    text = blocks(build_pack(unmarked, [second_template(tmp_path)], office, today=TODAY))
    cover = text[:text.index("Talking Points")]
    assert cover[0] == "SECRET//NOFORN"
    assert cover.count("SECRET//NOFORN") == 2, "at the top and the foot of the cover"
