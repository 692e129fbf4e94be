"""docxxml's reading and placing API: what check and pack rely on, on small documents."""

from __future__ import annotations

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen import docxxml
from briefgen.docxxml import reading


def test_paragraphs_are_located_as_a_word_user_finds_them():
    doc = Document()
    doc.add_paragraph("Intro")
    table = doc.add_table(rows=2, cols=2)
    table.cell(1, 1).paragraphs[0].text = "first"
    table.cell(1, 1).add_paragraph("second")
    doc.add_paragraph("After\tthe table")
    found = [(p.location, p.text) for p in reading.paragraphs(doc.element.body, "section 1")
             if p.text]
    assert found == [("section 1, paragraph 1", "Intro"),
                     ("section 1, table 1, row 2, cell 2, paragraph 1", "first"),
                     ("section 1, table 1, row 2, cell 2, paragraph 2", "second"),
                     ("section 1, paragraph 2", "After\tthe table")]


def test_stories_name_each_distinct_header_and_footer():
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "top"
    doc.sections[0].different_first_page_header_footer = True
    doc.sections[0].first_page_header.paragraphs[0].text = "cover top"
    assert [(part, qualifier) for part, qualifier, _ in reading.stories(doc)] == [
        ("body", ""), ("header", "section 1 header"), ("header", "section 1 first-page header")]


def test_formatting_key_ignores_what_word_changes_by_itself():
    doc = Document()
    p = doc.add_paragraph()
    plain, proofed, bold = p.add_run("a"), p.add_run("b"), p.add_run("c")
    proofed._r.get_or_add_rPr().append(OxmlElement("w:noProof"))
    bold.bold = True
    assert reading.run_format(plain._r) == reading.run_format(proofed._r)
    assert reading.run_format(plain._r) != reading.run_format(bold._r)


def test_runs_split_across_a_hyperlink_or_field():
    doc = Document()
    p = doc.add_paragraph()
    first, second = p.add_run("{{ ti"), p.add_run("tle }}")
    assert not reading.split_across([first._r, second._r])
    link = OxmlElement("w:hyperlink")
    p._p.append(link)
    link.append(second._r)
    assert reading.split_across([first._r, second._r])
    third = p.add_run()
    third._r.append(OxmlElement("w:fldChar"))
    assert reading.split_across([first._r, third._r])


def test_enclosing_row_and_cell_and_their_text():
    doc = Document()
    cell = doc.add_table(rows=1, cols=2).cell(0, 0)
    cell.paragraphs[0].text = "{%tr for x in topics %}"
    p = cell.paragraphs[0]._p
    assert reading.enclosing(p, "tc") is cell._tc
    assert reading.text_of(reading.enclosing(p, "tr")) == "{%tr for x in topics %}"
    assert reading.enclosing(doc.add_paragraph()._p, "tc") is None


def test_content_goes_before_the_first_block_and_the_anchor_goes_away():
    doc = Document()
    doc.add_table(rows=1, cols=1)
    first = docxxml.first_paragraph(doc)
    assert first is not None and first._p.getnext().tag == qn("w:tbl")
    docxxml.page_break_before(first)
    docxxml.outline_level(first, 0)
    assert first.paragraph_format.page_break_before
    with docxxml.start_of_body(doc) as anchor:
        anchor.insert_paragraph_before("Cover")
        docxxml.insert_before(anchor, docxxml.toc_paragraphs("TOC", [(1, "Memo", "2")], 9000, ""))
    assert [p.text for p in doc.paragraphs] == ["Cover", "Memo\t2", ""]
    assert docxxml.misplaced_children(first._p.pPr) == []
