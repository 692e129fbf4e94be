"""A template made ready for an office once per process, in memory only.

Most of a template is the same in every document rendered from it; what an
office changes there (:class:`HouseStyle`) is applied once, and each document
is made from the prepared package.  This uses python-docx's package reader,
unmarshaller and part classes (pinned in pyproject.toml).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from docx import Document
from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.package import Unmarshaller
from docx.opc.part import Part, PartFactory
from docx.opc.pkgreader import PackageReader
from docx.oxml import parse_xml
from docx.oxml.ns import nsmap
from docx.package import Package
from docx.styles.styles import Styles

from briefgen import docxxml
from briefgen.offices import OfficeProfile
from briefgen.safezip import write_package
from briefgen.scripts import script_fonts


@dataclass(frozen=True)
class HouseStyle:
    """What an office changes in the parts of a template that rendering does not
    fill in (its styles, numbering, settings...): the key of a prepared template."""

    font: str
    size_pt: float
    east_asian_font: str
    lang: str
    script_fonts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, office: OfficeProfile) -> HouseStyle:
        return cls(office.font, office.font_size, office.east_asian_font, office.spelling,
                   tuple(sorted(script_fonts(office).items())))

    def apply(self, styles: Styles) -> None:
        """Fonts and spelling on a styles part, then its script twins and schema order."""
        docxxml.style_styles(styles, font=self.font, size_pt=self.size_pt,
                             east_asian_font=self.east_asian_font, lang=self.lang)
        docxxml.complex_script_twins(styles.element)
        docxxml.finish_part(styles.element)


_STYLES_PLACEHOLDER = f'<w:styles xmlns:w="{nsmap["w"]}"/>'.encode()


class PreparedTemplate:
    """A template made ready for one office, once per process and in memory only.

    Most of a template is the same in every document rendered from it: the
    styles (the largest part by far), numbering, settings, theme.  The office's
    house style, script twins and schema order are applied to those parts here,
    once; ``package`` is the template so finished, its styles part a
    placeholder, and :meth:`styles` the finished ``styles.xml`` (with or without
    the footnote styles, which a document gets only when it has notes).
    ``finished`` names the XML parts rendering leaves as they are here.
    """

    def __init__(self, data: bytes, house: HouseStyle) -> None:
        document = Document(io.BytesIO(data))
        styles = document.part._styles_part      # created when the template has none
        self.house = house
        self._pristine = styles.blob
        self._styles: dict[bool, bytes] = {}
        filled = filled_in(document)
        static = [part for part in docxxml.xml_parts(document)
                  if part not in filled and part is not styles]
        docxxml.apply_scripts(document, dict(house.script_fonts), parts=static)
        for part in static:
            docxxml.finish_part(part.element)
        for rel in document.part.rels.values():     # dropped from every document
            if rel.reltype == docxxml.STYLES_WITH_EFFECTS:
                rel.target_part._blob = b""
        self.finished = frozenset(str(part.partname) for part in static)
        swap_part(document, RT.STYLES, _STYLES_PLACEHOLDER)
        self.package = write_package(docxxml.package_parts(document))
        self._reader = PackageReader.from_file(io.BytesIO(self.package))

    def document(self) -> WordDocument:
        """A new document from the prepared package (read from its zip once: the
        parts' bytes and relationships are only read to make each document)."""
        package = Package()
        Unmarshaller.unmarshal(self._reader, package, self._part)
        return package.main_document_part.document

    def _part(self, partname, content_type: str, reltype: str, blob: bytes, package) -> Part:
        """A finished part stays bytes (written as it is, never parsed), the
        settings aside (:func:`docxxml.finish_package` reads them); any other is
        made as python-docx makes it."""
        if partname in self.finished and content_type != CT.WML_SETTINGS:
            return Part(partname, content_type, blob, package)
        return PartFactory(partname, content_type, reltype, blob, package)

    def styles(self, notes: bool) -> bytes:
        """The finished ``styles.xml``; with the footnote styles when *notes*."""
        if notes not in self._styles:
            styles = Styles(parse_xml(self._pristine))
            if notes:
                docxxml.add_footnote_styles(styles)
            self.house.apply(styles)
            self._styles[notes] = serialize_part_xml(styles.element)
        return self._styles[notes]


def filled_in(document) -> set:
    """The parts docxtpl renders or briefgen sets per document: the body, its
    headers and footers, the footnotes and the core properties."""
    main = document.part
    parts = {main, main.package._core_properties_part}
    parts |= {rel.target_part for rel in main.rels.values()
              if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER)}
    parts |= {part for part in main.package.iter_parts() if part.content_type == CT.WML_FOOTNOTES}
    return parts


def swap_part(document, reltype: str, blob: bytes) -> None:
    """Put a plain part holding *blob* in place of the main part's *reltype* part
    (same name, type and relationship id)."""
    rel = next(rel for rel in document.part.rels.values() if rel.reltype == reltype)
    old = rel.target_part
    rel._target = Part(old.partname, old.content_type, blob, old.package)


@lru_cache(maxsize=16)
def prepare(data: bytes, house: HouseStyle) -> PreparedTemplate:
    """*data* (a template's bytes) made ready for *house*, once per process."""
    return PreparedTemplate(data, house)
