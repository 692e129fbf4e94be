"""The sandboxed Jinja environment templates are rendered in, and its filters.

Templates travel between offices, so they are untrusted: they see plain data
only (:mod:`briefgen.context`) and run in :class:`~briefgen.sandbox.SandboxEnvironment`,
an allow-listed, limited sandbox with strict undefined names.  Filters that
depend on the office (dates) read it from the context, so one environment
serves every office and every compiled template is reused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from docxtpl import RichText
from jinja2 import BaseLoader, TemplateNotFound, pass_context
from pydantic import BaseModel

from briefgen import typography
from briefgen.sandbox import SandboxEnvironment

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
DATE_STYLES = ("us", "uk", "military", "iso")


class _SourceLoader(BaseLoader):
    """Serves sources registered by content hash, so Jinja's in-memory cache applies."""

    def __init__(self) -> None:
        self.sources: dict[str, str] = {}

    def get_source(self, environment, template):
        try:
            return self.sources[template], None, lambda: True
        except KeyError:
            raise TemplateNotFound(template) from None


class BriefingEnvironment(SandboxEnvironment):
    """The sandbox with briefgen's filters, caching compiled sources in memory.

    docxtpl compiles each XML part with ``from_string``.  Here each source is
    named by its hash and loaded through Jinja's own machinery: rendering 200
    briefs compiles each part once.  Nothing compiled is ever written to disk,
    so nothing a template does can lead to code being loaded later.  Jinja's
    optimizer is off: it folds constant expressions, which tags reading
    briefing data do not have, and costs a sixth of compiling a template.
    """

    def __init__(self) -> None:
        loader = _SourceLoader()
        super().__init__(FILTERS, autoescape=True, keep_trailing_newline=True, loader=loader,
                         cache_size=200, auto_reload=False, optimized=False)
        self._sources = loader

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
        name = f"{digest}-{int(bool(self.autoescape))}"
        self._sources.sources.setdefault(name, source)
        return self.get_template(name)


def field_of(item: Any, name: str, default: Any = "") -> Any:
    """A field of a record or mapping (or of a model, for Python callers); nothing
    is read from any other object."""
    if isinstance(item, Mapping):
        value = item.get(name, default)
    elif isinstance(item, BaseModel):
        value = getattr(item, name, default)
    else:
        return default
    return default if value is None else value


# --- filters -----------------------------------------------------------------

def format_date(value: Any, style: str = "us") -> str:
    """A date in an office's style: us "August 23, 2025", uk "23 August 2025",
    military "23 AUG 25", iso "2025-08-23"."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        return str(value)
    month = MONTHS[value.month - 1]
    if style == "uk":
        return f"{value.day} {month} {value.year}"
    if style == "military":
        return f"{value.day:02d} {month[:3].upper()} {value.year % 100:02d}"
    if style == "iso":
        return value.isoformat()
    return f"{month} {value.day}, {value.year}"


@pass_context
def _date_filter(context, value: Any, style: str | None = None) -> str:
    return format_date(value, style or field_of(context.get("office"), "date_style", "us"))


def prose(items: Iterable[Any], conjunction: str = "and") -> str:
    """``["Japan", "South Korea", "the United States"]`` -> "Japan, South Korea and the United States"."""
    words = [str(item) for item in items if str(item).strip()]
    if len(words) <= 2:
        return f" {conjunction} ".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def number(value: Any, decimals: int | None = None) -> str:
    """80000 -> "80,000"; 1.5 -> "1.5"; None -> ""."""
    if value in (None, ""):
        return ""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return str(value)
    if decimals is None:
        decimals = 0 if value == int(value) else len(f"{value}".split(".")[1][:2])
    return f"{value:,.{decimals}f}"


def figure_value(figure: Any) -> str:
    """A figure's number with its unit: "80,000 US troops", "15%"."""
    value = number(field_of(figure, "value", None))
    unit = field_of(figure, "unit")
    if not value:
        return field_of(figure, "text")
    if unit in ("percent", "%", "per cent"):
        return f"{value}%"
    return f"{value} {unit}".strip()


def by_category(items: Iterable[Any], *categories: str) -> list[Any]:
    """Items (topics, figures, commitments) whose ``category`` is one of *categories*."""
    return [item for item in items if field_of(item, "category", None) in categories]


def slug(value: Any) -> str:
    """A file-name-safe form: "Ishiba–Lee summit" -> "ishiba-lee-summit"."""
    text = re.sub(r"[^\w]+", "-", str(value).lower(), flags=re.UNICODE)
    return text.strip("-_")


def person_name(person: Any, fonts: dict[str, str] | None = None) -> RichText:
    """A person's name, then the native-script name in brackets in its own
    script's font slot and language (``ja-JP``, ``ko-KR``, ``zh-CN``/``zh-TW``,
    ``ar``, ``he``, ``th``, ``hi``: see :mod:`briefgen.scripts`); *fonts* maps
    language tags to fonts.  *person* may be an object or a mapping."""
    from briefgen import docxxml, scripts

    text = RichText(str(field_of(person, "name")) if isinstance(person, (Mapping, BaseModel))
                    else str(person))
    native = str(field_of(person, "native_name"))
    if native:
        lang = scripts.language_of(native, str(field_of(person, "country")))
        text.add(" (")
        if lang:
            text.xml += docxxml.script_run_xml(native, lang, scripts.font_for(fonts or {}, lang))
        else:
            text.add(native)
        text.add(")")
    return text


@pass_context
def _person_name_filter(context, person: Any) -> RichText:
    from briefgen.scripts import script_fonts

    office = context.get("office")
    return person_name(person, script_fonts(office) if office is not None else None)


@pass_context
def markdown(context, text: Any, bold: bool = False, italic: bool = False) -> RichText:
    """Fact text with Markdown as Word formatting (see :mod:`briefgen.markdown_runs`):
    emphasis as runs, further paragraphs and list items as paragraphs of their
    own; quotes, dashes and dates typeset in the office's style.  ``bold`` or
    ``italic`` set the whole text (``{{r t.title|markdown(bold=true) }}``)."""
    from briefgen.markdown_runs import markdown_to_richtext

    style = typography.field(context.get("office"), "date_style") or "us"
    return markdown_to_richtext(str(text or ""), date_style=style, portion=context.get("pm") or "",
                                bold=bold, italic=italic)


@pass_context
def _typeset_filter(context, text: Any) -> str:
    return typography.typeset(text, typography.field(context.get("office"), "date_style") or "us")


@pass_context
def _date_range_filter(context, start: Any, end: Any = None, style: str | None = None) -> str:
    office_style = typography.field(context.get("office"), "date_style") or "us"
    return typography.date_range(start, end, style or office_style)


@dataclass
class Footnotes:
    """The footnotes one render collects; :mod:`briefgen.render` writes them
    into the document afterwards.  Off unless the template's manifest says
    ``footnotes = true``.  A note citing what the note before it cites reads
    "Ibid."."""

    enabled: bool = False
    start: int = 1
    notes: list[tuple[int, str]] = field(default_factory=list)
    _last: str = ""

    def add(self, text: str) -> int:
        number = self.start + len(self.notes)
        same = bool(self.notes) and text == self._last
        self._last = text
        self.notes.append((number, "Ibid." if same else text))
        return number


def citation(item: Any, sources: Iterable[Any] = (), date_style: str = "us") -> str:
    """The text of a footnote for *item*: a source ("Title, Publisher, 24 August
    2025. URL"), or a fact with an ``evidence`` sentence, cited to the briefing's
    first source; a plain string is the note itself."""
    if isinstance(item, str):
        return item.strip()
    if not isinstance(item, (Mapping, BaseModel)):
        return ""
    if "publisher" in _fields(item):
        reference, url = _reference(item, date_style)
        return " ".join(part for part in (f"{reference}." if reference else "", url) if part)
    source = next(iter(sources), None)
    evidence = str(field_of(item, "evidence")).strip()
    if source is None:
        return f"\u201c{evidence}\u201d" if evidence else ""
    if not evidence:
        return citation(source, date_style=date_style)
    reference, url = _reference(source, date_style)
    return " ".join(part for part in (f"{reference}: \u201c{evidence}\u201d", url) if part)


def _fields(item: Any) -> Iterable[str]:
    return item.keys() if isinstance(item, Mapping) else type(item).model_fields


def _reference(source: Any, date_style: str) -> tuple[str, str]:
    """("Title, Publisher, date", url) of a source; the file name stands in for a title."""
    url = field_of(source, "url")
    title = field_of(source, "title") or field_of(source, "file")
    parts = (title, field_of(source, "publisher"),
             format_date(field_of(source, "published", None), date_style))
    return ", ".join(part for part in parts if part), url


@pass_context
def _footnote_filter(context, item: Any, source: Any = None) -> RichText:
    """``{{r q|footnote }}``: a Word footnote citing *item* (see :func:`citation`)."""
    from briefgen.docxxml import footnote_reference_xml

    notes = context.get("_footnotes")
    sources = [source] if source is not None else context.get("sources") or []
    text = citation(item, sources, field_of(context.get("office"), "date_style", "us"))
    rich = RichText()
    if isinstance(notes, Footnotes) and notes.enabled and text:
        rich.xml = footnote_reference_xml(notes.add(text))
    return rich


FILTERS = {
    "date": _date_filter,
    "prose": prose,
    "number": number,
    "figure_value": figure_value,
    "category": by_category,
    "slug": slug,
    "person_name": _person_name_filter,
    "markdown": markdown,
    "footnote": _footnote_filter,
    "typeset": _typeset_filter,
    "date_range": _date_range_filter,
    "omitted": typography.omitted,
    "plural": typography.plural,
    "about": typography.about,
    "lead": typography.lead,
}
"""Every filter a template may use (documented in the README)."""

_ENV: BriefingEnvironment | None = None


def environment() -> BriefingEnvironment:
    """The shared environment (created on first use)."""
    global _ENV
    if _ENV is None:
        _ENV = BriefingEnvironment()
    return _ENV
