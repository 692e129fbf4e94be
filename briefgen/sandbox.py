"""The template sandbox: an allow-list of what a template may touch, and limits.

Templates see plain data (:mod:`briefgen.context`).  On top of Jinja's
immutable sandbox, attribute access is allowed only to record fields and to
the listed methods of strings, lists, mappings and dates; only macros, loops,
``range`` and those methods may be called.  Operators, filters, loops and
calls that could blow up are checked against :mod:`briefgen.limits`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from jinja2 import StrictUndefined, Template, Undefined, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.utils import missing
from jinja2.compiler import CodeGenerator, optimizeconst
from jinja2.filters import _GroupTuple
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefgen import limits
from briefgen.context import Record, weight

STR_METHODS = frozenset({
    "upper", "lower", "title", "capitalize", "casefold", "swapcase", "strip", "lstrip",
    "rstrip", "split", "rsplit", "splitlines", "partition", "rpartition", "startswith",
    "endswith", "removeprefix", "removesuffix", "replace", "center", "ljust", "rjust", "zfill",
    "count", "find", "rfind", "isalpha", "isalnum", "isdigit", "isnumeric", "isspace",
    "islower", "isupper", "istitle"})
SEQUENCE_METHODS = frozenset({"index", "count"})
MAPPING_METHODS = frozenset({"items", "keys", "values", "get"})
DATE_ATTRIBUTES = frozenset({"year", "month", "day", "isoformat", "weekday", "isoweekday"})
LOOP_ATTRIBUTES = frozenset({"index", "index0", "revindex", "revindex0", "first", "last",
                             "length", "depth", "depth0", "previtem", "nextitem", "cycle",
                             "changed"})
GROUP_ATTRIBUTES = frozenset({"grouper", "list"})
METHOD_NAMES = (STR_METHODS | SEQUENCE_METHODS | MAPPING_METHODS
                | frozenset({"isoformat", "weekday", "isoweekday", "cycle", "changed"}))
"""Every method a template may call."""
ALLOWED_NAMES = (STR_METHODS | SEQUENCE_METHODS | MAPPING_METHODS | DATE_ATTRIBUTES
                 | LOOP_ATTRIBUTES | GROUP_ATTRIBUTES)
"""Every attribute or method name a template may use besides record fields."""

_SIZED = {"center": 0, "ljust": 0, "rjust": 0, "zfill": 0}   # width is argument 0
_REMOVED_GLOBALS = ("lipsum", "cycler", "joiner", "namespace", "dict")


def allowed_attribute(obj: Any, name: str) -> bool:
    """May a template read *name* of *obj* (record fields aside)?"""
    if isinstance(obj, str):
        return name in STR_METHODS
    if isinstance(obj, _GroupTuple):
        return name in GROUP_ATTRIBUTES or name in SEQUENCE_METHODS
    if isinstance(obj, (list, tuple, range)):
        return name in SEQUENCE_METHODS
    if isinstance(obj, Mapping):
        return name in MAPPING_METHODS
    if isinstance(obj, dt.date) and not isinstance(obj, dt.datetime):
        return name in DATE_ATTRIBUTES
    if isinstance(obj, LoopContext):
        return name in LOOP_ATTRIBUTES
    return False


class SafeMethod:
    """A method a template may call, with its size limits applied first."""

    __slots__ = ("_method", "_name", "_owner")

    def __init__(self, owner: Any, name: str) -> None:
        self._owner, self._name = owner, name
        self._method = getattr(owner, name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._name in _SIZED and args and isinstance(args[0], int):
            limits.check_text(args[0], f"{self._name}({args[0]:,})")
        elif self._name == "replace" and len(args) >= 2:
            limits.check_replace(str(self._owner), str(args[0]), str(args[1]),
                                 *(a for a in args[2:3] if isinstance(a, int)))
        return self._method(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<method {self._name}>"


class LimitedCodeGenerator(CodeGenerator):
    """Compiles loops and ``~`` so that they count against the limits, and
    refuses tags that load other templates."""

    def _refuse_loading(self, node: nodes.Node, frame) -> None:
        self.fail("templates cannot load other templates", node.lineno)

    visit_Include = visit_Import = visit_FromImport = visit_Extends = _refuse_loading

    def visit_For(self, node: nodes.For, frame) -> None:
        cost = sum(len(data.data) for data in node.find_all(nodes.TemplateData))
        node.iter = nodes.Call(nodes.EnvironmentAttribute("loop_items"),
                               [node.iter, nodes.Const(cost)], [], None, None,
                               lineno=node.lineno)
        super().visit_For(node, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame) -> None:
        self.write("environment.concat_values(")
        if frame.eval_ctx.volatile:
            self.write("(markup_join if context.eval_ctx.volatile else str_join)")
        else:
            self.write("markup_join" if frame.eval_ctx.autoescape else "str_join")
        self.write(", (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class LimitedTemplate(Template):
    """A template that renders within a budget (the render's, or its own)."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with limits.budget():
            return super().render(*args, **kwargs)


def check_weight(value: Any, what: str) -> None:
    size = weight(value)
    if size > limits.MAX_TEXT:
        raise limits.text_error(size, what)


def kind_of(obj: Any) -> str:
    """What errors call *obj*: a record's kind (``Person``), else its type's name."""
    return obj.kind if isinstance(obj, Record) else type(obj).__name__


class UnknownName(UndefinedError):
    """A template used a name the data does not have: ``name`` is the variable or
    field, ``owner`` the kind of record it was looked up in (None for a variable)."""

    def __init__(self, message: str, *, name: Any, owner: str | None) -> None:
        super().__init__(message)
        self.name = name
        self.owner = owner


class NamedUndefined(StrictUndefined):
    """Jinja's strict undefined whose error carries the missing name and its owner."""

    __slots__ = ()

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None,
                 exc: type[Exception] = UndefinedError) -> None:
        super().__init__(hint, obj, name, exc)
        if exc is UndefinedError:
            owner = None if obj is missing else kind_of(obj)
            self._undefined_exception = functools.partial(UnknownName, name=name, owner=owner)


class SandboxEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, locked down to an allow-list and limited."""

    code_generator_class = LimitedCodeGenerator
    template_class = LimitedTemplate
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    _BINOPS: dict[str, Callable[[Any, Any], Any]] = {
        "*": limits.multiply, "**": limits.power, "+": limits.add, "%": limits.remainder}

    def __init__(self, filters: Mapping[str, Callable[..., Any]], **options: Any) -> None:
        super().__init__(undefined=NamedUndefined, finalize=_finalize, **options)
        for name in _REMOVED_GLOBALS:
            self.globals.pop(name, None)
        self.globals["range"] = limits.limited_range
        for name in _REMOVED_FILTERS:
            self.filters.pop(name, None)
        self.filters.update(filters)
        self.filters = {name: limited_filter(function, _FILTER_CHECKS.get(name))
                        for name, function in self.filters.items()}

    # what a template may touch ----------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return allowed_attribute(obj, attr)

    def is_safe_callable(self, obj: Any) -> bool:
        return isinstance(obj, (SafeMethod, Macro, LoopContext)) \
            or obj is limits.limited_range or obj is limits.loop_items

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is Record and type(attribute) is str and attribute[:1] != "_":
            value = obj._fields.get(attribute, missing)     # most tags read a field
            if value is not missing:
                return value
        if isinstance(obj, Undefined):
            return obj._fail_with_undefined_error()
        if not isinstance(attribute, str) or attribute.startswith("_"):
            raise self.refused(obj, attribute)
        if isinstance(obj, Mapping):
            if attribute in obj:
                return obj[attribute]
            if attribute not in MAPPING_METHODS:
                kind = obj.kind if isinstance(obj, Record) else "dict"
                return self.undefined(f"{kind} has no field {attribute!r}", obj=obj,
                                      name=attribute)
        if allowed_attribute(obj, attribute):
            value = getattr(obj, attribute)
            return SafeMethod(obj, attribute) if callable(value) else value
        raise self.refused(obj, attribute)

    @staticmethod
    def refused(obj: Any, attribute: Any) -> SecurityError:
        return SecurityError(f"access to attribute {str(attribute)!r} of "
                             f"{type(obj).__name__!r} object is unsafe.")

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Undefined):
            return obj._fail_with_undefined_error()
        if isinstance(argument, str):
            return self.getattr(obj, argument)
        if isinstance(obj, (str, list, tuple, range)):
            try:
                return obj[argument]
            except (TypeError, LookupError):
                pass
        elif isinstance(obj, Mapping):
            try:
                return obj[argument]
            except (TypeError, LookupError):
                pass
        return self.undefined(obj=obj, name=argument)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        if isinstance(__obj, Undefined):
            return __obj._fail_with_undefined_error()
        if not __self.is_safe_callable(__obj):
            raise SecurityError(f"{type(__obj).__name__!r} objects cannot be called in templates")
        if isinstance(__obj, LoopContext) and args:
            args = (limits.loop_items(args[0]),) + args[1:]
        with limits.call_depth():
            return __context.call(__obj, *args, **kwargs)

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator in ("+", "%"):
            check_weight(right, f"'{operator}'")
        return self._BINOPS[operator](left, right)

    # limits wired into the compiled code ----------------------------------------------

    loop_items = staticmethod(limits.loop_items)

    @staticmethod
    def concat_values(join: Callable[[Any], str], values: tuple) -> str:
        check_weight(list(values), "'~'")
        return join(values)


def _finalize(value: Any) -> Any:
    """Every printed value counts against the document's output."""
    if isinstance(value, str):
        size = len(value)
    else:
        size = weight(value)
        if size > limits.MAX_TEXT:
            raise limits.text_error(size, "printing a value")
    limits.count_output(size)
    return value


# filters --------------------------------------------------------------------------

_REMOVED_FILTERS = ("pprint", "tojson")


def _check_center(value: Any, width: Any = 80) -> None:
    if isinstance(width, int):
        limits.check_text(width, f"a width of {width:,}")


def _check_indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> None:
    text = str(value)
    size = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    limits.check_text(len(text) + size * (text.count("\n") + 1), "indenting")


def _check_wordwrap(value: Any, width: int = 79, *args: Any, **kwargs: Any) -> None:
    wrapstring = kwargs.get("wrapstring", args[1] if len(args) > 1 else "\n") or "\n"
    lines = len(str(value)) // max(int(width), 1) + str(value).count("\n") + 1
    limits.check_text(len(str(value)) + lines * (len(str(wrapstring)) + 1), "wrapping text")


def _check_replace(value: Any, old: Any = "", new: Any = "", count: Any = None) -> None:
    limits.check_replace(str(value), str(old), str(new), count if isinstance(count, int) else -1)


def _check_join(value: Any, d: Any = "", attribute: Any = None) -> None:
    items = list(value)
    limits.check_items(len(items), "joining")
    limits.check_text(weight(items) + len(str(d)) * len(items), "joining")


def _check_format(value: Any, *args: Any, **kwargs: Any) -> None:
    limits.check_percent_format(str(value), kwargs or args)


def _check_count(name: str) -> Callable[..., None]:
    """``batch(linecount)``, ``slice(slices)``: the count is the first argument."""
    def check(value: Any, *args: Any, **kwargs: Any) -> None:
        count = args[0] if args else kwargs.get(name, 1)
        if isinstance(count, int):
            limits.check_items(count, f"{count:,} parts")
    return check


_FILTER_CHECKS: dict[str, Callable[..., None]] = {
    "center": _check_center, "indent": _check_indent, "wordwrap": _check_wordwrap,
    "replace": _check_replace, "join": _check_join, "format": _check_format,
    "batch": _check_count("linecount"), "slice": _check_count("slices")}


def _materialized(items: Iterator) -> list:
    """A lazy filter's output as a list, stopping as soon as it grows too large."""
    result, size = [], 0
    for item in items:
        result.append(item)
        size += weight(item)
        limits.check_items(len(result), "a filter's value")
        if size > limits.MAX_TEXT:
            raise limits.text_error(size, "a filter's value")
    return result


def limited_filter(function: Callable[..., Any],
                   check: Callable[..., None] | None = None) -> Callable[..., Any]:
    """*function* (a filter, maybe taking a context or environment first) that
    refuses a value too large to print and runs *check* on its arguments first."""
    first = 0 if getattr(function, "jinja_pass_arg", None) is None else 1

    @functools.wraps(function)
    def limited(*args: Any, **kwargs: Any) -> Any:
        if len(args) > first and not isinstance(args[first], str):
            value = args[first]
            if isinstance(value, Iterator):
                value = _materialized(value)
                args = (*args[:first], value, *args[first + 1:])
            check_weight(value, "a filter's value")
        if check is not None:
            check(*args[first:], **kwargs)
        return function(*args, **kwargs)
    return limited
