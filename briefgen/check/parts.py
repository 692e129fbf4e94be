"""Reading a template: the parts docxtpl renders (body, headers, footers,
footnotes, document properties) and their paragraphs, each with a location a
Word user can find ("paragraph 3", "table 1, row 2, cell 1")."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from briefgen import wordpolicy
from briefgen.check.problems import Problem
from briefgen.errors import InputError, TemplateError
from briefgen.files import read_bytes
from briefgen.safezip import MAX_FILE, read_package, repack
from briefgen.templates import TemplateInfo, find_template, read_template_info

PARTS = ("body", "header", "footer", "footnotes")
PROPERTIES_PART = "document properties"


@dataclass
class Run:
    element: Any
    text: str


@dataclass
class Paragraph:
    element: Any
    location: str          # "paragraph 3" / "table 1, row 2, cell 1"
    runs: list[Run]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def where(self) -> str:
        text = " ".join(self.text.split())
        if len(text) > 100:
            text = text[:99] + "…"
        return f'{self.location} ("{text}")' if text else self.location


_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
              qn("w:noBreakHyphen"): "-"}


def run_text(run) -> str:
    parts = []
    for child in run:
        if child.tag in _TEXT_TAGS:
            fixed = _TEXT_TAGS[child.tag]
            parts.append(child.text or "" if fixed is None else fixed)
    return "".join(parts)


def _own(element, ancestor_tag: str, owner) -> bool:
    """Is *owner* the nearest *ancestor_tag* of *element*?"""
    return next(element.iterancestors(ancestor_tag), None) is owner


def paragraphs(root, qualifier: str = "") -> list[Paragraph]:
    """Every paragraph under *root*, its location prefixed with *qualifier*
    ("section 2 first-page header") when there is one."""
    w_p, w_tbl, w_tr, w_tc = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
    tables = {tbl: n for n, tbl in enumerate(root.iter(w_tbl), 1)}
    found, body_count, boxes = [], 0, {}
    for p in root.iter(w_p):
        cell = next(p.iterancestors(w_tc, qn("w:txbxContent")), None)
        if cell is None:
            body_count += 1
            location = f"paragraph {body_count}"
        elif cell.tag == w_tc:
            row = cell.getparent()
            table = row.getparent()
            rows = [r for r in table if r.tag == w_tr]
            cells = [c for c in row if c.tag == w_tc]
            location = (f"table {tables[table]}, row {rows.index(row) + 1}, "
                        f"cell {cells.index(cell) + 1}")
            paras = [q for q in cell.iter(w_p) if _own(q, w_tc, cell)]
            if len(paras) > 1:
                location += f", paragraph {paras.index(p) + 1}"
        else:
            box = boxes.setdefault(cell, len(boxes) + 1)
            paras = [q for q in cell.iter(w_p)]
            location = f"text box {box}, paragraph {paras.index(p) + 1}"
        if qualifier:
            location = f"{qualifier}, {location}"
        runs = [Run(r, run_text(r)) for r in p.iter(qn("w:r")) if _own(r, w_p, p)]
        found.append(Paragraph(p, location, runs))
    return found


def _parts(data: bytes) -> list[tuple[str, str, Any]]:
    """(part, qualifier, root element) for the body, each header/footer and the
    footnotes; (PROPERTIES_PART, "", {name: text}) for the document properties."""
    doc = Document(io.BytesIO(data))
    result: list[tuple[str, str, Any]] = [("body", "", doc.element.body)]
    seen: dict[str, list[tuple[str, Any]]] = {"header": [], "footer": []}
    kinds = (("", ""), ("first_page_", "first-page "), ("even_page_", "even-page "))
    for number, section in enumerate(doc.sections, 1):
        for part in ("header", "footer"):
            for attr, label in kinds:
                hf = getattr(section, f"{attr}{part}")
                if hf.is_linked_to_previous:
                    continue
                element = hf._element
                if all(element is not e for _, e in seen[part]):
                    seen[part].append((f"section {number} {label}{part}", element))
    for part in ("header", "footer"):
        single = len(seen[part]) == 1
        result += [(part, "" if single else label, element) for label, element in seen[part]]
    for package_part in doc.part.package.parts:
        if str(package_part.partname) == "/word/footnotes.xml":
            result.append(("footnotes", "", etree.fromstring(package_part.blob)))
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
        raise TemplateError("no such template file", where=path)
    try:
        return read_template_info(path), []
    except TemplateError as exc:
        info = TemplateInfo(name=path.stem, title=path.stem, description="", kind="memo",
                            output="{slug}.docx", path=path, origin="path")
        message = exc.message + (f" ({exc.hint})" if exc.hint else "")
        return info, [Problem(info.name, "manifest", path.with_suffix(".toml").name, "", message)]


def package(info: TemplateInfo) -> tuple[bytes | None, list[wordpolicy.Finding]]:
    """The template's package, bounded and inflated within limits, and what the
    Word content policy finds in it; no package when python-docx must not parse
    it (a zip bomb or an entity bomb is refused before anything parses it)."""
    try:
        data = read_bytes(info.path, limit=MAX_FILE)
    except InputError as exc:
        raise TemplateError(exc.message, where=exc.where, hint=exc.hint) from exc
    parts = read_package(data, info.path, error=TemplateError)
    findings = wordpolicy.scan(parts)
    if any(not f.why or f.why == wordpolicy.PARSE for f in findings):
        return None, findings
    return repack(parts), findings


DAMAGED = (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError)
"""What python-docx raises for a package it cannot read."""


def not_a_word_document(info: TemplateInfo, exc: Exception) -> TemplateError:
    return TemplateError(f"not a Word document ({type(exc).__name__}: {exc})",
                         where=info.path, hint="save it from Word as .docx")


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
