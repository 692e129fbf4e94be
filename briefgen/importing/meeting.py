"""The meeting itself: who met whom, where, when, and what kind of meeting."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from briefgen.importing import gazetteer as gz
from briefgen.importing.dates import day_words, explicit_date, weekday_date
from briefgen.importing.people import Individual, Resolver

_MEETS = re.compile(
    r"\b(met|meets|meeting|received|receives|hosted|hosts|welcomed|welcomes|held\s+talks|"
    r"holds\s+talks|talks\s+with|summit|visit|visited|visits|spoke\s+(?:by\s+phone\s+)?with|"
    r"phone\s+call|call\s+with|sat\s+down\s+with|greeted|greets)\b", re.I)
_NOT_YET = re.compile(r"\b(will|would|plans?\s+to|is\s+to|ahead\s+of\s+(his|her|their)|"
                      r"before\s+(his|her|their)|next|upcoming|future)\b", re.I)
_HOST_VERB = re.compile(r"\b(received|receives|hosted|hosts|welcomed|welcomes|greeted|greets)\b",
                        re.I)
_GUEST_VERB = re.compile(r"\b(visited|visits|travell?ed\s+to|arrived\s+in|flew\s+to)\b", re.I)
_PLACE = re.compile(r"\b(?:in|to|at|visit|visits|visiting|visited)\s+((?:[A-Z][\w'’.\-]*\s?){1,3})")


@dataclass
class MeetingFacts:
    kind: str | None = None
    date: dt.date | None = None
    location: str = ""
    host_country: str = ""
    sentence: str = ""
    participants: list[Individual] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    unresolved: str = ""


def _meets_now(sentence: str) -> bool:
    """A meeting verb not marked as future ('will meet', 'before his summit')."""
    m = _MEETS.search(sentence)
    return bool(m) and not _NOT_YET.search(sentence[max(0, m.start() - 30):m.end()])


def city_in(text: str) -> tuple[str, str]:
    """The first city named after 'in/to/at' and its country ('' when unknown)."""
    for m in _PLACE.finditer(text):
        words = m[1].split()
        for n in range(len(words), 0, -1):
            candidate = re.sub(r"['’]s$", "", " ".join(words[:n]).rstrip(".,"))
            country = gz.country_of_city(candidate)
            if country:
                return candidate, country.name
    return "", ""


def find_meeting(sentences: list[str], people: list[Individual],
                 published: dt.date | None, dateline: str = "") -> MeetingFacts:
    facts = MeetingFacts()
    leaders = [p for p in people if not p.past]
    resolver = Resolver(people, leaders)
    # The lead names the leaders who met; failing that, the first meeting sentence does.
    leads = [s for s in sentences[:3] if not _NOT_YET.search(s)]
    for sentence in leads + [s for s in sentences[:12] if _meets_now(s)]:
        named = list(dict.fromkeys(p for _, p in resolver.named(sentence) if not p.past
                                   and p.title in gz.LEADER_TITLES))
        if len(named) >= 2 or (named and _meets_now(sentence)):
            facts.sentence = sentence
            facts.participants = named
            break
    if not facts.sentence:
        return facts
    if len(facts.participants) < 2:
        for sentence in sentences[:12]:
            if sentence is facts.sentence or not _meets_now(sentence):
                continue
            for _, person in resolver.named(sentence):
                if person not in facts.participants and not person.past \
                        and person.title in gz.LEADER_TITLES:
                    facts.participants.append(person)
            if len(facts.participants) >= 2:
                break
    text = facts.sentence
    facts.location, facts.host_country = city_in(text)
    if not facts.location and gz.country_of_city(dateline):
        facts.location = dateline.title()
        facts.host_country = gz.country_of_city(dateline).name
    facts.kind = _kind(sentences, text, len({p.country for p in facts.participants}))
    facts.date = _date(text, published, facts)
    facts.roles = _roles(text, facts)
    if not facts.host_country:
        host = [p for p in facts.participants if facts.roles.get(p.name) == "host"]
        facts.host_country = host[0].country if host else ""
    return facts


def _kind(sentences: list[str], lead: str, countries: int) -> str:
    if re.search(r"\b(phone|telephone|video)\s+(call|conversation|talks)\b|\bspoke\s+by\s+phone\b",
                 lead, re.I):
        return "call"
    if countries > 2 or re.search(r"\b(G7|G20|NATO|ASEAN|APEC|BRICS|EU|multilateral)\s+summit\b",
                                  lead):
        return "multilateral"
    if re.search(r"\bsummit\b", lead, re.I) or \
            sum(bool(re.search(r"\bsummit\b", s, re.I)) for s in sentences) >= 2:
        return "summit"
    if re.search(r"\b(state|official|working)\s+visit\b", lead, re.I):
        return "visit"
    return "bilateral"


def _date(text: str, published: dt.date | None, facts: MeetingFacts) -> dt.date | None:
    date, _ = explicit_date(text, published)
    if date:
        return date
    date, named = weekday_date(text, published)
    if named and date is None:
        facts.unresolved = "the meeting date is given as a weekday and no publication date is " \
                           "known: give the publication date to resolve it"
    return date or day_words(text, published)


def _roles(text: str, facts: MeetingFacts) -> dict[str, str]:
    roles: dict[str, str] = {}
    if facts.host_country:
        for p in facts.participants:
            roles[p.name] = "host" if p.country == facts.host_country else "guest"
        if "host" in roles.values():
            return roles
    people = facts.participants
    if len(people) >= 2:
        verb = _HOST_VERB.search(text) or _GUEST_VERB.search(text)
        if verb:
            first = text.find(people[0].name.split()[0])
            subject_first = first != -1 and first < verb.start()
            hosting = verb.re is _HOST_VERB
            for i, p in enumerate(people):
                is_subject = (i == 0) == subject_first
                roles[p.name] = "host" if is_subject == hosting else "guest"
    return roles
