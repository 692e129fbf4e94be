"""Reading and writing ``*.brief.json`` (and the same structure in YAML)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefgen.errors import InputError
from briefgen.files import atomic_write, read_bytes
from briefgen.model import SCHEMA_VERSION, Briefing
from briefgen.textclean import has_invalid, strip_invalid

BRIEF_SUFFIX = ".brief.json"
MAX_BYTES = 20_000_000     # a briefing file


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


def validation_error(exc: ValidationError, *, file: str | Path | None) -> InputError:
    """*exc* as one error: the first problem's field and message, every problem in details."""
    first, count = exc.errors()[0], exc.error_count()
    more = f" (and {count - 1} more)" if count > 1 else ""
    expected = first.get("ctx", {}).get("expected", "")    # a Literal's values: 'a', 'b' or 'c'
    return InputError(f"{_message(first)}{more}", file=file, field_path=format_loc(first["loc"]),
                      details=validation_problems(exc), kind=first["type"],
                      choices=re.findall(r"'([^']*)'", expected) if first["type"] in
                      ("literal_error", "enum") else ())


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
        raise InputError(f"expected a briefing object, found {type(data).__name__}", file=where)
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise InputError(
            f"schema_version {version} is newer than this briefgen understands "
            f"({SCHEMA_VERSION})", file=where, hint="update briefgen to open this file")
    data, warnings = clean_data(data)
    try:
        briefing = Briefing.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, file=where) from exc
    return briefing, [f"{where}: {w}" for w in warnings]


MAX_DEPTH = 100            # lists and objects inside each other; real briefings use 5
MAX_DIGITS = 100           # in one integer
MAX_ALIASES = 50           # YAML aliases (*name) in one file
MAX_NODES = 1_000_000      # YAML values once aliases are expanded
_HINT_DEPTH = "a briefing needs only a few levels"
_HINT_YAML = "write the values out instead of using YAML anchors (&) and aliases (*)"


class DataLimitError(InputError):
    """Data beyond briefgen's limits: an alias bomb, deep nesting, a huge number."""


def parse_text(text: str, *, where: str | Path, yaml_syntax: bool) -> Any:
    """Parse JSON or YAML text, naming the line of a syntax error; nesting, numbers
    and YAML aliases are kept within limits, so no bomb reaches the validator."""
    data = _parse_yaml(text, where) if yaml_syntax else _parse_json(text, where)
    _check_depth(data, where)
    return data


def _parse_json(text: str, where: str | Path) -> Any:
    try:
        return json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", file=where, kind="json",
                         location=f"line {exc.lineno}, column {exc.colno}") from exc
    except _TooManyDigits as exc:
        line = text.count("\n", 0, max(text.find(exc.digits), 0)) + 1
        raise DataLimitError(f"a number with {len(exc.digits)} digits, more than {MAX_DIGITS}",
                             file=where, location=f"line {line}",
                             hint="write it as text") from None
    except RecursionError:
        raise DataLimitError(f"the data is nested more than {MAX_DEPTH} levels deep",
                             file=where, hint=_HINT_DEPTH) from None


class _TooManyDigits(ValueError):
    def __init__(self, digits: str) -> None:
        super().__init__(digits[:20])
        self.digits = digits


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _TooManyDigits(text)
    return int(text)


def _parse_yaml(text: str, where: str | Path) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else None
        problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) \
            or type(exc).__name__       # a ReaderError has a reason and no problem
        kind = getattr(exc, "briefgen_kind", None)    # set on the errors raised here
        if kind == "limit":
            raise DataLimitError(problem, file=where, location=line, hint=_HINT_YAML) from exc
        what = problem if kind == "value" else f"not valid YAML: {problem}"
        raise InputError(what, file=where, location=line,
                         kind=None if kind == "value" else "yaml") from exc
    except RecursionError:
        raise DataLimitError(f"the data is nested more than {MAX_DEPTH} levels deep",
                             file=where, hint=_HINT_DEPTH) from None


def load_yaml(text: str, *, where: str | Path) -> Any:
    """YAML *text* (a briefing, or an article's front matter) within the limits."""
    return parse_text(text, where=where, yaml_syntax=True)


@cache
def _yaml_loader():
    """A safe YAML loader (libyaml when available) that counts aliases before
    building anything and names the line of an impossible date or number."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):
        def get_single_node(self):
            node = super().get_single_node()
            if node is not None:
                _check_aliases(node)
            return node

        def construct_object(self, node, deep=False):
            value = node.value if isinstance(node.value, str) else ""
            if node.tag.endswith(":int") and len(value.lstrip("+-")) > MAX_DIGITS:
                raise _yaml_error(yaml.constructor.ConstructorError, "value",
                                  f"not a valid number: {len(value)} digits, more than "
                                  f"{MAX_DIGITS}", node)
            try:
                return super().construct_object(node, deep)
            except (ValueError, OverflowError) as exc:
                kind = "date" if node.tag.endswith("timestamp") else "number" \
                    if node.tag.endswith(("int", "float")) else "value"
                raise _yaml_error(yaml.constructor.ConstructorError, "value",
                                  f"not a valid {kind}: {value[:40]!r} ({exc})", node) from None

    return Loader


def _yaml_error(cls: type[Exception], kind: str, problem: str, node) -> Exception:
    """A PyYAML error at *node* whose ``briefgen_kind`` says what it is: "value" (a date
    or number that cannot be read) or "limit" (an alias bomb)."""
    error = cls(None, None, problem, node.start_mark)
    error.briefgen_kind = kind
    return error


def _check_aliases(root) -> None:
    """Refuse a node graph with many aliases, a cycle or a huge expansion (alias bombs)."""
    import yaml

    def refuse(message: str, node) -> Exception:
        return _yaml_error(yaml.composer.ComposerError, "limit", message, node)

    seen, queue, aliases = {id(root)}, [root], 0
    for node in queue:                      # breadth first: count the shared nodes
        for child in _children(node):
            if id(child) in seen:
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise refuse(f"too many aliases (more than {MAX_ALIASES})", child)
            else:
                seen.add(id(child))
                queue.append(child)
    if not aliases:
        return
    sizes: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:                            # depth first: the size once expanded
        node, finished = stack.pop()
        if finished:
            active.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in _children(node))
            if sizes[id(node)] > MAX_NODES:
                raise refuse(f"too many values once aliases are expanded (more than "
                             f"{MAX_NODES:,})", node)
        elif id(node) in active:
            raise refuse("an alias refers to the value that contains it", node)
        elif id(node) not in sizes:
            active.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))


def _children(node) -> list[Any]:
    value = node.value
    if isinstance(value, list) and value and isinstance(value[0], tuple):
        return [item for pair in value for item in pair]
    return value if isinstance(value, list) else []


def _check_depth(data: Any, where: str | Path) -> None:
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise DataLimitError(f"the data is nested more than {MAX_DEPTH} levels deep",
                                     file=where, hint=_HINT_DEPTH)
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)


def load_briefing(path: str | Path) -> tuple[Briefing, list[str]]:
    """Load a briefing from ``.json``/``.brief.json``/``.yaml``/``.yml``."""
    path = Path(path)
    raw = read_bytes(path, limit=MAX_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", file=path, kind="not-utf8",
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
