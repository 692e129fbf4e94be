"""One file -> a Briefing: pick the reader by file type, then extract or validate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from briefgen.errors import SourceError
from briefgen.importing import readers
from briefgen.importing.document import Document
from briefgen.model import Briefing

Found = tuple[Briefing, list[str]]


def import_file(path: str | Path, *, published: dt.date | None = None,
                progress: Callable[[int, int], None] | None = None) -> Found:
    """Import one article or data file; errors name the file as the user gave it."""
    where = str(path)
    path = Path(path)
    suffix = readers.suffix_of(path)
    if suffix not in readers.SUPPORTED_SUFFIXES and suffix != ".brief.json":
        kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
        raise SourceError(f"unsupported file type {kind} (briefgen imports "
                          f"{', '.join(readers.SUPPORTED_SUFFIXES)})", where=where)
    raw = readers.read_raw(path, where)
    return import_raw(raw, suffix, where, published=published, progress=progress)


def import_raw(raw: bytes, suffix: str, where: str, *, published: dt.date | None = None,
               progress: Callable[[int, int], None] | None = None) -> Found:
    """Import the bytes of a file of type *suffix* (".txt", ".brief.json", ...)."""
    if suffix in (".json", ".brief.json", ".yaml", ".yml"):
        return readers.read_briefing_file(raw, where, yaml_syntax=suffix in (".yaml", ".yml"))
    if suffix == ".csv":
        return readers.read_csv(raw, where)
    document = readers.ARTICLE_READERS[suffix](raw, where)
    return import_document(document, published=published, progress=progress)


def import_document(document: Document, *, published: dt.date | None = None,
                    progress: Callable[[int, int], None] | None = None) -> Found:
    """The extractor's facts from one article."""
    from briefgen.importing.extract import extract

    if progress:
        progress(0, 1)
    found = extract(document, published=published)
    if progress:
        progress(1, 1)
    return found
