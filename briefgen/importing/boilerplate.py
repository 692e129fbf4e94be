"""Drop what is not the article (links to other stories, prompts, bylines) and
keep the metadata such lines carry (author, publication date, agency)."""

from __future__ import annotations

import re
from dataclasses import replace

from briefgen.importing.dates import parse_date
from briefgen.importing.document import Block, Document

_DROP = re.compile(
    r"^\s*(?:also read|read more|read also|see also|related(?: stories| articles| coverage)?|"
    r"recommended|more from|more on this|watch|listen|advertisement|sponsored|"
    r"click here|tap here|follow us|share this|share on|sign up|subscribe|"
    r"photo|image|picture|caption|file photo|editing by|reporting by|writing by|"
    r"copyright|©|all rights reserved|comments?|trending|most read|popular)\b\s*[:|\-–—]?",
    re.I)
_PROMPT = re.compile(
    r"\b(newsletter|subscribe|subscription|sign up|inbox|cookies?|privacy policy|"
    r"terms of (use|service)|accept all|log in|download (our|the) app|unlock|paywall)\b", re.I)
_BYLINE = re.compile(r"^\s*(?i:by|written by|words by)\s+([A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|"
                     r"and|&|de|van|von|da|di|bin))*)(?:\s*[,|/]\s*(.+))?\s*$")
_DATE_LINE = re.compile(r"^\s*(?:published|posted|updated|last updated|date|first published)?"
                        r"\s*(?:on)?\s*:?\s*(.{6,40})$", re.I)
_FIELD_LINE = re.compile(r"^\s*(title|author|source|publisher|site|date|published|url)\s*:\s*(.+)$",
                         re.I)
_DATELINE = re.compile(r"^([A-Z][A-Za-z .'\-]{1,30}?),?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)?"
                       r"\((AP|AFP|Reuters|Yonhap|Kyodo|Xinhua|dpa|DPA|Bloomberg|AAP|PTI|ANI|"
                       r"[A-Z][\w ]{1,20})\)\s*[-—–]+\s*")

_CREDITS = re.compile(r"\s*\((?:reporting|writing|editing|additional reporting|compiled)\s+by\b"
                      r"[^)]*\)\s*$", re.I)


def is_boilerplate(text: str) -> bool:
    """A line that links elsewhere, asks the reader for something, or credits a photo."""
    if _DROP.match(text):
        return True
    words = len(text.split())
    return bool(_PROMPT.search(text)) and words < 40 and not re.search(r"[“”\"]", text)


def clean_document(doc: Document) -> Document:
    """Remove boilerplate blocks; fill author/published/site from metadata lines."""
    fields: dict[str, object] = {}
    blocks: list[Block] = []
    for index, block in enumerate(doc.blocks):
        text = block.text.strip()
        early = index < 6
        m = _FIELD_LINE.match(text)
        if m and early and len(text) < 200:
            key, value = m[1].lower(), m[2].strip()
            if key in ("date", "published"):
                if parse_date(value):
                    fields.setdefault("published", parse_date(value))
                    continue
            elif key in ("source", "publisher", "site"):
                fields.setdefault("site", value)
                continue
            else:
                fields.setdefault(key, value)
                continue
        m = _BYLINE.match(text)
        if m and len(text.split()) <= 12:
            fields.setdefault("author", m[1])
            continue
        if early and len(text) <= 60 and parse_date(text) and _DATE_LINE.match(text) \
                and not re.search(r"\b(said|met|will|has|have)\b", text):
            fields.setdefault("published", parse_date(text))
            continue
        if is_boilerplate(text):
            continue
        text = _CREDITS.sub("", text).strip()
        if not text:
            continue
        m = _DATELINE.match(text)
        if m and block.kind == "paragraph":
            fields.setdefault("site", m[2])
            fields.setdefault("dateline", m[1].strip())
            text = text[m.end():]
        blocks.append(Block(block.kind, text))
    changes = {k: v for k, v in fields.items() if not getattr(doc, k)}
    return replace(doc, blocks=blocks, **changes)
