"""The names and fields a template's data has, read from the facts model's types."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import typing
from typing import Any

from pydantic import BaseModel

from briefgen.context import OFFICE_FIELDS, Record
from briefgen.model import Briefing, Routing
from briefgen.offices import Level
from briefgen.templates import TemplateInfo
from briefgen.templating import environment

_MARKING_FIELDS = ("classification", "caveats", "portion_marks", "portion", "banner")
_TEMPLATE_FIELDS = ("name", "title", "kind")


def unwrap(annotation: Any) -> Any:
    """``Person | None`` -> ``Person``; ``list[Person]`` -> ``("list", Person)``;
    other models and dataclasses as they are; anything else None."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, set, frozenset):
        args = typing.get_args(annotation)
        return ("list", unwrap(args[0]) if args else None)
    if origin is not None and type(None) in typing.get_args(annotation):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        return unwrap(rest[0]) if len(rest) == 1 else None
    if isinstance(annotation, type) and (issubclass(annotation, BaseModel)
                                         or dataclasses.is_dataclass(annotation)):
        return annotation
    return None


def fields(cls: type) -> dict[str, Any]:
    """A model's or dataclass's readable fields and properties with their types."""
    result: dict[str, Any] = {}
    if issubclass(cls, BaseModel):
        result = {name: info.annotation for name, info in cls.model_fields.items()}
    elif dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        result = {f.name: hints.get(f.name) for f in dataclasses.fields(cls)}
    for name in dir(cls):
        attr = getattr(cls, name, None)
        if isinstance(attr, property) and not name.startswith("_"):
            try:
                result[name] = typing.get_type_hints(attr.fget).get("return")
            except (NameError, TypeError):
                result[name] = None
    return result


@functools.cache
def field_names() -> frozenset[str]:
    """Every field a template's data has, at any depth."""
    names: set[str] = set(OFFICE_FIELDS) | set(_MARKING_FIELDS) | set(_TEMPLATE_FIELDS)
    todo, seen = [Briefing, Level], set()
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for name, annotation in fields(cls).items():
            names.add(name)
            kind = unwrap(annotation)
            kind = kind[1] if isinstance(kind, tuple) else kind
            if isinstance(kind, type):
                todo.append(kind)
    return frozenset(names)


def known_names(info: TemplateInfo) -> dict[str, Any]:
    """Every name a template may use, with its type where it has fields."""
    from briefgen.offices import OfficeProfile
    from briefgen.render import build_context

    context = build_context(Briefing(), OfficeProfile(), info, dt.date.today())
    models = {"briefing": Briefing, "routing": Routing}
    known: dict[str, Any] = {}
    for name, value in context.items():
        if name in models:
            known[name] = models[name]
        elif name in Briefing.model_fields and name != "marking":   # marking: the effective one
            known[name] = unwrap(Briefing.model_fields[name].annotation)
        elif isinstance(value, Record):
            known[name] = ("fields", frozenset(value))
        elif isinstance(value, dict):
            known[name] = ("keys", frozenset(value))
        else:
            known[name] = None
    for name in environment().globals:
        known.setdefault(name, None)
    return known


def field_paths(known: dict[str, Any]) -> dict[str, list[str]]:
    """``date`` -> ``["meeting.date", ...]``: where a field name lives one level down."""
    paths: dict[str, list[str]] = {}
    for name, kind in known.items():
        if isinstance(kind, type):
            for attr in fields(kind):
                paths.setdefault(attr, []).append(f"{name}.{attr}")
    return paths
