"""Where paragraphs start: a new page, a level in the document outline, and
content put before the first block of a document (a pack's cover)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from briefgen.docxxml.order import insert_in_order


def _ppr(paragraph: Paragraph):
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    return ppr


def page_break_before(paragraph: Paragraph) -> None:
    """Start *paragraph* on a new page."""
    ppr = _ppr(paragraph)
    if ppr.find(qn("w:pageBreakBefore")) is None:
        insert_in_order(ppr, OxmlElement("w:pageBreakBefore"))


def outline_level(paragraph: Paragraph, level: int) -> None:
    """Put *paragraph* in the document outline (navigation pane, PDF bookmarks)
    at *level* (0 = top)."""
    ppr = _ppr(paragraph)
    element = ppr.find(qn("w:outlineLvl"))
    if element is None:
        element = insert_in_order(ppr, OxmlElement("w:outlineLvl"))
    element.set(qn("w:val"), str(level))


def first_paragraph(document: Document) -> Paragraph | None:
    """The paragraph the body starts with (an empty one is put before a table
    the body starts with); None for an empty body."""
    body = document.element.body
    first = next((c for c in body if c.tag in (qn("w:p"), qn("w:tbl"))), None)
    if first is None:
        return None
    if first.tag == qn("w:tbl"):
        first.addprevious(OxmlElement("w:p"))
        first = first.getprevious()
    return Paragraph(first, document._body)


@contextmanager
def start_of_body(document: Document) -> Iterator[Paragraph]:
    """An empty paragraph at the very start of the body, to insert content before
    (``insert_paragraph_before``, :func:`insert_before`); it goes away afterwards."""
    anchor = Paragraph(OxmlElement("w:p"), document._body)
    document.element.body.insert(0, anchor._p)
    try:
        yield anchor
    finally:
        document.element.body.remove(anchor._p)


def insert_before(anchor: Paragraph, paragraphs: Iterable) -> None:
    """Put *paragraphs* (``w:p`` elements, such as :func:`toc_paragraphs` makes)
    before *anchor*, in order."""
    for paragraph in paragraphs:
        anchor._p.addprevious(paragraph)
