"""Runs in other scripts.

Word sets East Asian text in the rFonts/@eastAsia font and tags it with
lang/@eastAsia; Arabic, Hebrew, Thai and Devanagari use rFonts/@cs, lang/@bidi
and the complex-script twins of bold, italic and size (bCs, iCs, szCs);
right-to-left runs need w:rtl and right-to-left paragraphs w:bidi.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable

from docx.document import Document
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from lxml import etree

from briefgen import scripts
from briefgen.docxxml.order import child
from briefgen.docxxml.package import xml_parts
from briefgen.docxxml.text import append_text


_TWINS = (("w:b", "w:bCs"), ("w:i", "w:iCs"), ("w:sz", "w:szCs"))
_TWIN_TAGS = tuple((qn(latin), qn(complex_), complex_, latin == "w:sz")
                   for latin, complex_ in _TWINS)
_TWINNABLE = etree.XPath(".//w:rPr[w:b or w:i or w:sz]", namespaces={"w": nsmap["w"]})
"""The run properties that have a twin to set (most have none)."""
_BEYOND_LATIN = re.compile("[^\x00-\u058f]")
"""A character of a script that needs its own font slot or direction (U+0590 on)."""
_W_T, _W_P = qn("w:t"), qn("w:p")


def complex_script_twins(root) -> None:
    """Every ``w:rPr`` in *root* gets ``w:bCs``/``w:iCs`` beside ``w:b``/``w:i`` and
    a ``w:szCs`` equal to its ``w:sz``: bold, italic and size then hold for
    Arabic, Hebrew, Thai and Devanagari too."""
    for rpr in _TWINNABLE(root):
        for latin, complex_tag, complex_, always in _TWIN_TAGS:
            source = rpr.find(latin)
            if source is None or (not always and rpr.find(complex_tag) is not None):
                continue
            twin = child(rpr, complex_)
            for key in list(twin.attrib):
                del twin.attrib[key]
            for key, value in source.attrib.items():
                twin.set(key, value)


def script_run_properties(rpr, kind: str, lang: str, font: str) -> None:
    """Font slot, language and direction of a run of one script (see
    :mod:`briefgen.scripts` for *kind*)."""
    if kind not in (scripts.EAST_ASIAN, scripts.COMPLEX, scripts.RTL):
        return
    fonts = child(rpr, "w:rFonts")
    language = child(rpr, "w:lang")
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
    child(rpr, "w:rtl" if kind == scripts.RTL else "w:cs")


def script_run_xml(text: str, lang: str, font: str) -> str:
    """A run of *text* in its own script (a native name): the right font slot and
    language tag for *lang*, right to left where the script is."""
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    run.append(rpr)
    kind = (scripts.EAST_ASIAN if scripts.is_east_asian(lang)
            else scripts.RTL if scripts.is_rtl(text) else scripts.COMPLEX)
    script_run_properties(rpr, kind, lang, font)
    append_text(run, text)
    return etree.tostring(run, encoding="unicode")


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


def apply_scripts(document: Document, fonts: dict[str, str], default_han: str = "zh-CN",
                  parts: Iterable[XmlPart] | None = None) -> None:
    """Give text in every script its font slot, language and direction, in the
    body, headers, footers and footnotes; complex-script twins everywhere (in
    *parts* only, when given)."""
    for part in xml_parts(document) if parts is None else parts:
        root = part.element
        for paragraph in _beyond_latin(root):
            _script_paragraph(paragraph, fonts, default_han)
        complex_script_twins(root)


def _beyond_latin(root) -> list:
    """The paragraphs in *root* with a ``w:t`` holding a character that may need
    its own font slot, language or direction, in order: the only ones whose runs
    can change (most paragraphs have none, curly quotes and dashes aside)."""
    found: dict = {}
    for text in root.iter(_W_T):
        if text.text and scripts.needs_script_slot(text.text):
            paragraph = next(text.iterancestors(_W_P), None)
            if paragraph is not None:
                found[paragraph] = None
    return list(found)


def _script_paragraph(paragraph, fonts, default_han) -> None:
    runs = [r for r in paragraph.iter(qn("w:r"))
            if next(r.iterancestors(qn("w:p")), None) is paragraph]
    texts = [(run, _run_text(run)) for run in runs]
    whole = "".join(text or "" for _, text in texts)
    beyond = "".join(_BEYOND_LATIN.findall(whole))   # Latin is never RTL and has no language
    if not beyond:
        return
    rtl = any(scripts.char_kind(c)[0] == scripts.RTL for c in beyond) and scripts.is_rtl(whole)
    if rtl:
        child(_child_first(paragraph, "w:pPr"), "w:bidi")
    han = scripts.han_language(beyond, default_han)
    for run, text in texts:
        if not text or not _BEYOND_LATIN.search(text) or _tagged(run.find(qn("w:rPr"))):
            continue
        for segment in scripts.segments(text, rtl_paragraph=rtl, han=han):
            piece = OxmlElement("w:r")
            rpr = run.find(qn("w:rPr"))
            piece.append(copy.deepcopy(rpr) if rpr is not None else OxmlElement("w:rPr"))
            script_run_properties(piece[0], segment.kind, segment.lang,
                                  scripts.font_for(fonts, segment.lang))
            if not len(piece[0]):
                piece.remove(piece[0])
            append_text(piece, segment.text)
            run.addprevious(piece)
        run.getparent().remove(run)


def _child_first(parent, name: str):
    """*parent*'s first child *name* (``w:pPr`` of a paragraph), added when missing."""
    found = parent.find(qn(name))
    if found is None:
        found = OxmlElement(name)
        parent.insert(0, found)
    return found
