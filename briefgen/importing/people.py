"""People: who is named, with which office and country, and who is meeting.

Works from news-writing patterns and the gazetteer, never from a list of names:
"Japanese Prime Minister Shigeru Ishiba", "Lee Jae Myung, South Korea's
president", "President Élise Marchand of France", "France's President ...".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from briefgen.importing import gazetteer as gz
from briefgen.importing import lexicon
from briefgen.importing.dates import MONTHS, WEEKDAYS

_MEETS = lexicon.pattern("meeting", "meets")

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĶĹĻĽĿŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_WORD = rf"[{_UPPER}][^\W\d_]*(?:[-'’][{_UPPER}]?[^\W\d_]+)*"
_PARTICLE = rf"(?:{lexicon.alternation(lexicon.words('people', 'particles'))})"
# a name word, an initial ("R.") or an Arabic article joined to the name ("al-Thani")
_TOKEN = rf"(?:[{_UPPER}]\.(?=\s)|{_WORD}|(?:al|el|Al|El|ad|as|ash|at|az)-{_WORD})"
_SUFFIX = r"(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV)\b)"
_NAME = rf"(?:[{_UPPER}]\.\s?){{0,3}}{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_TOKEN}){{0,4}}{_SUFFIX}?"
_HONORIFICS = rf"(?:(?:{lexicon.alternation(lexicon.words('people', 'honorifics'))})\s+)*"
_STATUS = "(?i:" + lexicon.alternation(
    "former late then ex- incoming outgoing new acting interim hardline liberal conservative "
    "veteran embattled current sitting visiting".split() + ["newly elected"]) + ")"
_PAST = re.compile(r"\b(former|late|then|ex-|outgoing|predecessor|previous|impeach\w*|ousted)\b",
                   re.I)
# "the Federal Republic of", "the Kingdom of", "the State of" before a country's name
# an organisation's acronym before an office: "IMF managing director", "NATO Secretary General"
_ORG = rf"\b(?!(?:{lexicon.alternation(lexicon.words('people', 'honorifics'))})\b)(?P<org>[A-Z]{{2,5}})"
_STATE = r"(?:(?:[A-Z][\w'’-]+\s+){0,3}(?:Republic|Kingdom|State|Sultanate|Emirate|" \
         r"Principality|Commonwealth|Federation|Confederation)\s+of\s+(?:the\s+)?)?"

_NOT_NAMES = frozenset({*(m.capitalize() for m in MONTHS), *(d.capitalize() for d in WEEKDAYS),
                        *lexicon.words("people", "not_names")})
_HONORIFIC_WORDS = frozenset(w for h in lexicon.words("people", "honorifics") for w in h.split()
                             if w[:1].isupper())
_PORTFOLIO_WORDS = frozenset(lexicon.words("people", "portfolios"))
_ORGANISATION_WORDS = frozenset(lexicon.table("people", "groups")["organisations"].split())


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    countries = gz.countries()
    places = gz.trie_alternation({w for c in countries for w in (*c.demonyms, c.name, *c.aliases)})
    names = gz.trie_alternation({c.name for c in countries} | {a for c in countries for a in c.aliases})
    country = _STATE + "(?:" + names + ")"
    cities = gz.trie_alternation({c for k in countries for c in k.cities})
    title = gz.title_alternation()
    before = re.compile(  # every part starts with a letter (the look-ahead saves time)
        rf"(?=\w)(?:\b(?P<status1>{_STATUS})\s+)?"
        rf"(?:(?:the\s+)?(?:(?P<adj>{places})|{_ORG})(?:['’]s)?\s+)?"
        rf"(?:(?P<status2>{_STATUS})\s+)?{_HONORIFICS}(?:the\s+)?"
        rf"(?<![\w])(?P<title>(?i:{title}))"
        rf"(?:\s+of\s+(?:the\s+)?(?P<of1>{country}))?,?"
        rf"\s+{_HONORIFICS}(?P<name>{_NAME})"
        rf"(?:\s+of\s+(?:the\s+)?(?P<of>{country})\b)?")
    # the office after the name is taken whole: "Minister of Economic Development Maxim X"
    # is the next person's, not this one's "Minister"
    after = re.compile(  # a name starts with a capital
        rf"(?=[{_UPPER}])(?P<name>{_NAME}),\s+(?:the\s+|a\s+)?"
        rf"(?:(?P<status1>{_STATUS})\s+)?"
        rf"(?:(?P<adj>{places})(?:['’]s)?\s+)?"
        rf"(?:(?P<status2>{_STATUS})\s+)?"
        rf"(?P<title>(?>(?i:{title})))\b(?!\s+(?!of\b)[{_UPPER}])"
        rf"(?:\s+of\s+(?:the\s+)?(?:(?P<of>{country})\b|(?={cities})))?")
    counterpart = re.compile(
        rf"\b(?:his|her|their)\s+(?:(?P<adj>{places})\s+)?counterparts?,?\s+{_HONORIFICS}"
        rf"(?P<name>{_NAME})")
    # "Germany's Wolfgang Schaeuble": a country's person with no office beside the name
    possessive = re.compile(
        rf"(?<![\w])(?P<adj>[{_UPPER}][\w.-]*(?:\s+[{_UPPER}][\w.-]*){{0,3}})['’]s\s+"
        rf"{_HONORIFICS}(?P<name>{_NAME})")
    return before, after, counterpart, possessive


@dataclass
class Mention:
    name: str
    title: str
    country: str
    past: bool
    sentence: int
    start: int
    weak: bool = False  # joins a person named elsewhere, never makes one


@dataclass(eq=False)
class Individual:
    """One person as the article presents them."""

    name: str
    title: str = ""
    country: str = ""
    past: bool = False
    evidence: str = ""
    first: int = 0
    mentions: list[Mention] = field(default_factory=list)

    @property
    def short_names(self) -> list[str]:
        tokens = [t for t in self.name.split() if t[0].isupper() and not t.endswith(".")
                  and t not in ("II", "III", "IV")]
        return list(dict.fromkeys([tokens[-1], tokens[0]])) if tokens else []


def _clean_name(raw: str) -> str:
    name = re.sub(_SUFFIX + "$", "", raw.strip())
    tokens = re.sub(r"['’]s$", "", name).split()
    bodies = [i for i, t in enumerate(tokens) if t in _ORGANISATION_WORDS]
    if bodies:
        tokens = tokens[bodies[-1] + 1:]  # "Investment Fund Kirill Dmitriev" -> the person
    while len(tokens) > 1 and (tokens[0] in _HONORIFIC_WORDS or tokens[0] in _NOT_NAMES):
        tokens.pop(0)
    places = gz.place_words()
    while tokens and (tokens[-1] in _NOT_NAMES or tokens[-1].lower() in places):
        tokens.pop()
    while tokens and tokens[0] in _NOT_NAMES:
        tokens.pop(0)
    # a place word opens a longer name only by accident ("Georgia Meloni" stays whole)
    while len(tokens) > 2 and tokens[0].lower() in places:
        tokens.pop(0)
    if tokens and all(t in _PORTFOLIO_WORDS for t in tokens) or gz.place(" ".join(tokens)):
        return ""  # an office's words ("Cooperation") or a place ("Chequers"), not a name
    if tokens and re.search(r"['’]s$", tokens[-1]):
        tokens[-1] = re.sub(r"['’]s$", "", tokens[-1])
    return " ".join(tokens)


def _country(adj: str | None, of: str | None) -> str:
    for text in (of, adj):
        if text:
            text = re.sub(_STATE, "", text) if text[:1].isupper() else text
            c = gz.country_named(text) or gz.country_of_adjective(text) \
                or gz.country_of_city(text)
            if c:
                return c.name
    return ""


def _claiming_country(words: str) -> str:
    """The country that ends *words* ('Meanwhile Germany' -> Germany), by name only."""
    tokens = words.split()
    for n in range(min(len(tokens), 4), 0, -1):
        country = gz.country_named(" ".join(tokens[-n:]))
        if country:
            return country.name
    return ""


def _city_after(sentence: str, end: int) -> str:
    """'Crown Prince of Abu Dhabi': a city named right after an office."""
    m = re.match(r"\s+of\s+((?:[A-Z][\w'’-]+\s?){1,3})", sentence[end:])
    if not m:
        return ""
    words = m[1].split()
    for n in range(len(words), 0, -1):
        if gz.country_of_city(" ".join(words[:n])):
            return " ".join(words[:n])
    return ""


def find_mentions(sentences: list[str], each: Callable[[list], Iterable] = iter) -> list[Mention]:
    """Every titled person named in the sentences, counterparts of the titled ("his
    Ivorian counterpart X" takes the office of the person before it), and people a
    country claims ("Germany's Wolfgang Schaeuble", a person of their own when the
    sentence reports a meeting; "Russia's Putin" only gives the Putin named elsewhere his
    country); *each* goes over the sentences (the importer's progress reports as it goes)."""
    before, after, counterpart, possessive = _patterns()
    found: list[Mention] = []
    titled = gz.title_pattern()
    for index, sentence in enumerate(each(sentences)):
        claimed = "'s " in sentence or "’s " in sentence
        meets = claimed and bool(_MEETS.search(sentence))
        if not titled.search(sentence) and "counterpart" not in sentence and not claimed:
            continue
        taken: list[tuple[int, int]] = []
        here: list[Mention] = []
        for regex in (before, after, counterpart, possessive):
            if regex is possessive and not claimed or regex is after and "," not in sentence:
                continue
            for m in regex.finditer(sentence):
                span = m.span("name")
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                name = _clean_name(m["name"])
                if not name or name.isupper() and len(name) > 3:
                    continue
                if regex is possessive:
                    country = _claiming_country(m["adj"])
                    if not country:
                        continue
                    weak = len(name.split()) < 2 or not meets
                    mention = Mention(name, "", country, False, index, m.start(), weak)
                elif regex is counterpart:
                    earlier = [x for x in here if x.start < m.start()]
                    title = earlier[-1].title if earlier else ""
                    mention = Mention(name, title, _country(m["adj"], None), False, index,
                                      m.start())
                else:
                    status = " ".join(filter(None, (m["status1"], m["status2"])))
                    of = m["of"] or (m["of1"] if "of1" in m.re.groupindex else None)
                    title = gz.canonical_title(m["title"])
                    city = _city_after(sentence, m.end("title"))
                    if city and not of:
                        title, of = f"{title} of {city}", city
                    org = m["org"] if "org" in m.re.groupindex else None
                    mention = Mention(name, title, _country(m["adj"], of) or (org or ""),
                                      bool(_PAST.search(status)), index, m.start())
                here.append(mention)
                taken.append(span)
        found.extend(here)
    return found


def _joins(mention: Mention, person: Individual) -> bool:
    """'Ferreira' or 'López Obrador' is the person whose full name ends with it."""
    tokens, full = mention.name.split(), person.name.split()
    if len(tokens) == 1:
        return mention.name in person.short_names
    return len(tokens) < len(full) and full[-len(tokens):] == tokens


def gather(sentences: list[str], headline: str = "",
           each: Callable[[list], Iterable] = iter) -> list[Individual]:
    """Fold mentions into individuals; 'President Lee' joins 'Lee Jae Myung'.  The
    headline's 'Slovak PM Fico' gives its office and country to the Fico the text names."""
    mentions = find_mentions(sentences, each) + _headline_mentions(headline, sentences)
    people: list[Individual] = []
    by_name: dict[str, Individual] = {}
    for mention in sorted(mentions, key=lambda m: -len(m.name.split())):
        match = by_name.get(mention.name)
        if match is None:
            candidates = [p for p in people if _joins(mention, p)]
            match = candidates[0] if len(candidates) == 1 else None
        if match is None and mention.weak:
            continue
        if match is None:
            match = by_name[mention.name] = Individual(mention.name)
            people.append(match)
        match.mentions.append(mention)
    for person in people:
        person.mentions.sort(key=lambda m: (m.sentence, m.start))
        first = next((m for m in person.mentions if m.title), person.mentions[0])
        person.first = person.mentions[0].sentence
        person.evidence = sentences[person.first]
        person.title = next((m.title for m in person.mentions if gz.is_leader(m.title)),
                            first.title)
        person.country = next((m.country for m in person.mentions if m.country), "")
        person.past = all(m.past for m in person.mentions)
    people.sort(key=lambda p: p.first)
    return people


def _headline_mentions(headline: str, sentences: list[str]) -> list[Mention]:
    """The headline's titled people, placed where the text first names them."""
    found = []
    for mention in find_mentions([headline]) if headline else []:
        name = re.compile(rf"(?<![\w]){re.escape(mention.name)}(?![\w])")
        at = next(((i, m.start()) for i, s in enumerate(sentences) if (m := name.search(s))),
                  None)
        if at:
            mention.sentence, mention.start = at
            found.append(mention)
    return found


@lru_cache(maxsize=1)
def _title_phrase() -> re.Pattern[str]:
    """'the South African president', 'the leader'."""
    return re.compile(r"\bthe\s+(?:(\w+(?:\s+\w+)??)\s+)??(leader|"
                      + lexicon.alternation(gz.TITLES) + r")\b", re.I)


_ALL_OF_THEM = re.compile(r"(?i:\b(the two|both|the three|all three|the)\s+(leaders|sides|men|women|"
                          r"heads of (state|government)|countries|governments|nations|"
                          r"neighbou?rs|allies|administrations))\b|^(They|Both)\b")


class Resolver:
    """Finds who a stretch of text refers to: names, surnames, titles, pronouns."""

    def __init__(self, people: list[Individual], participants: list[Individual]):
        self.people = people
        self.participants = participants
        alias: dict[str, list[Individual]] = {}
        for p in people:
            for short in p.short_names:
                alias.setdefault(short, []).append(p)
        self.alias = {k: v[0] for k, v in alias.items() if len(v) == 1}
        self.by_name: dict[str, Individual] = {}
        for p in people:
            self.by_name.setdefault(p.name, p)
        keys = sorted({p.name for p in people} | set(self.alias), key=len, reverse=True)
        firsts = "".join(sorted({re.escape(k[0]) for k in keys}))  # tested once, not per name
        self._names = re.compile(
            rf"(?<![\w])(?=[{firsts}])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w])") \
            if keys else None
        self.last: Individual | None = None

    def spans(self, text: str) -> list[tuple[int, int, Individual]]:
        """Where *text* names people by full name or surname: (start, end, person)."""
        found = []
        for m in self._names.finditer(text) if self._names else ():
            person = self.by_name.get(m[1]) or self.alias.get(m[1])
            if person:
                found.append((m.start(), m.end(), person))
        return found

    def named(self, text: str) -> list[tuple[int, Individual]]:
        """People named in *text* by full name, surname or title phrase, in order."""
        found = [(start, person) for start, _, person in self.spans(text)]
        for m in _title_phrase().finditer(text):
            person = self._by_title(m[1] or "", m[2])
            if person:
                found.append((m.start(), person))
        found.sort(key=lambda x: x[0])
        return found

    def _by_title(self, adjective: str, title: str) -> Individual | None:
        country = gz.country_of_adjective(adjective) if adjective else None
        pool = [p for p in self.participants
                if (title.lower() == "leader" or p.title.lower() == title.lower())
                and (country is None or p.country == country.name)]
        return pool[0] if len(pool) == 1 else None

    def both(self, text: str) -> bool:
        """Does *text* speak of all the participants at once?"""
        return bool(_ALL_OF_THEM.search(text))
