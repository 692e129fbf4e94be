"""Blocks across a part: every ``for``/``if``/... closed, in order, by a tag of
the same docxtpl kind in the same place (paragraph, table, row)."""

from __future__ import annotations

from briefgen.check.problems import Report
from briefgen.check.tags import Tag
from briefgen.docxxml.reading import enclosing

BLOCKS = {"for": ("else",), "if": ("elif", "else"), "with": (), "filter": (), "macro": (),
          "call": (), "autoescape": (), "block": (), "set": (), "raw": ()}
"""Jinja's block statements and the statements that may sit inside them."""
BLOCK_WORDS = set(BLOCKS) | {f"end{k}" for k in BLOCKS} | {"elif", "else"}
_PLACE = {
    "p": ": {%p %} tags must be in paragraphs of their own, both in the body or both in "
         "the same table cell",
    "tr": ": {%tr %} tags must be in rows of their own in the same table",
    "tc": ": {%tc %} tags must be in cells of their own in the same row",
    "r": ": both tags must be in the same paragraph",
    "": ": both tags must be in the same paragraph",
}


def check_blocks(report: Report, part: str, tags: list[Tag]) -> None:
    stack: list[Tag] = []
    for tag in tags:
        word = tag.keyword
        if tag.kind != "stmt" or word not in BLOCK_WORDS:
            continue
        if word in BLOCKS and not (word == "set" and "=" in tag.jinja):
            stack.append(tag)
            continue
        if word in ("elif", "else"):
            opener = next((t for t in reversed(stack) if word in BLOCKS[t.keyword]), None)
            if opener is None:
                report.add(part, tag.where, tag.text,
                           f"'{word}' outside any {{% if %}} or {{% for %}} block")
            elif opener is stack[-1]:
                _same_level(report, part, opener, tag)
            else:
                _unclosed(report, part, stack[-1], tag)
            continue
        if word.startswith("end"):
            kind = word[3:]
            index = next((i for i in range(len(stack) - 1, -1, -1)
                          if stack[i].keyword == kind), None)
            if index is None:
                report.add(part, tag.where, tag.text,
                           f"'{word}' has no opening {{% {kind} %}} before it")
                continue
            for inner in stack[index + 1:]:
                _unclosed(report, part, inner, tag)
            _same_level(report, part, stack[index], tag)
            del stack[index:]
    for tag in stack:
        report.add(part, tag.where, tag.text,
                   f"this {tag.keyword} block is never closed: add "
                   f"'{_closing(tag)}' where it should end")


def _unclosed(report: Report, part: str, opener: Tag, at: Tag) -> None:
    report.add(part, opener.where, opener.text,
               f"this {opener.keyword} block is not closed before '{at.text}' at "
               f"{at.paragraph.location}: add '{_closing(opener)}'")


def _same_level(report: Report, part: str, opener: Tag, closer: Tag) -> None:
    if opener.prefix != closer.prefix:
        want = f"{{%{opener.prefix} " if opener.prefix else "{% "
        report.add(part, closer.where, closer.text,
                   f"it closes '{opener.text}' ({opener.paragraph.location}), so it must be "
                   f"written '{want}{closer.keyword} %}}'" + _PLACE[opener.prefix])
    elif _container(opener) is not _container(closer):
        report.add(part, closer.where, closer.text,
                   f"it closes '{opener.text}' ({opener.paragraph.location}) from a different "
                   "place: both tags must be" + _PLACE[opener.prefix].split("must be", 1)[1])


def _container(tag: Tag):
    element = tag.paragraph.element
    if tag.prefix == "p":
        return element.getparent()
    if tag.prefix in ("tr", "tc"):
        ancestor = enclosing(element, tag.prefix)
        return ancestor.getparent() if ancestor is not None else None
    return element


def _closing(tag: Tag) -> str:
    prefix = f"%{tag.prefix}" if tag.prefix else "% "
    return f"{{{prefix} end{tag.keyword} %}}".replace("{%  ", "{% ")
