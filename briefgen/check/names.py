"""Names and fields: a part's tags compiled as one template and walked with
the types of the facts model, so ``{{ p.nam }}`` inside ``{% for p in
participants %}`` is found with "did you mean 'name'"."""

from __future__ import annotations

import difflib
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from briefgen.check.fields import field_names, field_paths, fields, known_names, unwrap
from briefgen.check.problems import TOO_DEEP, Report, did_you_mean
from briefgen.check.sandbox import NOT_ALLOWED, unsafe
from briefgen.check.tags import Tag
from briefgen.sandbox import ALLOWED_NAMES, MAPPING_METHODS
from briefgen.templates import TemplateInfo
from briefgen.templating import environment

_LOOP = object()   # the type of Jinja's ``loop`` variable (never checked)
_PASS_THROUGH = {"sort", "reverse", "list", "unique", "select", "reject", "selectattr",
                 "rejectattr", "category", "batch", "slice"}
_ELEMENT = {"first", "last", "random", "min", "max"}


def check_names(report: Report, info: TemplateInfo, part: str, tags: list[Tag]) -> None:
    """Report unknown names and fields, and syntax errors only the whole part shows."""
    if not tags:
        return
    source = "\n".join(tag.jinja for tag in tags)
    walker = _Names(report, info, part, tags)
    try:
        walker.visit_body(environment().parse(source).body, {})
    except TemplateSyntaxError as exc:
        tag = tags[min(max((exc.lineno or 1) - 1, 0), len(tags) - 1)]
        report.add(part, tag.where, tag.text, f"syntax error: {exc.message}")
    except RecursionError:
        report.add(part, "", "", TOO_DEEP)


class _Names:
    """Walks a part's tags as one template, checking names and fields in scope."""

    def __init__(self, report: Report, info: TemplateInfo, part: str, tags: list[Tag]) -> None:
        self.report_to, self.part, self.tags = report, part, tags
        self.known = known_names(info)
        self.paths = field_paths(self.known)

    def report(self, node: nodes.Node, message: str) -> None:
        tag = self.tags[min(max(node.lineno - 1, 0), len(self.tags) - 1)]
        self.report_to.add(self.part, tag.where, tag.text, message)

    def visit_body(self, body: list[nodes.Node], scope: dict[str, Any]) -> None:
        for node in body:
            self.visit(node, scope)

    def visit(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope)
            inner = dict(scope, loop=_LOOP)
            self.bind(node.target, self.element(node.iter, scope), inner)
            if node.test is not None:
                self.visit(node.test, inner)
            self.visit_body(node.body, inner)
            self.visit_body(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            self.visit(node.node, scope)
            self.bind(node.target, self.type_of(node.node, scope), scope)
        elif isinstance(node, nodes.AssignBlock):
            self.visit_body(node.body, dict(scope))
            self.bind(node.target, None, scope)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values):
                self.visit(value, scope)
                self.bind(target, self.type_of(value, scope), inner)
            self.visit_body(node.body, inner)
        elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
            if isinstance(node, nodes.Macro):
                scope[node.name] = None
            else:
                self.visit(node.call, scope)
            inner = dict(scope, caller=None, varargs=None, kwargs=None)
            for arg in node.args:
                inner[arg.name] = None
            for default in node.defaults:
                self.visit(default, scope)
            self.visit_body(node.body, inner)
        elif isinstance(node, nodes.Name):
            self.name(node, scope)
        elif isinstance(node, nodes.Getattr):
            self.visit(node.node, scope)
            self.attribute(node, scope)
        else:
            for child in node.iter_child_nodes():
                self.visit(child, scope)

    def bind(self, target: nodes.Node, kind: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = kind
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = None

    def name(self, node: nodes.Name, scope: dict[str, Any]) -> None:
        if node.ctx != "load" or node.name in scope or node.name in ("self", "loop"):
            return
        if node.name in self.known or node.name.startswith("_"):
            return  # a "_" name is reported as refused by the sandbox
        hints = self.paths.get(node.name, [])[:2]
        hints += difflib.get_close_matches(node.name, list(self.known) + list(scope),
                                           n=1, cutoff=0.6)
        suggestion = " or ".join(f"'{h}'" for h in dict.fromkeys(hints))
        self.report(node, f"unknown variable '{node.name}'"
                    + (f" (did you mean {suggestion}?)" if suggestion else ""))

    def attribute(self, node: nodes.Getattr, scope: dict[str, Any]) -> None:
        owner = self.type_of(node.node, scope)
        if unsafe(node.attr):
            return
        if isinstance(owner, tuple) and owner[0] in ("keys", "fields"):
            valid: Any = owner[1]
            what = owner[0][:-1]
            known = node.attr in valid or node.attr in MAPPING_METHODS
        elif isinstance(owner, type):
            valid = fields(owner)
            what = "field"
            known = node.attr in valid or node.attr in MAPPING_METHODS
        elif node.attr in ALLOWED_NAMES or node.attr in field_names():
            return
        else:
            self.report(node, NOT_ALLOWED.format(node.attr))
            return
        if not known:
            self.report(node, f"'{_describe(node.node)}' has no {what} '{node.attr}'"
                        + did_you_mean(node.attr, valid))

    def type_of(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            return scope[node.name] if node.name in scope else self.known.get(node.name)
        if isinstance(node, nodes.Getattr):
            owner = self.type_of(node.node, scope)
            if isinstance(owner, type):
                return unwrap(fields(owner).get(node.attr))
            return None
        if isinstance(node, nodes.Filter) and node.node is not None:
            inner = self.type_of(node.node, scope)
            if node.name in _PASS_THROUGH:
                return inner
            if node.name in _ELEMENT and isinstance(inner, tuple) and inner[0] == "list":
                return inner[1]
            return None
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
                and isinstance(node.arg.value, int):
            inner = self.type_of(node.node, scope)
            return inner[1] if isinstance(inner, tuple) and inner[0] == "list" else None
        return None

    def element(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        kind = self.type_of(node, scope)
        return kind[1] if isinstance(kind, tuple) and kind[0] == "list" else None


def _describe(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_describe(node.node)}.{node.attr}"
    return "value"
