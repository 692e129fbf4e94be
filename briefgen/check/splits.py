"""Tags Word split over several runs: docxtpl renders such a tag in its first
run's formatting, and one split across a hyperlink, tracked change or field
breaks the rendered document."""

from __future__ import annotations

from briefgen.check.tags import Tag
from briefgen.docxxml.reading import run_format, split_across


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
    if split_across([run.element for run in runs[owners[0]:owners[-1] + 1]]):
        return (f"Word split this tag over {len(owners)} runs ({shown}) across a hyperlink, "
                "tracked change or field, which breaks the rendered document: delete the tag "
                "and type it again")
    formats = {run_format(runs[i].element) for i in owners}
    if len(formats) > 1:
        return (f"Word split this tag over {len(owners)} runs with different formatting "
                f"({shown}); it would be rendered in the first run's formatting: select the "
                "whole tag and clear its formatting, or type it again in one go")
    return None

