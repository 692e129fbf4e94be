"""File formats -> a :class:`Document` (articles) or a :class:`Briefing` (data files).

Readers know about formats only; what the words mean is the extractor's job.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from briefgen import wordpolicy
from briefgen.errors import InputError, SourceError
from briefgen.importing.dates import parse_date
from briefgen.importing.document import Block, Document
from briefgen.importing.encoding import decode_text
from briefgen.importing.pdf import read_pdf
from briefgen.importing.progress import Item, Passes, Progress, part
from briefgen.model import Briefing
from briefgen.safezip import read_package, repack

MAX_BYTES = 20_000_000
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
MAIL_SUFFIXES = (".eml", ".msg")
DATA_SUFFIXES = (".json", ".yaml", ".yml", ".csv")
SUPPORTED_SUFFIXES: tuple[str, ...] = ARTICLE_SUFFIXES + MAIL_SUFFIXES + DATA_SUFFIXES


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    return ".brief.json" if name.endswith(".brief.json") else path.suffix.lower()


def read_raw(path: Path, where: str) -> bytes:
    from briefgen.files import read_bytes

    try:
        return read_bytes(path, limit=MAX_BYTES)
    except InputError as exc:
        raise exc.recast(SourceError, file=where) from exc


# -- plain text and Markdown -------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?:;,…\"”’)]$")
_CLOSED = re.compile(r"[.!?…:][\"”’)]*$")


def looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation whose words are mostly capitalised."""
    if len(line) > 110:
        return False
    words = line.split()
    if not 1 <= len(words) <= 14 or _SENTENCE_END.search(line):
        return False
    if not line[0].isupper() or line[0] in "“\"'‘":
        return False
    minor = {"a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "under",
             "at", "by", "from", "as", "vs", "but", "into", "over", "after", "before"}
    capital = sum(1 for w in words if w[0].isupper() or not w[0].isalpha() or w in minor)
    return capital >= len(words) * 0.8


def text_blocks(text: str, progress: Progress | None = None) -> list[Block]:
    """Split plain text into headings and paragraphs (hard-wrapped lines are joined)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    blocks: list[Block] = []
    for chunk in _reading(progress, re.split(r"\n\s*\n", text)):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        heads = [looks_like_heading(ln) for ln in lines]
        open_ends = sum(1 for ln, head in zip(lines[:-1], heads) if not head
                        and not _CLOSED.search(ln))
        if len(lines) > 1 and open_ends + sum(heads[:-1]) == len(lines) - 1 and open_ends:
            blocks.append(Block("paragraph", " ".join(lines)))  # one hard-wrapped paragraph
        else:
            blocks.extend(Block("heading" if head else "paragraph", line)
                          for line, head in zip(lines, heads))
    return blocks


def read_text(raw: bytes, where: str, progress: Progress | None = None) -> Document:
    return text_document(decode_text(raw, where=where)[0], where, progress)


def text_document(text: str, where: str, progress: Progress | None = None) -> Document:
    """Plain text -> a Document whose title is its leading heading, if any."""
    return _titled(Document(where=where, blocks=text_blocks(text, progress)))


def _reading(progress: Progress | None, items: Sequence[Item]) -> Iterator[Item]:
    """The items a reader goes over, reporting *progress* (which may cancel) as it goes."""
    return Passes(progress, {"read": 1}).each("read", items)


_HTML_START = re.compile(rb"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*"
                         rb"<(!doctype\s+html|html|head|body|meta|div|p|article|section|span|"
                         rb"h[1-6]|table|ul|ol|a|b|i|strong|em|br)\b", re.I | re.S)


def looks_like_html(raw: bytes) -> bool:
    """Bytes that start like HTML (a page or a fragment copied from one)."""
    head = raw[:4096].lstrip(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    return bool(_HTML_START.match(head))


def _titled(doc: Document) -> Document:
    """Take a leading heading as the document's title."""
    if doc.blocks and doc.blocks[0].kind == "heading" and not doc.title:
        doc.title = doc.blocks.pop(0).text
    return doc


def read_markdown(raw: bytes, where: str, progress: Progress | None = None) -> Document:
    from markdown_it import MarkdownIt

    text, _ = decode_text(raw, where=where)
    doc = Document(where=where)
    front = re.match(r"\A---\n(.*?)\n---\n", text.replace("\r\n", "\n"), flags=re.S)
    if front:
        _front_matter(front.group(1), doc)
        text = text.replace("\r\n", "\n")[front.end():]
    tokens = MarkdownIt("commonmark").parse(text)
    kind = None
    for token in _reading(progress, tokens):
        if token.type in ("heading_open", "paragraph_open"):
            kind = "heading" if token.type == "heading_open" else "paragraph"
            level = token.tag
        elif token.type == "inline" and kind:
            content = _inline_text(token).strip()
            if content:
                if kind == "heading" and level == "h1" and (not doc.blocks) \
                        and (not doc.title or doc.title == content):
                    doc.title = content
                else:
                    doc.blocks.append(Block(kind, content))
            kind = None
        elif token.type == "code_block":  # an article's indented text (a list's body) is prose
            doc.blocks += [Block("paragraph", " ".join(p.split()))
                           for p in token.content.split("\n\n") if p.strip()]
    return doc


def _front_matter(block: str, doc: Document) -> None:
    """Title, date, author and site from YAML front matter; matter that is not YAML is
    ignored, matter beyond the limits (an alias bomb) refused."""
    from briefgen.briefing_io import DataLimitError, load_yaml

    try:
        data = load_yaml(block, where=doc.where)
    except DataLimitError as exc:
        raise exc.recast(SourceError, part="front matter") from exc
    except InputError:
        return
    if not isinstance(data, dict):
        return
    text = {str(k).lower(): v for k, v in data.items()}
    doc.title = str(text.get("title") or "")
    doc.author = str(text.get("author") or "")
    doc.site = str(text.get("site") or text.get("publisher") or text.get("source") or "")
    doc.url = str(text.get("url") or "")
    date = text.get("date") or text.get("published")
    doc.published = date if type(date) is dt.date else \
        date.date() if isinstance(date, dt.datetime) else parse_date(str(date or ""))


def _inline_text(token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


# -- web pages ------------------------------------------------------------------

def read_html(raw: bytes, where: str, progress: Progress | None = None) -> Document:
    """A saved web page; trafilatura gets the bytes and decodes them itself."""
    if not raw.strip():
        raise SourceError("the file is empty", file=where, kind="empty",
                          hint="choose a file that contains the article or data")
    return html_document(raw, where, progress)


def html_document(markup: bytes | str, where: str, progress: Progress | None = None) -> Document:
    """The article in a web page or an HTML fragment (as pasted from a browser).

    *progress* hears when the page is parsed and as its paragraphs are read."""
    import trafilatura
    from lxml import etree

    if isinstance(markup, str) and not _FULL_PAGE.match(markup):
        markup = f"<html><body>{markup}</body></html>"
    if progress:
        progress(0, 2)
    try:
        tree = trafilatura.load_html(markup)
        if tree is None:
            raise SourceError("no article text found in this web page", file=where,
                              kind="no-article",
                              hint="save the article page itself, or copy its text into a "
                                   ".txt file")
        meta = _html_meta(tree)
        _separate_elements(tree)
        xml = trafilatura.extract(tree, output_format="xml", with_metadata=True,
                                  include_comments=False, include_tables=False,
                                  favor_precision=True, deduplicate=True)
    except SourceError:
        raise
    except Exception as exc:  # trafilatura surfaces many parser errors; none is ours
        raise SourceError(f"cannot read this web page: {exc}", file=where) from exc
    if not xml:
        raise SourceError("no article text found in this web page", file=where, kind="no-article",
                          hint="save the article page itself, or copy its text into a .txt file")
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))
    doc = Document(where=where, title=meta.get("title") or root.get("title") or "",
                   site=meta.get("site") or root.get("sitename") or "",
                   author=meta.get("author") or root.get("author") or "",
                   url=meta.get("url") or root.get("url") or "",
                   published=parse_date(meta.get("published") or "")
                   or parse_date(root.get("date") or ""))
    main = root.find("main")
    elements = list((main if main is not None else root).iter("head", "p", "item", "quote"))
    for el in _reading(part(progress, 1, 2, 2), elements):
        if el.tag == "p" and el.getparent().tag in ("item", "quote"):
            continue
        kind = "heading" if el.tag == "head" else "paragraph"
        for content in _lines(el):
            if not (kind == "heading" and content == doc.title):
                doc.blocks.append(Block(kind, content))
    if not any(b.kind == "paragraph" for b in doc.blocks):
        raise SourceError("no article text found in this web page", file=where, kind="no-article",
                          hint="save the article page itself, or copy its text into a .txt file")
    return doc


def html_text(markup: str) -> str:
    """All the text of an HTML fragment, a line per block: for a selection or a mail
    body too short for trafilatura to tell article from page furniture."""
    import lxml.html

    try:
        root = lxml.html.fromstring(markup)
    except Exception:  # lxml refuses empty or odd documents in several ways
        return ""
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCKS - {"br"}):
        block.tail = "\n\n" + (block.tail or "")
    return root.text_content()


def fragment_document(markup: str, where: str, progress: Progress | None = None) -> Document:
    """A selection too short for trafilatura to tell article from page: all its text,
    its <h1>…<h6> kept as headings (a leading one is the title)."""
    import lxml.html

    try:
        headings = {" ".join(el.text_content().split())
                    for el in lxml.html.fromstring(markup).iter(*_HEADINGS)}
    except Exception:  # lxml refuses empty or odd documents in several ways
        headings = set()
    doc = Document(where=where, blocks=text_blocks(html_text(markup), progress))
    for block in doc.blocks:
        if " ".join(block.text.split()) in headings:
            block.kind = "heading"
    return _titled(doc)


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_FULL_PAGE = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html)\b",
                        re.I | re.S)
# Elements a browser shows on their own line (or as separate items), so text
# in two of them side by side must not run together as one word.
_BLOCKS = frozenset("address article aside blockquote br dd div dl dt figcaption figure "
                    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
                    "table td th tr ul".split())
# Inline elements that often sit against each other without a space (links,
# spans, bylines); formatting such as <b>, <i> or <sup> may split a word.
_SEPARATE_INLINE = frozenset("a span time label button cite".split())


def _separate_elements(tree) -> None:
    """Put a space between adjacent elements that a browser would not run together
    ("<span>All India</span><div>Edited by</div>" is two phrases, not "IndiaEdited")."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tail and el.tail[:1].isspace():
            continue
        after = el.getnext()
        if el.tail:
            separate = el.tag in _BLOCKS
        elif after is not None and isinstance(after.tag, str):
            separate = el.tag in _BLOCKS or after.tag in _BLOCKS or (
                el.tag in _SEPARATE_INLINE and after.tag in _SEPARATE_INLINE)
        else:
            separate = el.tag in _BLOCKS and el.getparent() is not None
        if separate:
            el.tail = " " + (el.tail or "")
        if el.tag in _BLOCKS:
            _space_before(el)


def _space_before(el) -> None:
    """End the text just before a block element with a space ("A<div>B" is "A B")."""
    before, parent = el.getprevious(), el.getparent()
    if before is not None:
        if before.tail and not before.tail[-1].isspace():
            before.tail += " "
    elif parent is not None and parent.text and not parent.text[-1].isspace():
        parent.text += " "


def _lines(el) -> list[str]:
    """The text of a trafilatura element, one entry per line (``<lb/>`` = a line break)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


_META_KEYS = {"article:published_time": "published", "og:site_name": "site",
              "og:title": "title", "author": "author", "article:author": "author",
              "og:url": "url", "date": "published", "pubdate": "published"}


def _html_meta(tree) -> dict[str, str]:
    """The page's own metadata (``<meta property=... content=...>``), first value wins;
    the parser has already turned entities into characters ("Kim &amp; Lee" -> "Kim & Lee")."""
    found: dict[str, str] = {}
    for tag in tree.iter("meta"):
        key = (tag.get("property") or tag.get("name") or "").strip().lower()
        content = " ".join((tag.get("content") or "").split())
        field = _META_KEYS.get(key)
        if field and content and (field == "url" or not content.startswith(("http:", "https:"))):
            found.setdefault(field, content)  # a profile link is no author's name
    return found


# -- Word ---------------------------------------------------------------------

def read_docx(raw: bytes, where: str, progress: Progress | None = None) -> Document:
    import docx

    if not raw.strip():
        raise SourceError("the file is empty", file=where, kind="empty")
    parts = read_package(raw, where, error=SourceError)
    wordpolicy.enforce(parts, file=where, subject="document", error=SourceError, xml_only=True)
    try:
        word = docx.Document(io.BytesIO(repack(parts)))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SourceError("not a Word .docx document (cannot open it)", file=where,
                          kind="not-docx",
                          hint="save it again from Word as .docx") from exc
    except Exception as exc:  # a broken package can fail deep inside lxml or python-docx
        raise SourceError(f"this .docx is damaged: {type(exc).__name__}", file=where,
                          kind="damaged-docx",
                          hint="save it again from Word as .docx") from exc
    props = word.core_properties
    created = props.created or props.modified
    doc = Document(where=where, title=props.title or "", author=props.author or "",
                   published=created.date() if isinstance(created, dt.datetime) else None)
    for para in _reading(progress, word.paragraphs):
        content = " ".join(para.text.split())
        if not content:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        if style == "Title":
            doc.title = doc.title or content
        elif style.startswith("Heading") or style == "Subtitle":
            doc.blocks.append(Block("heading", content))
        else:
            doc.blocks.append(Block("paragraph", content))
    if not doc.blocks:
        raise SourceError("the document has no text", file=where, kind="no-text")
    return doc


# -- data files -------------------------------------------------------------------

def read_briefing_file(raw: bytes, where: str, *, yaml_syntax: bool) -> tuple[Briefing, list[str]]:
    from briefgen.briefing_io import briefing_from_data, parse_text

    text, _ = decode_text(raw, where=where)
    try:
        data = parse_text(text, where=where, yaml_syntax=yaml_syntax)
        if not isinstance(data, dict):
            raise InputError(f"not a briefing: the file holds a {_kind(data)}, "
                             "not an object of briefing fields", file=where)
        return briefing_from_data(data, where=where)
    except SourceError:
        raise
    except InputError as exc:
        raise exc.recast(SourceError) from exc
    except RecursionError as exc:
        raise SourceError("the data is nested too deeply", file=where) from exc


def _kind(data: object) -> str:
    return {list: "list", str: "text", int: "number", float: "number", bool: "true/false",
            type(None): "nothing"}.get(type(data), type(data).__name__)


_PERSON_COLUMNS = {"name": "name", "full name": "name", "title": "title", "position": "title",
                   "office": "title", "country": "country", "role": "role", "side": "side",
                   "native name": "native_name", "native_name": "native_name", "bio": "bio",
                   "notes": "bio"}
_FIGURE_COLUMNS = {"value": "value", "number": "value", "amount": "value", "unit": "unit",
                   "text": "text", "figure": "text", "description": "text",
                   "category": "category", "source": "evidence", "evidence": "evidence"}


def read_csv(raw: bytes, where: str) -> tuple[Briefing, list[str]]:
    text, _ = decode_text(raw, where=where)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise SourceError(f"not a valid CSV table: {exc}", file=where) from exc
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise SourceError("the file is empty", file=where, kind="empty")
    header = [" ".join(h.split()).lower().replace("_", " ") for h in rows[0]]
    header = [h if h != "native name" else "native_name" for h in header]
    if "name" in header or "full name" in header:
        table, kind = _PERSON_COLUMNS, "participants"
    elif "value" in header or "figure" in header or "amount" in header:
        table, kind = _FIGURE_COLUMNS, "figures"
    else:
        raise SourceError(
            f"unknown columns {', '.join(repr(h) for h in rows[0])}: expected a table of "
            f"participants ({', '.join(_names(_PERSON_COLUMNS))}) or of figures "
            f"({', '.join(_names(_FIGURE_COLUMNS))})", file=where,
            hint="rename the header row")
    unknown = [orig for orig, h in zip(rows[0], header) if h not in table]
    if unknown:
        raise SourceError(
            f"unknown column{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(u) for u in unknown)} in a table of {kind}: expected "
            f"{', '.join(_names(table))}", file=where, hint="rename or remove the column")
    return _table_briefing(rows, header, table, kind, where)


def _names(table: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(k for k, v in table.items() if k == v or k.replace(" ", "_") == v))


def _table_briefing(rows, header, table, kind, where) -> tuple[Briefing, list[str]]:
    from pydantic import ValidationError

    from briefgen.briefing_io import briefing_from_data

    items = []
    for number, row in enumerate(rows[1:], start=2):
        item: dict[str, object] = {}
        for h, cell in zip(header, row):
            cell = cell.strip()
            if not cell:
                continue
            key = table[h]
            if key == "value":
                try:
                    item[key] = float(re.sub(r"[,\s]", "", cell).rstrip("%"))
                except ValueError:
                    raise SourceError(f"{h!r} is not a number: {cell!r}", file=where,
                                      location=f"line {number}") from None
            elif key == "role":
                item[key] = cell.lower()
            else:
                item[key] = cell
        if kind == "figures" and "text" not in item and "value" in item:
            value = item["value"]
            item["text"] = f"{value:g} {item.get('unit', '')}".strip()
        if item:
            items.append((number, item))
    try:
        return briefing_from_data({kind: [i for _, i in items]}, where=where)
    except InputError as exc:
        cause = exc.__cause__       # the model's own error, with the row and column
        loc = cause.errors()[0]["loc"] if isinstance(cause, ValidationError) else ()
        if len(loc) == 3 and loc[0] == kind and isinstance(loc[1], int):
            raise exc.recast(SourceError, field_path=None,
                             location=f"line {items[loc[1]][0]}, column {loc[2]!r}") from exc
        raise exc.recast(SourceError) from exc


ArticleReader = Callable[[bytes, str, Progress | None], Document]
ARTICLE_READERS: dict[str, ArticleReader] = {
    ".txt": read_text, ".md": read_markdown, ".html": read_html, ".htm": read_html,
    ".docx": read_docx, ".pdf": read_pdf,
}
