"""The one error family of briefgen.

Every problem a user can fix is raised as a :class:`BriefgenError` (or a
subclass).  Like Jinja's exceptions, an error carries its location as fields
(file, part, location, tag, field path) and builds its one line from them;
nothing ever parses a message back.  The CLI prints that line after
``briefgen: error:`` (with ``-v``, the details indented below it); the GUI
shows it in a dialog with the details under "Details".
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

E = TypeVar("E", bound="BriefgenError")
FIELDS = ("file", "part", "location", "tag", "field_path", "hint", "details", "kind", "choices")


class BriefgenError(Exception):
    """A problem the user can act on.

    ``file`` names the file, template or other input; ``part`` a part of it
    (a template's body or header); ``location`` where in it (a paragraph, a
    table cell, a line, a CSV row); ``tag`` the template tag as typed;
    ``field_path`` the briefing field (``participants[1].name``); ``hint``
    what to do; ``details`` extra lines (every validation problem); ``kind`` a
    short key for what went wrong (``"empty"``, ``"binary"``, or pydantic's error
    type such as ``"missing"``) that the GUI picks its sentence by; ``choices`` the
    allowed values when a value must be one of a few.
    """

    def __init__(self, message: str, *, file: str | Path | None = None,
                 part: str | None = None, location: str | None = None,
                 tag: str | None = None, field_path: str | None = None,
                 hint: str | None = None, details: Iterable[str] = (),
                 kind: str | None = None, choices: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.part = part or None
        self.location = location or None
        self.tag = tag or None
        self.field_path = field_path or None
        self.hint = hint or None
        if isinstance(details, str) or isinstance(choices, str):
            raise TypeError("details and choices are lists: give a tuple of strings")
        self.details = tuple(details)
        self.kind = kind or None
        self.choices = tuple(choices)

    def fields(self) -> dict:
        """Every field but the message, as keywords for another error's constructor."""
        return {name: getattr(self, name) for name in FIELDS}

    def recast(self, cls: type[E], **changes) -> E:
        """This error as a *cls* with the same fields but *changes* (a file that cannot
        be read while loading a template is a :class:`TemplateError`)."""
        return cls(self.message, **(self.fields() | changes))

    def place(self) -> str:
        """``memo.docx: body, paragraph 3``: the file, part and location; '' when unknown."""
        inside = ", ".join(x for x in (self.part, self.location) if x)
        return ": ".join(x for x in (self.file, inside) if x)

    def __reduce__(self):
        """Pickle with every field (errors cross process boundaries in batches)."""
        return (_rebuild, (type(self), self.message, self.fields()))

    def __str__(self) -> str:
        text = ": ".join(x for x in (self.place(), self.tag, self.field_path, self.message) if x)
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(BriefgenError):
    """A briefing file or other input cannot be read or is not valid."""


class SourceError(InputError):
    """An article or data file could not be imported."""


class TemplateError(BriefgenError):
    """A template is broken: syntax, unknown variable, bad manifest."""


class TemplateSecurityError(TemplateError):
    """A template tried something the sandbox forbids."""


class OutputError(BriefgenError):
    """A document could not be written or converted."""


class Cancelled(BriefgenError):
    """The user stopped a long task (an import, an export) before it finished."""


def _rebuild(cls, message, fields):
    return cls(message, **fields)
