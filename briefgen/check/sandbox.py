"""What the sandbox would refuse, found without rendering: attributes and
methods outside its allow-list, data-changing calls, loading other templates,
unknown filters and tests."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from jinja2 import nodes
from jinja2.sandbox import modifies_known_mutable

from briefgen.check.fields import field_names
from briefgen.check.problems import did_you_mean
from briefgen.context import Record
from briefgen.model import Briefing
from briefgen.sandbox import ALLOWED_NAMES, METHOD_NAMES
from briefgen.templating import environment

REFUSED = "refused by the sandbox: templates may only read briefing data"
NOT_ALLOWED = "'{}' is neither a field of the briefing data nor a method templates may use"
_ATTRIBUTE_FILTERS = {"attr": 0, "map": None, "selectattr": 0, "rejectattr": 0, "groupby": 0,
                      "sort": None, "sum": None, "unique": None, "min": None, "max": None,
                      "omitted": 1}
"""Filters that read an attribute named by an argument (its position, else ``attribute=``)."""


@functools.cache
def _object_attributes() -> frozenset[str]:
    """The attributes of every kind of object a template could ever meet, or that
    the context used to expose (models, paths, docxtpl objects)."""
    from docxtpl import DocxTemplate, InlineImage, RichText
    from jinja2.runtime import LoopContext, Macro
    from markupsafe import Markup

    from briefgen.offices import OfficeProfile

    kinds = (str, bytes, int, float, list, tuple, dict, set, range, dt.date, dt.datetime, Record,
             Briefing, OfficeProfile, Path, InlineImage, DocxTemplate, RichText, LoopContext,
             Macro, Markup, type, object, type(len), type(field_names))
    return frozenset(name for kind in kinds for name in dir(kind))


def unsafe(name: str) -> bool:
    """Is *name* an attribute of some object that the allow-list refuses?"""
    if name.startswith("_"):
        return True
    return name not in ALLOWED_NAMES and name not in field_names() \
        and name in _object_attributes()


def _refused(name: str) -> str:
    if any(modifies_known_mutable(obj, name) for obj in ([], {}, set())):
        return (f"'{name}()' changes data and is refused by the sandbox: templates may only "
                "read briefing data")
    return f"'{name}' is {REFUSED}"


def _attribute_arguments(node: nodes.Filter) -> list[str]:
    """The constant attribute names a filter such as ``selectattr('role')`` reads."""
    position = _ATTRIBUTE_FILTERS.get(node.name, -1)
    values = [kw.value for kw in node.kwargs if kw.key == "attribute"]
    if position is not None and position >= 0 and len(node.args) > position:
        values.append(node.args[position])
    names = []
    for value in values:
        if isinstance(value, nodes.Const) and isinstance(value.value, str):
            names += [part for part in value.value.split(".") if not part.isdigit()]
    return names


def static_problems(ast: nodes.Template) -> list[str]:
    """Unknown filters and tests, and what the sandbox refuses, in one parsed tag."""
    env = environment()
    found = []
    for node in ast.find_all((nodes.Filter, nodes.Test, nodes.Getattr, nodes.Getitem,
                              nodes.Name, nodes.Call, nodes.Include, nodes.Import,
                              nodes.FromImport, nodes.Extends)):
        if isinstance(node, nodes.Filter):
            if node.name not in env.filters:
                found.append(f"unknown filter '{node.name}'"
                             + did_you_mean(node.name, env.filters))
            found += [_refused(name) for name in _attribute_arguments(node) if unsafe(name)]
        elif isinstance(node, nodes.Test) and node.name not in env.tests:
            found.append(f"unknown test '{node.name}'" + did_you_mean(node.name, env.tests))
        elif isinstance(node, nodes.Getattr) and unsafe(node.attr):
            found.append(_refused(node.attr))
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
                and isinstance(node.arg.value, str) and unsafe(node.arg.value):
            found.append(_refused(node.arg.value))
        elif isinstance(node, nodes.Name) and node.name.startswith("_") and node.name != "_":
            found.append(f"'{node.name}' is {REFUSED}")
        elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr) \
                and not unsafe(node.node.attr) and node.node.attr not in METHOD_NAMES:
            attr = node.node.attr
            found.append(f"'{attr}' is a field, not a method: write it without '()'"
                         if attr in field_names() else NOT_ALLOWED.format(attr))
        elif isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            found.append("refused by the sandbox: templates cannot load other templates")
    return found
