"""Markdown in fact text -> Word runs (a docxtpl :class:`RichText`).

Parsed with markdown-it-py.  Emphasis becomes bold/italic runs, inline code a
monospaced run, links their text; paragraphs and list items become line
breaks inside the one paragraph the ``{{r ... }}`` tag sits in, list items
prefixed with a bullet or their number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from docxtpl import RichText

# Characters or line starts that can change how Markdown renders text; text
# without them renders as itself, so the parser need not even be imported.
_MARKUP = re.compile(r"[*_`#\[\]<>&\\\n]|^\s*([-+]|\d+[.)])\s", re.MULTILINE)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable(["image"])


def markdown_to_richtext(text: str) -> RichText:
    if not _MARKUP.search(text):
        return RichText(text.strip()) if text.strip() else RichText()
    rich = RichText()
    bold = italic = code = False
    lists: list[list[int] | None] = []  # None: bullets; [n]: next number
    lines_started = False

    def newline() -> None:
        nonlocal lines_started
        if lines_started:
            rich.add("\n")
        lines_started = True

    for block in _parser().parse(text):
        kind = block.type
        if kind == "bullet_list_open":
            lists.append(None)
        elif kind == "ordered_list_open":
            lists.append([int(block.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            newline()
            counter = lists[-1] if lists else None
            indent = "    " * (len(lists) - 1)
            if counter is None:
                rich.add(f"{indent}\u2022 ")
            else:
                rich.add(f"{indent}{counter[0]}. ")
                counter[0] += 1
            lines_started = False
        elif kind == "paragraph_open":
            newline()
        elif kind == "heading_open":
            newline()
            bold = True
        elif kind == "heading_close":
            bold = False
        elif kind in ("code_block", "fence"):
            newline()
            rich.add(block.content.rstrip("\n"), font="Courier New")
        elif kind == "inline":
            for token in block.children or []:
                if token.type == "text":
                    rich.add(token.content, bold=bold, italic=italic,
                             font="Courier New" if code else None)
                elif token.type == "code_inline":
                    rich.add(token.content, bold=bold, italic=italic, font="Courier New")
                elif token.type == "strong_open":
                    bold = True
                elif token.type == "strong_close":
                    bold = False
                elif token.type == "em_open":
                    italic = True
                elif token.type == "em_close":
                    italic = False
                elif token.type in ("softbreak", "hardbreak"):
                    rich.add("\n" if token.type == "hardbreak" else " ")
    return rich
