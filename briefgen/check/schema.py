"""Paragraph, run and section properties out of the order Word's schema requires."""

from __future__ import annotations

from briefgen import docxxml
from briefgen.check.problems import Report
from briefgen.docxxml.reading import Paragraph, local_name, section_properties


def check_schema_order(report: Report, part: str, root, paragraphs: list[Paragraph]) -> None:
    located = [(p.where(), p.element) for p in paragraphs]
    located += [("section properties", e) for e in section_properties(root)]
    for where, element in located:
        for container in docxxml.property_containers(element):
            for name in docxxml.misplaced_children(container):
                kind = local_name(container)
                report.add(part, where, "", f"w:{name} is out of schema order in w:{kind}: "
                           "Word may refuse the file (rendered documents are put right)")
