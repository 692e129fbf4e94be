"""What the built-in templates' builder (``templates/build.py``) needs beyond
python-docx: styles without theme fonts or borders, thin rules under paragraphs
and above cells, shaded cells, and rows that never split or repeat as headers."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen.docxxml.order import insert_in_order


def _remove(parent, name: str) -> None:
    found = parent.find(qn(name))
    if found is not None:
        parent.remove(found)


def plain_fonts(style) -> None:
    """Drop *style*'s own fonts (Word's heading styles name theme fonts), so it
    takes the document's: the office's font once rendered."""
    _remove(style.element.get_or_add_rPr(), "w:rFonts")


def no_border(style) -> None:
    """Drop *style*'s paragraph border (Word's Title style has a rule under it)."""
    _remove(style.element.get_or_add_pPr(), "w:pBdr")


def _thin_line(container: str, side: str, *, space: str):
    """A ``w:pBdr``/``w:tcBorders`` element holding one thin black line on *side*."""
    borders = OxmlElement(container)
    line = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", "6"), ("space", space), ("color", "000000")):
        line.set(qn(f"w:{key}"), value)
    borders.append(line)
    return borders


def rule_below(paragraph) -> None:
    """A thin line under *paragraph*."""
    insert_in_order(paragraph._p.get_or_add_pPr(), _thin_line("w:pBdr", "bottom", space="4"))


def rule_above(cell) -> None:
    """A thin line along the top of table *cell*."""
    cell._tc.get_or_add_tcPr().append(_thin_line("w:tcBorders", "top", space="0"))


def shade(cell, fill: str) -> None:
    """Fill table *cell* with the colour *fill* (``"D9D9D9"``)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def cant_split(row) -> None:
    """Keep table *row* on one page."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def repeat_header(row) -> None:
    """Repeat table *row* at the top of every page the table runs onto."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)
