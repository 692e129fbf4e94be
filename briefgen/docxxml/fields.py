"""Fields (PAGE, NUMPAGES, TOC) and what Word needs to update them on opening."""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from briefgen.docxxml.order import insert_in_order
from briefgen.docxxml.text import append_text


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1"):
    """Append a complex field (e.g. ``PAGE``, ``NUMPAGES``, ``TOC \\o "1-2"``) to
    *paragraph*; *placeholder* shows until the field is updated.  Returns the
    runs so callers can style them."""
    runs = []
    for kind in ("begin", "instr", "separate", "text", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        elif kind == "text":
            run.text = placeholder
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                char.set(qn("w:dirty"), "true")
            run._r.append(char)
        runs.append(run)
    return runs


def _field_char(kind: str):
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


def toc_paragraphs(instruction: str, entries: list[tuple[int, str, str]], tab_twips: int,
                   empty: str) -> list:
    """A table of contents field over several paragraphs, as Word writes one:
    each entry (level, text, page) a paragraph indented by level with a dotted
    right tab before its page number; the field begins in the first and ends in
    the last, so Word replaces them all when it updates the field.  *empty* is
    the one line shown when there are no entries."""
    paragraphs = []
    for level, text, page in entries or [(1, empty, "")]:
        paragraph = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        paragraph.append(ppr)
        tabs = insert_in_order(ppr, OxmlElement("w:tabs"))
        tab = OxmlElement("w:tab")
        for key, value in (("val", "right"), ("leader", "dot"), ("pos", str(tab_twips))):
            tab.set(qn(f"w:{key}"), value)
        tabs.append(tab)
        insert_in_order(ppr, OxmlElement("w:spacing")).set(qn("w:after"), "40")
        indent = insert_in_order(ppr, OxmlElement("w:ind"))
        indent.set(qn("w:left"), str(360 * (level - 1)))
        run = OxmlElement("w:r")
        if level == 1:
            run.append(OxmlElement("w:rPr"))
            run[0].append(OxmlElement("w:b"))
        append_text(run, f"{text}\t{page}" if page else text)
        paragraph.append(run)
        paragraphs.append(paragraph)
    first = paragraphs[0]
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run.append(instr)
    for element in reversed([_field_char("begin"), instr_run, _field_char("separate")]):
        first.insert(1, element)
    paragraphs[-1].append(_field_char("end"))
    return paragraphs


def update_fields_on_open(document: Document) -> None:
    """Ask Word to refresh fields (page counts, TOC) when the file is opened."""
    settings = document.settings.element
    flag = settings.find(qn("w:updateFields"))
    if flag is None:
        flag = insert_in_order(settings, OxmlElement("w:updateFields"))
    flag.set(qn("w:val"), "true")
