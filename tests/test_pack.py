"""Briefing packs: cover, contents field, every document on its own page."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document
from docx_helpers import part_xml

from briefgen.cli import main
from briefgen.convert import docx_to_pdf, find_soffice, pdf_page_count
from briefgen.errors import OutputError, TemplateError
from briefgen.model import Marking
from briefgen.offices import OfficeProfile, find_office
from briefgen.pack import TOC_INSTRUCTION, build_pack, pdf_bookmarks, toc_instruction, write_pack
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


def cover_and_rest(data: bytes) -> tuple[list, list]:
    """The cover's paragraphs and the documents' (the first starts a new page)."""
    paragraphs = Document(io.BytesIO(data)).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p._p.xpath("w:pPr/w:pageBreakBefore"))
    return paragraphs[:start], paragraphs[start:]


def contents(data: bytes) -> list[tuple[int, str]]:
    """(indent level, text) of each contents line."""
    cover, _ = cover_and_rest(data)
    lines = [p for p in cover if p._p.xpath("w:pPr/w:tabs/w:tab[@w:leader='dot']")]
    return [(int(p._p.xpath("string(w:pPr/w:ind/@w:left)")) // 360 + 1, p.text) for p in lines]


def test_pack_has_cover_contents_and_each_document(sample, memo, tmp_path):
    office = OfficeProfile(letterhead=["Ministry of Foreign Affairs"], classification="SECRET",
                           date_style="uk")
    unmarked = sample.model_copy(update={"marking": Marking()})
    data = build_pack(unmarked, [memo, second_template(tmp_path)], office, today=TODAY)
    cover, rest = (list(p.text for p in part) for part in cover_and_rest(data))
    text = blocks(data)
    assert cover[:2] == ["Ministry of Foreign Affairs", ""]
    assert sample.title in cover
    assert "Briefing pack" in cover
    assert "23 August 2025" in cover and "Tokyo" in cover
    assert "Prepared 20 August 2025" in cover
    assert not any("think tank" in line or "Default office" in line for line in cover)
    assert rest.count("BRIEFING MEMORANDUM") == 1 and rest.count("Talking Points") == 1
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
    # 31 headings do not fit on the cover: the contents stop at Heading 1
    assert f" {toc_instruction(2)} " in body
    assert body.count('w:fldCharType="begin" w:dirty="true"') >= 1
    assert '<w:updateFields w:val="true"/>' in part_xml(data, "settings")
    doc = Document(io.BytesIO(data))
    listed = contents(data)
    assert listed[:3] == [(1, "BRIEFING MEMORANDUM"), (2, "BOTTOM LINE"), (2, "OBJECTIVES")]
    assert listed[-2:] == [(1, "Talking Points"), (2, "Opening")]
    headings = [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert "Contents" not in headings, "the contents do not list themselves"
    small = build_pack(sample, [second_template(tmp_path)], find_office(None), today=TODAY)
    assert contents(small) == [(1, "Talking Points"), (2, "Opening"), (3, "If Raised")]
    assert TOC_INSTRUCTION == toc_instruction(3)
    assert f" {TOC_INSTRUCTION} " in part_xml(small, "document")


def test_each_document_starts_on_a_new_page(sample, memo, tmp_path):
    data = build_pack(sample, [memo, second_template(tmp_path)], find_office(None), today=TODAY)
    _, rest = cover_and_rest(data)
    second = next(i for i, p in enumerate(rest) if p.text == "Talking Points")
    for start in (rest[0], rest[second]):
        assert start._p.xpath("w:pPr/w:pageBreakBefore"), start.text
    before = rest[second - 1]
    assert not before._p.xpath(".//w:br[@w:type='page']"), "no page-break paragraph (blank pages)"


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
    with pytest.raises(OutputError, match="a briefing pack must be saved as .docx or .pdf"):
        write_pack(sample, [memo], find_office(None), tmp_path / "pack.odt")
    with pytest.raises(OutputError, match="needs at least one template"):
        write_pack(sample, [], find_office(None), tmp_path / "empty.docx")
    assert not (tmp_path / "empty.docx").exists()


def test_broken_template_fails_the_whole_pack_and_keeps_the_old_file(sample, memo, tmp_path):
    doc = Document()
    doc.add_paragraph("{{ titel }}")
    doc.save(tmp_path / "typo.docx")
    out = tmp_path / "pack.docx"
    out.write_bytes(b"previous pack")
    with pytest.raises(TemplateError, match=r"^typo: body: \{\{ titel \}\}: unknown variable 'titel' "):
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


def pdf_pages(pdf) -> list[str]:
    from pdfminer.high_level import extract_text

    return [" ".join(extract_text(str(pdf), page_numbers=[n]).split())
            for n in range(pdf_page_count(pdf))]


@pytest.mark.soffice
def test_a_pdf_pack_has_page_numbers_in_its_contents_and_no_blank_page(sample, tmp_path):
    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    templates = [find_template(n) for n in ("briefing-memo", "talking-points", "participant-bios")]
    office = find_office("think-tank")
    docx = write_pack(sample, templates, office, tmp_path / "pack.docx", today=TODAY)
    pdf = main_pack_pdf(sample, tmp_path)
    pages = pdf_pages(pdf)
    numbers = {title: page for title, page in pdf_bookmarks(pdf)}
    listed = [line for _level, line in contents(docx.read_bytes())]
    assert {"briefing memorandum", "talking points", "participant biographies"} <= set(numbers)
    for title in ("BRIEFING MEMORANDUM", "TALKING POINTS", "PARTICIPANT BIOGRAPHIES"):
        assert title in listed
        page = numbers[title.casefold()]
        assert page > 1 and title in pages[page - 1]
        assert re.search(re.escape(title) + r" ?\.{5,} ?" + str(page) + r"\b", pages[0]), title
    assert "think tank" not in pages[0] and "Prepared 20 August 2025" in pages[0]
    for number, text in enumerate(pages, 1):
        for noise in ("UNCLASSIFIED", f"Page {number} of {len(pages)}"):
            text = text.replace(noise, "")
        assert text.strip(), f"page {number} is blank"


def main_pack_pdf(sample, tmp_path):
    """`briefgen render BRIEF -t ... --pack pack.pdf`, as a user runs it."""
    brief = tmp_path / "brief.json"
    brief.write_text(sample.model_dump_json(), encoding="utf-8")
    out = tmp_path / "pack.pdf"
    assert main(["render", str(brief), "-t", "briefing-memo", "-t", "talking-points",
                 "-t", "participant-bios", "--office", "think-tank", "--pack", str(out),
                 "--date", TODAY.isoformat()]) == 0
    return out


def test_cover_carries_the_banner_when_the_first_document_has_no_header(sample, tmp_path):
    unmarked = sample.model_copy(update={"marking": Marking()})
    office = OfficeProfile(classification="SECRET", caveats="NOFORN")
    data = build_pack(unmarked, [second_template(tmp_path)], office, today=TODAY)
    cover = [p.text for p in cover_and_rest(data)[0]]
    assert cover[0] == "SECRET//NOFORN"
    assert cover.count("SECRET//NOFORN") == 2, "at the top and the foot of the cover"
