"""Tags Word split over several runs: docxtpl renders such a tag in its first
run's formatting, and one split across a hyperlink, tracked change or field
breaks the rendered document."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from briefgen.check.tags import Tag

_IGNORED_RPR = {qn("w:lang"), qn("w:noProof"), qn("w:rtl"), qn("w:webHidden")}


def split_problem(tag: Tag) -> str | None:
    """Why a tag spread over several runs will not render as typed, if it won't."""
    runs, position, pieces, owners = tag.paragraph.runs, 0, [], []
    for index, run in enumerate(runs):
        start, position = position, position + len(run.text)
        if position > tag.start and start < tag.end and run.text:
            pieces.append(run.text[max(tag.start - start, 0):tag.end - start])
            owners.append(index)
    if len(owners) < 2:
        return None
    shown = " + ".join(f'"{piece}"' for piece in pieces)
    spanned = runs[owners[0]:owners[-1] + 1]
    parents = {id(run.element.getparent()) for run in spanned}
    fields = any(run.element.find(qn(t)) is not None for run in spanned
                 for t in ("w:fldChar", "w:instrText", "w:drawing"))
    if len(parents) > 1 or fields:
        return (f"Word split this tag over {len(owners)} runs ({shown}) across a hyperlink, "
                "tracked change or field, which breaks the rendered document: delete the tag "
                "and type it again")
    formats = {_format(runs[i].element) for i in owners}
    if len(formats) > 1:
        return (f"Word split this tag over {len(owners)} runs with different formatting "
                f"({shown}); it would be rendered in the first run's formatting: select the "
                "whole tag and clear its formatting, or type it again in one go")
    return None


def _format(run) -> bytes:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        return b""
    kept = [child for child in rpr if child.tag not in _IGNORED_RPR]
    return b"".join(sorted(etree.tostring(child) for child in kept))
