"""Schema order of property containers.

WordprocessingML property containers are xsd:sequences: Word refuses a file
whose children come in another order (ECMA-376 Part 1, 17.3.1.26 pPr,
17.3.2.28 rPr, 17.6.17 sectPr, 17.15.1.78 settings).  Children of other
namespaces (w14:docId...) are extensions that belong after the sequence.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


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
        if not misplaced_children(parent):      # nearly all are in order already
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        for child in children:
            parent.remove(child)
        parent.extend(sorted(children, key=lambda c: _rank(order, c)))


def child(parent, name: str):
    """*parent*'s child *name*, added at its schema position when missing."""
    found = parent.find(qn(name))
    return found if found is not None else insert_in_order(parent, OxmlElement(name))
