"""What the sides agreed to do (commitments) and what comes next (next steps)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefgen.importing import gazetteer as gz
from briefgen.importing import lexicon
from briefgen.importing.dates import (explicit_date, month_phrase, relative_span,
                                      weekday_date)
from briefgen.importing.meeting import city_in
from briefgen.importing.people import Individual, Resolver

_LEX = "commitments"
_FINITE = lexicon.pattern(_LEX, "finite", r"\b(?:{})\b(?!\s+by\b)")
_VERB = lexicon.alternation([*lexicon.words(_LEX, "finite"), *lexicon.words(_LEX, "forms")])
_PLEDGE = re.compile(
    rf"\b({_VERB})\b"
    r"(?!\s+by\b)(?:\s+(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday))?(?:\s+(?:to|on|that))?\s+", re.I)
_SPLIT = re.compile(rf",?\s+as well as\s+|;\s+|,\s+while\s+|,?\s+and\s+(?=(?:also\s+)?"
                    rf"(?:{_VERB})\b)", re.I)
_KEPT = tuple(lexicon.words(_LEX, "kept"))
_BASE_VERBS = frozenset(lexicon.scalar(_LEX, "base_verbs").split())
_COLLECTIVE = lexicon.pattern(_LEX, "collective", r"^\W*(?:{})\b")
_PASSIVE = re.compile(r"\b(?:has|have|was|were)\s+been\s+\w+ed\b|\bit\s+(?:was|has\s+been)\s+"
                      r"decided\b|\b(?:was|were)\s+signed\b", re.I)
_CUT = re.compile(r",?\s+\b(?:after|because|amid|despite|following|since|while|as part of)\b|"
                  r",\s+(?:as|when|where)\s|"
                  r",\s+(?:which|who)\b|"
                  r",\s+(?:[\w'’.-]+\s+){1,3}(?:said|says|added|announced|told)\b")
_NOT_COMMITMENT = lexicon.pattern(_LEX, "hedges")
_FUTURE_EVENT = re.compile(
    r"\b(will\s+(?:meet|visit|host|travel|attend|hold|return|sit down)|"
    r"(?:first|second|another)\s+(?:summit|meeting|round|visit|talks)|"
    r"(?:next|upcoming|follow-up)\s+(?:[\w'’-]+\s+){0,2}?(?:summit|meeting|round|visit|talks|"
    r"exercise|vote|conference|session)|"
    r"ahead\s+of\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|vote|summit|talks|visit)|"
    r"look(?:ed|s)?\s+forward\s+to\s+(?:welcoming|hosting|meeting|visiting|receiving)|"
    r"will\s+be\s+(?:speaking|meeting|travelling|traveling|visiting)|"
    r"would\s+(?:go|travel|fly)\s+to|"
    r"(?:summit|meeting|visit|talks|conference)\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)|"
    r"(?:expires?|runs?\s+out|go(?:es)?\s+into\s+effect|takes?\s+effect)\s+(?:on|at|by)\b|"
    r"will\s+(?:be\s+held|take\s+place)|"
    r"(?:is|are)\s+(?:scheduled|set|due|expected)\s+to|plans?\s+to\s+(?:visit|meet|travel|host)|"
    r"deadline|by the end of|agreed to meet|(?:is|are)\s+due\s+to|must\s+\w+.*\bnext\s+"
    r"(?:week|month|year))\b", re.I)
_CLAUSE = re.compile(
    r"(?:^|(?<=[,;]\s))[^,;]*?\b(?:will|must|is due to|are due to|is scheduled to|are scheduled to|"
    r"is set to|are set to|is expected to|are expected to|plans? to|agreed to)\s+"
    r"(?:\w+\s+)?(?:meet|visit|host|travel|attend|hold|return|present|submit|report|sign|"
    r"finali[sz]e|conclude|launch|publish|decide)\b[^,;]*", re.I)
_EVENT_NP = re.compile(
    r"\b(his|her|their|the|a|an)\s+((?:[\w'’-]+\s+){0,3}?(?:summit|meeting|talks|visit|trip|"
    r"round|conference|session|dialogue)\b[^,.;]*)", re.I)


@dataclass
class Pledge:
    text: str
    parties: list[str]
    evidence: str


@dataclass
class Step:
    text: str
    date: dt.date | None
    location: str
    evidence: str


def _outside_quotes(sentence: str) -> str:
    return re.sub(r"[“\"][^”\"]*[”\"]", " … ", sentence)


def parties_of(sentence: str, resolver: Resolver, participants: list[Individual]) -> list[str]:
    """Countries of the sides that act in *sentence*."""
    countries = [p.country for p in participants if p.country]
    if resolver.both(sentence):
        return list(dict.fromkeys(countries))
    head = _PLEDGE.split(sentence, 1)[0]
    named = [p.country for _, p in resolver.named(head) if p in participants and p.country]
    for m in gz.place_pattern().finditer(head):
        word = m.group(1)
        if word[:1].isupper():
            c = gz.country_named(word) or (gz.country_of_city(word) if gz.is_capital(word)
                                           else None)
            if c and c.name in countries:
                named.append(c.name)
    return list(dict.fromkeys(named))


def find_pledges(sentence: str, resolver: Resolver,
                 participants: list[Individual]) -> list[Pledge]:
    """Commitments in each clause of *sentence* ('X will ..., while Y will ...')."""
    clauses = re.split(r",\s+(?:while|whereas)\s+|;\s+|,\s+and\s+(?=[A-Z])",
                       _outside_quotes(sentence))
    return [p for clause in clauses for p in _clause_pledges(clause, sentence, resolver,
                                                             participants)]


def _clause_pledges(text: str, sentence: str, resolver: Resolver,
                    participants: list[Individual]) -> list[Pledge]:
    m = _FINITE.search(text)
    # a quotation just before the verb makes the verb part of what was said
    if not m or "…" in text[max(0, m.start() - 12):m.start()] \
            or _NOT_COMMITMENT.search(text[:m.end()]):
        return []
    parties = parties_of(text[:m.start()] + " ", resolver, participants)
    if not parties and (_COLLECTIVE.search(text[:m.start()]) or _PASSIVE.search(text)):
        parties = list(dict.fromkeys(p.country for p in participants if p.country))
    elif not parties:
        return []
    pledges = []
    for part in _segments(text[m.start():]):
        for clause in _verb_phrases(part):
            clause = _CUT.split(clause, 1)[0].strip(" ,.;")
            if len(clause.split()) >= 2 and not re.match(r"be\s+(?!ready|prepared|willing)", clause,
                                                         re.I):
                pledges.append(Pledge(clause[0].upper() + clause[1:], parties, sentence))
    return pledges


def _segments(text: str) -> list[str]:
    """'reaffirmed X, as well as promising Y' -> the objects X and Y, verb removed."""
    result = []
    for part in _SPLIT.split(text):
        m = _PLEDGE.match(part.strip() + " ")
        verb = m.group(1).lower() if m else ""
        rest = part.strip()[m.end():] if m else part.strip()
        kept = next((k for k in _KEPT if verb.startswith(k)), None)
        if kept:
            rest = f"{kept.capitalize()} {rest}"
        result.append(rest)
    return [r for r in result if r.strip()]


def _verb_phrases(text: str) -> list[str]:
    """'resume X, enhance Y, and intensify Z' -> three phrases."""
    pieces = re.split(r",\s+(?:and\s+)?|\s+and\s+", text)
    phrases: list[str] = []
    for piece in pieces:
        first = piece.split()[0].lower() if piece.split() else ""
        if phrases and first not in _BASE_VERBS:
            joiner = ", " if text.find(", " + piece) != -1 else " and "
            phrases[-1] += joiner + piece
        else:
            phrases.append(piece)
    return phrases


def find_step(sentence: str, resolver: Resolver, meeting_date: dt.date | None,
              published: dt.date | None) -> tuple[Step | None, str]:
    """A future meeting or deadline in *sentence*, and a warning when its date cannot be
    resolved."""
    text = _outside_quotes(sentence)
    if not _FUTURE_EVENT.search(text) and not re.search(r"\b(before|ahead of)\s+(his|her|their)\b",
                                                         text):
        return None, ""
    np = None
    for m in _EVENT_NP.finditer(text):
        if re.search(r"\b(before|ahead of|next|first|upcoming|will|to)\b",
                     text[max(0, m.start() - 25):m.end()], re.I):
            np = m
    if np is None:
        clause = _CLAUSE.search(text)
        if not clause:
            return None, ""
        phrase = clause.group(0).strip(" ,.;")
        date, warning = _step_date(text, meeting_date, published)
        return Step(phrase[0].upper() + phrase[1:], date, city_in(phrase)[0], sentence), warning
    phrase = np[2].strip()
    owner = resolver.named(text[:np.start()])
    determiner = np[1].lower()
    if determiner in ("his", "her") and owner:
        phrase = f"{owner[0][1].name}'s {phrase}"
    elif determiner in ("a", "an", "the"):
        phrase = f"{determiner.capitalize()} {phrase}"
    date, warning = _step_date(text, meeting_date, published)
    location, _ = city_in(phrase)
    return Step(phrase[0].upper() + phrase[1:], date, location, sentence), warning


def _step_date(text: str, meeting_date: dt.date | None,
               published: dt.date | None) -> tuple[dt.date | None, str]:
    date, _ = explicit_date(text, published)
    if date:
        return date, ""
    span = relative_span(text)
    if span and span[1] == "before":
        if meeting_date:
            return meeting_date + dt.timedelta(days=span[0]), ""
        return None, "a next step is dated relative to the meeting, whose date is unknown"
    date, named = weekday_date(text, published)
    if named:
        return date, "" if date else "a next step names a weekday but no publication date " \
                                     "is known: give the publication date to resolve it"
    period = month_phrase(text, published)
    if period:
        return None, f"a next step is due in {period}; set its day by hand"
    return None, ""
