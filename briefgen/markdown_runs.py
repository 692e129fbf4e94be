"""Markdown in fact text -> Word runs and paragraphs (a docxtpl :class:`RichText`).

Parsed with markdown-it-py.  Emphasis becomes bold/italic runs, inline code a
monospaced run, links their text; text gets curly quotes, dashes and dates in
the office's style (:func:`briefgen.typography.typeset`).

A ``{{r … }}`` tag sits inside one Word paragraph.  Text of one block fills
that paragraph; every further block (a second paragraph, each list item)
closes it and opens a paragraph of its own: bullet items in Word's "List
Bullet" styles (real numbering, hanging indent), numbered items with their
number and a hanging indent, each starting with the portion mark.  When the
text *starts* with a list, the host paragraph is left empty and marked;
:func:`drop_emptied_hosts` removes it after rendering.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from docxtpl import RichText

from briefgen.typography import typeset

# Characters or line starts that can change how Markdown renders text; text
# without them renders as itself, so the parser need not even be imported.
_MARKUP = re.compile(r"[*_`#\[\]<>&\\\n]|^\s*([-+]|\d+[.)])\s", re.MULTILINE)
# ``**strong**`` or ``*emphasis*`` whose text starts and ends with a letter or
# digit, not touching another ``*``: CommonMark's flanking rules always make
# such a pair emphasis, so text whose only markup is these renders without the
# parser too (tests compare both ways).
_EMPHASIS = re.compile(r"(?<!\*)(\*\*?)(?=\w)([^*]*?\w)\1(?!\*)")
# What the parser reads differently besides markup: a ``~~~`` fence, a
# carriage return (a line break), a NUL (replaced).
_NOT_INLINE = re.compile(r"^~~~|[\r\0]")
DROP_MARK = "_briefgen_empty_host"
_BULLET_STYLES = ("ListBullet", "ListBullet2")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable(["image"])


def _paragraph_start(ppr: str, portion: str) -> str:
    """Close the current paragraph and open the next, with its portion mark."""
    xml = f"</w:p><w:p><w:pPr>{ppr}</w:pPr>" if ppr else "</w:p><w:p>"
    if portion:
        xml += f'<w:r><w:t xml:space="preserve">{escape(portion, quote=False)}</w:t></w:r>'
    return xml


def markdown_to_richtext(text: str, *, date_style: str = "us", portion: str = "",
                         bold: bool = False, italic: bool = False) -> RichText:
    """*text* as runs for the paragraph its tag sits in, and paragraphs after it;
    *bold* and *italic* set the whole text so (a ``{{r }}`` run does not take
    the formatting of the run its tag was typed in)."""
    text = str(text or "").strip()
    if not _MARKUP.search(text):
        return RichText(typeset(text, date_style), bold=bold, italic=italic) if text else RichText()
    spans = _emphasis_spans(text)
    if spans is not None:
        rich = RichText()
        for span, strong, emphasis in spans:
            rich.add(typeset(span, date_style), bold=bold or strong, italic=italic or emphasis)
        return rich
    return _parsed(text, date_style, portion, bold, italic)


def _emphasis_spans(text: str) -> list[tuple[str, bool, bool]] | None:
    """*text* as (text, strong, emphasis) spans when its only markup is simple
    ``**strong**`` and ``*emphasis*`` (see ``_EMPHASIS``), else None."""
    if _NOT_INLINE.search(text):
        return None
    spans, start, marker = [], 0, ""
    for found in _EMPHASIS.finditer(text):
        before = text[start:found.start()]
        marker, inner = found.groups()
        if before or marker == "**":    # as the parser: an empty run before strong text
            spans.append((before, False, False))
        spans.append((inner, marker == "**", marker == "*"))
        start = found.end()
    if text[start:] or marker == "**":  # and after it
        spans.append((text[start:], False, False))
    if any(_MARKUP.search(span) for span, _, _ in spans):
        return None
    return spans


def _parsed(text: str, date_style: str, portion: str, bold: bool, italic: bool) -> RichText:
    """*text* through the Markdown parser: any Markdown."""
    rich = RichText()
    base_bold, base_italic = bold, italic
    lists: list[list[int] | None] = []  # None: bullets; [n]: the next number
    blocks = 0  # blocks started so far; the first one fills the host paragraph

    def start_block(ppr: str = "", number: str = "") -> None:
        """Open the next block's paragraph: a numbered item's number comes
        before its portion mark, at the hanging indent."""
        nonlocal blocks
        mark = "" if number else portion
        if blocks:
            rich.xml += _paragraph_start(ppr, mark)
        elif ppr:  # a list first: leave the host paragraph empty, marked to go
            rich.xml += (f'<w:bookmarkStart w:id="0" w:name="{DROP_MARK}"/>'
                         f'<w:bookmarkEnd w:id="0"/>' + _paragraph_start(ppr, mark))
        blocks += 1
        if number:
            rich.add(f"{number}\t{portion}")

    tokens = _parser().parse(text)
    for index, block in enumerate(tokens):
        kind = block.type
        if kind == "bullet_list_open":
            lists.append(None)
        elif kind == "ordered_list_open":
            lists.append([int(block.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            depth = len(lists) - 1
            counter = lists[-1]
            if counter is None:
                style = _BULLET_STYLES[min(depth, len(_BULLET_STYLES) - 1)]
                start_block(f'<w:pStyle w:val="{style}"/>')
            else:
                indent = 360 * (depth + 1)
                start_block(f'<w:ind w:left="{indent}" w:hanging="360"/>', f"{counter[0]}.")
                counter[0] += 1
        elif kind == "paragraph_open":
            inside_item = index and tokens[index - 1].type == "list_item_open"
            if not inside_item:
                start_block()
        elif kind == "heading_open":
            start_block('<w:keepNext/>')
            bold = True
        elif kind == "heading_close":
            bold = base_bold
        elif kind in ("code_block", "fence"):
            start_block()
            rich.add(block.content.rstrip("\n"), font="Courier New")
        elif kind == "inline":
            for token in block.children or []:
                if token.type == "text":
                    rich.add(typeset(token.content, date_style), bold=bold, italic=italic)
                elif token.type == "code_inline":
                    rich.add(token.content, bold=bold, italic=italic, font="Courier New")
                elif token.type == "strong_open":
                    bold = True
                elif token.type == "strong_close":
                    bold = base_bold
                elif token.type == "em_open":
                    italic = True
                elif token.type == "em_close":
                    italic = base_italic
                elif token.type == "softbreak":
                    rich.add(" ")
                elif token.type == "hardbreak":
                    rich.xml += "<w:r><w:br/></w:r>"
    return rich


def drop_emptied_hosts(document) -> int:
    """Remove the paragraphs a leading list left empty (holding at most a
    portion mark); return how many went."""
    body = document.element.body
    marks = [m for m in body.iter(f"{{{_W}}}bookmarkStart") if m.get(f"{{{_W}}}name") == DROP_MARK]
    removed = 0
    for mark in marks:
        paragraph = mark.getparent()
        text = "".join(t.text or "" for t in paragraph.iter(f"{{{_W}}}t")).strip()
        if paragraph.tag == f"{{{_W}}}p" and re.fullmatch(r"(\([A-Z/\-]+\))?", text):
            paragraph.getparent().remove(paragraph)
            removed += 1
        else:
            end = mark.getnext()
            if end is not None and end.tag == f"{{{_W}}}bookmarkEnd":
                paragraph.remove(end)
            paragraph.remove(mark)
    return removed
