"""Several briefings -> one (imports, or an import into the open briefing).

The same person, quote, figure, commitment or next step appears once: the
first one met, completed from the others.
"""

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


# words that do not change what a commitment, next step or quote says
_FILLER = frozenset("a an the of with such as like and to in on for at by between under "
                    "their its his her s".split())


def _words(text: str) -> frozenset[str]:
    return frozenset(norm(text).split()) - _FILLER


def same_wording(a: str, b: str) -> bool:
    """One text says what the other says: contained in it, or (three words or
    more) all its words appear in the other ("such as" / "like", "the" aside)."""
    na, nb = norm(a), norm(b)
    if na in nb or nb in na:
        return True
    wa, wb = _words(a), _words(b)
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(small) >= 3 and small <= large


def _unique_text(items: Iterable[T], text: Callable[[T], str]) -> list[T]:
    """One of items with the same wording: the first (the open briefing's, or
    the first file's), with fields it leaves empty filled from the others."""
    kept: list[T] = []
    for item in items:
        clash = next((i for i, k in enumerate(kept) if same_wording(text(item), text(k))), None)
        if clash is None:
            kept.append(item)
        else:
            kept[clash] = _filled(kept[clash], item)
    return kept


def _filled(kept: T, other: T) -> T:
    empty = {name: value for name, value in other
             if value not in (None, "", []) and getattr(kept, name) in (None, "", [])}
    return kept.model_copy(update=empty) if empty else kept


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
        merged[key] = _filled(merged[key], person) if key in merged else person
    return list(merged.values())
