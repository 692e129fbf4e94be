"""Dates in metadata and in running text, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.importing import lexicon

_CALENDAR = lexicon.table("dates", "calendar")
MONTHS = {m: i for i, m in enumerate(_CALENDAR["months"], start=1)}
_MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {
    a: MONTHS[next(m for m in MONTHS if m.startswith(a))]
    for a in _CALENDAR["month_abbreviations"]}
WEEKDAYS = list(_CALENDAR["weekdays"])
_NUMBER_WORDS: dict[str, int] = lexicon.table("dates", "span_counts")

# a month's name or short form, with an optional full stop ("Sept.", "Dec.")
# (capitalised: "may" is a verb)
_MONTH_RE = "(?:" + lexicon.alternation([m.capitalize() for m in (*MONTHS, *_MONTH_ABBR)]) + r")\.?"
WEEKDAY_RE = "(?:" + lexicon.alternation(WEEKDAYS) + ")"
_ISO = re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:\b|(?=T\d))")
_NUMERIC = re.compile(r"\b\d{1,2}([./-])\d{1,2}\1\d{4}\b")
_MDY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+(\d{{4}}))?\b")
_RANGE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+"
                    rf"(?:of\s+)?({_MONTH_RE})(?:,?\s+(\d{{4}}))?\b")
_WEEKDAY = re.compile(rf"\b(?:(last|next|this|on|coming)\s+)?({WEEKDAY_RE})\b", re.I)
_RELATIVE_SPAN = re.compile(rf"\b({lexicon.alternation(list(_NUMBER_WORDS))}|\d+)\s+(day|week)s?\s+"
                            r"(before|after|ahead of)\b", re.I)
_FUTURE = lexicon.pattern("dates", "future")


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or _MONTH_ABBR.get(key) or _MONTH_ABBR.get(key[:3], 0)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """A full date in metadata: ISO (with or without time), 'August 24, 2025',
    '24 August 2025', or numeric '24.08.2025' (day first) and '08/24/2025' (month first)."""
    if not text:
        return None
    m = _ISO.search(text)
    if m:
        return _safe(int(m[1]), int(m[3]), int(m[4]))
    for m in (_MDY.search(text), _DMY.search(text)):
        if m and m.lastindex and m[3]:
            month, day = (m[1], m[2]) if m.re is _MDY else (m[2], m[1])
            return _safe(int(m[3]), _month(month), int(day))
    m = _NUMERIC.search(text)
    if m:
        # dateparser knows the numeric conventions: a slash means month first (US), a dot
        # or a dash day first
        import dateparser

        order = "MDY" if m[1] == "/" else "DMY"
        found = dateparser.parse(m[0], languages=["en"], settings={"DATE_ORDER": order})
        return found.date() if found else None
    return None


def explicit_date(text: str, published: dt.date | None) -> tuple[dt.date | None, tuple[int, int]]:
    """The first calendar date written in *text* and its span.

    A date without a year takes the publication year, or the next year when
    that would put a future event far in the past.
    """
    best = None
    for regex in (_ISO, _RANGE, _MDY, _DMY):
        for m in regex.finditer(text):
            if best is None or m.start() < best.start():
                best = m
    if best is None:
        return None, (0, 0)
    if best.re is _ISO:
        return _safe(int(best[1]), int(best[3]), int(best[4])), best.span()
    if best.re is _RANGE:  # "from 1 to 3 September 2024": the first day
        day, month = best[1], best[2]
    else:
        month, day = (best[1], best[2]) if best.re is _MDY else (best[2], best[1])
    if best[3]:
        return _safe(int(best[3]), _month(month), int(day)), best.span()
    if published is None:
        return None, best.span()
    date = _safe(published.year, _month(month), int(day))
    if date and _FUTURE.search(text) and (published - date).days > 60:
        date = _safe(published.year + 1, _month(month), int(day))
    return date, best.span()


def weekday_date(text: str, published: dt.date | None) -> tuple[dt.date | None, bool]:
    """Resolve 'on Saturday' / 'next Tuesday'; the bool says whether a weekday was named."""
    m = _WEEKDAY.search(text)
    if not m:
        return None, False
    if published is None:
        return None, True
    target = WEEKDAYS.index(m[2].lower())
    qualifier = (m[1] or "").lower()
    future = qualifier in ("next", "coming") or bool(_FUTURE.search(text[:m.start()]))
    if future:
        # "on Friday" in Friday's paper is that day; "next Friday" is a week on
        delta = (target - published.weekday()) % 7 or (7 if qualifier == "next" else 0)
        return published + dt.timedelta(days=delta), True
    delta = (published.weekday() - target) % 7
    if qualifier == "last" and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta), True


def day_words(text: str, published: dt.date | None) -> dt.date | None:
    """'today', 'yesterday', 'this morning', 'tomorrow' (lexicon/dates.toml)."""
    if published is None:
        return None
    days = lexicon.table("dates", "days")
    m = lexicon.pattern("dates", "days").search(text)
    return published + dt.timedelta(days=days[" ".join(m[0].lower().split())]) if m else None


def relative_span(text: str) -> tuple[int, str] | None:
    """'two days before ...' -> (2, 'before'); 'a week after' -> (7, 'after')."""
    m = _RELATIVE_SPAN.search(text)
    if not m:
        return None
    count = int(m[1]) if m[1].isdigit() else _NUMBER_WORDS[m[1].lower()]
    days = count * (7 if m[2].lower() == "week" else 1)
    return days, "after" if m[3].lower() == "after" else "before"


def month_phrase(text: str, published: dt.date | None) -> str:
    """'next month' / 'later this year' -> a readable period, or '' when absent."""
    if published is None:
        return ""
    if re.search(r"\bnext month\b", text, re.I):
        year, month = divmod(published.month, 12)
        return dt.date(published.year + year, month + 1, 1).strftime("%B %Y")
    if re.search(r"\bnext year\b", text, re.I):
        return str(published.year + 1)
    if re.search(r"\b(later|by the end of) this year\b", text, re.I):
        return str(published.year)
    return ""


def period_end(text: str, published: dt.date | None) -> dt.date | None:
    """'at the end of the month' / 'by the end of this year' -> the period's last day."""
    m = re.search(r"\bend\s+of\s+(?:the|this)\s+(month|year)\b", text, re.I)
    if not m or published is None:
        return None
    if m[1].lower() == "year":
        return dt.date(published.year, 12, 31)
    following = (published.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return following - dt.timedelta(days=1)


def mentions_relative(text: str) -> bool:
    """Does *text* hold a date that needs the publication date to resolve?"""
    return bool(_WEEKDAY.search(text) or re.search(
        r"\b(yesterday|today|tomorrow|next (week|month|year)|last week)\b", text, re.I)
        or ((_MDY.search(text) or _DMY.search(text)) and not re.search(r"\b\d{4}\b", text)))
