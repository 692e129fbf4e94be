"""Finding templates: a Word ``NAME.docx`` with an optional ``NAME.toml`` manifest.

The manifest says what the template is::

    title = "Briefing memo"
    description = "Memo to a principal before a meeting"
    kind = "memo"
    output = "{date} {title} - Briefing memo.docx"

``output`` may use ``{date}`` (the meeting date, ISO), ``{long_date}`` (in
the office's style), ``{title}`` (the briefing title), ``{slug}`` (the title,
file-name safe), ``{template}`` and ``{office}``: names only, never attributes,
indexes, conversions or format specs.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import InputError, TemplateError
from briefgen.files import read_bytes
from briefgen.folders import template_folders

MANIFEST_KEYS = {"name", "title", "description", "kind", "output", "footnotes"}
MAX_MANIFEST = 100_000
OUTPUT_NAMES = ("date", "long_date", "title", "slug", "template", "office")
"""The names an ``output`` pattern may use."""
_NAMES = ", ".join("{" + name + "}" for name in OUTPUT_NAMES)
MAX_NAME_BYTES = 200
"""Longest file name an ``output`` pattern may give, in UTF-8 bytes."""


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title: str
    description: str
    kind: str
    output: str
    path: Path
    origin: str
    footnotes: bool = False

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "title": self.title, "description": self.description,
                "kind": self.kind, "output": self.output, "path": str(self.path),
                "origin": self.origin}


def read_template_info(docx: Path, origin: str = "path") -> TemplateInfo:
    """The template at *docx*, described by the manifest beside it if any."""
    manifest = docx.with_suffix(".toml")
    data: dict[str, object] = {}
    if manifest.is_file():
        try:
            data = tomllib.loads(read_bytes(manifest, limit=MAX_MANIFEST).decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
            raise TemplateError(f"the manifest is not valid TOML: {exc}", where=manifest) from exc
        except InputError as exc:
            raise TemplateError(f"cannot read the manifest: {exc.message}", where=manifest,
                                hint=exc.hint) from exc
        unknown = sorted(set(data) - MANIFEST_KEYS)
        if unknown:
            raise TemplateError(f"unknown manifest key {unknown[0]!r}", where=manifest,
                                hint=f"known keys: {', '.join(sorted(MANIFEST_KEYS))}")
    name = str(data.get("name") or docx.stem)
    return TemplateInfo(
        name=name,
        title=str(data.get("title") or name.replace("-", " ").capitalize()),
        description=str(data.get("description", "")),
        kind=str(data.get("kind", "memo")),
        output=str(data.get("output") or "{slug}-" + name + ".docx"),
        path=docx,
        origin=origin,
        footnotes=bool(data.get("footnotes", False)),
    )


def template_files() -> Iterator[tuple[str, Path]]:
    """``(origin, path)`` of every template ``.docx``, in override order."""
    for origin, folder in template_folders():
        if folder.is_dir():
            for docx in sorted(folder.glob("*.docx")):
                if not docx.name.startswith(("~$", ".")):   # Word's lock and temp files
                    yield origin, docx


def list_templates(problems: list[TemplateError] | None = None) -> list[TemplateInfo]:
    """Every template, later folders overriding earlier ones by name; sorted by title.

    A template whose manifest cannot be read is left out (one bad file in a
    shared folder must not hide the rest) and its error added to *problems*.
    """
    found: dict[str, TemplateInfo] = {}
    for origin, docx in template_files():
        try:
            info = read_template_info(docx, origin)
        except TemplateError as exc:
            if problems is not None:
                problems.append(exc)
            continue
        found[info.name] = info
    return sorted(found.values(), key=lambda info: (info.title.lower(), info.name))


def find_template(name_or_path: str | Path) -> TemplateInfo:
    """A template by name (``briefing-memo``) or by the path of its ``.docx``."""
    text = str(name_or_path)
    if text.lower().endswith(".docx"):
        path = Path(text)
        if not path.is_file():
            raise TemplateError("no such template file", where=path)
        return read_template_info(path)
    problems: list[TemplateError] = []
    templates = list_templates(problems)
    for info in templates:
        if info.name == text:
            return info
    for problem in problems:
        if problem.where and Path(problem.where).stem == text:
            raise problem
    names = ", ".join(info.name for info in templates) or "none"
    raise TemplateError(f"unknown template {text!r}", hint=f"available: {names}")


def output_pattern_problem(pattern: str) -> str | None:
    """Why *pattern* is not a valid ``output`` pattern (names only), or None."""
    try:
        pieces = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        return f"bad output pattern {pattern!r}: {exc}"
    for _literal, name, spec, conversion in pieces:
        if name is None:
            continue
        if name not in OUTPUT_NAMES or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + \
                (f":{spec}" if spec else "") + "}"
            return f"bad output pattern {pattern!r}: {shown} is not one of {_NAMES}"
    return None


def output_name(template: TemplateInfo, values: Mapping[str, str]) -> str:
    """The file name *template*'s ``output`` pattern gives with *values*: no path
    separators or control characters, at most :data:`MAX_NAME_BYTES` bytes."""
    problem = output_pattern_problem(template.output)
    if problem:
        raise TemplateError(problem, where=template.path.with_suffix(".toml"),
                            hint=f"use names only: {_NAMES}")
    pieces = string.Formatter().parse(template.output)
    name = "".join(literal + (values[field] if field is not None else "")
                   for literal, field, _spec, _conversion in pieces)
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "-", name).strip(" .")
    stem = name[:-5] if name.lower().endswith(".docx") else name
    while len(stem.encode("utf-8")) > MAX_NAME_BYTES - 5:
        stem = stem[:-1]
    return (stem.strip(" .") or "briefing") + ".docx"
