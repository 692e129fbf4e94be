"""An office's house style: paper, margins, fonts and spelling language."""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.styles import Styles

PAPER_MM = {"Letter": (215.9, 279.4), "A4": (210.0, 297.0)}


def set_run_fonts(rpr, *, latin: str | None = None, east_asian: str | None = None) -> None:
    """Set the Latin and/or East Asian font of a ``w:rPr`` element."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    if latin:
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), latin)
    if east_asian:
        fonts.set(qn("w:eastAsia"), east_asian)


def _default_rpr(styles):
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    return rpr


def set_language(rpr, lang: str) -> None:
    """Spelling language of a ``w:rPr`` (``en-GB`` spell-checks British English)."""
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        rpr.append(element)
    element.set(qn("w:val"), lang)


def style_sections(document: Document, *, paper: str, margin_mm: float) -> None:
    """An office's paper size and margins for every section (in the body)."""
    width, height = PAPER_MM[paper]
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(margin_mm)
        section.top_margin = section.bottom_margin = Mm(margin_mm)


def style_styles(styles: Styles, *, font: str, size_pt: float, east_asian_font: str,
                 lang: str) -> None:
    """An office's fonts and spelling for the defaults and every style (``styles.xml``)."""
    rpr = _default_rpr(styles.element)
    set_run_fonts(rpr, latin=font, east_asian=east_asian_font)
    set_language(rpr, lang)
    normal = styles["Normal"]
    normal.font.size = Pt(size_pt)
    set_run_fonts(normal.element.get_or_add_rPr(), latin=font, east_asian=east_asian_font)
    for rpr_style in styles.element.xpath("w:style/w:rPr[w:rFonts]"):
        set_run_fonts(rpr_style, latin=font, east_asian=east_asian_font)
