"""Paragraph, run and section properties out of the order Word's schema requires."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from briefgen import docxxml
from briefgen.check.parts import Paragraph
from briefgen.check.problems import Report


def check_schema_order(report: Report, part: str, root, paragraphs: list[Paragraph]) -> None:
    located = [(p.where(), p.element) for p in paragraphs]
    located += [("section properties", e) for e in root.iter(qn("w:sectPr"))
                if e.getparent() is root]
    for where, element in located:
        for container in docxxml.property_containers(element):
            for name in docxxml.misplaced_children(container):
                kind = etree.QName(container).localname
                report.add(part, where, "", f"w:{name} is out of schema order in w:{kind}: "
                           "Word may refuse the file (rendered documents are put right)")
