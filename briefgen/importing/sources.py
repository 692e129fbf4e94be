"""One file -> a Briefing: pick the reader by file type, then extract or validate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePath

from briefgen.errors import SourceError
from briefgen.importing import readers
from briefgen.importing.document import Document
from briefgen.importing.progress import UNITS, Progress, part
from briefgen.model import Briefing

Found = tuple[Briefing, list[str]]


def import_file(path: str | Path, *, published: dt.date | None = None,
                progress: Progress | None = None) -> Found:
    """Import one article or data file; errors name the file as the user gave it."""
    where = str(path)
    path = Path(path)
    suffix = readers.suffix_of(path)
    if suffix not in readers.SUPPORTED_SUFFIXES and suffix != ".brief.json":
        kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
        raise SourceError(f"unsupported file type {kind} (briefgen imports "
                          f"{', '.join(readers.SUPPORTED_SUFFIXES)})", file=where,
                          kind="unsupported")
    raw = readers.read_raw(path, where)
    return import_raw(raw, suffix, where, published=published, progress=progress)


def import_raw(raw: bytes, suffix: str, where: str, *, published: dt.date | None = None,
               progress: Progress | None = None) -> Found:
    """Import the bytes of a file of type *suffix* (".txt", ".brief.json", ...)."""
    if suffix in (".json", ".brief.json", ".yaml", ".yml"):
        return readers.read_briefing_file(raw, where, yaml_syntax=suffix in (".yaml", ".yml"))
    if suffix == ".csv":
        return readers.read_csv(raw, where)
    if suffix in readers.MAIL_SUFFIXES:
        return _import_mail(raw, suffix, where, published=published, progress=progress)
    reading, rest = split(progress, PDF_READING if suffix == ".pdf" else READING)
    document = readers.ARTICLE_READERS[suffix](raw, where, reading)
    return import_document(document, published=published, progress=rest)


READING = UNITS // 10  # the share of an article's progress that reading the file takes
PDF_READING = UNITS // 2  # pages take long


def split(progress: Progress | None, reading: int) -> tuple[Progress | None, Progress | None]:
    """An article's progress as two callbacks: reading it, then the extraction."""
    return part(progress, 0, reading, UNITS), part(progress, reading, UNITS, UNITS)


def import_document(document: Document, *, published: dt.date | None = None,
                    progress: Progress | None = None) -> Found:
    """The extractor's facts from one article."""
    from briefgen.importing.extract import extract

    return extract(document, published=published, progress=progress)


# attachments that are part of how mail looks, not of what it says
_QUIET = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".svg", ".ics", ".vcf",
          ".p7s", ".asc", ".sig")


def _import_mail(raw: bytes, suffix: str, where: str, *, published: dt.date | None,
                 progress: Progress | None) -> Found:
    """A message's text and each attachment briefgen can read, merged."""
    from briefgen.importing.mail import read_eml, read_msg
    from briefgen.importing.merge import merge

    mail = (read_eml if suffix == ".eml" else read_msg)(raw, where)
    found: list[Found] = []
    warnings: list[str] = []
    pieces = 1 + len(mail.attachments)  # each takes an equal share of the progress

    def share(number: int) -> Progress | None:
        return part(progress, UNITS * number // pieces, UNITS * (number + 1) // pieces, UNITS)

    if mail.document is not None:
        try:
            found.append(import_document(mail.document, published=published,
                                         progress=share(0)))
        except SourceError as exc:
            if not mail.attachments:
                raise
            warnings.append(f"{where}: the message text holds no article ({exc.message})")
    sent = published or (mail.document.published if mail.document else None)
    for number, (name, content) in enumerate(mail.attachments, start=1):
        label, kind = f"{where} › {name}", readers.suffix_of(PurePath(name))
        if kind in readers.SUPPORTED_SUFFIXES or kind == ".brief.json":
            try:  # an attachment is dated no later than its message
                found.append(import_raw(content, kind, label, published=sent,
                                        progress=share(number)))
            except SourceError as exc:
                warnings.append(f"{exc} (attachment left out)")
        elif kind not in _QUIET:
            warnings.append(f"{label}: attachment left out (briefgen does not import "
                            f"'{kind or name}' files)")
    if not found:
        raise SourceError("the message has no text and no attachment briefgen can import",
                          file=where, hint="forward the article itself, or save it as a file")
    return merge([briefing for briefing, _ in found]), \
        warnings + [w for _, ws in found for w in ws]
