"""Briefing packs: several rendered documents in one .docx behind a cover page.

The cover carries the office letterhead, the marking banner, the briefing's
title, meeting date and place, and a "Contents" table of contents field that
Word fills in with page numbers when the pack is opened.  Until then the
field shows the parts' headings, so the contents read right in any viewer.
The first document is the base of the pack (its styles, header and footer
serve the cover too); docxcompose appends the others, each on a new page.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from docxcompose.composer import Composer

from briefgen import __version__, docxxml
from briefgen.errors import OutputError, TemplateError
from briefgen.files import atomic_write
from briefgen.model import Briefing
from briefgen.offices import OfficeProfile
from briefgen.render import clip_property, effective_marking, render_briefing
from briefgen.templates import TemplateInfo
from briefgen.templating import format_date

HEADING_LEVELS = {"Title": 1, "Heading 1": 2, "Heading 2": 3}
TOC_INSTRUCTION = 'TOC \\h \\z \\t "{}"'.format(
    ",".join(f"{style},{level}" for style, level in HEADING_LEVELS.items()))
"""Each part's title, then its Heading 1 and Heading 2 paragraphs, nested."""


def build_pack(briefing: Briefing, templates: list[TemplateInfo], office: OfficeProfile, *,
               today: dt.date | None = None) -> bytes:
    """One .docx: a cover with contents, then each template rendered for *briefing*."""
    if not templates:
        raise OutputError("a briefing pack needs at least one template",
                          hint="choose the documents to include (-t NAME, once for each)")
    today = today or dt.date.today()
    documents = [Document(io.BytesIO(render_briefing(briefing, template, office, today=today)))
                 for template in templates]
    base = documents[0]
    _add_cover(base, briefing, office, today, [h for d in documents for h in _headings(d)])
    composer = Composer(base)
    for template, document in zip(templates[1:], documents[1:]):
        composer.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        try:
            composer.append(document)
        except Exception as exc:  # docxcompose raises whatever its XML work hits
            raise TemplateError(f"cannot add this document to the pack ({type(exc).__name__}: "
                                f"{exc})", where=template.name,
                                hint="render it on its own and run `briefgen check` on it") from exc
    docxxml.update_fields_on_open(composer.doc)
    _set_properties(composer.doc, briefing, templates, office)
    docxxml.finish_package(composer.doc, __version__)
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()


def write_pack(briefing: Briefing, templates: list[TemplateInfo], office: OfficeProfile,
               out: str | Path, *, today: dt.date | None = None) -> Path:
    """Build the pack and write it atomically; an error leaves any existing *out* untouched."""
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise OutputError("a briefing pack must be saved as .docx", where=out,
                          hint="name it e.g. pack.docx")
    return atomic_write(out, build_pack(briefing, templates, office, today=today))


def _headings(document: DocxDocument) -> list[tuple[int, str]]:
    """(level, text) of each title and Heading 1/2 paragraph: what the contents list."""
    found = []
    for paragraph in document.paragraphs:
        level = HEADING_LEVELS.get(paragraph.style.name if paragraph.style is not None else "")
        text = " ".join(paragraph.text.split())
        if level and text:
            found.append((level, text))
    return found


def _style(document: DocxDocument, name: str):
    """A style the base document has, or None (a user's template may lack it)."""
    try:
        return document.styles[name]
    except KeyError:
        return None


def _add_cover(document: DocxDocument, briefing: Briefing, office: OfficeProfile,
               today: dt.date, headings: list[tuple[int, str]]) -> None:
    """Put the cover page, ending in a page break, before the document's first block."""
    body = document.element.body
    anchor = Paragraph(OxmlElement("w:p"), document._body)
    body.insert(0, anchor._p)

    def add(text: str = "", style: str | None = None, *, bold: bool = False,
            size: float | None = None, center: bool = True) -> Paragraph:
        paragraph = anchor.insert_paragraph_before(style=_style(document, style) if style else None)
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    banner = effective_marking(briefing, office).banner
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    if banner and banner in header:
        banner = ""  # the base document's header already marks every page
    if banner:
        add(banner, bold=True)
    if office.logo is not None:
        add().add_run().add_picture(str(office.logo), width=Mm(office.logo_width_mm))
    for line in office.letterhead:
        add(line, size=11).runs[0].font.small_caps = True
    add()
    add(briefing.title or "Briefing", bold=True, size=20)
    add("Briefing pack", size=13)
    for line in _meeting_lines(briefing, office):
        add(line)
    add(f"Prepared {format_date(today, office.date_style)}"
        + (f" by {office.title}" if office.path else ""), size=10)
    add()
    has_toc_heading = _style(document, "TOC Heading") is not None
    add("Contents", "TOC Heading" if has_toc_heading else None, bold=not has_toc_heading,
        size=None if has_toc_heading else 14, center=False)
    contents = add(center=False)
    lines = ["    " * (level - 1) + text for level, text in headings]
    docxxml.add_field(contents, TOC_INSTRUCTION,
                      "\n".join(lines) or "Open the pack in Word to show the contents.")
    if banner:
        add()
        add(banner, bold=True)
    anchor.add_run().add_break(WD_BREAK.PAGE)


def _meeting_lines(briefing: Briefing, office: OfficeProfile) -> list[str]:
    meeting = briefing.meeting
    lines = []
    if meeting.date:
        when = format_date(meeting.date, office.date_style)
        if meeting.end_date and meeting.end_date != meeting.date:
            when += f" \u2013 {format_date(meeting.end_date, office.date_style)}"
        if meeting.time:
            when += f", {meeting.time}"
        lines.append(when)
    place = ", ".join(p for p in (meeting.venue, meeting.location) if p)
    if place:
        lines.append(place)
    return lines


def _set_properties(document: DocxDocument, briefing: Briefing, templates: list[TemplateInfo],
                    office: OfficeProfile) -> None:
    props = document.core_properties
    props.title = clip_property(f"{briefing.title or 'Briefing'} \u2013 briefing pack")
    props.subject = clip_property("; ".join(t.title for t in templates))
    props.comments = clip_property("Generated by briefgen from templates "
                                   + ", ".join(f"'{t.name}'" for t in templates))
    props.category = clip_property(effective_marking(briefing, office).banner)
