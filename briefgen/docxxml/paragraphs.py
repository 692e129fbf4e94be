"""Where paragraphs start: a new page, a level in the document outline."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen.docxxml.order import insert_in_order


def page_break_before(paragraph) -> None:
    """Start *paragraph* (a ``w:p``) on a new page."""
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        paragraph.insert(0, ppr)
    if ppr.find(qn("w:pageBreakBefore")) is None:
        insert_in_order(ppr, OxmlElement("w:pageBreakBefore"))


def outline_level(paragraph, level: int) -> None:
    """Put *paragraph* (a ``w:p``) in the document outline (navigation pane, PDF
    bookmarks) at *level* (0 = top)."""
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        paragraph.insert(0, ppr)
    element = ppr.find(qn("w:outlineLvl"))
    if element is None:
        element = insert_in_order(ppr, OxmlElement("w:outlineLvl"))
    element.set(qn("w:val"), str(level))
