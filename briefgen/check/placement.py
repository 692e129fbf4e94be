"""docxtpl's placement rules: ``{%p %}`` alone in its paragraph, ``{%tr %}`` /
``{%tc %}`` alone in their table row or cell, cell tags inside a table."""

from __future__ import annotations

from docx.oxml.ns import qn

from briefgen.check.parts import run_text
from briefgen.check.problems import Report
from briefgen.check.tags import DOCXTPL_CELL_TAGS, Tag

_NOUNS = {"tr": "table row", "tc": "table cell"}


def check_placement(report: Report, part: str, tags: list[Tag]) -> None:
    for tag in tags:
        element = tag.paragraph.element
        if tag.keyword in DOCXTPL_CELL_TAGS:
            if next(element.iterancestors(qn("w:tc")), None) is None:
                report.add(part, tag.where, tag.text,
                           f"'{tag.keyword}' only works inside a table cell")
            continue
        if tag.prefix in _NOUNS:
            container = next(element.iterancestors(qn(f"w:{tag.prefix}")), None)
            noun = _NOUNS[tag.prefix]
            if container is None:
                report.add(part, tag.where, tag.text,
                           f"{{%{tag.prefix} %}} tags belong in a {noun}; this one is not in a "
                           f"table: use {{%p ... %}} in a paragraph of its own instead")
                continue
            text = "".join(run_text(r) for r in container.iter(qn("w:r"))).strip()
            if text != tag.text.strip():
                report.add(part, tag.where, tag.text,
                           f"docxtpl replaces the whole {noun} with this tag, dropping its "
                           f"other text: put the tag in a {noun} of its own")
        elif tag.prefix == "p" and tag.paragraph.text.strip() != tag.text.strip():
            report.add(part, tag.where, tag.text,
                       "docxtpl replaces the whole paragraph with this tag, dropping its other "
                       "text: put the tag in a paragraph of its own")
