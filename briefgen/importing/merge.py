"""Several imported briefings -> one; the same person, quote or figure appears once."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from briefgen.model import Briefing, Meeting

T = TypeVar("T")


def norm(text: str) -> str:
    """Lower case, no accents, punctuation or extra spaces: for comparing wording."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _unique(items: Iterable[T], key: Callable[[T], object]) -> list[T]:
    seen: dict[object, T] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def _unique_text(items: Iterable[T], text: Callable[[T], str]) -> list[T]:
    """Keep one of items whose wording is the same or contained in another's."""
    kept: list[T] = []
    for item in items:
        key = norm(text(item))
        clash = next((i for i, k in enumerate(kept) if key in norm(text(k))
                      or norm(text(k)) in key), None)
        if clash is None:
            kept.append(item)
        elif len(key) > len(norm(text(kept[clash]))):
            kept[clash] = item
    return kept


def merge(briefings: list[Briefing]) -> Briefing:
    if len(briefings) == 1:
        return briefings[0]
    first = briefings[0]
    meeting = {}
    for b in briefings:
        for name, value in b.meeting:
            if value not in (None, "") and name not in meeting:
                meeting[name] = value
    people = _people([p for b in briefings for p in b.participants])
    names = {norm(p.name) for p in people}
    mentioned = [p for p in _people([p for b in briefings for p in b.mentioned])
                 if norm(p.name) not in names]
    return Briefing(
        title=next((b.title for b in briefings if b.title), ""),
        summary=next((b.summary for b in briefings if b.summary), ""),
        notes="\n".join(b.notes for b in briefings if b.notes),
        meeting=Meeting(**meeting),
        participants=people, mentioned=mentioned,
        objectives=_unique((o for b in briefings for o in b.objectives), norm),
        counterpart_objectives=_unique((o for b in briefings for o in b.counterpart_objectives),
                                       norm),
        topics=_unique((t for b in briefings for t in b.topics),
                       lambda t: (norm(t.title), t.category)),
        quotes=_unique_text((q for b in briefings for q in b.quotes), lambda q: q.text),
        figures=_unique((f for b in briefings for f in b.figures),
                        lambda f: (f.value, norm(f.unit)) if f.value is not None
                        else norm(f.text)),
        commitments=_unique_text((c for b in briefings for c in b.commitments),
                                 lambda c: c.text),
        next_steps=_unique_text((s for b in briefings for s in b.next_steps), lambda s: s.text),
        sources=_unique((s for b in briefings for s in b.sources),
                        lambda s: (s.file, s.url, s.title)),
        routing=first.routing, marking=first.marking,
    )


def _people(people: list) -> list:
    """One entry per name; later sources fill fields the first left empty."""
    merged: dict[str, object] = {}
    for person in people:
        key = norm(person.name)
        if key not in merged:
            merged[key] = person.model_copy()
            continue
        kept = merged[key]
        for field, value in person:
            if value not in (None, "") and getattr(kept, field) in (None, ""):
                setattr(kept, field, value)
    return list(merged.values())
