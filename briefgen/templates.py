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

import json
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from briefgen.errors import InputError, TemplateError
from briefgen.files import read_bytes

MAX_MANIFEST = 100_000
OUTPUT_NAMES = ("date", "long_date", "title", "slug", "template", "office")
"""The names an ``output`` pattern may use."""
_NAMES = ", ".join("{" + name + "}" for name in OUTPUT_NAMES)
MAX_NAME_BYTES = 200
"""Longest file name an ``output`` pattern may give, in UTF-8 bytes."""


class TemplateManifest(BaseModel):
    """``NAME.toml``: every key optional, of exactly its TOML type (``footnotes = "no"``
    is refused, not read as true)."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    name: str = ""
    title: str = ""
    description: str = ""
    kind: str = "memo"
    output: str = ""
    footnotes: bool = False


MANIFEST_KEYS = set(TemplateManifest.model_fields)
EXPECTED = {"bool_type": "true or false (no quotes)", "string_type": "text in quotes"}
"""What a manifest key of each pydantic error type expects, in the author's words."""


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


def _toml_value(value: Any) -> str:
    """*value* as it was written in TOML, briefly: ``"no"``, ``["a"]``, ``1``."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a table"
    text = json.dumps(value, ensure_ascii=False, default=str)
    return ("the text " if isinstance(value, str) else "a list " if isinstance(value, list)
            else "") + (text if len(text) <= 40 else text[:37] + "...")


def manifest_problem(exc: ValidationError, manifest: Path) -> TemplateError:
    """The first problem of a manifest as one line naming the file and the key."""
    error = exc.errors()[0]
    key = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return TemplateError(f"unknown manifest key {key!r}", file=manifest,
                             hint=f"known keys: {', '.join(sorted(MANIFEST_KEYS))}")
    expected = EXPECTED.get(error["type"], error["msg"][:1].lower() + error["msg"][1:])
    return TemplateError(f"expected {expected}, found {_toml_value(error['input'])}",
                         file=manifest, field_path=key,
                         details=[f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                                  for e in exc.errors()])


def read_manifest(manifest: Path) -> TemplateManifest:
    """The manifest at *manifest* (all defaults when there is none)."""
    if not manifest.is_file():
        return TemplateManifest()
    import tomllib

    try:
        data = tomllib.loads(read_bytes(manifest, limit=MAX_MANIFEST).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise TemplateError(f"the manifest is not valid TOML: {exc}", file=manifest,
                            kind="manifest-toml") from exc
    except InputError as exc:
        raise TemplateError(f"cannot read the manifest: {exc.message}", file=manifest,
                            hint=exc.hint) from exc
    try:
        return TemplateManifest.model_validate(data)
    except ValidationError as exc:
        raise manifest_problem(exc, manifest) from exc


def read_template_info(docx: Path, origin: str = "path") -> TemplateInfo:
    """The template at *docx*, described by the manifest beside it if any."""
    manifest = read_manifest(docx.with_suffix(".toml"))
    name = manifest.name or docx.stem
    return TemplateInfo(
        name=name,
        title=manifest.title or name.replace("-", " ").capitalize(),
        description=manifest.description,
        kind=manifest.kind,
        output=manifest.output or "{slug}-" + name + ".docx",
        path=docx,
        origin=origin,
        footnotes=manifest.footnotes,
    )


def list_templates(problems: list | None = None) -> list[TemplateInfo]:
    """The built-in and the user's templates (:meth:`briefgen.library.Library.templates`)."""
    from briefgen.library import Library

    return Library().templates(problems)


def find_template(name_or_path: str | Path) -> TemplateInfo:
    """A built-in or user template by name, or one by ``.docx`` path
    (:meth:`briefgen.library.Library.find_template`)."""
    from briefgen.library import Library

    return Library().find_template(name_or_path)


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
        raise TemplateError(problem, file=template.path.with_suffix(".toml"),
                            hint=f"use names only: {_NAMES}")
    pieces = string.Formatter().parse(template.output)
    name = "".join(literal + (values[field] if field is not None else "")
                   for literal, field, _spec, _conversion in pieces)
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "-", name).strip(" .")
    stem = name[:-5] if name.lower().endswith(".docx") else name
    while len(stem.encode("utf-8")) > MAX_NAME_BYTES - 5:
        stem = stem[:-1]
    return (stem.strip(" .") or "briefing") + ".docx"
