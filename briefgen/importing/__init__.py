"""Import news articles and data files into a :class:`~briefgen.model.Briefing`.

Readers (:mod:`.readers`, :mod:`.pdf`, :mod:`.mail`) turn file formats into a
:class:`.document.Document` or, for data files, a Briefing; the extractor
(:mod:`.extract` and the modules it calls) does the language work;
:mod:`.merge` joins several sources.

Long imports report ``progress(done, total)``; the callback may raise
:class:`~briefgen.errors.Cancelled` to stop the import.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import SourceError
from briefgen.importing.progress import UNITS, Progress, part
from briefgen.importing.readers import SUPPORTED_SUFFIXES
from briefgen.model import Briefing

__all__ = ["ImportResult", "Progress", "SUPPORTED_SUFFIXES", "import_bytes", "import_sources",
           "import_text"]



@dataclass
class ImportResult:
    briefing: Briefing
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """'2 participants, 3 quotes, 5 figures, 4 topics' (plus commitments/next steps)."""
        b = self.briefing
        counts = [(len(b.participants), "participant"), (len(b.quotes), "quote"),
                  (len(b.figures), "figure"), (len(b.topics), "topic")]
        counts += [(n, label) for n, label in ((len(b.commitments), "commitment"),
                                               (len(b.next_steps), "next step")) if n]
        return ", ".join(f"{n} {label}{'' if n == 1 else 's'}" for n, label in counts)


def import_sources(paths: Sequence[str | Path], *, published: dt.date | None = None,
                   progress: Progress | None = None) -> ImportResult:
    """Read each file, extract, merge into one Briefing.

    Raises :class:`SourceError` (``where`` = the path as given) for bad input
    and :class:`~briefgen.errors.Cancelled` when *progress* raises it.
    """
    from briefgen.importing.merge import merge
    from briefgen.importing.sources import import_file

    if not paths:
        raise SourceError("nothing to import", hint="name at least one article or data file")
    total = UNITS * len(paths)
    report = progress or _ignore
    briefings, warnings = [], []
    for number, path in enumerate(paths):
        report(UNITS * number, total)
        briefing, found = import_file(path, published=published,
                                      progress=part(report, UNITS * number,
                                                    UNITS * (number + 1), total))
        briefings.append(briefing)
        warnings.extend(found)
    report(total, total)
    return ImportResult(merge(briefings), counted(warnings))


def import_text(text: str, *, html: bool = False, published: dt.date | None = None,
                name: str = "pasted text", progress: Progress | None = None) -> ImportResult:
    """Import an article given as text or HTML (pasted, dropped, or read from a pipe).

    *name* stands for the file in messages; the source entry names no file.
    """
    from briefgen.importing import readers
    from briefgen.importing.sources import READING, import_document, split

    if not text.strip():
        raise SourceError("there is no text to import", file=name,
                          hint="copy the article's text first")
    reading, rest = split(progress, READING)
    if html:
        try:
            document = readers.html_document(text, name, reading)
        except SourceError:  # a selection too short to tell article from page is the article
            document = readers.fragment_document(text, name, reading)
    else:
        document = readers.text_document(text, name, reading)
    if not document.blocks:
        raise SourceError("there is no text to import", file=name,
                          hint="copy the article's text first")
    return _unfiled(import_document(document, published=published, progress=rest))


def import_bytes(raw: bytes, *, published: dt.date | None = None, name: str = "standard input",
                 progress: Progress | None = None) -> ImportResult:
    """Import an article given as bytes of unknown type: HTML if it looks like HTML,
    else text in whatever encoding it has."""
    from briefgen.importing import readers
    from briefgen.importing.encoding import decode_text
    from briefgen.importing.sources import READING, import_document, split

    if not raw.strip():
        raise SourceError("no text came in", file=name,
                          hint="give the article's text or HTML")
    reading, rest = split(progress, READING)
    if readers.looks_like_html(raw):
        document = readers.read_html(raw, name, reading)
    else:
        document = readers.text_document(decode_text(raw, where=name)[0], name, reading)
    return _unfiled(import_document(document, published=published, progress=rest))


def counted(warnings: Iterable[str]) -> list[str]:
    """Each warning once, in first-seen order; a repeated one says how often it came."""
    return [text if n == 1 else f"{text} ({n:,} times)"
            for text, n in Counter(warnings).items()]


def _unfiled(found: tuple[Briefing, list[str]]) -> ImportResult:
    """Text that came from no file: its source entry names none."""
    briefing, warnings = found
    for source in briefing.sources:
        source.file = ""
    return ImportResult(briefing, counted(warnings))


def _ignore(done: int, total: int) -> None:
    """No one is watching."""
