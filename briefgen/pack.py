"""Briefing packs: several rendered documents in one .docx or .pdf behind a cover page.

The cover carries the office letterhead, the marking banner, the briefing's
title, meeting dates and place, and "Contents": a table of contents field
Word updates when the pack is opened, already filled in with the parts'
headings so it reads right in any viewer.  A PDF pack is laid out twice:
LibreOffice converts it, the page of each heading is read from the PDF's
bookmarks, and the contents are written again with their page numbers.
The first document is the base of the pack (its styles, header and footer
serve the cover too); docxcompose appends the others, each on a new page.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from docxcompose.composer import Composer

from briefgen import __version__, docxxml
from briefgen.convert import docx_to_pdf
from briefgen.errors import OutputError, TemplateError
from briefgen.files import atomic_write
from briefgen.model import Briefing
from briefgen.offices import OfficeProfile
from briefgen.render import clip_property, effective_marking, render_briefing
from briefgen.scripts import script_fonts
from briefgen.templates import TemplateInfo
from briefgen.templating import format_date
from briefgen.typography import date_range

HEADING_LEVELS = {"Title": 1, "Heading 1": 2, "Heading 2": 3}
MAX_ENTRIES = 28
"""Contents lines that fit on the cover below its title block; deeper levels
are left out of the contents (not of the pack) until the rest fit."""


def toc_instruction(depth: int = 3) -> str:
    """The TOC field: each part's title, then its Heading 1 and Heading 2, down to *depth*."""
    styles = [f"{style},{level}" for style, level in HEADING_LEVELS.items() if level <= depth]
    return 'TOC \\h \\z \\t "{}"'.format(",".join(styles))


TOC_INSTRUCTION = toc_instruction()


def build_pack(briefing: Briefing, templates: list[TemplateInfo], office: OfficeProfile, *,
               today: dt.date | None = None, pages: list[str] | None = None) -> bytes:
    """One .docx: a cover with contents, then each template rendered for *briefing*.
    *pages* gives the page of each heading (in :func:`pack_headings` order) for
    the contents; without it they list the headings alone until Word updates them."""
    if not templates:
        raise OutputError("a briefing pack needs at least one template",
                          hint="choose the documents to include (-t NAME, once for each)")
    today = today or dt.date.today()
    documents = [Document(io.BytesIO(render_briefing(briefing, template, office, today=today)))
                 for template in templates]
    headings = [h for d in documents for h in _headings(d)]
    for document in documents:
        _start_on_new_page(document)
    base = documents[0]
    _add_cover(base, briefing, office, today, headings, pages)
    composer = Composer(base)
    for template, document in zip(templates[1:], documents[1:]):
        try:
            composer.append(document)
        except Exception as exc:  # docxcompose raises whatever its XML work hits
            raise TemplateError(f"cannot add this document to the pack ({type(exc).__name__}: "
                                f"{exc})", file=template.name,
                                hint="render it on its own and run `briefgen check` on it") from exc
    docxxml.apply_scripts(composer.doc, script_fonts(office))  # the cover's title and contents
    docxxml.update_fields_on_open(composer.doc)
    _set_properties(composer.doc, briefing, templates, office)
    docxxml.finish_package(composer.doc, __version__)
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()


def pack_pdf(briefing: Briefing, templates: list[TemplateInfo], office: OfficeProfile, *,
             today: dt.date | None = None) -> bytes:
    """The pack as a PDF whose contents show page numbers (laid out twice, a third
    time if the numbers moved a heading)."""
    today = today or dt.date.today()
    headings = _pack_headings(briefing, templates, office, today)
    pages = ["99"] * len(headings)  # as wide as the numbers to come: the layout holds
    with tempfile.TemporaryDirectory(prefix="briefgen-pack-") as tmp:
        docx, pdf = Path(tmp) / "pack.docx", Path(tmp) / "pack.pdf"
        for _attempt in range(3):
            docx.write_bytes(build_pack(briefing, templates, office, today=today, pages=pages))
            docx_to_pdf(docx, pdf)
            found = _heading_pages(pdf, headings)
            if found == pages:
                break
            pages = found
        return pdf.read_bytes()


def write_pack(briefing: Briefing, templates: list[TemplateInfo], office: OfficeProfile,
               out: str | Path, *, today: dt.date | None = None) -> Path:
    """Build the pack (.docx or .pdf by *out*'s suffix) and write it atomically; an
    error leaves any existing *out* untouched."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".docx":
        return atomic_write(out, build_pack(briefing, templates, office, today=today))
    if suffix == ".pdf":
        return atomic_write(out, pack_pdf(briefing, templates, office, today=today))
    raise OutputError("a briefing pack must be saved as .docx or .pdf", file=out,
                      hint="name it e.g. pack.docx or pack.pdf")


def _pack_headings(briefing: Briefing, templates: list[TemplateInfo], office: OfficeProfile,
                   today: dt.date) -> list[tuple[int, str]]:
    documents = [Document(io.BytesIO(render_briefing(briefing, template, office, today=today)))
                 for template in templates]
    return [h for d in documents for h in _headings(d)]


def _heading_pages(pdf: Path, headings: list[tuple[int, str]]) -> list[str]:
    """The page of each heading, from the PDF's bookmarks in document order ("" where
    a heading has none)."""
    marks = pdf_bookmarks(pdf)
    pages, start = [], 0
    for _level, text in headings:
        key = _key(text)
        index = next((i for i in range(start, len(marks)) if marks[i][0] == key), None)
        if index is None:
            pages.append("")
        else:
            pages.append(str(marks[index][1]))
            start = index + 1
    return pages


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def pdf_bookmarks(pdf: Path) -> list[tuple[str, int]]:
    """(title, page number) of each bookmark of a PDF such as LibreOffice writes,
    in order; [] when it has none."""
    from pdfminer.pdfdocument import PDFDocument, PDFNoOutlines
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFObjRef, resolve1

    with open(pdf, "rb") as handle:
        document = PDFDocument(PDFParser(handle))
        numbers = {page.pageid: n for n, page in enumerate(PDFPage.create_pages(document), 1)}
        try:
            outlines = list(document.get_outlines())
        except PDFNoOutlines:
            return []
        found = []
        for _level, title, dest, action, _se in outlines:
            if dest is None and action is not None:
                dest = resolve1(action).get("D")
            dest = resolve1(dest)
            if isinstance(dest, dict):
                dest = resolve1(dest.get("D"))
            if isinstance(dest, list) and dest and isinstance(dest[0], PDFObjRef):
                page = numbers.get(dest[0].objid)
                if page:
                    found.append((_key(str(title)), page))
        return found


def _start_on_new_page(document: DocxDocument) -> None:
    """Begin *document* on a page of its own (no page-break paragraph that could
    leave a blank page), and put its title in the outline (PDF bookmarks)."""
    first = docxxml.first_paragraph(document)
    if first is None:
        return
    docxxml.page_break_before(first)
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "Title":
            docxxml.outline_level(paragraph, 0)


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
               today: dt.date, headings: list[tuple[int, str]], pages: list[str] | None) -> None:
    """Put the cover page before the document's first block (which starts a new page)."""
    with docxxml.start_of_body(document) as anchor:
        _fill_cover(document, anchor, briefing, office, today, headings, pages)


def _fill_cover(document: DocxDocument, anchor: Paragraph, briefing: Briefing,
                office: OfficeProfile, today: dt.date, headings: list[tuple[int, str]],
                pages: list[str] | None) -> None:
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
    if banner in header:
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
    add(f"Prepared {format_date(today, office.date_style)}", size=10)
    add()
    has_toc_heading = _style(document, "TOC Heading") is not None
    add("Contents", "TOC Heading" if has_toc_heading else None, bold=not has_toc_heading,
        size=None if has_toc_heading else 14, center=False)
    depth = _toc_depth(headings)
    entries = [(level, text, pages[n] if pages else "")
               for n, (level, text) in enumerate(headings) if level <= depth]
    width_mm = docxxml.PAPER_MM[office.paper][0] - 2 * office.margin_mm
    docxxml.insert_before(anchor, docxxml.toc_paragraphs(
        toc_instruction(depth), entries, round(width_mm * 1440 / 25.4),
        "Open the pack in Word to show the contents."))
    if banner:
        add()
        add(banner, bold=True)


def _toc_depth(headings: list[tuple[int, str]]) -> int:
    """The deepest heading level whose entries still fit on the cover."""
    for depth in (3, 2):
        if sum(level <= depth for level, _ in headings) <= MAX_ENTRIES:
            return depth
    return 1


def _meeting_lines(briefing: Briefing, office: OfficeProfile) -> list[str]:
    meeting = briefing.meeting
    lines = []
    if meeting.date:
        when = date_range(meeting.date, meeting.end_date, office.date_style)
        lines.append(f"{when}, {meeting.time}" if meeting.time else when)
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
