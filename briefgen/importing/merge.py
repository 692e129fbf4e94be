"""Several briefings -> one (imports, or an import into the open briefing).

The same person, quote, figure, commitment, next step, topic or source
appears once: the first one met, completed from the others.  Items are found
again through indexes (normalised keys, word postings), so merging many
sources costs time in proportion to their size, not to its square.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from briefgen.model import Briefing, Figure, Meeting, Source, Topic

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


class _Wordings:
    """Texts kept so far, and which of them a new text may say the same as.

    A text that says what another says shares all its (non-filler) words with
    it, or holds all of the other's: so the candidates are the texts holding
    the new text's rarest word, and the texts whose own rarest word the new
    text holds.  Only those are compared with :func:`same_wording`."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.exact: dict[str, int] = {}
        self.holding: dict[str, list[int]] = defaultdict(list)  # word -> texts holding it
        self.rarest: dict[str, list[int]] = defaultdict(list)   # word -> texts keyed by it

    def find(self, text: str) -> int | None:
        """The first kept text with the same wording as *text*, by position."""
        normal = norm(text)
        if normal in self.exact:
            return self.exact[normal]
        words = _key_words(normal)
        if not words:
            return None
        candidates = set(self.holding.get(min(words, key=self._count), ()))
        for word in set(normal.split()):
            candidates.update(self.rarest.get(word, ()))
        return next((i for i in sorted(candidates) if same_wording(text, self.texts[i])), None)

    def add(self, text: str) -> None:
        number, normal = len(self.texts), norm(text)
        self.texts.append(text)
        self.exact.setdefault(normal, number)
        words = _key_words(normal)
        if words:
            self.rarest[min(words, key=self._count)].append(number)
            for word in words:
                self.holding[word].append(number)

    def _count(self, word: str) -> tuple[int, str]:
        return len(self.holding.get(word, ())), word


def _key_words(normal: str) -> set[str]:
    words = set(normal.split())
    return words - _FILLER or words


def _unique_text(items: Iterable[T], text: Callable[[T], str]) -> list[T]:
    """One of items with the same wording: the first (the open briefing's, or
    the first file's), with fields it leaves empty filled from the others."""
    kept: list[T] = []
    wordings = _Wordings()
    for item in items:
        clash = wordings.find(text(item))
        if clash is None:
            kept.append(item)
            wordings.add(text(item))
        else:
            kept[clash] = _filled(kept[clash], item)
    return kept


def _filled(kept: T, other: T) -> T:
    if isinstance(kept, str):
        return kept
    empty = {name: value for name, value in other
             if value not in (None, "", []) and getattr(kept, name) in (None, "", [])}
    return kept.model_copy(update=empty) if empty else kept


def _completed(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """One item per key, the first met; later ones fill the fields it left empty."""
    merged: dict[Hashable, T] = {}
    for item in items:
        k = key(item)
        merged[k] = _filled(merged[k], item) if k in merged else item
    return list(merged.values())


_TOPIC_LISTS = ("points", "talking_points", "if_raised", "risks")


def _topics(topics: Iterable[Topic]) -> list[Topic]:
    """One topic per title: the first, with the points of the others added."""
    merged: dict[str, Topic] = {}
    for topic in topics:
        key = norm(topic.title)
        if key not in merged:
            merged[key] = topic
            continue
        first = merged[key]
        lists = {name: getattr(first, name) + getattr(topic, name) for name in _TOPIC_LISTS}
        if first.summary and topic.summary:
            lists["points"].insert(len(first.points), topic.summary)
        lists = {name: _unique_text(texts, str) for name, texts in lists.items()}
        merged[key] = _filled(first, topic).model_copy(update=lists)
    return list(merged.values())


def _figure_key(figure: Figure) -> Hashable:
    return (figure.value, norm(figure.unit)) if figure.value is not None else norm(figure.text)


def _source_key(source: Source) -> Hashable:
    """The same file, else the same address, else the same title is the same source."""
    return ("file", source.file.lower()) if source.file else \
        ("url", source.url) if source.url else ("title", norm(source.title))


def merge(briefings: list[Briefing]) -> Briefing:
    if len(briefings) == 1:
        return briefings[0]
    first = briefings[0]
    meeting = {}
    for b in briefings:
        for name, value in b.meeting:
            if value not in (None, "") and name not in meeting:
                meeting[name] = value
    people = _completed((p for b in briefings for p in b.participants), lambda p: norm(p.name))
    names = {norm(p.name) for p in people}
    mentioned = [p for p in _completed((p for b in briefings for p in b.mentioned),
                                       lambda p: norm(p.name))
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
        topics=_topics(t for b in briefings for t in b.topics),
        quotes=_unique_text((q for b in briefings for q in b.quotes), lambda q: q.text),
        figures=_completed((f for b in briefings for f in b.figures), _figure_key),
        commitments=_unique_text((c for b in briefings for c in b.commitments),
                                 lambda c: c.text),
        next_steps=_unique_text((s for b in briefings for s in b.next_steps), lambda s: s.text),
        sources=_completed((s for b in briefings for s in b.sources), _source_key),
        routing=first.routing, marking=first.marking,
    )
