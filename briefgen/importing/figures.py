"""Numbers with their unit and what they count: money, percentages, counts, units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.importing import lexicon

_SCALE: dict[str, float] = lexicon.table("numbers", "scales")
_SYMBOLS: dict[str, str] = lexicon.table("numbers", "symbols")
_CURRENCIES = {k.lower(): v for k, v in lexicon.table("numbers", "currencies").items()}
_WORD_CURRENCIES = lexicon.alternation(list(_CURRENCIES))
_PHYSICAL = (r"megawatts?|gigawatts?|kilowatts?|terawatt[- ]hours?|gigawatt[- ]hours?|MW|GW|kW|"
             r"TWh|GWh|kilomet(?:er|re)s?|km|miles|met(?:er|re)s?|tonnes|tons|barrels|"
             r"hectares|square\s+kilomet(?:er|re)s|cubic\s+met(?:er|re)s|litres|liters|"
             r"kilograms|kg|degrees(?:\s+Celsius)?")
# thousands grouped by threes, or the Indian way (18,29,648), or no grouping
_NUM = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a one-letter scale ("80bn" has two) must end its word: "5 m" but not "5 miles"
_SCALE_RE = "|".join([lexicon.alternation([w for w in _SCALE if len(w) > 1]),
                      *(rf"{w}\b" for w in _SCALE if len(w) == 1)])
_SYMBOL_RE = lexicon.alternation(_SYMBOLS)
_APPROX = "(?:(?:" + lexicon.alternation(
    "some about around roughly nearly almost over approximately".split() + [
        "more than", "less than", "fewer than", "up to", "at least", "at most", "an estimated"]) \
    + r")\s+)?"

_MONEY_SYMBOL = re.compile(rf"{_APPROX}(?<![\w$])({_SYMBOL_RE})\s?({_NUM})(?:\s?({_SCALE_RE}))?",
                           re.I)
_MONEY_WORDS = re.compile(rf"{_APPROX}\b({_NUM})\s?((?i:{_SCALE_RE}))?\s+((?i:{_WORD_CURRENCIES}))\b")
_PERCENT = re.compile(rf"{_APPROX}\b({_NUM})\s?(%|per\s?cent|percent|percentage\s+points?)")
_PHYSICAL_RE = re.compile(rf"{_APPROX}\b({_NUM})\s?({_SCALE_RE})?\s?({_PHYSICAL})\b")
_COUNT = re.compile(rf"{_APPROX}\b({_NUM})(?:\s+({_SCALE_RE}))?\s+"
                    r"((?:[A-Z]{2,4}\s+|[\w-]+\s+){0,2}?[a-z][\w-]*s|(?:[A-Z]{2,4}\s+)?people|"
                    r"(?:[A-Z]{2,4}\s+)?personnel|aircraft|staff|children)\b")

_COUNT_WORDS: dict[str, int] = lexicon.table("numbers", "counts")
_SMALL = rf"\d{{1,3}}|{lexicon.alternation(list(_COUNT_WORDS))}"
# a share: "one out of every three", "one in five", "two of every three"
_RATIO = re.compile(rf"(?<![-–\w])({_SMALL})\s+(?:(?:out\s+of|in)\s+(?:every\s+)?|of\s+every\s+)"
                    rf"({_SMALL})\b(?![\d,.%])", re.I)
_DURATIONS = frozenset(lexicon.table("numbers", "lists")["durations"])
_NOT_COUNTED = frozenset(lexicon.table("numbers", "lists")["not_counted"])
# the count word is looked for first: the look-behinds cost more, at every position
_COUNT_WORD_RE = lexicon.alternation(list(_COUNT_WORDS))
_SPELLED = re.compile(rf"(?<![\w’'-])(?=(?:{_COUNT_WORD_RE})\s)"
                      rf"(?<!\bthese\s)(?<!\bthose\s)"
                      rf"(?<!\bboth\s)(?<!\ball\s)(?<!\btheir\s)(?<!\bits\s)"
                      rf"({_COUNT_WORD_RE})\s+"
                      rf"(?:({_SCALE_RE})\s+)?"
                      rf"((?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*s)\b")
# a number inside a name or a code ("COVID-19", "P-8A", "G20"), or a rank ("No. 1")
_DIGIT = re.compile(r"\d")
_NOT_A_NUMBER = re.compile(r"[A-Za-z]-?$|\bNo\.\s*$|#$")
_STOP = re.compile(r"\b(after|before|while|when|which|that|who|because|as|than|since|if|but|"
                   r"is|are|was|were|will|would|has|have|had|could|should|said|says|and|or|"
                   r"from|by|to|amid|despite|in\s+(?:19|20)\d\d)\b|[,;:.()—–\"“”]")
_DANGLING = frozenset("for of in on at with to the a an its their his her this that over under "
                      "into per".split())
_ADJECTIVE_START = re.compile(r"^(?:[a-z]+(?:-[a-z]+)*ed|new|more|additional|other|extra)$")


@dataclass
class Number:
    value: float
    unit: str
    text: str
    start: int


def _value(number: str, scale: str | None) -> float:
    value = float(number.replace(",", ""))
    factor = _SCALE.get((scale or "").lower(), 1)
    return value * factor


def _tail(sentence: str, end: int, words: int = 5) -> str:
    """The few words after a number that say what it is about."""
    rest = sentence[end:]
    stop = _STOP.search(rest)
    rest = rest[:stop.start()] if stop else rest
    kept = rest.split()[:words]
    while kept and kept[-1].lower() in _DANGLING:
        kept.pop()
    return " ".join(kept)


def find_figures(sentence: str) -> list[Number]:
    """Every figure in *sentence*, leftmost first; one per number."""
    found: list[Number] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: float, unit: str, tail_words: int) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        tail = _tail(sentence, m.end(), tail_words) if tail_words else ""
        text = " ".join(f"{m.group(0).strip()} {tail}".split())
        found.append(Number(value, unit, text, m.start()))
        taken.append(m.span())

    # every pattern but the spelled-out needs a digit, at most a few words into its match
    digit = _DIGIT.search(sentence)
    start = max(0, digit.start() - 40) if digit else len(sentence)
    for m in _MONEY_SYMBOL.finditer(sentence, start):
        add(m, _value(m[2], m[3]), _SYMBOLS.get(m[1].upper(), _SYMBOLS.get(m[1], m[1])), 4)
    for m in _MONEY_WORDS.finditer(sentence, start):
        add(m, _value(m[1], m[2]), _currency(m[3]), 4)
    for m in _PERCENT.finditer(sentence, start):
        unit = "percentage points" if "point" in m[2].lower() else "percent"
        add(m, _value(m[1], None), unit, 5)
    for m in _PHYSICAL_RE.finditer(sentence, start):
        add(m, _value(m[1], m[2]), _unit(m[3]), 3)
    for m in _RATIO.finditer(sentence):
        if not _is_date(sentence, m.start(1), m.end(1)):
            add(m, _count(m[1]) / _count(m[2]), "share", 3)
    for m in _COUNT.finditer(sentence, start):
        if _is_year(m[1], sentence, m.start(1)) or _is_date(sentence, m.start(1), m.end(1)):
            continue
        unit = " ".join(m[3].split())
        if _ADJECTIVE_START.match(unit.split()[0]) and len(unit.split()) > 1:
            unit = " ".join(unit.split()[1:])
        if unit.split()[0].lower() in _DURATIONS:
            continue
        add(m, _value(m[1], m[2]), unit, 4)
    for m in _SPELLED.finditer(sentence):
        words = m[3].split()
        if words[0].lower() in _NOT_COUNTED or words[-1].lower() in _NOT_COUNTED \
                or words[-1].lower() in _DURATIONS or (m[1].lower() == "one" and not m[2]):
            continue
        add(m, _COUNT_WORDS[m[1].lower()] * _SCALE.get((m[2] or "").lower(), 1), m[3], 0)
    found.sort(key=lambda n: n.start)
    return [n for n in found if not _NOT_A_NUMBER.search(sentence[:n.start + _lead(n.text)])]


def _count(word: str) -> float:
    return float(word) if word.isdigit() else _COUNT_WORDS[word.lower()]


def _lead(text: str) -> int:
    """Characters before the digits of a figure's text ('some 80,000' -> 5)."""
    m = re.search(r"\d", text)
    return m.start() if m else 0


def _currency(words: str) -> str:
    return _CURRENCIES[" ".join(words.split()).lower()]


def _unit(word: str) -> str:
    word = " ".join(word.split())
    return {"MW": "megawatts", "GW": "gigawatts", "kW": "kilowatts", "km": "kilometres",
            "kg": "kilograms"}.get(word, word.lower() if not word.isupper() else word)


def _is_year(number: str, sentence: str, start: int) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", number)) and \
        not re.search(r"\d\s*$", sentence[:start])


def _is_date(sentence: str, start: int, end: int) -> bool:
    """A day of a month: 'May 16', or the end of a range 'May 16-17'."""
    before = sentence[max(0, start - 16):start]
    return bool(re.search(r"(January|February|March|April|May|June|July|August|September|"
                          r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
                          r"Oct|Nov|Dec)\.?\s*(?:\d{1,2}\s*[-–]\s*)?$", before))
