"""Typographic filters for templates: date ranges, curly quotes and dashes,
dates in running text restyled to the office's style, and the counting helpers
behind "more in the memo" lines.

Every filter reads its arguments as plain data or as objects alike: a topic
may be a mapping (``topic["talking_points"]``) or a model
(``topic.talking_points``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
EN_DASH, EM_DASH = "\u2013", "\u2014"


def field(item: Any, name: str, default: Any = None) -> Any:
    """``item[name]`` for a mapping, ``item.name`` for a model's field; nothing is
    read from any other object (a template may name the field)."""
    if isinstance(item, Mapping):
        return item.get(name, default)
    if isinstance(item, BaseModel) and name in type(item).model_fields:
        return getattr(item, name, default)
    return default


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def date_range(start: Any, end: Any = None, style: str = "us") -> str:
    """Two dates as one range in an office's style, sharing what they share:
    uk "12–14 November 2025", us "November 12–14, 2025", military
    "12–14 NOV 25", iso "2025-11-12 – 2025-11-14"; one date when *end* is
    empty or the same day."""
    from briefgen.templating import format_date

    first, last = _as_date(start), _as_date(end)
    if first is None:
        return format_date(start, style) if start else ""
    if last is None or last == first:
        return format_date(first, style)
    if style == "iso" or last < first:
        return f"{format_date(first, style)} {EN_DASH} {format_date(last, style)}"
    month, last_month = MONTHS[first.month - 1], MONTHS[last.month - 1]
    same_year, same_month = first.year == last.year, (first.year, first.month) == (last.year, last.month)
    if style == "military":
        if same_month:
            return f"{first.day:02d}{EN_DASH}{format_date(last, style)}"
        return f"{format_date(first, style)} {EN_DASH} {format_date(last, style)}"
    if style == "uk":
        if same_month:
            return f"{first.day}{EN_DASH}{last.day} {month} {first.year}"
        if same_year:
            return f"{first.day} {month} {EN_DASH} {last.day} {last_month} {first.year}"
        return f"{format_date(first, style)} {EN_DASH} {format_date(last, style)}"
    if same_month:
        return f"{month} {first.day}{EN_DASH}{last.day}, {first.year}"
    if same_year:
        return f"{month} {first.day} {EN_DASH} {last_month} {last.day}, {first.year}"
    return f"{format_date(first, style)} {EN_DASH} {format_date(last, style)}"


_MONTH = "(" + "|".join(MONTHS) + ")"
_ANY_MONTH = re.compile(_MONTH)     # every date pattern below names a month
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) {_MONTH},? (\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH} (\d{{1,2}}),? (\d{{4}})\b")
_DAY_RANGE = re.compile(rf"\b(\d{{1,2}})[\u2013-](\d{{1,2}}) {_MONTH},? (\d{{4}})\b")
_MONTH_RANGE = re.compile(rf"\b{_MONTH} (\d{{1,2}})[\u2013-](\d{{1,2}}),? (\d{{4}})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) {_MONTH}\b(?!,? \d)")
_MONTH_DAY = re.compile(rf"\b{_MONTH} (\d{{1,2}})\b(?!,? \d{{4}})(?!\d)")


def restyle_dates(text: str, style: str = "us") -> str:
    """Full dates and day ranges written in running text ("23 August 2025",
    "August 23, 2025", "12–14 November 2025") in the office's style, so one document uses one date style; day
    and month without a year follow the office's order ("25 August" /
    "August 25") in the us and uk styles."""
    if not _ANY_MONTH.search(text):
        return text
    from briefgen.templating import format_date

    def full(day: str, month: str, year: str) -> str:
        try:
            return format_date(dt.date(int(year), MONTHS.index(month) + 1, int(day)), style)
        except ValueError:
            return f"{day} {month} {year}"

    def days(first: str, last: str, month: str, year: str) -> str:
        try:
            month_number = MONTHS.index(month) + 1
            return date_range(dt.date(int(year), month_number, int(first)),
                              dt.date(int(year), month_number, int(last)), style)
        except ValueError:
            return f"{first}{EN_DASH}{last} {month} {year}"

    text = _DAY_RANGE.sub(lambda m: days(m[1], m[2], m[3], m[4]), text)
    text = _MONTH_RANGE.sub(lambda m: days(m[2], m[3], m[1], m[4]), text)
    text = _DAY_MONTH_YEAR.sub(lambda m: full(m[1], m[2], m[3]), text)
    text = _MONTH_DAY_YEAR.sub(lambda m: full(m[2], m[1], m[3]), text)
    if style == "us":
        text = _DAY_MONTH.sub(lambda m: f"{m[2]} {m[1]}", text)
    elif style == "uk":
        text = _MONTH_DAY.sub(lambda m: f"{m[2]} {m[1]}", text)
    return text


_DOUBLE_OPEN = re.compile(r'(^|[\s(\[{\u2014\u2013/-])"')
_SINGLE_OPEN = re.compile(r"(^|[\s(\[{\u2014\u2013/-])'")
_SPACED_HYPHEN = re.compile(r"(?<=\S) (-|--) (?=\S)")
_NUMBER_RANGE = re.compile(r"(?<![\d-])(\d+)-(\d+)(?![\d-])")


def smart_quotes(text: str) -> str:
    """Straight quotes as curly ones and spaced hyphens as dashes: "a" -> “a”,
    it's -> it’s, "a - b" / "a -- b" -> "a – b", "pages 12-14" -> "12–14".
    Text without straight quotes or hyphens is returned as it is."""
    if not text or not any(c in text for c in "\"'-"):
        return text
    text = _DOUBLE_OPEN.sub(lambda m: m[1] + "\u201c", text).replace('"', "\u201d")
    text = _SINGLE_OPEN.sub(lambda m: m[1] + "\u2018", text).replace("'", "\u2019")
    text = _SPACED_HYPHEN.sub(f" {EN_DASH} ", text)
    return _NUMBER_RANGE.sub(rf"\1{EN_DASH}\2", text)


def typeset(text: Any, style: str = "us") -> str:
    """Curly quotes, dashes and dates in the office's style for *text*."""
    if text is None:
        return ""
    return restyle_dates(smart_quotes(str(text)), style)


def omitted(items: Iterable[Any] | None, limit: int, attribute: str | None = None,
            per_item: int | None = None) -> int:
    """How many things a trimmed list leaves out.

    ``figures|omitted(3)`` counts the figures after the first three;
    ``topics|omitted(6, 'talking_points', 2)`` counts the talking points not
    printed when only the first six topics and two points of each are: the
    points beyond two in those topics and every point of the later topics.
    """
    items = list(items or [])
    if attribute is None:
        return max(0, len(items) - limit)
    count = 0
    for index, item in enumerate(items):
        values = list(field(item, attribute) or [])
        if index >= limit:
            count += len(values)
        elif per_item is not None:
            count += max(0, len(values) - per_item)
    return count


def plural(count: Any, singular: str, many: str | None = None) -> str:
    """``3|plural('point')`` -> "3 points"; ``1|plural('entry', 'entries')`` -> "1 entry"."""
    count = int(count or 0)
    word = singular if count == 1 else (many or f"{singular}s")
    return f"{count} {word}"


_STOP = frozenset("""about after again against along also among because before being between
both cooperation could during each every from have into issues itself leaders more most other
over same should since some such than that their them then there these they this those through
under until very visit were what when where which while with would your""".split())


def _stems(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]{4,}", str(text).lower())
    return {word[:5] for word in words if word not in _STOP}


def about(sentences: Iterable[Any] | None, topics: Iterable[Any] | None) -> list[Any]:
    """The *sentences* (objectives, aims) that share a content word with the
    title or category of one of *topics*: a topic brief's own part of the
    briefing-wide lists.  Words are compared by their first five letters."""
    words: set[str] = set()
    for topic in topics or []:
        words |= _stems(f"{field(topic, 'title', '')} {field(topic, 'category', '')}")
    return [s for s in sentences or [] if _stems(s) & words]


_BLOCK_END = re.compile(r"\n\s*\n|\n(?=\s*(?:[-+*]|\d+[.)])\s)")


def lead(text: Any) -> str:
    """The first paragraph of a Markdown text, before any blank line or list:
    the part a front page prints when the rest sits in an attachment."""
    return _BLOCK_END.split(str(text or "").strip(), maxsplit=1)[0].strip()
