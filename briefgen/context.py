"""Plain data for templates: what a template sees instead of live objects.

A live object's methods are a way out of any sandbox (a pydantic model's
``model_validate``, a ``Path``'s ``read_text``), so templates get only
strings, numbers, booleans, dates, lists and :class:`Record` values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from briefgen.limits import MAX_TEXT

PLAIN = (str, int, float, bool, dt.date, type(None))
"""The scalar types a template may hold."""

OFFICE_FIELDS = ("name", "title", "description", "letterhead", "logo_width_mm", "classification",
                 "levels", "caveats", "portion_marks", "date_style", "paper", "margin_mm",
                 "font", "font_size", "east_asian_font", "spelling", "routing")
"""What a template may read of an office profile (not its files)."""


class Record(Mapping):
    """An immutable, named set of plain fields: a person, a topic, the office.

    Templates read fields as ``p.name`` or ``p['name']``; ``kind`` names the
    record in errors ("Person has no field 'nme'").  Being read-only, a record
    is weighed (:func:`weight`) once.
    """

    __slots__ = ("_kind", "_fields", "_weight")

    def __init__(self, kind: str, fields: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_fields", dict(fields))
        object.__setattr__(self, "_weight", None)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("records are read-only")

    @property
    def kind(self) -> str:
        return self._kind

    def __getitem__(self, key: str) -> Any:
        return self._fields[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __repr__(self) -> str:
        inner = ", ".join(f"{key}={value!r}" for key, value in self._fields.items())
        return f"{self._kind}({inner})"


def weight(value: Any, limit: int = MAX_TEXT) -> int:
    """About how many characters *value* prints as, counted up to just over *limit*
    (the sandbox's measure of what a template builds or passes on)."""
    total, stack = 0, [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, Record):
            if item._weight is None:
                object.__setattr__(item, "_weight", weight(item._fields))
            total += item._weight
        elif isinstance(item, (list, tuple)):
            total += 2 + len(item)
            stack.extend(item)
        elif isinstance(item, Mapping):
            total += 2 + len(item)
            stack.extend(item.keys())
            stack.extend(item.values())
        else:
            total += 8
    return total


def plain(value: Any) -> Any:
    """*value* as plain data: models become records, sequences lists."""
    if isinstance(value, PLAIN):
        return value if type(value) in PLAIN else _scalar(value)
    if isinstance(value, BaseModel):
        return Record(type(value).__name__,
                      {name: plain(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return Record("dict", {str(key): plain(item) for key, item in value.items()})
    raise TypeError(f"{type(value).__name__} is not plain template data")


def _scalar(value: Any) -> Any:
    """A subclass of a plain type as the plain type itself (an enum, a datetime)."""
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, dt.datetime):
        return value.date()
    for kind in (str, int, float, dt.date):
        if isinstance(value, kind):
            return kind(value) if kind is not dt.date else dt.date(value.year, value.month,
                                                                    value.day)
    return value


def record(__kind: str, **fields: Any) -> Record:
    """A record named *__kind* of *fields*, each made plain."""
    return Record(__kind, {name: plain(value) for name, value in fields.items()})
