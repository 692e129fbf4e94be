"""Errors as sentences a staffer reads: ``human_message(exc) -> (text, details)``.

The text says in plain words what happened and what to do, built from the
error's fields (the file's name, the field path, the number of details) and
tables of sentences keyed by the error's kind, never by its message's words;
the details keep the technical line and the error's detail lines for the
curious and for bug reports.  Pure functions, no Qt: the error dialogs call them.
"""

from __future__ import annotations

import re
import traceback
from pathlib import PurePath

from briefgen.errors import BriefgenError

IMPORTABLE = ".txt, .md, .html, .docx, .pdf or e-mail"

# (a BriefgenError's kind, the sentence): {name} is the file's name, {message} the message
RULES: dict[str, str] = {
    "binary": "{name} doesn't look like text. briefgen can import articles saved as "
              f"{IMPORTABLE}.",
    "unsupported": "briefgen cannot import {name}: it reads articles saved as "
                   f"{IMPORTABLE}, and briefings (.brief.json, .yaml).",
    "empty": "{name} is empty.",
    "no-text": "{name} has no text in it.",
    "no-article": "briefgen found no article text in {name}.",
    "missing": "{name} is not there any more: it may have been moved or deleted.",
    "denied": "briefgen is not allowed to open {name}.",
    "folder": "{name} is a folder; choose a file in it.",
    "not-docx": "{name} is not a Word document, although its name ends in .docx.",
    "damaged-docx": "{name} is damaged and cannot be read.",
    "json": "{name} is damaged: it is not valid JSON.",
    "yaml": "{name} is damaged: it is not valid YAML.",
    "not-utf8": "{name} is not saved as UTF-8 text.",
    "manifest-toml": "{name}, the settings file beside the template, has a mistake. Open it "
                     "in a text editor and fix the line named under Details.",
    "too-large": "{name} is too large for briefgen ({message}).",
}

_DATE = "is not a valid date: write it as YYYY-MM-DD, e.g. 2025-08-23"
# pydantic's error types (the error's kind) in plain words
PROBLEMS: dict[str, str] = {
    **dict.fromkeys(("date_type", "date_parsing", "date_from_datetime_parsing", "datetime_type",
                     "datetime_parsing", "datetime_from_date_parsing"), _DATE),
    **dict.fromkeys(("float_type", "float_parsing"), "is not a number"),
    **dict.fromkeys(("int_type", "int_parsing", "int_from_float"), "is not a whole number"),
    **dict.fromkeys(("string_type", "string_unicode"), "must be text"),
    "list_type": "must be a list",
    **dict.fromkeys(("bool_type", "bool_parsing"), "must be yes or no"),
    **dict.fromkeys(("dict_type", "model_type", "model_attributes_type"),
                    "must be a group of fields"),
    "missing": "is missing",
    **dict.fromkeys(("string_too_short", "too_short"), "must not be empty"),
    "extra_forbidden": "is not a field briefgen knows (check its spelling)",
}


def plural(count: int, noun: str, many: str = "") -> str:
    """``1 page``, ``2 pages`` (``many`` for irregular plurals)."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


def plain_problem(kind: str | None, choices: tuple[str, ...] = ()) -> str | None:
    """A pydantic error type (``"date_from_datetime_parsing"``) in plain words, or the
    allowed *choices* when there are several; None for a problem it does not know."""
    if kind in PROBLEMS:
        return PROBLEMS[kind]
    if len(choices) > 1:
        return f"must be one of: {', '.join(choices[:-1])} or {choices[-1]}"
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
    if exc.kind in RULES:
        return RULES[exc.kind].format(name=name, message=exc.message), details
    problem = plain_problem(exc.kind, exc.choices) if exc.field_path else None
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
