"""PDF readouts and statements -> a :class:`Document`, through pdfminer.six.

pdfminer's layout analysis groups lines into boxes (paragraphs); a run of
lines set larger than the body text (or in bold and short) is a heading.
Page numbers and running headers or footers repeated on most pages are left
out.  Scanned PDFs (images, no text) and password-protected ones are refused
with a message that says what to do.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.errors import Cancelled, SourceError
from briefgen.importing.document import Block, Document

Progress = Callable[[int, int], None]

_PAGE_NUMBER = re.compile(r"(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]", re.I)
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})(\d{2})")
_HINT = "copy its text into a .txt file"


@dataclass
class _Line:
    text: str
    size: float  # the commonest character size, rounded to half a point
    bold: bool
    page: int
    box: int


def read_pdf(raw: bytes, where: str, progress: Progress | None = None) -> Document:
    """The text of a PDF as headings and paragraphs, with its title, author and date.

    *progress* is called with (page, pages) after each page; it may raise Cancelled."""
    if not raw.strip():
        raise SourceError("the file is empty", file=where, kind="empty",
                          hint="choose a file that contains the article or data")
    info, lines, images = _layout(raw, where, progress)
    if not lines:
        if images:
            raise SourceError("this PDF holds only scanned images, no text", file=where,
                              hint="run it through text recognition (OCR), e.g. ocrmypdf, "
                                   f"or {_HINT}")
        raise SourceError("this PDF has no text", file=where, hint=_HINT)
    blocks = _blocks(_without_page_furniture(lines))
    doc = Document(where=where, author=info.get("Author", ""),
                   published=_date(info.get("CreationDate", "")))
    first_page = [(size, -n) for n, (block, page, size) in enumerate(blocks)
                  if page == 0 and block.kind == "heading"]
    if first_page:  # the first page's largest heading
        doc.title = blocks.pop(-max(first_page)[1])[0].text
    doc.title = doc.title or _meaningful_title(info.get("Title", ""))
    doc.blocks = [block for block, _, _ in blocks]
    if not any(b.kind == "paragraph" for b in doc.blocks):
        raise SourceError("this PDF has no running text, only headings", file=where, hint=_HINT)
    return doc


def _layout(raw: bytes, where: str,
            progress: Progress | None) -> tuple[dict[str, str], list[_Line], bool]:
    """Metadata, text lines in reading order, and whether any page holds an image."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    lines: list[_Line] = []
    images = False
    try:
        document = PDFDocument(PDFParser(io.BytesIO(raw)))
        info = _info(document)
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        tree = resolve1(document.catalog.get("Pages"))
        pages = resolve1(tree.get("Count")) if isinstance(tree, dict) else 0
        pages = pages if isinstance(pages, int) else 0
        for number, page in enumerate(PDFPage.create_pages(document)):
            if progress:
                progress(number, max(pages, number + 1))
            interpreter.process_page(page)
            for box_number, item in enumerate(device.get_result()):
                if isinstance(item, (LTImage, LTFigure)):
                    images = True
                if not isinstance(item, LTTextBox):
                    continue
                for line in item:
                    if isinstance(line, LTTextLine):
                        chars = [c for c in line if isinstance(c, LTChar)]
                        text = " ".join(line.get_text().split())
                        if chars and text:
                            lines.append(_line(text, chars, number, box_number))
    except Cancelled:
        raise
    except PDFPasswordIncorrect as exc:
        raise SourceError("this PDF is protected by a password", file=where,
                          hint=f"save a copy without the password, or {_HINT}") from exc
    except PDFEncryptionError as exc:
        raise SourceError("this PDF is encrypted in a way briefgen cannot read", file=where,
                          hint=f"save a copy without encryption, or {_HINT}") from exc
    except Exception as exc:  # pdfminer raises many kinds of error for damaged files
        raise SourceError(f"not a PDF, or a damaged one ({type(exc).__name__})", file=where,
                          hint="open it and save or export it as PDF again") from exc
    return info, lines, images


def _line(text: str, chars: list, page: int, box: int) -> _Line:
    sizes = Counter(round(c.size * 2) / 2 for c in chars)
    bold = sum(1 for c in chars if "bold" in c.fontname.lower()) > len(chars) / 2
    return _Line(text, sizes.most_common(1)[0][0], bold, page, box)


def _info(document) -> dict[str, str]:
    """The PDF's Title, Author and CreationDate as text ("" when missing or unreadable)."""
    from pdfminer.pdftypes import resolve1

    found: dict[str, str] = {}
    for entry in document.info:
        for key in ("Title", "Author", "CreationDate"):
            value = resolve1(entry.get(key))
            if isinstance(value, bytes):
                value = _pdf_string(value)
            if isinstance(value, str) and value.strip() and key not in found:
                found[key] = " ".join(value.split())
    return found


def _pdf_string(value: bytes) -> str:
    """A PDF text string: UTF-16 with a byte order mark, else PDFDocEncoding (~Latin-1)."""
    if value.startswith((b"\xfe\xff", b"\xff\xfe")):
        return value.decode("utf-16", "replace")
    return value.decode("latin-1")


def _date(text: str) -> dt.date | None:
    match = _PDF_DATE.match(text.strip())
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _meaningful_title(title: str) -> str:
    """The metadata title, unless it is a file name or a word processor's placeholder."""
    title = re.sub(r"^Microsoft (Word|PowerPoint) - ", "", title)
    if re.search(r"\.(docx?|odt|rtf|pdf|txt|indd)$", title, re.I) or title.lower() in (
            "untitled", "title", "document"):
        return ""
    return title


def _without_page_furniture(lines: list[_Line]) -> list[_Line]:
    """Drop page numbers, and the lines at the top or foot of most pages that repeat
    there (running headers and footers)."""
    by_page: dict[int, list[int]] = {}
    for number, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(number)
    edges = {n for numbers in by_page.values() for n in numbers[:2] + numbers[-2:]}
    on_pages: dict[str, set[int]] = {}
    for number in edges:
        on_pages.setdefault(_shape(lines[number].text), set()).add(lines[number].page)
    pages = len(by_page)
    repeated = {shape for shape, seen in on_pages.items() if pages >= 3 and len(seen) > pages / 2}
    return [line for number, line in enumerate(lines)
            if not _PAGE_NUMBER.fullmatch(line.text)
            and not (number in edges and _shape(line.text) in repeated)]


def _shape(text: str) -> str:
    """A line with its numbers blanked ("Page 2 of 5" and "Page 3 of 5" look alike)."""
    return re.sub(r"\d+", "#", text.lower())


def _blocks(lines: list[_Line]) -> list[tuple[Block, int, float]]:
    """Lines -> headings and paragraphs (with their page and type size): a new block
    starts with each layout box and wherever the lines change between heading and body
    style."""
    from briefgen.importing.readers import looks_like_heading

    body = Counter()
    for line in lines:
        body[line.size] += len(line.text)
    body_size = body.most_common(1)[0][0]

    def heading(line: _Line) -> bool:
        return line.size >= body_size * 1.15 or line.bold and looks_like_heading(line.text)

    blocks: list[tuple[Block, int, float]] = []
    previous: _Line | None = None
    for line in lines:
        kind = "heading" if heading(line) else "paragraph"
        same = previous is not None and (previous.page, previous.box) == (line.page, line.box) \
            and blocks[-1][0].kind == kind and (kind == "paragraph" or previous.size == line.size)
        if same:
            block = blocks[-1][0]
            block.text += line.text if block.text.endswith("-") else " " + line.text
        else:
            blocks.append((Block(kind, line.text), line.page, line.size))
        previous = line
    return blocks
