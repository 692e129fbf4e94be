"""Reading a template's WordprocessingML for ``briefgen check``: its stories
(body, headers, footers, footnotes) and their paragraphs, each with a location
a Word user can find ("paragraph 3", "table 1, row 2, cell 1"), and the text
and formatting of their runs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree


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
_IGNORED_RPR = {qn("w:lang"), qn("w:noProof"), qn("w:rtl"), qn("w:webHidden")}
"""Run properties Word changes by itself (spell-checking, script), not formatting."""


def run_text(run) -> str:
    parts = []
    for child in run:
        if child.tag in _TEXT_TAGS:
            fixed = _TEXT_TAGS[child.tag]
            parts.append(child.text or "" if fixed is None else fixed)
    return "".join(parts)


def text_of(element) -> str:
    """The text of every run in *element* (a table row or cell)."""
    return "".join(run_text(r) for r in element.iter(qn("w:r")))


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


def stories(document: Document) -> list[tuple[str, str, Any]]:
    """(part, qualifier, root element) for the body, each distinct header and
    footer ("section 2 first-page header" where there are several) and the footnotes."""
    result: list[tuple[str, str, Any]] = [("body", "", document.element.body)]
    seen: dict[str, list[tuple[str, Any]]] = {"header": [], "footer": []}
    kinds = (("", ""), ("first_page_", "first-page "), ("even_page_", "even-page "))
    for number, section in enumerate(document.sections, 1):
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
    for package_part in document.part.package.parts:
        if str(package_part.partname) == "/word/footnotes.xml":
            result.append(("footnotes", "", etree.fromstring(package_part.blob)))
    return result


def enclosing(element, kind: str):
    """The nearest ``w:tr`` or ``w:tc`` (*kind* "tr" or "tc") around *element*, or None."""
    return next(element.iterancestors(qn(f"w:{kind}")), None)


def split_across(runs: list) -> bool:
    """Do these runs (``w:r``) sit in different containers (a hyperlink, a tracked
    change) or hold a field or drawing?"""
    parents = {id(run.getparent()) for run in runs}
    fields = any(run.find(qn(t)) is not None for run in runs
                 for t in ("w:fldChar", "w:instrText", "w:drawing"))
    return len(parents) > 1 or fields


def run_format(run) -> bytes:
    """A run's formatting as a comparable key."""
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        return b""
    kept = [child for child in rpr if child.tag not in _IGNORED_RPR]
    return b"".join(sorted(etree.tostring(child) for child in kept))


def section_properties(root) -> list:
    """The ``w:sectPr`` children of *root* (a body's last section)."""
    return [e for e in root.iter(qn("w:sectPr")) if e.getparent() is root]


def local_name(element) -> str:
    return etree.QName(element).localname
