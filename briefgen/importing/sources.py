"""One file -> a Briefing: pick the reader by file type, then extract or validate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefgen.errors import SourceError
from briefgen.importing import readers
from briefgen.model import Briefing


def import_file(path: str | Path, *,
                published: dt.date | None = None) -> tuple[Briefing, list[str]]:
    """Import one article or data file; errors name the file as the user gave it."""
    where = str(path)
    path = Path(path)
    suffix = readers.suffix_of(path)
    if suffix not in readers.SUPPORTED_SUFFIXES and suffix != ".brief.json":
        kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
        raise SourceError(f"unsupported file type {kind} (briefgen imports "
                          f"{', '.join(readers.SUPPORTED_SUFFIXES)})", where=where)
    raw = readers.read_raw(path, where)
    if suffix in (".json", ".brief.json", ".yaml", ".yml"):
        return readers.read_briefing_file(raw, where, yaml_syntax=suffix in (".yaml", ".yml"))
    if suffix == ".csv":
        return readers.read_csv(raw, where)
    from briefgen.importing.extract import extract

    document = readers.ARTICLE_READERS[suffix](raw, where)
    return extract(document, published=published)
