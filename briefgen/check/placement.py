"""docxtpl's placement rules: ``{%p %}`` alone in its paragraph, ``{%tr %}`` /
``{%tc %}`` alone in their table row or cell, cell tags inside a table."""

from __future__ import annotations

from briefgen.check.problems import Report
from briefgen.check.tags import DOCXTPL_CELL_TAGS, Tag
from briefgen.docxxml.reading import enclosing, text_of

_NOUNS = {"tr": "table row", "tc": "table cell"}


def check_placement(report: Report, part: str, tags: list[Tag]) -> None:
    for tag in tags:
        element = tag.paragraph.element
        if tag.keyword in DOCXTPL_CELL_TAGS:
            if enclosing(element, "tc") is None:
                report.add(part, tag.where, tag.text,
                           f"'{tag.keyword}' only works inside a table cell")
            continue
        if tag.prefix in _NOUNS:
            container = enclosing(element, tag.prefix)
            noun = _NOUNS[tag.prefix]
            if container is None:
                report.add(part, tag.where, tag.text,
                           f"{{%{tag.prefix} %}} tags belong in a {noun}; this one is not in a "
                           f"table: use {{%p ... %}} in a paragraph of its own instead")
                continue
            if text_of(container).strip() != tag.text.strip():
                report.add(part, tag.where, tag.text,
                           f"docxtpl replaces the whole {noun} with this tag, dropping its "
                           f"other text: put the tag in a {noun} of its own")
        elif tag.prefix == "p" and tag.paragraph.text.strip() != tag.text.strip():
            report.add(part, tag.where, tag.text,
                       "docxtpl replaces the whole paragraph with this tag, dropping its other "
                       "text: put the tag in a paragraph of its own")
