"""Reading a template: the parts docxtpl renders (body, headers, footers,
footnotes, document properties), within the limits and the Word content
policy every read of a template keeps; their paragraphs come from
:mod:`briefgen.docxxml.reading`."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from lxml import etree

from briefgen import wordpolicy
from briefgen.check.problems import Problem
from briefgen.docxxml.reading import stories
from briefgen.errors import InputError, TemplateError
from briefgen.files import read_bytes
from briefgen.safezip import MAX_FILE, read_package, repack
from briefgen.templates import TemplateInfo, find_template, read_template_info

PARTS = ("body", "header", "footer", "footnotes")
PROPERTIES_PART = "document properties"


def _parts(data: bytes) -> list[tuple[str, str, Any]]:
    """(part, qualifier, root element) for the body, each header/footer and the
    footnotes; (PROPERTIES_PART, "", {name: text}) for the document properties."""
    doc = Document(io.BytesIO(data))
    result = stories(doc)
    from briefgen.render import RENDERED_PROPERTIES

    props = {name: getattr(doc.core_properties, name) for name in RENDERED_PROPERTIES}
    result.append((PROPERTIES_PART, "", props))
    return result


def resolve(template: TemplateInfo | str | Path) -> tuple[TemplateInfo, list[Problem]]:
    """The template a name, a path or a :class:`TemplateInfo` stands for, and the
    problem of its manifest (a template with a broken manifest is still checked)."""
    if isinstance(template, TemplateInfo):
        return template, []
    text = str(template)
    if not text.lower().endswith(".docx"):
        return find_template(text), []
    path = Path(text)
    if not path.is_file():
        raise TemplateError("no such template file", file=path)
    try:
        return read_template_info(path), []
    except TemplateError as exc:
        info = TemplateInfo(name=path.stem, title=path.stem, description="", kind="memo",
                            output="{slug}.docx", path=path, origin="path")
        message = ": ".join(x for x in (exc.field_path, exc.message) if x) + (
            f" ({exc.hint})" if exc.hint else "")
        return info, [Problem(info.name, "manifest", path.with_suffix(".toml").name, "", message)]


def package(info: TemplateInfo) -> tuple[bytes | None, list[wordpolicy.Finding]]:
    """The template's package, bounded and inflated within limits, and what the
    Word content policy finds in it; no package when python-docx must not parse
    it (a zip bomb or an entity bomb is refused before anything parses it)."""
    try:
        data = read_bytes(info.path, limit=MAX_FILE)
    except InputError as exc:
        raise exc.recast(TemplateError) from exc
    parts = read_package(data, info.path, error=TemplateError)
    findings = wordpolicy.scan(parts)
    if any(not f.why or f.why == wordpolicy.PARSE for f in findings):
        return None, findings
    return repack(parts), findings


DAMAGED = (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError)
"""What python-docx raises for a package it cannot read."""


def not_a_word_document(info: TemplateInfo, exc: Exception) -> TemplateError:
    return TemplateError(f"not a Word document ({type(exc).__name__}: {exc})",
                         file=info.path, hint="save it from Word as .docx")


def read(info: TemplateInfo) -> tuple[list[tuple[str, str, Any]], list[wordpolicy.Finding]]:
    """The parts to check, and what the Word content policy finds."""
    data, findings = package(info)
    if data is None:
        return [], findings
    try:
        return _parts(data), findings
    except DAMAGED as exc:
        if findings:                 # what the policy found is the problem to fix first
            return [], findings
        raise not_a_word_document(info, exc) from exc
