"""The one error family of briefgen.

Every problem a user can fix is raised as a :class:`BriefgenError` (or a
subclass).  ``str(error)`` is a single line that says where the problem is,
what is wrong and, where useful, what to do; the CLI prints it after
``briefgen: error:`` and the GUI shows it in a dialog or the preview pane.
"""

from __future__ import annotations

from pathlib import Path


class BriefgenError(Exception):
    """A problem the user can act on.

    ``where`` names the file, template or field; ``hint`` says what to do;
    ``details`` carries extra lines (e.g. every validation problem) that the
    GUI shows under "details" and the CLI prints with ``--debug``.
    """

    def __init__(self, message: str, *, where: str | Path | None = None,
                 hint: str | None = None, details: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = str(where) if where is not None else None
        self.hint = hint
        self.details = details

    def __reduce__(self):
        """Pickle with location and hint (errors cross process boundaries in batches)."""
        return (_rebuild, (type(self), self.message, self.where, self.hint, self.details))

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
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


def _rebuild(cls, message, where, hint, details):
    return cls(message, where=where, hint=hint, details=details)
