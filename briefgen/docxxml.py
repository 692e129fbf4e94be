"""The raw OOXML briefgen needs where python-docx has no API.

All of briefgen's direct WordprocessingML work lives here behind a small API:
fields (PAGE, NUMPAGES, TOC), East Asian fonts (``w:eastAsia``), language,
page size and margins, and footnotes (``/word/footnotes.xml``).
"""

from __future__ import annotations

import copy

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, nsmap, qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from briefgen import scripts

PAPER_MM = {"Letter": (215.9, 279.4), "A4": (210.0, 297.0)}
CORE_PROPERTIES_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def _restore_core_properties_prefix() -> None:
    """Undo docxcompose's import-time change of python-docx's ``cp`` prefix.

    docxcompose (imported by docxtpl) maps ``cp`` to the custom-properties
    namespace for the whole process; python-docx then writes
    ``lastModifiedBy`` and ``revision`` into the wrong namespace and Word
    reports the file as unreadable.  docxcompose keeps its own mapping, so
    restoring the standard one costs it nothing.
    """
    import docxcompose.utils  # noqa: F401  (the import that changes the prefix)

    nsmap["cp"] = CORE_PROPERTIES_NS


_restore_core_properties_prefix()


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
        _append_text(run, f"{text}\t{page}" if page else text)
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


def update_fields_on_open(document: Document) -> None:
    """Ask Word to refresh fields (page counts, TOC) when the file is opened."""
    settings = document.settings.element
    flag = settings.find(qn("w:updateFields"))
    if flag is None:
        flag = insert_in_order(settings, OxmlElement("w:updateFields"))
    flag.set(qn("w:val"), "true")


# --- schema order ------------------------------------------------------------------
# WordprocessingML property containers are xsd:sequences: Word refuses a file
# whose children come in another order (ECMA-376 Part 1, 17.3.1.26 pPr,
# 17.3.2.28 rPr, 17.6.17 sectPr, 17.15.1.78 settings).  Children of other
# namespaces (w14:docId...) are extensions that belong after the sequence.

def _sequence(names: str) -> dict[str, int]:
    return {qn(f"w:{name}") if ":" not in name else qn(name): i
            for i, name in enumerate(names.split())}


SCHEMA_ORDER: dict[str, dict[str, int]] = {
    qn("w:pPr"): _sequence(
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
        "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"),
    qn("w:rPr"): _sequence(
        "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline "
        "shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position "
        "sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
        "specVanish oMath rPrChange"),
    qn("w:sectPr"): _sequence(
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
        "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection "
        "bidi rtlGutter docGrid printerSettings sectPrChange"),
    qn("w:settings"): _sequence(
        "writeProtection view zoom removePersonalInformation removeDateAndTime "
        "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
        "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
        "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
        "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
        "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate "
        "linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge "
        "revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection "
        "autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
        "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength "
        "clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting "
        "bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
        "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery "
        "displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin "
        "drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData "
        "noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars "
        "noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema "
        "saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml "
        "saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
        "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat "
        "docVars rsids m:mathPr attachedSchema themeFontLang clrSchemeMapping "
        "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
        "readModeInkLockDown smartTagType sl:schemaLibrary shapeDefaults doNotEmbedSmartTags "
        "decimalSymbol listSeparator"),
}


def _rank(order: dict[str, int], child) -> int:
    return order.get(child.tag, len(order))


def insert_in_order(parent, child):
    """Insert *child* into a ``w:pPr``/``w:rPr``/``w:sectPr``/``w:settings``
    at its schema position (after its predecessors); return it."""
    order = SCHEMA_ORDER[parent.tag]
    rank = _rank(order, child)
    for index, existing in enumerate(parent):
        if _rank(order, existing) > rank:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def misplaced_children(parent) -> list[str]:
    """Local names of *parent*'s children that come after one that must follow them."""
    order = SCHEMA_ORDER[parent.tag]
    found, highest = [], -1
    for child in parent:
        if not isinstance(child.tag, str):
            continue
        rank = _rank(order, child)
        if rank < highest:
            found.append(child.tag.rsplit("}", 1)[-1])
        highest = max(highest, rank)
    return found


def property_containers(root):
    """Every ``w:pPr``, ``w:rPr``, ``w:sectPr`` and ``w:settings`` in *root* (itself included)."""
    return [e for e in root.iter(*SCHEMA_ORDER)]


def sort_properties(root) -> None:
    """Put the children of every property container in *root* in schema order."""
    for parent in property_containers(root):
        order = SCHEMA_ORDER[parent.tag]
        children = [c for c in parent if isinstance(c.tag, str)]
        ranked = sorted(children, key=lambda c: _rank(order, c))
        if ranked != children:
            for child in children:
                parent.remove(child)
            parent.extend(ranked)


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


def _default_rpr(document: Document):
    styles = document.styles.element
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


def apply_house_style(document: Document, *, paper: str, margin_mm: float, font: str,
                      size_pt: float, east_asian_font: str, lang: str) -> None:
    """An office's paper size, margins, fonts and spelling for every section and style."""
    width, height = PAPER_MM[paper]
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(margin_mm)
        section.top_margin = section.bottom_margin = Mm(margin_mm)
    rpr = _default_rpr(document)
    set_run_fonts(rpr, latin=font, east_asian=east_asian_font)
    set_language(rpr, lang)
    normal = document.styles["Normal"]
    normal.font.size = Pt(size_pt)
    set_run_fonts(normal.element.get_or_add_rPr(), latin=font, east_asian=east_asian_font)
    for rpr_style in document.styles.element.xpath("w:style/w:rPr[w:rFonts]"):
        set_run_fonts(rpr_style, latin=font, east_asian=east_asian_font)


# --- scripts ------------------------------------------------------------------------
# Word sets East Asian text in the rFonts/@eastAsia font and tags it with
# lang/@eastAsia; Arabic, Hebrew, Thai and Devanagari use rFonts/@cs, lang/@bidi
# and the complex-script twins of bold, italic and size (bCs, iCs, szCs);
# right-to-left runs need w:rtl and right-to-left paragraphs w:bidi.

_TWINS = (("w:b", "w:bCs"), ("w:i", "w:iCs"), ("w:sz", "w:szCs"))


def _child(parent, name: str):
    """*parent*'s child *name*, added at its schema position when missing."""
    found = parent.find(qn(name))
    return found if found is not None else insert_in_order(parent, OxmlElement(name))


def complex_script_twins(root) -> None:
    """Every ``w:rPr`` in *root* gets ``w:bCs``/``w:iCs`` beside ``w:b``/``w:i`` and
    a ``w:szCs`` equal to its ``w:sz``: bold, italic and size then hold for
    Arabic, Hebrew, Thai and Devanagari too."""
    for rpr in root.iter(qn("w:rPr")):
        for latin, complex_ in _TWINS:
            source = rpr.find(qn(latin))
            if source is None or (latin != "w:sz" and rpr.find(qn(complex_)) is not None):
                continue
            twin = _child(rpr, complex_)
            for key in list(twin.attrib):
                del twin.attrib[key]
            for key, value in source.attrib.items():
                twin.set(key, value)


def script_run_properties(rpr, kind: str, lang: str, font: str) -> None:
    """Font slot, language and direction of a run of one script (see
    :mod:`briefgen.scripts` for *kind*)."""
    if kind not in (scripts.EAST_ASIAN, scripts.COMPLEX, scripts.RTL):
        return
    fonts = _child(rpr, "w:rFonts")
    language = _child(rpr, "w:lang")
    if kind == scripts.EAST_ASIAN:
        if font:
            fonts.set(qn("w:eastAsia"), font)
        fonts.set(qn("w:hint"), "eastAsia")
        language.set(qn("w:eastAsia"), lang)
        return
    if font:
        fonts.set(qn("w:cs"), font)
    fonts.set(qn("w:hint"), "cs")
    language.set(qn("w:bidi"), lang)
    _child(rpr, "w:rtl" if kind == scripts.RTL else "w:cs")


def script_run_xml(text: str, lang: str, font: str) -> str:
    """A run of *text* in its own script (a native name): the right font slot and
    language tag for *lang*, right to left where the script is."""
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    run.append(rpr)
    kind = (scripts.EAST_ASIAN if scripts.is_east_asian(lang)
            else scripts.RTL if scripts.is_rtl(text) else scripts.COMPLEX)
    script_run_properties(rpr, kind, lang, font)
    _append_text(run, text)
    return etree.tostring(run, encoding="unicode")


def _append_text(run, text: str) -> None:
    """Append *text* to *run* as ``w:t``, with ``w:br`` for newlines and ``w:tab`` for tabs."""
    buffer = ""
    for char in text + "\n":
        if char not in "\n\t":
            buffer += char
            continue
        if buffer:
            element = OxmlElement("w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = buffer
            run.append(element)
            buffer = ""
        run.append(OxmlElement("w:tab" if char == "\t" else "w:br"))
    run.remove(run[-1])  # the break for the newline added above


_RUN_TEXT = {qn("w:t"): None, qn("w:br"): "\n", qn("w:tab"): "\t"}


def _run_text(run) -> str | None:
    """The text of a run made only of text, breaks and tabs; None for other runs."""
    parts = []
    for child in run:
        if child.tag == qn("w:rPr"):
            continue
        if child.tag not in _RUN_TEXT:
            return None
        parts.append(child.text or "" if child.tag == qn("w:t") else _RUN_TEXT[child.tag])
    return "".join(parts)


def _tagged(rpr) -> bool:
    language = rpr.find(qn("w:lang")) if rpr is not None else None
    return language is not None and bool(language.get(qn("w:eastAsia")) or language.get(qn("w:bidi")))


def apply_scripts(document: Document, fonts: dict[str, str], default_han: str = "zh-CN") -> None:
    """Give text in every script its font slot, language and direction, in the
    body, headers, footers and footnotes; complex-script twins everywhere."""
    for part in document.part.package.iter_parts():
        if not isinstance(part, XmlPart):
            continue
        root = part.element
        for paragraph in root.iter(qn("w:p")):
            _script_paragraph(paragraph, fonts, default_han)
        complex_script_twins(root)


def _script_paragraph(paragraph, fonts, default_han) -> None:
    runs = [r for r in paragraph.iter(qn("w:r"))
            if next(r.iterancestors(qn("w:p")), None) is paragraph]
    texts = [(run, _run_text(run)) for run in runs]
    whole = "".join(text or "" for _, text in texts)
    if all(ord(char) < 0x0590 for char in whole):
        return
    rtl = scripts.is_rtl(whole)
    if rtl:
        _child(_child_first(paragraph, "w:pPr"), "w:bidi")
    han = scripts.han_language(whole, default_han)
    for run, text in texts:
        if not text or all(ord(char) < 0x0590 for char in text) or _tagged(run.find(qn("w:rPr"))):
            continue
        for segment in scripts.segments(text, rtl_paragraph=rtl, han=han):
            piece = OxmlElement("w:r")
            rpr = run.find(qn("w:rPr"))
            piece.append(copy.deepcopy(rpr) if rpr is not None else OxmlElement("w:rPr"))
            script_run_properties(piece[0], segment.kind, segment.lang,
                                  scripts.font_for(fonts, segment.lang))
            if not len(piece[0]):
                piece.remove(piece[0])
            _append_text(piece, segment.text)
            run.addprevious(piece)
        run.getparent().remove(run)


def _child_first(parent, name: str):
    """*parent*'s first child *name* (``w:pPr`` of a paragraph), added when missing."""
    found = parent.find(qn(name))
    if found is None:
        found = OxmlElement(name)
        parent.insert(0, found)
    return found


# --- package clean-up ----------------------------------------------------------------

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
APP_XML = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>briefgen</Application><AppVersion>{version}</AppVersion></Properties>")


def app_version(version: str) -> str:
    """``0.1.0`` -> ``00.0001``: the ``XX.YYYY`` form AppVersion must take."""
    major, minor = ([int(p) for p in version.split(".")[:2] if p.isdigit()] + [0, 0])[:2]
    return f"{major:02d}.{minor:04d}"


def _on_off_only(root) -> None:
    """Row properties take only ``on``/``off`` (Office's schema for ``w:trPr``):
    write ``true``/``1`` as Word does (no value) and ``false``/``0`` as ``off``."""
    for flag in root.iter(qn("w:cantSplit"), qn("w:tblHeader"), qn("w:hidden")):
        value = flag.get(qn("w:val"))
        if value in ("true", "1"):
            del flag.attrib[qn("w:val")]
        elif value in ("false", "0"):
            flag.set(qn("w:val"), "off")


def finish_package(document: Document, version: str) -> None:
    """Make a filled-in document one Word opens without complaint.

    Property children go in schema order in every part; ``w:zoom`` gets the
    ``w:percent`` it requires; ``app.xml`` names briefgen and claims no page
    or word counts; the Word 2010 ``stylesWithEffects`` copy (which Word 2010
    reads instead of the house-styled ``styles.xml``, and Word 2013 on never
    writes) and the template's thumbnail (a picture of another document) go.
    """
    package = document.part.package
    for part in package.iter_parts():
        if isinstance(part, XmlPart):
            sort_properties(part.element)
            _on_off_only(part.element)
    zoom = document.settings.element.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")
    for rId, rel in list(document.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            document.part.drop_rel(rId)
    for rId, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            package.rels.pop(rId)
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES,
               APP_XML.format(version=app_version(version)).encode("utf-8"), package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)


# --- footnotes -------------------------------------------------------------------
# python-docx has no footnotes API.  A document's footnotes live in their own
# part, /word/footnotes.xml, related from the document part; it starts with the
# separator (id -1) and continuation separator (id 0) Word draws above notes.

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


def footnotes_part(document: Document) -> XmlPart:
    """The footnotes part of *document*, created (with its styles) when missing.

    A part python-docx loaded as plain bytes (a template saved by Word with
    footnotes) is swapped for an XML part holding the same content.
    """
    _add_footnote_styles(document)
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


def add_footnote(document: Document, text: str, footnote_id: int | None = None) -> int:
    """Append a footnote reading *text*; return its id (the next free one unless
    *footnote_id* is given).  The body refers to it with
    :func:`footnote_reference_xml`."""
    root = footnotes_part(document).element
    if footnote_id is None:
        footnote_id = _next_id(root)
    note = OxmlElement("w:footnote")
    note.set(qn("w:id"), str(footnote_id))
    paragraph = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), FOOTNOTE_TEXT)
    ppr.append(style)
    paragraph.append(ppr)
    mark = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    ref_style = OxmlElement("w:rStyle")
    ref_style.set(qn("w:val"), FOOTNOTE_REFERENCE)
    rpr.append(ref_style)
    mark.append(rpr)
    mark.append(OxmlElement("w:footnoteRef"))
    paragraph.append(mark)
    run = OxmlElement("w:r")
    run_text = OxmlElement("w:t")
    run_text.set(qn("xml:space"), "preserve")
    run_text.text = f" {text}"
    run.append(run_text)
    paragraph.append(run)
    note.append(paragraph)
    root.append(note)
    return footnote_id


def _add_footnote_styles(document: Document) -> None:
    """Word's "footnote text" (10 pt, single-spaced) and "footnote reference"
    (superscript) styles, unless the template defines its own."""
    styles = document.styles
    ids = {style.style_id for style in styles}
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
