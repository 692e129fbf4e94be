"""What a reader hands to the extractor: an article's metadata and text blocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Block:
    """A heading or a paragraph of running text."""

    kind: str  # "heading" | "paragraph"
    text: str


@dataclass
class Document:
    """A news article as read from a file, before any language work."""

    where: str
    title: str = ""
    site: str = ""
    author: str = ""
    published: dt.date | None = None
    url: str = ""
    dateline: str = ""  # the place a wire story was filed from ("MANILA")
    blocks: list[Block] = field(default_factory=list)
