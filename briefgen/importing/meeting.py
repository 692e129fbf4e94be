"""The meeting itself: who met whom, where, when, and what kind of meeting."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from briefgen.importing import gazetteer as gz
from briefgen.importing import lexicon
from briefgen.importing.dates import MONTHS, WEEKDAYS, day_words, explicit_date, weekday_date
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
_AREA = re.compile(rf"\b(?:{'|'.join(lexicon.table('places', 'kinds')['areas'].split())})\s+of\s+"
                   r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_TITLED = gz.title_pattern()
_ELSEWHEN = re.compile(r"\b(?:ahead\s+of|before|after)\b", re.I)
_LATER = re.compile(r"\s+(?:next|later|this\s+coming)\b", re.I)
_MEET_LIST = re.compile(r"\b(?:meet|meets|met|meeting|talks|talk)\s+(?:with\s+)?(?=[A-Z])")
# between two people of a list: a comma or 'and', then a few words of office or country
_LIST_GAP = re.compile(r"(?P<sep>\s*,\s*(?:and\s+)?|\s+and\s+)?(?:[\w'’-]+\s+){0,5}")
_IN_PLACE = re.compile(r"\bin\s+([A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,2})(?![\w'’-])")
_NOT_PLACES = frozenset({*(m.capitalize() for m in MONTHS), *(d.capitalize() for d in WEEKDAYS),
                         *lexicon.words("people", "not_names"),
                         *lexicon.table("people", "groups")["organisations"].split()})
# "visiting Indian Prime Minister X": an office within two words makes 'visiting' an adjective
_ADJECTIVAL = re.compile(rf"(?:\s+[A-Z][\w'’.-]*){{0,2}}\s+(?i:{gz.title_alternation()})\b")
# "the German and Greek finance ministers": a meeting of ministers, not of leaders
_MINISTERS = re.compile(rf"\b[Tt]he\s+(?:(?P<sides>{_LIST})\s+(?P<office>(?:[a-z]+\s+)?[Mm]inister)s\b"
                        rf"|(?P<office2>(?:[a-z]+\s+)?[Mm]inister)s\s+of\s+(?P<sides2>{_LIST}))")
_FUTURE_CLAUSE = lexicon.pattern("meeting", "future_clause", r"\b(?:{})\b[^,;.]*")
_JUST_NOW = lexicon.pattern("meeting", "just_now")
_TOGETHER = re.compile(r"\b(?:the\s+two|both|the\s+three|all\s+three)\s+(?:leaders|presidents|"
                       r"prime\s+ministers|heads\s+of\s+(?:state|government)|ministers)\b", re.I)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
LEAD = 6  # sentences of the lead that say what happened


def _lead_end(sentences: list[str]) -> int:
    """Where the lead ends: after LEAD sentences of three words or more (a transcript's
    'Friends,' or 'Welcome!' does not count)."""
    count = 0
    for end, sentence in enumerate(sentences, 1):
        count += len(sentence.split()) >= 3
        if count == LEAD:
            return end
    return len(sentences)


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
    """A meeting verb not marked as future ('will meet', 'before his summit') and not an
    adjective ('the visiting Pakistan PM')."""
    for m in _MEETS.finditer(sentence):
        if _NOT_YET.search(sentence[max(0, m.start() - 30):m.end()]):
            continue
        if m[0].lower() == "visiting" and _ADJECTIVAL.match(sentence, m.end()):
            continue
        return True
    return False


def city_in(text: str) -> tuple[str, str]:
    """The first place named after 'in/to/at' (a city, a venue such as 'the Kremlin',
    or a country or region) and its country ('' when unknown)."""
    for m in _PLACE.finditer(text):
        if _TITLE_NEXT.match(text, m.end(1)) or _TITLE_NEXT.match(text, m.end()):
            continue  # "visiting Pakistan PM": a country's name used as an adjective
        words = m[1].split()
        for n in range(len(words), 0, -1):
            candidate = re.sub(r"['’]s$", "", " ".join(words[:n]).rstrip(".,"))
            found = gz.place(candidate) or _place_of_country(candidate)
            if found:
                return found
    return gz.venue_in(text) or ("", "")


def _place_of_country(text: str) -> tuple[str, str] | None:
    """'Borgo Egnazia, Italy': a place the gazetteer does not know, then its country."""
    head, _, tail = text.rpartition(", ")
    country = gz.country_named(tail) if head else None
    return (head, country.name) if country and not gz.place(head) else None


def _area_of(text: str) -> tuple[str, str] | None:
    """'the southern Italian region of Apulia': a region, island or town the text names
    as one, with the country an adjective before it gives."""
    m = _AREA.search(text)
    if not m:
        return None
    if gz.place(m[1]):
        return gz.place(m[1])
    before = [w.group(1) for w in gz.place_pattern().finditer(text, max(0, m.start() - 40),
                                                               m.start())]
    country = next((c.name for w in reversed(before)
                    if (c := gz.country_of_adjective(w) or gz.country_named(w))), "")
    return m[1], country


def _meeting_sentences(sentences: list[str], headline: str, chosen: str) -> list[str]:
    """The sentences that report the meeting: those of the lead (and the one naming the
    participants) in order, then the headline, then later reports."""
    lead = [s for s in sentences[:_lead_end(sentences)] if s is chosen or _meets_now(s)]
    later = [s for s in sentences[_lead_end(sentences):20] if _meets_now(s)]
    if chosen and chosen not in lead:
        lead.append(chosen)
    return list(dict.fromkeys(lead + ([headline] if headline else []) + later))


def find_meeting(sentences: list[str], people: list[Individual],
                 published: dt.date | None, dateline: str = "",
                 headline: str = "") -> MeetingFacts:
    """Who met, where, when and how, read from the headline, the dateline, the lead and
    the later sentences that report the meeting."""
    facts = MeetingFacts()
    leaders = [p for p in people if not p.past]
    resolver = Resolver(people, leaders)
    if not _ministers_meeting(sentences, headline, resolver, facts):
        _leaders_meeting(sentences, resolver, facts)
        _more_participants(sentences, headline, resolver, leaders, facts)
        _untitled_meeting(sentences, resolver, facts)
    _agenda(sentences, resolver, facts)
    reports = _meeting_sentences(sentences, headline, facts.sentence)
    if not reports:
        return facts
    lead_text = _MARGINS.sub(" ", _QUOTED.sub(" ", " ".join([headline, *sentences[:_lead_end(sentences)]])))
    countries = {p.country for p in facts.participants if p.country}
    resolver = Resolver(people, facts.participants)
    naming = _naming_participants(sentences, resolver, facts)
    facts.kind = _kind(naming, lead_text, len(countries))
    if facts.kind != "call":
        facts.location, facts.host_country = _place(reports, dateline, sentences[:_lead_end(sentences)])
    lead = sentences[:_lead_end(sentences)]
    told = [s for s in reports if s in lead or s is headline]
    together = [s for s in lead if s in naming and _together(s, facts, resolver)]
    facts.date = _date(list(dict.fromkeys([*told, *_later(naming), *together])), published,
                       facts)
    if facts.date is None and published and any(
            _JUST_NOW.search(_QUOTED.sub(" ", s)) for s in [headline, *sentences[:_lead_end(sentences)]]):
        facts.date = published
    facts.roles = _roles(facts.sentence or reports[0], facts)
    if not facts.host_country:
        host = [p for p in facts.participants if facts.roles.get(p.name) == "host"]
        facts.host_country = host[0].country if host else ""
    _settle_countries(sentences, facts)
    return facts


def _leaders_meeting(sentences: list[str], resolver: Resolver, facts: MeetingFacts) -> None:
    """The lead names the leaders who met; failing that, the first meeting sentence does."""
    leads = [s for s in sentences[:3] if not _NOT_YET.search(s)]
    for sentence in leads + [s for s in sentences[:12] if _meets_now(s)]:
        named = list(dict.fromkeys(p for _, p in resolver.named(sentence) if _is_leader(p)))
        if len(named) >= 2 or (named and _meets_now(sentence)):
            facts.sentence = sentence
            facts.participants = named
            break
    if len(facts.participants) < 2:
        for sentence in sentences[:12]:
            if sentence is facts.sentence or not _meets_now(sentence):
                continue
            for _, person in resolver.named(sentence):
                if person not in facts.participants and _is_leader(person):
                    facts.participants.append(person)
            if len(facts.participants) >= 2:
                break


def _untitled_meeting(sentences: list[str], resolver: Resolver, facts: MeetingFacts) -> None:
    """No leader met: the people the first lead sentence reporting a meeting names
    ("China's Xi Jinping met Russia's Vladimir Putin")."""
    for sentence in sentences[:_lead_end(sentences)] if not facts.participants else ():
        named = list(dict.fromkeys(p for _, p in resolver.named(sentence) if not p.past))
        if len(named) >= 2 and _meets_now(sentence):
            facts.sentence, facts.participants = sentence, named
            return


def _ministers_meeting(sentences: list[str], headline: str, resolver: Resolver,
                       facts: MeetingFacts) -> bool:
    """A lead that speaks of 'the German and Greek finance ministers' (or 'the foreign
    ministers of India and China') reports a meeting of ministers: its participants are the
    people the first meeting sentence names, else those of the sides the lead names
    together, and those without an office hold the one the group phrase gives their
    country."""
    group = next(filter(None, (_MINISTERS.search(t) for t in [headline, *sentences[:2]])), None)
    if not group:
        return False
    sides = {c.name for w in re.split(r",\s*|\s+and\s+", group["sides"] or group["sides2"])
             if (c := gz.country_named(w) or gz.country_of_adjective(w))}
    lead = [(s, list(dict.fromkeys(p for _, p in resolver.named(s) if not p.past)))
            for s in sentences[:_lead_end(sentences)]]
    sentence, named = next(((s, n) for s, n in lead if len(n) >= 2 and _meets_now(s)), None) \
        or next(((s, n) for s, n in lead if len({p.country for p in n} & sides) >= 2),
                (None, []))
    if not sentence:
        return False
    office = gz.canonical_title(group["office"] or group["office2"])
    for person in named:
        if not person.title and person.country in sides:
            person.title = office
    facts.sentence, facts.participants = sentence, named
    return True


def _naming_participants(sentences: list[str], resolver: Resolver,
                         facts: MeetingFacts) -> list[str]:
    """The sentences that name a participant or speak of them all ('the two leaders')."""
    return [s for s in sentences if s is facts.sentence or resolver.both(s)
            or any(p in facts.participants for _, p in resolver.named(s))]


def _together(sentence: str, facts: MeetingFacts, resolver: Resolver) -> bool:
    """Does *sentence* name two participants, or speak of 'the two leaders'?"""
    named = {p for _, p in resolver.named(sentence) if p in facts.participants}
    return len(named) >= 2 or bool(_TOGETHER.search(sentence))


def _later(naming: list[str]) -> list[str]:
    """Later sentences that report the meeting and name its participants ('today's meeting
    with X at Chequers' deep in a live blog)."""
    return [s for s in naming if _meets_now(s)]


def _is_leader(person: Individual) -> bool:
    return not person.past and gz.is_leader(person.title)


def _is_minister(person: Individual) -> bool:
    return not person.past and (person.title in gz.MINISTER_TITLES or (
        person.title.startswith("Minister") and not _JUNIOR.search(person.title)))


def _more_participants(sentences: list[str], headline: str, resolver: Resolver,
                       leaders: list[Individual], facts: MeetingFacts) -> None:
    """Leaders the lead names as a group ('the Ethiopian and Somali leaders', 'the leaders
    of Canada, Mexico and the United States'), the first pair of leaders named together
    when the lead names fewer than two, and the ministers a readout lists at the table."""
    found = facts.participants
    for text in [headline, *sentences[:_lead_end(sentences)]]:
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
                found += [p for p in dict.fromkeys(p for _, p in resolver.named(sentence))
                          if _is_minister(p) and p not in found]


def _unknown_place(text: str) -> tuple[str, str] | None:
    """'held talks in Apulia': the capitalised words after 'in' when they are not a month,
    a weekday, an office, a body or a language ('in January', 'in Parliament')."""
    for m in _IN_PLACE.finditer(text):
        words = m[1].split()
        if not any(w in _NOT_PLACES or w.lower() in gz.place_words() or _TITLED.fullmatch(w)
                   or w.endswith(("ese", "ish")) for w in words):
            return " ".join(words), ""
    return None


def _agenda(sentences: list[str], resolver: Resolver, facts: MeetingFacts) -> None:
    """'He is due to meet Xi, Chinese premier Li Keqiang and Congress chief Li Zhansu':
    the officials listed with a participant after a meeting verb take part too, of that
    participant's country when the article gives them none."""
    if not facts.participants:
        return
    for sentence in sentences:
        verb = _MEET_LIST.search(sentence)
        if not verb:
            continue
        chain: list[Individual] = []
        joined, end = False, verb.end()
        for start, stop, person in resolver.spans(sentence):
            if start < end:
                continue
            gap = _LIST_GAP.fullmatch(sentence, end, start)
            if not gap or chain and not gap["sep"]:
                break
            joined = joined or "and" in (gap["sep"] or "")
            chain.append(person)
            end = stop
        listed = [p for p in chain if p in facts.participants]
        if joined and listed:
            country = next((p.country for p in listed if p.country), "")
            for person in dict.fromkeys(chain):
                if person not in facts.participants and person.title and not person.past:
                    person.country = person.country or country
                    facts.participants.append(person)


def _place(reports: list[str], dateline: str, lead: list[str]) -> tuple[str, str]:
    """Where the meeting was: the first city or venue its reports name, else the
    dateline's city, else one the lead names; a country only when no city is named; else
    a region or town a report names as one ('the region of Apulia') or after 'in'."""
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
    if country[0]:
        return country
    texts = [_QUOTED.sub(" ", s) for s in reports]
    return next(filter(None, (_area_of(t) or _unknown_place(t) for t in texts)), country)


def _kind(naming: list[str], lead: str, sides: int) -> str:
    """call, summit, multilateral, visit or bilateral, from the headline and the lead, then
    from the sentences that name the participants (a summit they are said to hold twice, a
    visit made later in the article); other people's summits do not count."""
    if _CALL.search(lead):
        return "call"
    if _said(_SUMMIT, lead):
        return "summit"
    if sides > 2 or _said(_MULTILATERAL, lead):
        return "multilateral"
    if sum(bool(_SUMMIT.search(s)) for s in naming) >= 2:
        return "summit"
    if _visits(lead):
        return "visit"
    if any(_visits(_QUOTED.sub(" ", s)) for s in naming):
        return "visit"
    return "bilateral"


def _said(pattern: re.Pattern[str], text: str) -> bool:
    """Does *text* speak of *pattern* as this meeting, not as a later one ('ahead of an EU
    summit next week', 'before the upcoming summit')?"""
    return any(not _NOT_YET.search(text[max(0, m.start() - 30):m.start()])
               and not _ELSEWHEN.search(text[max(0, m.start() - 30):m.start()])
               and not _LATER.match(text, m.end())
               for m in pattern.finditer(text))


def _visits(text: str) -> bool:
    """A visit the text reports as made or under way ('for visiting Germany')."""
    return any(not _NOT_YET.search(text[max(0, m.start() - 30):m.start()])
               and not (m[0].lower() == "visiting" and _ADJECTIVAL.match(text, m.end()))
               for m in _VISIT.finditer(text))


def _date(reports: list[str], published: dt.date | None,
          facts: MeetingFacts) -> dt.date | None:
    """The first date the meeting's reports give, quoted words and clauses about later
    events ('the conference to be held tomorrow') aside."""
    weekday_named = False
    for sentence in reports:
        text = _FUTURE_CLAUSE.sub(" ", _QUOTED.sub(" ", sentence))
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


def _settle_countries(sentences: list[str], facts: MeetingFacts) -> None:
    """Countries the article leaves implicit for participants.

    A leader without one is the host when the roles say so, or when the meeting's place
    is in a country no participant holds and a visitor holds another; else the leader
    takes the first country named where they are named that no other participant (nor,
    for a guest, the host) holds.  A minister at the table takes the first country named
    where they are named ('the Russian side was represented by ...'), else the host's."""
    held = {p.country for p in facts.participants if p.country}
    host = facts.host_country
    visited = bool(held) and host not in held
    names = {w for p in facts.participants for w in p.name.split()}
    for person in facts.participants:
        if person.country:
            continue
        role = facts.roles.get(person.name)
        if _is_minister(person) and not _is_leader(person):
            person.country = _first_country(sentences, person, set(), names) or host
        elif host and (visited or role == "host" and host not in held):
            person.country = host
        else:
            taken = held | ({host} if role == "guest" else set())
            person.country = _first_country(sentences, person, taken, names)
        if person.country and person.country == host:
            facts.roles[person.name] = "host"
        held.add(person.country)


def _first_country(sentences: list[str], person: Individual, taken: set[str],
                   names: set[str]) -> str:
    """The first country named where *person* is named, not in *taken*, not a word of a
    participant's name ('Georgia Meloni')."""
    for index in dict.fromkeys(m.sentence for m in person.mentions):
        for m in gz.place_pattern().finditer(sentences[index]):
            word = m.group(1)
            if not word[:1].isupper() or word in names:
                continue
            c = gz.country_named(word) or gz.country_of_adjective(word) or \
                gz.country_of_city(word)
            if c and c.name not in taken:
                return c.name
    return ""
