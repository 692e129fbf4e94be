"""What the sides agreed to do (commitments) and what comes next (next steps)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefgen.importing import gazetteer as gz
from briefgen.importing import lexicon
from briefgen.importing.dates import (WEEKDAY_RE, explicit_date, month_phrase, period_end,
                                      relative_span,
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
                  r",\s+(?:[\w'’.-]+\s+){1,3}(?:said|says|added|announced|told|reports?|"
                  r"reported)\b|,?\s+but\b")
_NOT_COMMITMENT = lexicon.pattern(_LEX, "hedges")
_AFTER_HEDGE = lexicon.pattern(_LEX, "after_hedges", r"^\s*(?:{})\b")
_THING = lexicon.pattern(_LEX, "not_actors", r"\b(?:{})\W*$")
_EVENT_SUBJECT = lexicon.pattern(_LEX, "events", r"\b(?:{})\W*$")
_IDLE = lexicon.pattern(_LEX, "idle_objects",
                        r"^(?:(?:a|an|the|another|their|its|his|her|new)\s+)?(?:{})\b")
# a kept verb with no object: "the partnership signed in 2023"
_NO_OBJECT = re.compile(r"^(?:in|on|at|by|last|earlier|this|during|with|between|under)\b", re.I)
_DANGLING = re.compile(r"\s+(?:for|to|of|with|on|in|at|by|the|a|an|that)$", re.I)
_RESTATE = tuple(lexicon.words(_LEX, "restate"))
# what a restating verb keeps: a commitment noun within its first few words
_RESTATED = lexicon.pattern(_LEX, "restated", r"^(?:[\w'’.-]+\s+){0,3}?(?:{})\b")
# a participle after "be" is passive, no pledge ("should be resolved bilaterally")
_AFTER_BE = re.compile(r"\b(?:be|being)\s+$", re.I)
_EVENT = lexicon.alternation(lexicon.words(_LEX, "events"))
# every cue starts with a letter: the look-ahead skips the ends of words
_FUTURE_EVENT = re.compile(r"\b(?=\w)(?:" + "|".join(
    f"(?:{cue})".replace("{event}", f"(?:{_EVENT})").replace("{weekday}", WEEKDAY_RE)
    for cue in lexicon.words(_LEX, "step_cues")) + ")", re.I)
_CLAUSE = re.compile(
    r"(?:^|(?<=[,;]\s))[^,;]*?\b(?:will|must|is due to|are due to|is scheduled to|are scheduled to|"
    r"is set to|are set to|is expected to|are expected to|plans? to|agreed to)\s+"
    r"(?:\w+\s+)?(?:meet|visit|host|travel|attend|hold|return|present|submit|report|sign|"
    r"finali[sz]e|conclude|launch|publish|decide)\b[^,;]*", re.I)
# what the visit under way holds ("is due to meet X during his visit") is no next step
_CURRENT = lexicon.pattern(_LEX, "current")
_EVENT_NP = re.compile(
    rf"\b(his|her|their|the|a|an)\s+((?:[\w'’-]+\s+){{0,4}}?(?:{_EVENT})\b[^,.;]*)", re.I)


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
    if "“" not in sentence and '"' not in sentence:
        return sentence  # most sentences quote no one: no search
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
    m = next((m for m in _FINITE.finditer(text) if _acts(text, m)), None)
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
            clause, quoted, _ = _CUT.split(clause, 1)[0].partition(" …")
            # what follows a quotation was said, not undertaken: "support Ukraine for “...”"
            clause = _DANGLING.sub("", clause.strip(" ,.;"))
            if len(clause.split()) >= (3 if quoted else 2) and not re.match(r"be\s+(?!ready|prepared|willing)", clause,
                                                         re.I):
                pledges.append(Pledge(clause[0].upper() + clause[1:], parties, sentence))
    return pledges


def _acts(text: str, verb: re.Match[str]) -> bool:
    """Does the finite verb at *verb* state what a side undertakes?  Not a participle
    after 'be' ('should be resolved'), not 'will likely ...', not a thing's future ('the
    funds will be released', 'the visit will provide')."""
    head = text[:verb.start()]
    if _AFTER_BE.search(head) or _AFTER_HEDGE.search(text[verb.end():]):
        return False
    return not (verb[0].lower() == "will" and (_THING.search(head) or _EVENT_SUBJECT.search(head)))


def _segments(text: str) -> list[str]:
    """'reaffirmed X, as well as promising Y' -> the objects X and Y, verb removed."""
    result = []
    for part in _SPLIT.split(text):
        m = _PLEDGE.match(part.strip() + " ")
        verb = m.group(1).lower() if m else ""
        rest = part.strip()[m.end():] if m else part.strip()
        kept = next((k for k in _KEPT if verb.startswith(k)), None)
        if kept in _RESTATE and not _RESTATED.search(rest):
            continue  # "reiterated the importance of ...": a position, no pledge
        if kept and (_NO_OBJECT.match(rest) or _IDLE.match(rest)):
            continue  # "signed in 2023", "exchanged views on ...": nothing undertaken
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
    cue = _FUTURE_EVENT.search(text)
    if not cue or _CURRENT.search(text):
        return None, ""
    # the event the cue speaks of: a noun phrase holding the cue or right after it
    np = None
    for m in _EVENT_NP.finditer(text):
        if m.start() <= cue.end() + 3 and m.end() >= cue.start():
            np = m
    if np is None:
        clause = _CLAUSE.search(text)
        phrase = (clause.group(0) if clause else _clause_around(text, cue.start())).strip(" ,.;")
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


_VERB_FIRST = re.compile(r"(?:will|would|shall|must|is|are|was|were|has|have|had)\b", re.I)


def _clause_around(text: str, at: int) -> str:
    """The clause of *text* that holds position *at* (between commas, semicolons, dashes),
    or the whole sentence when that clause is too short to say anything."""
    start = max(text.rfind(mark, 0, at) for mark in (", ", "; ", " – ", " — ")) + 1
    ends = [i for i in (text.find(mark, at) for mark in (", ", "; ", " – ", " — ")) if i >= 0]
    clause = text[start:min(ends, default=len(text))].strip(" ,;–—")
    clause = re.sub(r"^(?:and|but|while|that)\s+", "", clause)
    # a clause that starts with its verb has its subject earlier: keep the sentence
    return text if len(clause.split()) < 4 or _VERB_FIRST.match(clause) else clause


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
    date = period_end(text, published)
    if date:
        return date, ""
    period = month_phrase(text, published)
    if period:
        return None, f"a next step is due in {period}; set its day by hand"
    return None, ""
