"""Paragraphs -> sentences, and an article -> sections of sentences."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from briefgen.importing import lexicon
from briefgen.importing.document import Block, Document
from briefgen.importing.gazetteer import place_words, title_pattern

_ABBREVIATIONS = frozenset(
    {*lexicon.words("sentences", "abbreviations"),
     *(w.lower().rstrip(".").split()[-1] for w in lexicon.words("people", "honorifics")
       if w.endswith("."))})
_BOUNDARY = re.compile(r"([.!?…]+)([\"”’)]*)(\s+)(?=[\"“‘(]?[A-Z0-9À-ÖØ-Þ])")
# two words a page glued together, the first a place: "of BrazilLuiz" -> "of Brazil Luiz"
_GLUED = re.compile(r"\b([A-Z][a-z]+)(?=[A-Z][a-z])")
# a transcript's speaker label: "President of Russia Vladimir Putin: Mr President,"
_SPEAKER = re.compile(lexicon.scalar("sentences", "speaker_label"))


def _unglued(text: str) -> str:
    """Put back the space between a place's name and the capitalised word glued to it."""
    places = place_words()
    return _GLUED.sub(lambda m: m[1] + " " if m[1].lower() in places else m[1], text)


def _speaker_label(text: str) -> bool:
    """'President of Russia Vladimir Putin: Mr President,' (an office in the label), not a
    heading such as 'Common Challenges: China and Trade'."""
    m = _SPEAKER.match(text.strip())
    return bool(m and title_pattern().search(m["label"]))


def split_sentences(paragraph: str) -> list[str]:
    """Split running text into sentences, keeping closing quotation marks attached."""
    text = _unglued(" ".join(paragraph.split()))
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start:m.start()]
        last_word = re.findall(r"([\w.]+)$", before)
        if m.group(1) == "." and last_word:
            word = last_word[0].lower().rstrip(".")
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        end = m.end(2)
        sentences.append(text[start:end].strip())
        start = m.end()
    if text[start:].strip():
        sentences.append(text[start:].strip())
    return sentences


@dataclass
class Paragraph:
    text: str
    sentences: list[str]


@dataclass
class Section:
    """A heading (may be empty for the lead) and its paragraphs."""

    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p.sentences]


def sections(doc: Document, each: Callable[[list[Block]], Iterable[Block]] = iter) \
        -> list[Section]:
    """Group the article's paragraphs under their headings; the first has none.

    A transcript's speaker label that a reader took for a heading is running text;
    *each* goes over the blocks (the importer's progress reports as it goes)."""
    result = [Section("")]
    for block in each(doc.blocks):
        if block.kind == "heading" and not _speaker_label(block.text):
            result.append(Section(block.text.strip().rstrip(":")))
        else:
            result[-1].paragraphs.append(Paragraph(block.text, split_sentences(block.text)))
    return [s for s in result if s.paragraphs or s.heading]
