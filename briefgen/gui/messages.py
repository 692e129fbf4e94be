"""Errors as sentences a staffer reads: ``human_message(exc) -> (text, details)``.

The text says in plain words what happened and what to do, built from the
error's fields (the file's name, the field path, the number of details) and a
table of sentences for known messages; the details keep the technical line
and the error's detail lines for the curious and for bug reports.  Pure
functions, no Qt: the error dialogs call them.
"""

from __future__ import annotations

import re
import traceback
from pathlib import PurePath

from briefgen.errors import BriefgenError

IMPORTABLE = ".txt, .md, .html, .docx, .pdf or e-mail"

# (how a BriefgenError's message starts, the sentence): {name} is the file's name,
# {message} the message
RULES: tuple[tuple[str, str], ...] = (
    ("this looks like binary data", "{name} doesn't look like text. briefgen can import "
                                    f"articles saved as {IMPORTABLE}."),
    ("unsupported file type", "briefgen cannot import {name}: it reads articles saved as "
                              f"{IMPORTABLE}, and briefings (.brief.json, .yaml)."),
    ("the file is empty", "{name} is empty."),
    ("the document has no text", "{name} has no text in it."),
    ("no article text found", "briefgen found no article text in {name}."),
    ("no such file", "{name} is not there any more: it may have been moved or deleted."),
    ("permission denied", "briefgen is not allowed to open {name}."),
    ("is a folder", "{name} is a folder; choose a file in it."),
    ("not a Word .docx", "{name} is not a Word document, although its name ends in .docx."),
    ("this .docx is damaged", "{name} is damaged and cannot be read."),
    ("not valid JSON", "{name} is damaged: it is not valid JSON."),
    ("not valid YAML", "{name} is damaged: it is not valid YAML."),
    ("not UTF-8 text", "{name} is not saved as UTF-8 text."),
    ("the manifest is not valid TOML", "{name}, the settings file beside the template, has a "
                                       "mistake. Open it in a text editor and fix the line "
                                       "named under Details."),
    ("the file is larger than", "{name} is too large for briefgen ({message})."),
)

# pydantic's messages (by error start) in plain words
PROBLEMS: tuple[tuple[str, str], ...] = (
    ("input should be a valid date", "is not a valid date: write it as YYYY-MM-DD, e.g. 2025-08-23"),
    ("input should be a valid number", "is not a number"),
    ("input should be a valid integer", "is not a whole number"),
    ("input should be a valid string", "must be text"),
    ("input should be a valid list", "must be a list"),
    ("input should be a valid boolean", "must be yes or no"),
    ("input should be a valid dictionary", "must be a group of fields"),
    ("field required", "is missing"),
    ("string should have at least", "must not be empty"),
    ("list should have at least", "must not be empty"),
    ("unknown field", "is not a field briefgen knows (check its spelling)"),
)


def plural(count: int, noun: str, many: str = "") -> str:
    """``1 page``, ``2 pages`` (``many`` for irregular plurals)."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


def plain_problem(message: str) -> str | None:
    """A pydantic message ("input should be a valid date or datetime, …") in plain words;
    None for a message it does not know."""
    lowered = message.strip().lower()
    for start, words in PROBLEMS:
        if lowered.startswith(start):
            return words
    options = re.findall(r"'([^']*)'", lowered) if lowered.startswith("input should be") else []
    if len(options) > 1:
        return f"must be one of: {', '.join(options[:-1])} or {options[-1]}"
    return None


def _singular(noun: str) -> str:
    return {"people": "person", "mentioned": "mentioned person"}.get(
        noun, re.sub(r"ies$", "y", noun) if noun.endswith("ies") else noun.removesuffix("s"))


def describe(loc: str) -> str:
    """A field's place in words: ``participants[2].role`` -> ``the role of participant 3``."""
    parts = re.findall(r"([A-Za-z_]\w*)|\[(\d+)\]", loc)
    words: list[str] = []
    for name, index in parts:
        if index and words:
            words.append(f"{_singular(words.pop())} {int(index) + 1}")
        elif name:
            words.append(name.replace("_", " "))
    if not words:
        return loc
    head, owners = words[-1], words[:-1]
    if not owners:
        return f"the {head}" if not head[-1].isdigit() else head
    owner = " of ".join(reversed([o if o[-1].isdigit() else f"the {o}" for o in owners]))
    return f"the {head} of {owner}" if not head[-1].isdigit() else f"{head} of {owner}"


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def human_message(exc: BaseException) -> tuple[str, str]:
    """What to tell the user about *exc*, and the technical details to put under Details."""
    if not isinstance(exc, BriefgenError):
        if isinstance(exc, OSError) and exc.strerror:
            name = PurePath(exc.filename).name if exc.filename else "a file"
            return (f"briefgen could not use {name}: {exc.strerror.lower()}.",
                    f"{type(exc).__name__}: {exc}")
        return ("Something went wrong inside briefgen. This is a bug; the details below help "
                "to fix it.", "".join(traceback.format_exception(exc)).rstrip())
    details = "\n".join((str(exc), *exc.details))
    name = PurePath(exc.file).name if exc.file else "This file"
    for start, words in RULES:
        if exc.message.startswith(start):
            return words.format(name=name, message=exc.message), details
    problem = plain_problem(exc.message) if exc.field_path else None
    if problem:
        where = f" in {name}" if exc.file else ""
        text = _sentence(f"{describe(exc.field_path)}{where} {problem}")
        more = len(exc.details) - 1
        if more > 0:
            text += f" {plural(more, 'more problem')} {'is' if more == 1 else 'are'} listed " \
                    "under Details."
        return text, details
    text = _sentence(exc.message)
    if exc.hint:
        text += " " + _sentence(exc.hint)
    return text, details


def where_lines(exc: BriefgenError) -> str:
    """Where the problem is, from the error's fields: ``In: memo: header``, then the tag
    and the field on lines of their own; '' when the error names no place."""
    lines = [f"{label}: {value}" for label, value in
             (("In", exc.place()), ("Tag", exc.tag), ("Field", exc.field_path)) if value]
    return "\n".join(lines)
