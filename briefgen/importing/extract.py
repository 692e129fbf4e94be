"""A :class:`Document` -> a :class:`Briefing`: the language work, step by step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from briefgen.importing import gazetteer as gz
from briefgen.importing.boilerplate import clean_document
from briefgen.importing.commitments import find_pledges, find_step
from briefgen.importing.dates import mentions_relative
from briefgen.importing.document import Document
from briefgen.importing.figures import find_figures
from briefgen.importing.meeting import MeetingFacts, find_meeting
from briefgen.importing.people import Individual, Resolver, gather
from briefgen.importing.progress import Passes, Progress
from briefgen.importing.quotes import find_quotes, spoken_paragraphs
from briefgen.importing.sentences import Section, sections
from briefgen.importing.topics import TopicDraft, best_category, grouped_topics, section_topics
from briefgen.model import (Briefing, Commitment, Figure, Meeting, NextStep, Person, Quote,
                            Source, Topic)

MAX_POINTS = 6
# The passes of the extraction, weighted by their share of the time on long articles.
PASSES = {"clean": 15, "split": 4, "people": 18, "meeting": 3, "countries": 2, "topics": 6,
          "quotes": 6, "figures": 22, "commitments": 24}


def extract(doc: Document, *, published: dt.date | None = None,
            progress: Progress | None = None) -> tuple[Briefing, list[str]]:
    """Everything the article says about the meeting, each fact with its sentence.

    Every pass reports *progress* (done, total) as it goes (see :mod:`.progress`); the
    callback may raise :class:`briefgen.errors.Cancelled` to stop the work.
    """
    passes = Passes(progress, PASSES)
    warnings: list[str] = []
    doc = clean_document(doc, each=lambda blocks: passes.each("clean", blocks))
    parts = sections(doc, each=lambda blocks: passes.each("split", blocks))
    sentences = [s for sec in parts for s in sec.sentences]
    if not sentences:
        from briefgen.errors import SourceError

        raise SourceError("no article text found", file=doc.where, kind="no-article",
                          hint="the file holds only headings or boilerplate")
    published = published or doc.published
    people = gather(sentences, doc.title, each=lambda items: passes.each("people", items))
    passes.start("meeting")
    facts = find_meeting(sentences, people, published, doc.dateline, doc.title)
    if facts.unresolved:
        warnings.append(f"{doc.where}: {facts.unresolved}")
    elif published is None and mentions_relative(facts.sentence):
        warnings.append(f"{doc.where}: relative dates left unresolved "
                        "(the publication date is unknown: give it to resolve them)")
    _infer_countries(people, facts, sentences, passes)
    participants = facts.participants
    resolver = Resolver(people, participants)
    drafts = _topics(parts, passes,
                     frozenset(p.country.lower() for p in participants if p.country))
    category_of = {s: d.category for d in drafts for s in d.sentences}

    briefing = Briefing(
        title=doc.title or _title(facts),
        summary=" ".join(parts[0].sentences[:2]) if not parts[0].heading else "",
        meeting=Meeting(kind=facts.kind, date=facts.date, location=facts.location,
                        host_country=facts.host_country),
        participants=[_person(p, facts.roles.get(p.name)) for p in participants],
        mentioned=[_person(p, None) for p in people if p not in participants],
        topics=[_topic(d) for d in drafts],
        quotes=_quotes(parts, resolver, passes),
        figures=_figures(passes.each("figures", sentences), category_of),
        sources=[Source(id=Path(doc.where).stem, title=doc.title, publisher=doc.site,
                        url=doc.url, published=published, file=Path(doc.where).name)],
    )
    commitments, steps = [], []
    for sentence in passes.each("commitments", sentences):
        for pledge in find_pledges(sentence, resolver, participants):
            commitments.append(Commitment(text=pledge.text, parties=pledge.parties,
                                          category=_category(pledge.text, sentence,
                                                             category_of),
                                          evidence=pledge.evidence))
        step, warning = find_step(sentence, resolver, facts.date, published)
        if step:
            steps.append(NextStep(text=step.text, date=step.date, location=step.location,
                                  evidence=step.evidence))
        if warning:
            warnings.append(f"{doc.where}: {warning}")
    briefing.commitments = commitments
    briefing.next_steps = steps
    passes.finish()
    return briefing, warnings


def _infer_countries(people: list[Individual], facts: MeetingFacts, sentences: list[str],
                     passes: Passes) -> None:
    """Countries the article leaves implicit.

    A participant without one takes the host country when no other participant holds it
    (the host first when roles are known), else the country the article names most that
    no participant holds.  A countryless 'President X' named beside a participant of the
    same office holds that office in the same country (a predecessor or rival)."""
    passes.start("countries")
    participants = facts.participants
    missing = [p for p in participants if not p.country]
    if missing:
        held = {p.country for p in participants if p.country}
        others = [c for c in _countries_named(passes.each("countries", sentences))
                  if c not in held]
        host = facts.host_country
        if host and host not in held:
            hosts = [p for p in missing if facts.roles.get(p.name) == "host"] or \
                [p for p in missing if facts.roles.get(p.name) != "guest"]
            for person in hosts:
                person.country = host
            others = [c for c in others if c != host]
            missing = [p for p in missing if not p.country]
        for person, country in zip(missing, others):
            person.country = country
    resolver = Resolver(people, participants)
    for person in people:
        if person.country or person in participants:
            continue
        same_office = [p for p in participants if p.title == person.title and p.country]
        if person.past and len(same_office) == 1:
            person.country = same_office[0].country
            continue
        for mention in person.mentions:
            for _, other in resolver.named(sentences[mention.sentence]):
                if other in participants and other.title == person.title and other.country:
                    person.country = other.country
                    break
            if person.country:
                break


def _countries_named(sentences: Iterable[str]) -> list[str]:
    """Countries the article names (by name, demonym or capital), most named first."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for m in gz.place_pattern().finditer(sentence):
            word = m.group(1)
            if not word[:1].isupper():
                continue
            c = gz.country_named(word) or gz.country_of_adjective(word) or \
                (gz.country_of_city(word) if gz.is_capital(word) else None)
            if c:
                counts[c.name] = counts.get(c.name, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


def _person(p: Individual, role: str | None) -> Person:
    return Person(name=p.name, title=p.title, country=p.country, role=role, evidence=p.evidence)


def _title(facts: MeetingFacts) -> str:
    names = " and ".join(f"{p.title} {p.name}".strip() for p in facts.participants)
    if not names:
        return ""
    kind = (facts.kind or "meeting").capitalize()
    where = f", {facts.location}" if facts.location else ""
    return f"{kind}: {names}{where}"


def _topics(parts: list[Section], passes: Passes, sides: frozenset[str]) -> list[TopicDraft]:
    headed = [sec for sec in parts if sec.heading and sec.sentences]
    if headed:
        return [d for sec in passes.each("topics", headed)
                for d in section_topics(sec.heading, sec.sentences)]
    paragraphs = [p.sentences for sec in parts for p in sec.paragraphs]
    paragraphs = paragraphs[1:] if len(paragraphs) > 1 else paragraphs
    # grouped a stretch at a time (to report progress): a category's sentences stay in
    # article order and the categories in the order they first come
    merged: dict[str, TopicDraft] = {}
    for start in passes.each("topics", range(0, len(paragraphs), _STRETCH)):
        for draft in grouped_topics(paragraphs[start:start + _STRETCH], sides):
            merged.setdefault(draft.category, TopicDraft(draft.title, draft.category)) \
                .sentences.extend(draft.sentences)
    return list(merged.values())


_STRETCH = 20  # paragraphs grouped into topics at a time


def _topic(draft: TopicDraft) -> Topic:
    sentences = [s for s in draft.sentences if len(s.split()) > 3]
    summary = sentences[0] if sentences else ""
    return Topic(category=draft.category, title=draft.title, summary=summary,
                 points=sentences[1:1 + MAX_POINTS])


def _quotes(parts: list[Section], resolver: Resolver, passes: Passes) -> list[Quote]:
    quotes = []
    before = ""
    spoken: dict = {}
    paragraphs = [(sec, i, para) for sec in parts for i, para in enumerate(sec.paragraphs)]
    for sec, i, para in passes.each("quotes", paragraphs):
        if i == 0:  # a transcript's speaker labels hold for the section
            spoken = spoken_paragraphs([(p.text, p.sentences) for p in sec.paragraphs],
                                       resolver, before)
        found = [spoken[i]] if i in spoken else find_quotes(para.text, para.sentences,
                                                            resolver, before)
        for q in found:
            quotes.append(Quote(speaker=q.speaker, text=q.text, occasion=q.occasion,
                                evidence=q.evidence))
        before = (before + " " + para.text)[-600:]
    return quotes


def _category(text: str, sentence: str, category_of: dict[str, str]) -> str | None:
    """The category a phrase speaks of, else its topic's, else its sentence's."""
    own = best_category(text)
    if own == "other":
        own = category_of.get(sentence) or "other"
    return own if own != "other" else best_category(sentence)


def _figures(sentences: Iterable[str], category_of: dict[str, str]) -> list[Figure]:
    figures = []
    for sentence in sentences:
        for number in find_figures(sentence):
            figures.append(Figure(value=number.value, unit=number.unit, text=number.text,
                                  category=_category(number.text, sentence, category_of),
                                  evidence=sentence))
    return figures

