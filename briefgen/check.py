"""Checking a Word template before anyone renders it.

``check_template`` reads every part docxtpl renders (body, headers, footers,
footnotes) paragraph by paragraph and reports, with the part, the paragraph or
table cell and the tag's text:

* tags Word split over runs of different formatting, or across a hyperlink,
  tracked change or field (docxtpl would style or corrupt them);
* tags left open in a paragraph and stray ``}}`` / ``%}``;
* misplaced docxtpl tags: ``{%tr %}`` outside a table row, ``{%p %}`` sharing
  its paragraph with other text, unbalanced or mismatched blocks;
* Jinja syntax errors, unknown filters and tests;
* variables and fields not in the facts model, with "did you mean";
* anything the sandbox refuses: every attribute or method outside its
  allow-list (record fields and the listed ``str``/``list``/``dict``/date
  methods), data-changing calls, includes; the manifest's ``output`` pattern.

These checks only read the template.  A template without such problems is
finally rendered with the bundled sample briefing, inside the same limits as
every render, so whatever slipped through still shows up as a problem.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import io
import re
import typing
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from jinja2 import TemplateSyntaxError, nodes
from jinja2.sandbox import modifies_known_mutable
from lxml import etree
from pydantic import BaseModel

from briefgen import docxxml, wordpolicy
from briefgen.context import OFFICE_FIELDS, Record
from briefgen.errors import BriefgenError, InputError, TemplateError
from briefgen.files import read_bytes
from briefgen.model import Briefing, Routing
from briefgen.offices import Level
from briefgen.safezip import MAX_FILE, read_package, repack
from briefgen.sandbox import ALLOWED_NAMES, MAPPING_METHODS, METHOD_NAMES
from briefgen.templates import (TemplateInfo, find_template, output_pattern_problem,
                                read_template_info)
from briefgen.templating import environment

PARTS = ("body", "header", "footer", "footnotes")
PROPERTIES_PART = "document properties"


@dataclass(frozen=True)
class Problem:
    """One thing to fix in a template, located well enough to find it in Word."""

    template: str
    part: str
    location: str
    tag: str
    message: str

    def __str__(self) -> str:
        where = ", ".join(x for x in (self.part, self.location) if x)
        tag = f"{self.tag}: " if self.tag else ""
        return f"{self.template}: {where}: {tag}{self.message}"


# --- reading the document ------------------------------------------------------

@dataclass
class _Run:
    element: Any
    text: str


@dataclass
class _Paragraph:
    element: Any
    location: str          # "paragraph 3" / "table 1, row 2, cell 1"
    runs: list[_Run]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def where(self) -> str:
        text = " ".join(self.text.split())
        if len(text) > 100:
            text = text[:99] + "…"
        return f'{self.location} ("{text}")' if text else self.location


@dataclass
class _Tag:
    text: str              # as typed in the document
    paragraph: _Paragraph
    start: int
    end: int
    prefix: str = ""       # docxtpl's p / tr / tc / r, or ""
    kind: str = "expr"     # expr | stmt | comment
    jinja: str = ""        # what Jinja compiles: prefix removed, quotes straightened
    keyword: str = ""      # first word of a statement

    @property
    def where(self) -> str:
        return self.paragraph.where()


_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
              qn("w:noBreakHyphen"): "-"}


def _run_text(run) -> str:
    parts = []
    for child in run:
        if child.tag in _TEXT_TAGS:
            fixed = _TEXT_TAGS[child.tag]
            parts.append(child.text or "" if fixed is None else fixed)
    return "".join(parts)


def _own(element, ancestor_tag: str, owner) -> bool:
    """Is *owner* the nearest *ancestor_tag* of *element*?"""
    return next(element.iterancestors(ancestor_tag), None) is owner


def _paragraphs(root) -> list[_Paragraph]:
    """Every paragraph under *root* with a location a Word user can find."""
    w_p, w_tbl, w_tr, w_tc = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
    tables = {tbl: n for n, tbl in enumerate(root.iter(w_tbl), 1)}
    found, body_count, boxes = [], 0, {}
    for p in root.iter(w_p):
        cell = next(p.iterancestors(w_tc, qn("w:txbxContent")), None)
        if cell is None:
            body_count += 1
            location = f"paragraph {body_count}"
        elif cell.tag == w_tc:
            row = cell.getparent()
            table = row.getparent()
            rows = [r for r in table if r.tag == w_tr]
            cells = [c for c in row if c.tag == w_tc]
            location = (f"table {tables[table]}, row {rows.index(row) + 1}, "
                        f"cell {cells.index(cell) + 1}")
            paras = [q for q in cell.iter(w_p) if _own(q, w_tc, cell)]
            if len(paras) > 1:
                location += f", paragraph {paras.index(p) + 1}"
        else:
            box = boxes.setdefault(cell, len(boxes) + 1)
            paras = [q for q in cell.iter(w_p)]
            location = f"text box {box}, paragraph {paras.index(p) + 1}"
        runs = [_Run(r, _run_text(r)) for r in p.iter(qn("w:r")) if _own(r, w_p, p)]
        found.append(_Paragraph(p, location, runs))
    return found


def _parts(data: bytes) -> list[tuple[str, str, Any]]:
    """(part, qualifier, root element) for the body, each header/footer and the footnotes."""
    doc = Document(io.BytesIO(data))
    result: list[tuple[str, str, Any]] = [("body", "", doc.element.body)]
    seen: dict[str, list[tuple[str, Any]]] = {"header": [], "footer": []}
    kinds = (("", ""), ("first_page_", "first-page "), ("even_page_", "even-page "))
    for number, section in enumerate(doc.sections, 1):
        for part in ("header", "footer"):
            for attr, label in kinds:
                hf = getattr(section, f"{attr}{part}")
                if hf.is_linked_to_previous:
                    continue
                element = hf._element
                if all(element is not e for _, e in seen[part]):
                    seen[part].append((f"section {number} {label}{part}", element))
    for part in ("header", "footer"):
        single = len(seen[part]) == 1
        result += [(part, "" if single else label, element) for label, element in seen[part]]
    for package_part in doc.part.package.parts:
        if str(package_part.partname) == "/word/footnotes.xml":
            result.append(("footnotes", "", etree.fromstring(package_part.blob)))
    from briefgen.render import RENDERED_PROPERTIES

    props = {name: getattr(doc.core_properties, name) for name in RENDERED_PROPERTIES}
    result.append((PROPERTIES_PART, "", props))
    return result


# --- tags ----------------------------------------------------------------------

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPEN = re.compile(r"\{\{|\{%|\{#")
_STRAY = re.compile(r"\}\}|%\}")
_PREFIX = re.compile(r"^\{([{%#])(p|tr|tc|r) ")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_DOCXTPL_CELL_TAGS = ("colspan", "cellbg", "vm", "hm")
_BLOCKS = {"for": ("else",), "if": ("elif", "else"), "with": (), "filter": (), "macro": (),
           "call": (), "autoescape": (), "block": (), "set": (), "raw": ()}
_OPENERS = {"for": "{% for _ in () %}", "if": "{% if true %}", "with": "{% with %}",
            "filter": "{% filter upper %}", "macro": "{% macro _() %}", "call": "{% call _() %}",
            "autoescape": "{% autoescape true %}", "block": "{% block _ %}", "set": "{% set _ %}"}
_STATEMENTS = sorted(set(_BLOCKS) | {f"end{k}" for k in _BLOCKS} | {"elif", "else", "set"})


def _tags(paragraph: _Paragraph) -> tuple[list[_Tag], list[tuple[str, str]]]:
    """The tags of a paragraph and its (text, message) tag-shape problems."""
    text = paragraph.text
    tags, problems, rest = [], [], []
    last = 0
    for match in _TAG.finditer(text):
        rest.append(text[last:match.start()])
        last = match.end()
        tags.append(_make_tag(match.group(), paragraph, match.start(), match.end()))
    rest.append(text[last:])
    for chunk in rest:
        opened = _OPEN.search(chunk)
        if opened:
            tail = chunk[opened.start():]
            problems.append((tail[:40], "the tag is not closed in this paragraph: finish it with "
                             f"'{_CLOSER[opened.group()]}' in the same paragraph"))
            chunk = chunk[:opened.start()]
        for stray in _STRAY.finditer(chunk):
            before = chunk[max(0, stray.start() - 30):stray.end()]
            problems.append((before.strip(), f"'{stray.group()}' without its opening "
                             f"'{_OPENER_OF[stray.group()]}': the tag's start is missing or "
                             "mistyped"))
    return tags, problems


_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_OPENER_OF = {"}}": "{{", "%}": "{%"}


def _make_tag(text: str, paragraph: _Paragraph, start: int, end: int) -> _Tag:
    tag = _Tag(text, paragraph, start, end)
    match = _PREFIX.match(text)
    if match:
        tag.prefix = match.group(2)
    body = _PREFIX.sub(r"{\1 ", text).translate(_QUOTES).replace("\n", " ")
    tag.kind = {"{{": "expr", "{%": "stmt", "{#": "comment"}[text[:2]]
    tag.jinja = body
    if tag.kind == "stmt":
        words = body[2:-2].strip(" -+\t").split()
        tag.keyword = words[0] if words else ""
    return tag


def _split_problem(tag: _Tag) -> str | None:
    """Why a tag spread over several runs will not render as typed, if it won't."""
    runs, position, pieces, owners = tag.paragraph.runs, 0, [], []
    for index, run in enumerate(runs):
        start, position = position, position + len(run.text)
        if position > tag.start and start < tag.end and run.text:
            pieces.append(run.text[max(tag.start - start, 0):tag.end - start])
            owners.append(index)
    if len(owners) < 2:
        return None
    shown = " + ".join(f'"{piece}"' for piece in pieces)
    spanned = runs[owners[0]:owners[-1] + 1]
    parents = {id(run.element.getparent()) for run in spanned}
    fields = any(run.element.find(qn(t)) is not None for run in spanned
                 for t in ("w:fldChar", "w:instrText", "w:drawing"))
    if len(parents) > 1 or fields:
        return (f"Word split this tag over {len(owners)} runs ({shown}) across a hyperlink, "
                "tracked change or field, which breaks the rendered document: delete the tag "
                "and type it again")
    formats = {_format(runs[i].element) for i in owners}
    if len(formats) > 1:
        return (f"Word split this tag over {len(owners)} runs with different formatting "
                f"({shown}); it would be rendered in the first run's formatting: select the "
                "whole tag and clear its formatting, or type it again in one go")
    return None


_IGNORED_RPR = {qn("w:lang"), qn("w:noProof"), qn("w:rtl"), qn("w:webHidden")}


def _format(run) -> bytes:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        return b""
    kept = [child for child in rpr if child.tag not in _IGNORED_RPR]
    return b"".join(sorted(etree.tostring(child) for child in kept))


# --- the check -----------------------------------------------------------------

@dataclass
class _Checker:
    info: TemplateInfo
    problems: list[Problem] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def add(self, part: str, where: str, tag: str, message: str) -> None:
        problem = Problem(self.info.name, part, where, tag, message)
        if problem not in self.problems:
            self.problems.append(problem)

    def check_part(self, part: str, qualifier: str, root) -> None:
        paragraphs = _paragraphs(root)
        if qualifier:
            for paragraph in paragraphs:
                paragraph.location = f"{qualifier}, {paragraph.location}"
        tags: list[_Tag] = []
        before = len(self.problems)
        for paragraph in paragraphs:
            found, shapes = _tags(paragraph)
            for text, message in shapes:
                self.add(part, paragraph.where(), text, message)
            for tag in found:
                split = _split_problem(tag)
                if split:
                    self.add(part, tag.where, tag.text, split)
            tags += found
        self._placement(part, tags)
        code = [t for t in tags if t.kind != "comment" and t.keyword not in _DOCXTPL_CELL_TAGS]
        self._each_tag(part, code)
        self._blocks(part, code)
        if len(self.problems) == before:
            self._whole(part, code)
        self._schema_order(part, root, paragraphs)
        order = {paragraph.where(): n for n, paragraph in enumerate(paragraphs)}
        self.problems[before:] = sorted(self.problems[before:],
                                        key=lambda p: order.get(p.location, len(order)))

    def _schema_order(self, part: str, root, paragraphs: list[_Paragraph]) -> None:
        """Paragraph, run and section properties out of the order Word requires."""
        located = [(p.where(), p.element) for p in paragraphs]
        located += [("section properties", e) for e in root.iter(qn("w:sectPr"))
                    if e.getparent() is root]
        for where, element in located:
            for container in docxxml.property_containers(element):
                for name in docxxml.misplaced_children(container):
                    kind = etree.QName(container).localname
                    self.add(part, where, "", f"w:{name} is out of schema order in w:{kind}: "
                             "Word may refuse the file (rendered documents are put right)")

    def check_properties(self, props: dict[str, str]) -> None:
        """The document properties docxtpl renders (File › Properties): syntax and sandbox."""
        env = environment()
        for name, text in props.items():
            if not _OPEN.search(text or ""):
                continue
            try:
                problems = _static_problems(env.parse(text.translate(_QUOTES)))
            except TemplateSyntaxError as exc:
                self.add(PROPERTIES_PART, name, text, f"syntax error: {exc.message}")
                continue
            except RecursionError:
                self.add(PROPERTIES_PART, name, text, _TOO_DEEP)
                continue
            for message in sorted(problems, key=lambda m: _position(text, m)):
                self.add(PROPERTIES_PART, name, text, message)

    # docxtpl's paragraph, row and cell tags -------------------------------------

    def _placement(self, part: str, tags: list[_Tag]) -> None:
        for tag in tags:
            element = tag.paragraph.element
            if tag.keyword in _DOCXTPL_CELL_TAGS:
                if next(element.iterancestors(qn("w:tc")), None) is None:
                    self.add(part, tag.where, tag.text,
                             f"'{tag.keyword}' only works inside a table cell")
                continue
            if tag.prefix in ("tr", "tc"):
                container = next(element.iterancestors(qn(f"w:{tag.prefix}")), None)
                noun = {"tr": "table row", "tc": "table cell"}[tag.prefix]
                if container is None:
                    self.add(part, tag.where, tag.text,
                             f"{{%{tag.prefix} %}} tags belong in a {noun}; this one is not in a "
                             f"table: use {{%p ... %}} in a paragraph of its own instead")
                    continue
                text = "".join(_run_text(r) for r in container.iter(qn("w:r"))).strip()
                if text != tag.text.strip():
                    self.add(part, tag.where, tag.text,
                             f"docxtpl replaces the whole {noun} with this tag, dropping its "
                             f"other text: put the tag in a {noun} of its own")
            elif tag.prefix == "p" and tag.paragraph.text.strip() != tag.text.strip():
                self.add(part, tag.where, tag.text,
                         "docxtpl replaces the whole paragraph with this tag, dropping its other "
                         "text: put the tag in a paragraph of its own")

    # one tag at a time: syntax, filters, tests, sandbox ---------------------------

    def _each_tag(self, part: str, tags: list[_Tag]) -> None:
        env = environment()
        for tag in tags:
            source = _standalone(tag)
            if source is None:
                self._unknown_statement(part, tag)
                continue
            try:
                ast = env.parse(source)
                problems = _static_problems(ast)
            except TemplateSyntaxError as exc:
                self.add(part, tag.where, tag.text, f"syntax error: {exc.message}")
                continue
            except RecursionError:
                self.add(part, tag.where, tag.text, _TOO_DEEP)
                continue
            for message in sorted(problems, key=lambda m: _position(tag.text, m)):
                self.add(part, tag.where, tag.text, message)

    def _unknown_statement(self, part: str, tag: _Tag) -> None:
        word = tag.keyword
        if word in ("p", "tr", "tc", "r"):
            message = (f"unknown tag '{word}': docxtpl's {{%{word} ... %}} has no space between "
                       f"'%' and '{word}'")
        elif not word:
            message = "empty tag"
        else:
            message = f"unknown tag '{word}'" + _did_you_mean(word, _STATEMENTS)
        self.add(part, tag.where, tag.text, message)

    # for/if/... blocks across the part ---------------------------------------------

    def _blocks(self, part: str, tags: list[_Tag]) -> None:
        stack: list[_Tag] = []
        for tag in tags:
            word = tag.keyword
            if tag.kind != "stmt" or word not in _BLOCK_WORDS:
                continue
            if word in _BLOCKS and not (word == "set" and "=" in tag.jinja):
                stack.append(tag)
                continue
            if word in ("elif", "else"):
                opener = next((t for t in reversed(stack) if word in _BLOCKS[t.keyword]), None)
                if opener is None:
                    self.add(part, tag.where, tag.text,
                             f"'{word}' outside any {{% if %}} or {{% for %}} block")
                elif opener is stack[-1]:
                    self._same_level(part, opener, tag)
                else:
                    self._unclosed(part, stack[-1], tag)
                continue
            if word.startswith("end"):
                kind = word[3:]
                index = next((i for i in range(len(stack) - 1, -1, -1)
                              if stack[i].keyword == kind), None)
                if index is None:
                    self.add(part, tag.where, tag.text,
                             f"'{word}' has no opening {{% {kind} %}} before it")
                    continue
                for inner in stack[index + 1:]:
                    self._unclosed(part, inner, tag)
                self._same_level(part, stack[index], tag)
                del stack[index:]
        for tag in stack:
            self.add(part, tag.where, tag.text,
                     f"this {tag.keyword} block is never closed: add "
                     f"'{_closing(tag)}' where it should end")

    def _unclosed(self, part: str, opener: _Tag, at: _Tag) -> None:
        self.add(part, opener.where, opener.text,
                 f"this {opener.keyword} block is not closed before '{at.text}' at "
                 f"{at.paragraph.location}: add '{_closing(opener)}'")

    def _same_level(self, part: str, opener: _Tag, closer: _Tag) -> None:
        if opener.prefix != closer.prefix:
            want = f"{{%{opener.prefix} " if opener.prefix else "{% "
            self.add(part, closer.where, closer.text,
                     f"it closes '{opener.text}' ({opener.paragraph.location}), so it must be "
                     f"written '{want}{closer.keyword} %}}'" + _PLACE[opener.prefix])
        elif _container(opener) is not _container(closer):
            self.add(part, closer.where, closer.text,
                     f"it closes '{opener.text}' ({opener.paragraph.location}) from a different "
                     "place: both tags must be" + _PLACE[opener.prefix].split("must be", 1)[1])

    # the whole part: syntax in context, variables and fields -----------------------

    def _whole(self, part: str, tags: list[_Tag]) -> None:
        if not tags:
            return
        source = "\n".join(tag.jinja for tag in tags)
        env = environment()
        try:
            ast = env.parse(source)
            _Names(self, part, tags).visit_body(ast.body, {})
        except TemplateSyntaxError as exc:
            tag = tags[min(max((exc.lineno or 1) - 1, 0), len(tags) - 1)]
            self.add(part, tag.where, tag.text, f"syntax error: {exc.message}")
        except RecursionError:
            self.add(part, "", "", _TOO_DEEP)


_BLOCK_WORDS = set(_BLOCKS) | {f"end{k}" for k in _BLOCKS} | {"elif", "else"}
_PLACE = {
    "p": ": {%p %} tags must be in paragraphs of their own, both in the body or both in "
         "the same table cell",
    "tr": ": {%tr %} tags must be in rows of their own in the same table",
    "tc": ": {%tc %} tags must be in cells of their own in the same row",
    "r": ": both tags must be in the same paragraph",
    "": ": both tags must be in the same paragraph",
}


def _container(tag: _Tag):
    element = tag.paragraph.element
    if tag.prefix == "p":
        return element.getparent()
    if tag.prefix in ("tr", "tc"):
        ancestor = next(element.iterancestors(qn(f"w:{tag.prefix}")), None)
        return ancestor.getparent() if ancestor is not None else None
    return element


def _closing(tag: _Tag) -> str:
    prefix = f"%{tag.prefix}" if tag.prefix else "% "
    return f"{{{prefix} end{tag.keyword} %}}".replace("{%  ", "{% ")


def _standalone(tag: _Tag) -> str | None:
    """A small template holding just *tag*, so its own syntax can be checked."""
    if tag.kind == "expr":
        return tag.jinja
    word = tag.keyword
    if word == "set" and "=" in tag.jinja:
        return tag.jinja
    if word in _OPENERS:
        return tag.jinja + f"{{% end{word} %}}"
    if word == "raw":
        return "{% raw %}{% endraw %}"
    if word in ("elif", "else"):
        return "{% if true %}" + tag.jinja + "{% endif %}"
    if word.startswith("end") and word[3:] in _OPENERS:
        return _OPENERS[word[3:]] + tag.jinja
    if word == "endraw":
        return "{% raw %}{% endraw %}"
    if word in ("include", "import", "from", "extends"):
        return tag.jinja
    return None


_REFUSED = "refused by the sandbox: templates may only read briefing data"
_TOO_DEEP = "the tag is nested too deeply to read: simplify it"
_NOT_ALLOWED = "'{}' is neither a field of the briefing data nor a method templates may use"
_ATTRIBUTE_FILTERS = {"attr": 0, "map": None, "selectattr": 0, "rejectattr": 0, "groupby": 0,
                      "sort": None, "sum": None, "unique": None, "min": None, "max": None,
                      "omitted": 1}
"""Filters that read an attribute named by an argument (its position, else ``attribute=``)."""
_MARKING_FIELDS = ("classification", "caveats", "portion_marks", "portion", "banner")
_TEMPLATE_FIELDS = ("name", "title", "kind")


@functools.cache
def _field_names() -> frozenset[str]:
    """Every field a template's data has, at any depth."""
    names: set[str] = set(OFFICE_FIELDS) | set(_MARKING_FIELDS) | set(_TEMPLATE_FIELDS)
    todo, seen = [Briefing, Level], set()
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for name, annotation in _fields(cls).items():
            names.add(name)
            kind = _unwrap(annotation)
            kind = kind[1] if isinstance(kind, tuple) else kind
            if isinstance(kind, type):
                todo.append(kind)
    return frozenset(names)


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
             Macro, Markup, type, object, type(len), type(_field_names))
    return frozenset(name for kind in kinds for name in dir(kind))


def _unsafe(name: str) -> bool:
    """Is *name* an attribute of some object that the allow-list refuses?"""
    if name.startswith("_"):
        return True
    return name not in ALLOWED_NAMES and name not in _field_names() \
        and name in _object_attributes()


def _refused(name: str) -> str:
    if any(modifies_known_mutable(obj, name) for obj in ([], {}, set())):
        return (f"'{name}()' changes data and is refused by the sandbox: templates may only "
                "read briefing data")
    return f"'{name}' is {_REFUSED}"


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


def _static_problems(ast: nodes.Template) -> list[str]:
    """Unknown filters and tests, and what the sandbox refuses, in one parsed tag."""
    env = environment()
    found = []
    for node in ast.find_all((nodes.Filter, nodes.Test, nodes.Getattr, nodes.Getitem,
                              nodes.Name, nodes.Call, nodes.Include, nodes.Import,
                              nodes.FromImport, nodes.Extends)):
        if isinstance(node, nodes.Filter):
            if node.name not in env.filters:
                found.append(f"unknown filter '{node.name}'"
                             + _did_you_mean(node.name, env.filters))
            found += [_refused(name) for name in _attribute_arguments(node) if _unsafe(name)]
        elif isinstance(node, nodes.Test) and node.name not in env.tests:
            found.append(f"unknown test '{node.name}'" + _did_you_mean(node.name, env.tests))
        elif isinstance(node, nodes.Getattr) and _unsafe(node.attr):
            found.append(_refused(node.attr))
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
                and isinstance(node.arg.value, str) and _unsafe(node.arg.value):
            found.append(_refused(node.arg.value))
        elif isinstance(node, nodes.Name) and node.name.startswith("_") and node.name != "_":
            found.append(f"'{node.name}' is {_REFUSED}")
        elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr) \
                and not _unsafe(node.node.attr) and node.node.attr not in METHOD_NAMES:
            attr = node.node.attr
            found.append(f"'{attr}' is a field, not a method: write it without '()'"
                         if attr in _field_names() else _NOT_ALLOWED.format(attr))
        elif isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            found.append("refused by the sandbox: templates cannot load other templates")
    return found


def _position(text: str, message: str) -> int:
    """Where in *text* the name a message quotes first appears (reading order)."""
    quoted = re.search(r"'([^'(]+)", message)
    return text.find(quoted.group(1)) if quoted else len(text)


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# --- names and fields ----------------------------------------------------------

_LOOP = object()   # the type of Jinja's ``loop`` variable (never checked)
_PASS_THROUGH = {"sort", "reverse", "list", "unique", "select", "reject", "selectattr",
                 "rejectattr", "category", "batch", "slice"}
_ELEMENT = {"first", "last", "random", "min", "max"}


def _unwrap(annotation: Any) -> Any:
    """``Person | None`` -> ``Person``; ``list[Person]`` -> ``("list", Person)``;
    other models and dataclasses as they are; anything else None."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, set, frozenset):
        args = typing.get_args(annotation)
        return ("list", _unwrap(args[0]) if args else None)
    if origin is not None and type(None) in typing.get_args(annotation):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(rest[0]) if len(rest) == 1 else None
    if isinstance(annotation, type) and (issubclass(annotation, BaseModel)
                                         or dataclasses.is_dataclass(annotation)):
        return annotation
    return None


def _fields(cls: type) -> dict[str, Any]:
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


def _known_names(info: TemplateInfo) -> dict[str, Any]:
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
            known[name] = _unwrap(Briefing.model_fields[name].annotation)
        elif isinstance(value, Record):
            known[name] = ("fields", frozenset(value))
        elif isinstance(value, dict):
            known[name] = ("keys", frozenset(value))
        else:
            known[name] = None
    for name in environment().globals:
        known.setdefault(name, None)
    return known


def _field_paths(known: dict[str, Any]) -> dict[str, list[str]]:
    """``date`` -> ``["meeting.date", ...]``: where a field name lives one level down."""
    paths: dict[str, list[str]] = {}
    for name, kind in known.items():
        if isinstance(kind, type):
            for attr in _fields(kind):
                paths.setdefault(attr, []).append(f"{name}.{attr}")
    return paths


class _Names:
    """Walks a part's tags as one template, checking names and fields in scope."""

    def __init__(self, checker: _Checker, part: str, tags: list[_Tag]) -> None:
        self.checker, self.part, self.tags = checker, part, tags
        self.known = _known_names(checker.info)
        self.paths = _field_paths(self.known)

    def report(self, node: nodes.Node, message: str) -> None:
        tag = self.tags[min(max(node.lineno - 1, 0), len(self.tags) - 1)]
        self.checker.add(self.part, tag.where, tag.text, message)

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
        if node.name in self.known:
            self.checker.used.add(node.name)
            return
        self.checker.used.add(node.name)
        if node.name.startswith("_"):
            return  # reported as refused by the sandbox
        hints = self.paths.get(node.name, [])[:2]
        hints += difflib.get_close_matches(node.name, list(self.known) + list(scope),
                                           n=1, cutoff=0.6)
        suggestion = " or ".join(f"'{h}'" for h in dict.fromkeys(hints))
        self.report(node, f"unknown variable '{node.name}'"
                    + (f" (did you mean {suggestion}?)" if suggestion else ""))

    def attribute(self, node: nodes.Getattr, scope: dict[str, Any]) -> None:
        owner = self.type_of(node.node, scope)
        if _unsafe(node.attr):
            return
        if isinstance(owner, tuple) and owner[0] in ("keys", "fields"):
            valid: Any = owner[1]
            what = owner[0][:-1]
            known = node.attr in valid or node.attr in MAPPING_METHODS
        elif isinstance(owner, type):
            valid = _fields(owner)
            what = "field"
            known = node.attr in valid or node.attr in MAPPING_METHODS
        elif node.attr in ALLOWED_NAMES or node.attr in _field_names():
            return
        else:
            self.report(node, _NOT_ALLOWED.format(node.attr))
            return
        if not known:
            self.report(node, f"'{_describe(node.node)}' has no {what} '{node.attr}'"
                        + _did_you_mean(node.attr, valid))

    def type_of(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            return scope[node.name] if node.name in scope else self.known.get(node.name)
        if isinstance(node, nodes.Getattr):
            owner = self.type_of(node.node, scope)
            if isinstance(owner, type):
                return _unwrap(_fields(owner).get(node.attr))
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


# --- public API ----------------------------------------------------------------

def _resolve(template: TemplateInfo | str | Path) -> tuple[TemplateInfo, list[Problem]]:
    if isinstance(template, TemplateInfo):
        return template, []
    text = str(template)
    if not text.lower().endswith(".docx"):
        return find_template(text), []
    path = Path(text)
    if not path.is_file():
        raise TemplateError("no such template file", where=path)
    try:
        return read_template_info(path), []
    except TemplateError as exc:
        info = TemplateInfo(name=path.stem, title=path.stem, description="", kind="memo",
                            output="{slug}.docx", path=path, origin="path")
        message = exc.message + (f" ({exc.hint})" if exc.hint else "")
        return info, [Problem(info.name, "manifest", path.with_suffix(".toml").name, "", message)]


def _read(info: TemplateInfo) -> tuple[list[tuple[str, str, Any]], list[wordpolicy.Finding]]:
    """The parts to check, and what the Word content policy finds (before python-docx
    parses anything, so a zip bomb or an entity bomb is refused first)."""
    try:
        data = read_bytes(info.path, limit=MAX_FILE)
    except InputError as exc:
        raise TemplateError(exc.message, where=exc.where, hint=exc.hint) from exc
    parts = read_package(data, info.path, error=TemplateError)
    findings = wordpolicy.scan(parts)
    if any(not f.why or f.why == wordpolicy.PARSE for f in findings):
        return [], findings          # python-docx must not parse these parts
    try:
        return _parts(repack(parts)), findings
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        if findings:                 # what the policy found is the problem to fix first
            return [], findings
        raise TemplateError(f"not a Word document ({type(exc).__name__}: {exc})",
                            where=info.path, hint="save it from Word as .docx") from exc


def _check(template: TemplateInfo | str | Path, *, render: bool = True) -> _Checker:
    """Scan every part; with *render*, also try the output pattern and the sample."""
    info, manifest = _resolve(template)
    checker = _Checker(info, list(manifest))
    parts, findings = _read(info)
    for finding in findings:
        checker.add(finding.part, finding.location, "",
                    finding.message().partition(": ")[2] + f" ({finding.hint})")
    for part, qualifier, root in parts:
        if part == PROPERTIES_PART:
            checker.check_properties(root)
        else:
            checker.check_part(part, qualifier, root)
    if render:
        _check_output_pattern(checker)
        if not checker.problems:
            _render_sample(checker)
    return checker


def check_template(template: TemplateInfo | str | Path) -> list[Problem]:
    """Every problem of a template (a :class:`TemplateInfo`, a name or a ``.docx`` path);
    ``[]`` when it is fine.  Raises :class:`TemplateError` when it cannot be read at all."""
    return _check(template).problems


def template_variables(template: TemplateInfo | str | Path) -> set[str]:
    """The top-level names a template uses (known to the model or not); a static
    scan, without rendering."""
    return _check(template, render=False).used


def _check_output_pattern(checker: _Checker) -> None:
    problem = output_pattern_problem(checker.info.output)
    if problem:
        checker.add("manifest", "output", checker.info.output, problem)


def _render_sample(checker: _Checker) -> None:
    """Render the bundled sample briefing: what the static checks missed shows up here."""
    from briefgen.briefing_io import load_briefing
    from briefgen.offices import OfficeProfile
    from briefgen.render import render_briefing
    from briefgen.resources import sample_briefing_path

    briefing, _warnings = load_briefing(sample_briefing_path())
    where = "rendering the sample briefing"
    try:
        render_briefing(briefing, checker.info, OfficeProfile())
    except BriefgenError as exc:
        part, _, message = exc.message.partition(": ")
        if part not in PARTS:
            part, message = "body", exc.message
        checker.add(part, where, "", message + (f" ({exc.hint})" if exc.hint else ""))
    except etree.XMLSyntaxError as exc:
        checker.add("body", where, "", f"the rendered document is not valid Word XML ({exc}): "
                    "a tag probably spans a hyperlink, field or table boundary")
    except Exception as exc:  # docxtpl lets some template errors through unwrapped
        checker.add("body", where, "", f"rendering failed: {type(exc).__name__}: {exc}")
