"""Import news articles and data files into a :class:`~briefgen.model.Briefing`.

Readers (:mod:`.readers`) turn file formats into a :class:`.document.Document`
or, for data files, a Briefing; the extractor (:mod:`.extract` and the modules
it calls) does the language work; :mod:`.merge` joins several sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import SourceError
from briefgen.importing.readers import SUPPORTED_SUFFIXES
from briefgen.model import Briefing


__all__ = ["ImportResult", "SUPPORTED_SUFFIXES", "import_sources"]


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


def import_sources(paths: Sequence[str | Path], *,
                   published: dt.date | None = None) -> ImportResult:
    """Read each file, extract, merge into one Briefing.

    Raises :class:`SourceError` (``where`` = the path as given) for bad input.
    """
    from briefgen.importing.merge import merge
    from briefgen.importing.sources import import_file

    if not paths:
        raise SourceError("nothing to import", hint="name at least one article or data file")
    briefings, warnings = [], []
    for path in paths:
        briefing, found = import_file(path, published=published)
        briefings.append(briefing)
        warnings.extend(found)
    return ImportResult(merge(briefings), warnings)
