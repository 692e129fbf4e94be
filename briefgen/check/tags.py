"""The tags of a paragraph as Jinja will see them, and tags left open or closed
without their start."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.docxxml.reading import Paragraph

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
OPEN = re.compile(r"\{\{|\{%|\{#")
_STRAY = re.compile(r"\}\}|%\}")
_PREFIX = re.compile(r"^\{([{%#])(p|tr|tc|r) ")
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
"""Word's curly quotes, straightened as docxtpl does before Jinja reads a tag."""
DOCXTPL_CELL_TAGS = ("colspan", "cellbg", "vm", "hm")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_OPENER_OF = {"}}": "{{", "%}": "{%"}


@dataclass
class Tag:
    text: str              # as typed in the document
    paragraph: Paragraph
    start: int
    end: int
    prefix: str = ""       # docxtpl's p / tr / tc / r, or ""
    kind: str = "expr"     # expr | stmt | comment
    jinja: str = ""        # what Jinja compiles: prefix removed, quotes straightened
    keyword: str = ""      # first word of a statement

    @property
    def where(self) -> str:
        return self.paragraph.where()


def find_tags(paragraph: Paragraph) -> tuple[list[Tag], list[tuple[str, str]]]:
    """The tags of a paragraph and its (text, message) tag-shape problems."""
    text = paragraph.text
    tags, problems, rest = [], [], []
    last = 0
    for match in TAG.finditer(text):
        rest.append(text[last:match.start()])
        last = match.end()
        tags.append(_make_tag(match.group(), paragraph, match.start(), match.end()))
    rest.append(text[last:])
    for chunk in rest:
        opened = OPEN.search(chunk)
        if opened:
            tail = chunk[opened.start():]
            problems.append((tail[:40], "the tag is not closed in this paragraph: finish it with "
                             f"'{_CLOSER[opened.group()]}' in the same paragraph"))
            chunk = chunk[:opened.start()]
        for stray in _STRAY.finditer(chunk):
            before = chunk[max(0, stray.start() - 30):stray.end()]
            problems.append((before.strip(), f"'{stray.group()}' without its opening "
                             f"'{_OPENER_OF[stray.group()]}': the tag's start is missing or "
                             "mistyped"))
    return tags, problems


def _make_tag(text: str, paragraph: Paragraph, start: int, end: int) -> Tag:
    tag = Tag(text, paragraph, start, end)
    match = _PREFIX.match(text)
    if match:
        tag.prefix = match.group(2)
    body = _PREFIX.sub(r"{\1 ", text).translate(QUOTES).replace("\n", " ")
    tag.kind = {"{{": "expr", "{%": "stmt", "{#": "comment"}[text[:2]]
    tag.jinja = body
    if tag.kind == "stmt":
        words = body[2:-2].strip(" -+\t").split()
        tag.keyword = words[0] if words else ""
    return tag
