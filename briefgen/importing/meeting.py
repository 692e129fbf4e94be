"""The meeting itself: who met whom, where, when, and what kind of meeting."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from briefgen.importing import gazetteer as gz
from briefgen.importing import lexicon
from briefgen.importing.dates import day_words, explicit_date, weekday_date
from briefgen.importing.people import Individual, Resolver

_MEETS = lexicon.pattern("meeting", "meets")
_NOT_YET = lexicon.pattern("meeting", "not_yet")
_CALL = lexicon.pattern("meeting", "call", r"(?:{})")
_SUMMIT = lexicon.pattern("meeting", "summit")
_VISIT = lexicon.pattern("meeting", "visit")
_MULTILATERAL = lexicon.pattern("meeting", "multilateral", r"\b(?:{})", 0)
_HOST_VERB = lexicon.pattern("meeting", "host")
_GUEST_VERB = lexicon.pattern("meeting", "guest")
_PLACE = re.compile(r"\b(?:in|to|at|visit|visits|visiting|visited)\s+(?:the\s+)?"
                    r"((?:[A-Z][\w'’.\-]*,?\s?){1,4})")
_ATTENDANCE = lexicon.pattern("people", "attendance")
_JUNIOR = re.compile(r"\b(?:Deputy|Vice|Assistant|Junior|Advis[eo]r|Former)\b", re.I)
_SIDES = r"(?:the\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?"
_LIST = rf"{_SIDES}(?:,\s*{_SIDES})*,?\s+and\s+{_SIDES}"
_GROUP = re.compile(
    rf"\b(?:the\s+(?P<sides>{_LIST})\s+(?:leaders|presidents|prime\s+ministers|"
    rf"heads\s+of\s+(?:state|government))|leaders\s+of\s+(?P<sides2>{_LIST}))")
# "on the margins of the APEC summit": a bilateral meeting held beside a multilateral one
_MARGINS = re.compile(r"\b(?:on|at)\s+the\s+(?:margins|sidelines)\s+of\s+(?:the\s+)?"
                      r"(?:[\w'’-]+\s+){0,4}?(?:summit|meeting|conference|forum|assembly)\b", re.I)
_TITLE_NEXT = re.compile(r"\s*(?:PM|President|Prime\s+Minister|Premier|Chancellor|Foreign\s+"
                         r"Minister|leader|Pres)\b")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
LEAD = 6  # sentences of the lead that say what happened


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
    """The first place named after 'in/to/at' (a city, a venue such as 'the Kremlin',
    or a country or region) and its country ('' when unknown)."""
    for m in _PLACE.finditer(text):
        if _TITLE_NEXT.match(text, m.end(1)) or _TITLE_NEXT.match(text, m.end()):
            continue  # "visiting Pakistan PM": a country's name used as an adjective
        words = m[1].split()
        for n in range(len(words), 0, -1):
            candidate = re.sub(r"['’]s$", "", " ".join(words[:n]).rstrip(".,"))
            found = gz.place(candidate)
            if found:
                return found
    venue = gz.venue_in(text)
    return venue or ("", "")


def _meeting_sentences(sentences: list[str], headline: str, chosen: str) -> list[str]:
    """The sentences that report the meeting: those of the lead (and the one naming the
    participants) in order, then the headline, then later reports."""
    lead = [s for s in sentences[:LEAD] if s is chosen or _meets_now(s)]
    later = [s for s in sentences[LEAD:20] if _meets_now(s)]
    if chosen and chosen not in lead:
        lead.append(chosen)
    return list(dict.fromkeys(lead + ([headline] if headline else []) + later))


def find_meeting(sentences: list[str], people: list[Individual],
                 published: dt.date | None, dateline: str = "",
                 headline: str = "") -> MeetingFacts:
    """Who met, where, when and how, read from the headline, the dateline and the lead."""
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
    _more_participants(sentences, headline, resolver, leaders, facts)
    reports = _meeting_sentences(sentences, headline, facts.sentence)
    if not reports:
        return facts
    lead_text = _MARGINS.sub(" ", _QUOTED.sub(" ", " ".join([headline, *sentences[:LEAD]])))
    countries = {p.country for p in facts.participants if p.country}
    facts.kind = _kind(sentences, lead_text, len(countries))
    if facts.kind != "call":
        facts.location, facts.host_country = _place(reports, dateline, sentences[:LEAD])
    facts.date = _date(list(dict.fromkeys([*reports, *sentences[:LEAD]])), published, facts)
    facts.roles = _roles(facts.sentence or reports[0], facts)
    if not facts.host_country:
        host = [p for p in facts.participants if facts.roles.get(p.name) == "host"]
        facts.host_country = host[0].country if host else ""
    return facts


def _is_leader(person: Individual) -> bool:
    return not person.past and person.title in gz.LEADER_TITLES


def _is_minister(person: Individual) -> bool:
    return not person.past and (person.title in gz.MINISTER_TITLES or (
        person.title.startswith("Minister") and not _JUNIOR.search(person.title)))


def _more_participants(sentences: list[str], headline: str, resolver: Resolver,
                       leaders: list[Individual], facts: MeetingFacts) -> None:
    """Leaders the lead names as a group ('the Ethiopian and Somali leaders', 'the leaders
    of Canada, Mexico and the United States'), the first pair of leaders named together
    when the lead names fewer than two, and the ministers a readout lists at the table."""
    found = facts.participants
    for text in [headline, *sentences[:LEAD]]:
        for m in _GROUP.finditer(text):
            for word in re.split(r",\s*|\s+and\s+", m["sides"] or m["sides2"]):
                country = gz.country_named(word) or gz.country_of_adjective(word)
                found += [p for p in leaders if country and p.country == country.name
                          and _is_leader(p) and p not in found]
    if len(found) < 2:
        for sentence in sentences:
            named = list(dict.fromkeys(p for _, p in resolver.named(sentence) if _is_leader(p)))
            if len(named) >= 2:
                found += [p for p in named if p not in found]
                facts.sentence = facts.sentence or sentence
                break
    if found:
        for sentence in sentences[:20]:
            if _ATTENDANCE.search(sentence):
                found += [p for _, p in resolver.named(sentence)
                          if _is_minister(p) and p not in found]


def _place(reports: list[str], dateline: str, lead: list[str]) -> tuple[str, str]:
    """Where the meeting was: the first city or venue its reports name, else the
    dateline's city, else one the lead names; a country only when no city is named."""
    country = ("", "")
    for sentence in [*reports, None, *lead]:
        if sentence is None:
            found = gz.place(dateline) if dateline else None
        else:
            found = city_in(_QUOTED.sub(" ", sentence))
        if found and found[0]:
            if found[0] != found[1]:
                return found
            country = country if country[0] else found
    return country


def _kind(sentences: list[str], lead: str, sides: int) -> str:
    """call, summit, multilateral, visit or bilateral, from the headline and the lead."""
    if _CALL.search(lead):
        return "call"
    if _SUMMIT.search(lead):
        return "summit"
    if sides > 2 or _MULTILATERAL.search(lead):
        return "multilateral"
    if sum(bool(_SUMMIT.search(s)) for s in sentences) >= 2:
        return "summit"
    if any(not _NOT_YET.search(lead[max(0, m.start() - 30):m.start()])
           for m in _VISIT.finditer(lead)):
        return "visit"
    return "bilateral"


def _date(reports: list[str], published: dt.date | None,
          facts: MeetingFacts) -> dt.date | None:
    """The first date the meeting's reports give (quoted words aside), else the first
    one the lead gives."""
    weekday_named = False
    for sentence in reports:
        text = _QUOTED.sub(" ", sentence)
        date, _ = explicit_date(text, published)
        if date:
            return date
        date, named = weekday_date(text, published)
        weekday_named = weekday_named or named
        date = date or day_words(text, published)
        if date:
            return date
    if weekday_named:
        facts.unresolved = "the meeting date is given as a weekday and no publication date is " \
                           "known: give the publication date to resolve it"
    return None


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
