"""Footnotes.

python-docx has no footnotes API.  A document's footnotes live in their own
part, /word/footnotes.xml, related from the document part; it starts with the
separator (id -1) and continuation separator (id 0) Word draws above notes.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, nsmap, qn
from docx.shared import Pt
from docx.styles.styles import Styles


FOOTNOTE_TEXT, FOOTNOTE_REFERENCE = "FootnoteText", "FootnoteReference"

_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>")


def footnote_reference_xml(footnote_id: int) -> str:
    """The body run that marks footnote *footnote_id* (a superscript number in Word)."""
    return (f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE}"/></w:rPr>'
            f'<w:footnoteReference w:id="{int(footnote_id)}"/></w:r>')


def _footnotes_rel(document: Document):
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel
    return None


def next_footnote_id(document: Document) -> int:
    """The id the next footnote of *document* gets (1 when it has none)."""
    rel = _footnotes_rel(document)
    if rel is None:
        return 1
    return _next_id(parse_xml(rel.target_part.blob))


def _next_id(root) -> int:
    ids = root.xpath("w:footnote/@w:id", namespaces={"w": nsmap["w"]})
    return max([0, *(int(value) for value in ids)]) + 1


def footnotes_part(document: Document, *, styles: bool = True) -> XmlPart:
    """The footnotes part of *document*, created when missing, with the footnote
    styles (unless *styles* is false: the caller has added them with
    :func:`add_footnote_styles`).

    A part python-docx loaded as plain bytes (a template saved by Word with
    footnotes) is swapped for an XML part holding the same content.
    """
    if styles:
        add_footnote_styles(document.styles)
    rel = _footnotes_rel(document)
    if rel is None:
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                       parse_xml(_FOOTNOTES_XML), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
        return part
    part = rel.target_part
    if not isinstance(part, XmlPart):
        loaded = XmlPart.load(part.partname, part.content_type, part.blob, part.package)
        for inner in part.rels.values():
            loaded.load_rel(inner.reltype, inner._target, inner.rId, inner.is_external)
        rel._target = part = loaded
    return part


def add_footnote(document: Document, text: str, footnote_id: int | None = None, *,
                 styles: bool = True) -> int:
    """Append a footnote reading *text*; return its id (the next free one unless
    *footnote_id* is given).  The body refers to it with
    :func:`footnote_reference_xml`.  *styles* as for :func:`footnotes_part`."""
    root = footnotes_part(document, styles=styles).element
    if footnote_id is None:
        footnote_id = _next_id(root)
    note = OxmlElement("w:footnote", {qn("w:id"): str(footnote_id)})
    paragraph = OxmlElement("w:p")
    paragraph.append(_styled("w:pPr", "w:pStyle", FOOTNOTE_TEXT))
    mark = OxmlElement("w:r")
    mark.append(_styled("w:rPr", "w:rStyle", FOOTNOTE_REFERENCE))
    mark.append(OxmlElement("w:footnoteRef"))
    paragraph.append(mark)
    run = OxmlElement("w:r")
    run_text = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    run_text.text = f" {text}"
    run.append(run_text)
    paragraph.append(run)
    note.append(paragraph)
    root.append(note)
    return footnote_id


def _styled(properties: str, style_tag: str, style_id: str):
    """``<w:pPr><w:pStyle w:val="ID"/></w:pPr>`` (or the run's ``rPr``/``rStyle``)."""
    props = OxmlElement(properties)
    props.append(OxmlElement(style_tag, {qn("w:val"): style_id}))
    return props


def add_footnote_styles(styles: Styles) -> None:
    """Word's "footnote text" (10 pt, single-spaced) and "footnote reference"
    (superscript) styles, unless the template defines its own."""
    ids = set(styles.element.xpath("w:style/@w:styleId"))     # no proxy per style
    if FOOTNOTE_TEXT not in ids:
        text = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
        text.element.set(qn("w:styleId"), FOOTNOTE_TEXT)
        text.base_style = styles["Normal"]
        text.font.size = Pt(10)
        text.paragraph_format.space_after = Pt(0)
        text.paragraph_format.line_spacing = 1.0
    if FOOTNOTE_REFERENCE not in ids:
        reference = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        reference.element.set(qn("w:styleId"), FOOTNOTE_REFERENCE)
        reference.font.superscript = True
