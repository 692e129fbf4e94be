"""Package clean-up: what makes a filled-in document one Word opens without complaint."""

from __future__ import annotations

from collections.abc import Iterable

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn

from briefgen.docxxml.order import sort_properties


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
APP_XML = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>briefgen</Application><AppVersion>{version}</AppVersion></Properties>")


def xml_parts(document: Document) -> list[XmlPart]:
    """Every part of *document*'s package that python-docx holds as XML."""
    return [part for part in document.part.package.iter_parts() if isinstance(part, XmlPart)]


class _Members(dict):
    """What python-docx's package writer writes, kept by member name."""

    def write(self, uri: PackURI, blob: bytes) -> None:
        self[uri.membername] = blob


def package_parts(document: Document) -> dict[str, bytes]:
    """The members python-docx would write for *document* (content types,
    relationships, parts), by name and in its order, without zipping them."""
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    members = _Members()
    PackageWriter._write_content_types_stream(members, parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    PackageWriter._write_parts(members, parts)
    return members


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


def finish_part(root) -> None:
    """Property children of one part's XML in schema order, row flags ``on``/``off``."""
    sort_properties(root)
    _on_off_only(root)


def finish_package(document: Document, version: str,
                   parts: Iterable[XmlPart] | None = None) -> None:
    """Make a filled-in document one Word opens without complaint.

    Property children go in schema order in every part (in *parts* only, when
    given: the others are finished already); ``w:zoom`` gets the
    ``w:percent`` it requires; ``app.xml`` names briefgen and claims no page
    or word counts; the Word 2010 ``stylesWithEffects`` copy (which Word 2010
    reads instead of the house-styled ``styles.xml``, and Word 2013 on never
    writes) and the template's thumbnail (a picture of another document) go.
    """
    package = document.part.package
    for part in xml_parts(document) if parts is None else parts:
        finish_part(part.element)
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
