"""The Word content policy: nothing that loads or runs outside content.

A template (and every document rendered from it) may not link to external
files or pictures, attach templates, include sub-documents, frames or
alternative-format chunks, run DDE/INCLUDE/LINK/IMPORT fields, carry macros,
ActiveX controls or OLE objects, or declare a ``<!DOCTYPE>``: Word, LibreOffice
or the preview would fetch, run or expand them when the document is opened
(tracking pixels, NTLM hashes leaking over UNC paths, code, entity bombs).
Hyperlinks to http, https and mailto addresses stay: they only open on a click.

The rules are data; :func:`scan` applies them to the parts of a package read
by :func:`briefgen.safezip.read_package`, and :func:`enforce` refuses the first
finding with one located line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from briefgen.errors import BriefgenError, TemplateSecurityError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
O = "urn:schemas-microsoft-com:office:office"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

LOAD, RUN, PARSE = "load outside content", "run code", "declare XML entities"
_REMOVE = "remove it in Word and save the template again"
_NO_CODE = "save it from Word as a .docx (Word Document), not .docm or .dotm"
_OLE = "paste the object as a picture (Paste Special › Picture) instead"

# Relationship types (last path segment) that are refused whatever their target.
REL_TYPES = {
    "attachedTemplate": ("attaches a template", LOAD,
                         "remove it in Word: Developer › Document Template"),
    "subDocument": ("includes a sub-document", LOAD, "copy its text into the template"),
    "frame": ("shows a frame", LOAD, _REMOVE),
    "aFChunk": ("imports an alternative-format chunk (altChunk)", LOAD,
                "copy its text into the template"),
    "oleObject": ("holds an OLE object", RUN, _OLE),
    "package": ("embeds a package (an OLE object or a chart's workbook)", RUN, _OLE),
    "control": ("holds an ActiveX control", RUN, _REMOVE),
    "activeXControlBinary": ("holds an ActiveX control", RUN, _REMOVE),
    "vbaProject": ("holds macros", RUN, _NO_CODE),
    "wordVbaData": ("holds macro data", RUN, _NO_CODE),
    "keyMapCustomizations": ("holds macro key bindings", RUN, _NO_CODE),
}
# Hints for external links by relationship type.
EXTERNAL_HINTS = {
    "attachedTemplate": "remove it in Word: Developer › Document Template",
    "image": "insert the picture itself instead of a link to it",
    "hyperlink": "link to an http, https or mailto address instead",
}
SAFE_LINK = re.compile(r"(?i)^(https?://[^\\/\s]|mailto:)")

# Part names (case-insensitive) and content types that mean code.
PART_NAMES = (
    (re.compile(r"(?i)(^|/)vbaProject\.bin$"), "holds macros", RUN, _NO_CODE),
    (re.compile(r"(?i)(^|/)vbaData\.xml$"), "holds macro data", RUN, _NO_CODE),
    (re.compile(r"(?i)(^|/)keyMapCustomizations\.xml$"), "holds macro key bindings", RUN,
     _NO_CODE),
    (re.compile(r"(?i)(^|/)activeX/"), "holds an ActiveX control", RUN, _REMOVE),
    (re.compile(r"(?i)(^|/)embeddings/"), "holds an embedded object", RUN, _OLE),
    (re.compile(r"(?i)oleObject\d*\.bin$"), "holds an OLE object", RUN, _OLE),
)
CONTENT_TYPES = (
    (re.compile(r"(?i)macroEnabled"), "is a macro-enabled document (.docm/.dotm)", RUN, _NO_CODE),
    (re.compile(r"(?i)vbaProject|vbaData"), "holds macros", RUN, _NO_CODE),
    (re.compile(r"(?i)activeX"), "holds an ActiveX control", RUN, _REMOVE),
    (re.compile(r"(?i)oleObject"), "holds an OLE object", RUN, _OLE),
    (re.compile(r"(?i)keyMapCustomizations"), "holds macro key bindings", RUN, _NO_CODE),
)
# Elements refused in any XML part.
ELEMENTS = {
    f"{{{W}}}altChunk": ("imports an alternative-format chunk (altChunk)", LOAD,
                         "copy its text into the template"),
    f"{{{W}}}subDoc": ("includes a sub-document", LOAD, "copy its text into the template"),
    f"{{{W}}}frameset": ("shows frames", LOAD, _REMOVE),
    f"{{{W}}}object": ("holds an embedded object (OLE)", RUN, _OLE),
    f"{{{O}}}OLEObject": ("holds an OLE object", RUN, _OLE),
    f"{{{W}}}control": ("holds an ActiveX control", RUN, _REMOVE),
    f"{{{W}}}mailMerge": ("is a mail merge linked to a data source", LOAD,
                          "in Word: Mailings › Start Mail Merge › Normal Word Document"),
}
# Attributes that point a picture at an outside file.
ATTRIBUTES = {
    f"{{{R}}}link": ("shows a linked picture (r:link)", LOAD, EXTERNAL_HINTS["image"]),
    f"{{{O}}}href": ("shows a linked picture (o:href)", LOAD, EXTERNAL_HINTS["image"]),
}
# Field codes (first word, any case) that fetch, include or run something.
FIELDS = {
    "DDE": "exchanges data with another program",
    "DDEAUTO": "exchanges data with another program",
    "INCLUDEPICTURE": "includes a picture from outside",
    "INCLUDETEXT": "includes text from another file",
    "INCLUDE": "includes text from another file",
    "LINK": "links to another file",
    "IMPORT": "imports a picture from outside",
}
# In SVG pictures, links other than these load outside content.
SVG_LINK = re.compile(r"(?i)^\s*(#|data:)")
_FIELD_HINT = "delete the field in Word; Alt+F9 shows field codes"
_XML_NAMES = (".xml", ".rels", ".vml", ".svg")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_FIELD_TAGS = (f"{{{W}}}fldChar", f"{{{W}}}instrText", f"{{{W}}}delInstrText",
               f"{{{W}}}fldSimple")


@dataclass(frozen=True)
class Finding:
    """One forbidden thing: its part, where in the part, what it does and what to do."""

    part: str
    location: str
    what: str
    why: str
    hint: str

    def message(self, subject: str = "template") -> str:
        """``word/settings.xml: the template attaches a template: templates may not ...``"""
        return f"{self.part}: {self.describe(subject)}"

    def describe(self, subject: str = "template") -> str:
        """The message without the part: ``the template attaches a template: ...``"""
        why = f": {subject}s may not {self.why}" if self.why else ""
        return f"the {subject} {self.what}{why}"


def parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads DTDs or uses the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, dtd_validation=False)


def scan(parts: dict[str, bytes], *, xml_only: bool = False) -> list[Finding]:
    """Every finding in a package's *parts*; with *xml_only*, only DOCTYPEs and
    unreadable XML (for packages that are only read, never shown or rendered)."""
    scans = {name: _scan_part(name, data) for name, data in parts.items()}
    findings = [finding for part in scans.values() for finding in part.damaged]
    if xml_only:
        return findings
    findings += [finding for part in scans.values() for finding in part.named]
    content_types = scans.get("[Content_Types].xml")
    if content_types is not None:
        findings += content_types.content_types
    for name in sorted(scans, key=lambda name: not name.endswith(".rels")):
        findings += scans[name].content
    return findings


@dataclass(frozen=True)
class _PartScan:
    """The findings in one part: its XML unreadable or declaring a DOCTYPE, its
    name meaning code, what [Content_Types].xml declares, what its XML holds."""

    damaged: tuple[Finding, ...]
    named: tuple[Finding, ...]
    content_types: tuple[Finding, ...]
    content: tuple[Finding, ...]


_SCANNED: dict[tuple[str, bytes], _PartScan] = {}
_SCANNED_MAX = 256


def _scan_part(name: str, data: bytes) -> _PartScan:
    """Scan one part, or recall the scan of a part of the same name and the same
    bytes (in memory only; the hash of a bytes object is kept, so the same
    object is never read twice to find it): every document rendered from a
    template repeats most of its parts."""
    key = (name, bytes(data))
    found = _SCANNED.get(key)
    if found is None:
        found = _scan_fresh(name, data)
        if len(_SCANNED) >= _SCANNED_MAX:
            _SCANNED.clear()
        _SCANNED[key] = found
    return found


def _scan_fresh(name: str, data: bytes) -> _PartScan:
    damaged: list[Finding] = []
    root = _parse(name, data, damaged) if _is_xml(name, data) else None
    named = tuple(Finding(name, "", f"{what} ({name})", why, hint)
                  for pattern, what, why, hint in PART_NAMES if pattern.search(name))
    if root is None:
        return _PartScan(tuple(damaged), named, (), ())
    types = tuple(_content_types(root)) if name == "[Content_Types].xml" else ()
    if name.endswith(".rels"):
        content = _relationships(name, root)
    elif name.lower().endswith(".svg"):
        content = _svg(name, root)
    else:
        content = _elements(name, root)
    return _PartScan(tuple(damaged), named, types, tuple(content))


def enforce(parts: dict[str, bytes], *, file: object, subject: str = "template",
            error: type[BriefgenError] = TemplateSecurityError, xml_only: bool = False) -> None:
    """Raise *error* with the first finding in *parts* as one line (naming *file*)."""
    refuse(scan(parts, xml_only=xml_only), file=file, subject=subject, error=error)


def refuse(findings, *, file: object, subject: str = "template",
           error: type[BriefgenError] = TemplateSecurityError) -> None:
    """Raise *error* for the first of *findings*, if any, naming *file* and the finding's
    part and location; ``details`` lists them all."""
    if findings:
        first = findings[0]
        raise error(first.describe(subject), file=file, part=first.part,
                    location=first.location, hint=first.hint,
                    details=tuple(f.message(subject) for f in findings))


def _is_xml(name: str, data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return name.lower().endswith(_XML_NAMES) or head.startswith(b"<")


def _parse(name: str, data: bytes, findings: list[Finding]):
    text = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", "replace").encode("utf-8")
    doctype = Finding(name, "", "declares a <!DOCTYPE>", PARSE,
                      "save it again from Word; Word never writes one")
    if _DOCTYPE.search(text):
        findings.append(doctype)
        return None
    try:
        root = etree.fromstring(data, parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        findings.append(Finding(name, "", f"has damaged XML here ({exc})", "",
                                "save it again from Word"))
        return None
    if root.getroottree().docinfo.doctype:
        findings.append(doctype)
        return None
    return root


def _content_types(root) -> list[Finding]:
    found = []
    for entry in root:
        kind = entry.get("ContentType") or ""
        for pattern, what, why, hint in CONTENT_TYPES:
            if pattern.search(kind):
                target = entry.get("PartName") or entry.get("Extension") or ""
                found.append(Finding("[Content_Types].xml", target, f"{what} ({kind})", why, hint))
                break
    return found


def _relationships(part: str, root) -> list[Finding]:
    found = []
    for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
        kind = (rel.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
        target = (rel.get("Target") or "").strip()
        where = f"relationship {rel.get('Id') or '?'}"
        external = (rel.get("TargetMode") or "").lower() == "external"
        if external and not (kind == "hyperlink" and SAFE_LINK.match(target)):
            what = (f"links to {target!r}, which is not an http, https or mailto address"
                    if kind == "hyperlink" else f"links to an external file ({target}, {kind})")
            found.append(Finding(part, where, what, LOAD, EXTERNAL_HINTS.get(kind, _REMOVE)))
        elif kind in REL_TYPES:
            what, why, hint = REL_TYPES[kind]
            found.append(Finding(part, where, f"{what} ({target})", why, hint))
    return found


def _elements(part: str, root) -> list[Finding]:
    found = []
    for element in root.iter(*ELEMENTS):
        what, why, hint = ELEMENTS[element.tag]
        found.append(Finding(part, _paragraph(element), what, why, hint))
    for attribute in root.xpath("//@r:link | //@o:href", namespaces={"r": R, "o": O}):
        what, why, hint = ATTRIBUTES[attribute.attrname]
        found.append(Finding(part, _paragraph(attribute.getparent()),
                             f"{what} to {str(attribute)!r}", why, hint))
    found += _fields(part, root)
    return found


def _svg(part: str, root) -> list[Finding]:
    """Links in an SVG picture (``<image href>``, ``<use href>``, ``@import``)."""
    found = [Finding(part, f"line {attribute.getparent().sourceline}",
                     f"shows a picture that links to {str(attribute)!r}", LOAD,
                     EXTERNAL_HINTS["image"])
             for attribute in root.xpath("//@*[local-name()='href']")
             if not SVG_LINK.match(attribute)]
    if any("@import" in (style.text or "") for style in root.iter("{*}style")):
        found.append(Finding(part, "", "shows a picture whose style imports a file", LOAD,
                             EXTERNAL_HINTS["image"]))
    return found


def _fields(part: str, root) -> list[Finding]:
    """Field codes, also when Word split them over runs or nested them in other fields."""
    found: list[Finding] = []
    open_fields: list[tuple[object, list[str], list[bool]]] = []

    def judge(code: str, element) -> None:
        word = re.match(r'\s*"?([A-Za-z]+)', code)
        name = word.group(1).upper() if word else ""
        shown = " ".join(code.split())[:120]
        if name in FIELDS:
            found.append(Finding(part, _paragraph(element), f"{FIELDS[name]} (field {shown})",
                                 LOAD, _FIELD_HINT))
        elif name == "HYPERLINK":
            target = _hyperlink_target(code[word.end():])
            if target is not None and not SAFE_LINK.match(target):
                found.append(Finding(part, _paragraph(element),
                                     f"links to {target!r}, which is not an http, https or "
                                     f"mailto address (field {shown})", LOAD,
                                     EXTERNAL_HINTS["hyperlink"]))

    for element in root.iter(*_FIELD_TAGS):
        local = etree.QName(element).localname
        if local == "fldSimple":
            judge(element.get(f"{{{W}}}instr") or "", element)
        elif local == "fldChar":
            kind = element.get(f"{{{W}}}fldCharType")
            if kind == "begin":
                open_fields.append((element, [], [False]))
            elif kind in ("separate", "end") and open_fields:
                start, code, done = open_fields[-1]
                if not done[0]:
                    judge("".join(code), start)
                    done[0] = True
                if kind == "end":
                    open_fields.pop()
        elif open_fields:
            open_fields[-1][1].append(element.text or "")
        else:
            judge(element.text or "", element)
    for start, code, done in open_fields:   # a field that never ends still counts
        if not done[0]:
            judge("".join(code), start)
    return found


def _hyperlink_target(arguments: str) -> str | None:
    """The address of a HYPERLINK field; None for a link to a bookmark (``\\l``)."""
    tokens = re.findall(r'"([^"]*)"|(\\[A-Za-z])|(\S+)', arguments)
    skip = False
    for quoted, switch, bare in tokens:
        if switch:
            if switch.lower() == "\\l":
                return None
            skip = switch.lower() in ("\\o", "\\t")     # the next argument is a tooltip/frame
        elif skip:
            skip = False
        else:
            return quoted or bare
    return None


def _paragraph(element) -> str:
    """``paragraph 4`` (counted in the part) for an element, or its XML line."""
    count = element.xpath("count(preceding::w:p | ancestor-or-self::w:p)", namespaces={"w": W})
    return f"paragraph {int(count)}" if count else f"line {element.sourceline}"
