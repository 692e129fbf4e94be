"""Reading and writing ``*.brief.json`` (and the same structure in YAML)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefgen.errors import InputError
from briefgen.files import atomic_write, read_bytes
from briefgen.model import SCHEMA_VERSION, Briefing
from briefgen.textclean import has_invalid, strip_invalid

BRIEF_SUFFIX = ".brief.json"


def format_loc(loc: tuple[Any, ...]) -> str:
    """``('participants', 1, 'name')`` -> ``participants[1].name``."""
    text = ""
    for item in loc:
        if isinstance(item, int):
            text += f"[{item}]"
        else:
            text += f".{item}" if text else str(item)
    return text or "(top level)"


def _message(error: dict[str, Any]) -> str:
    msg = error["msg"]
    if error["type"] == "extra_forbidden":
        msg = "unknown field (check its spelling against `briefgen schema`)"
    return msg[:1].lower() + msg[1:]


def validation_problems(exc: ValidationError) -> list[str]:
    """Every problem of *exc* as ``path: message`` lines."""
    return [f"{format_loc(e['loc'])}: {_message(e)}" for e in exc.errors()]


def clean_data(data: Any, path: str = "") -> tuple[Any, list[str]]:
    """Strip characters a .docx cannot hold; return the data and a warning per field."""
    warnings: list[str] = []

    def walk(value: Any, where: str) -> Any:
        if isinstance(value, str):
            if has_invalid(value):
                warnings.append(f"{where or '(top level)'}: removed control characters")
                return strip_invalid(value)
            return value
        if isinstance(value, dict):
            return {k: walk(v, f"{where}.{k}" if where else str(k)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, f"{where}[{i}]") for i, v in enumerate(value)]
        return value

    return walk(data, path), warnings


def briefing_from_data(data: Any, *, where: str | Path = "briefing") -> tuple[Briefing, list[str]]:
    """Validate plain data as a :class:`Briefing`; return it with cleaning warnings."""
    if not isinstance(data, dict):
        raise InputError(f"expected a briefing object, found {type(data).__name__}", where=where)
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise InputError(
            f"schema_version {version} is newer than this briefgen understands "
            f"({SCHEMA_VERSION})", where=where, hint="update briefgen to open this file")
    data, warnings = clean_data(data)
    try:
        briefing = Briefing.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(exc)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InputError(f"{problems[0]}{more}", where=where,
                         details="\n".join(problems)) from exc
    return briefing, [f"{where}: {w}" for w in warnings]


def parse_text(text: str, *, where: str | Path, yaml_syntax: bool) -> Any:
    """Parse JSON or YAML text, naming the line of a syntax error."""
    if yaml_syntax:
        import yaml

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f"line {mark.line + 1}: " if mark else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise InputError(f"{line}not valid YAML: {problem}", where=where) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {exc.lineno}, column {exc.colno}: not valid JSON: {exc.msg}",
                         where=where) from exc


def load_briefing(path: str | Path) -> tuple[Briefing, list[str]]:
    """Load a briefing from ``.json``/``.brief.json``/``.yaml``/``.yml``."""
    path = Path(path)
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", where=path,
                         hint="save it as UTF-8") from exc
    data = parse_text(text, where=path, yaml_syntax=path.suffix.lower() in (".yaml", ".yml"))
    return briefing_from_data(data, where=path)


def dump_briefing(briefing: Briefing) -> str:
    """The JSON text of a briefing file (stable key order, UTF-8, 2-space indent)."""
    data = briefing.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save_briefing(briefing: Briefing, path: str | Path) -> Path:
    """Save atomically: a failure never truncates an existing file."""
    return atomic_write(path, dump_briefing(briefing).encode("utf-8"))


def json_schema() -> dict[str, Any]:
    schema = Briefing.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "briefgen briefing"
    return schema
