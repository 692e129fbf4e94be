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
    return _same(_Wording(a), _Wording(b))


class _Wording:
    """A text's normal form, its words and its words that matter, computed once."""

    __slots__ = ("normal", "every", "words")

    def __init__(self, text: str) -> None:
        self.normal = norm(text)
        self.every = frozenset(self.normal.split())
        self.words = self.every - _FILLER


def _same(a: _Wording, b: _Wording) -> bool:
    if a.normal in b.normal or b.normal in a.normal:
        return True
    small, large = (a.words, b.words) if len(a.words) <= len(b.words) else (b.words, a.words)
    return len(small) >= 3 and small <= large


class _Wordings:
    """Texts kept so far, and which of them a new text may say the same as.

    A text that says what another says has all its words in the other, or
    holds all the other's words.  So the candidates are the kept texts that
    hold the new text's rarest word (and then all its words), and the kept
    texts whose own rarest word the new text holds; only those are compared.
    (Containment inside a word, "ade" in "trade", is not looked for.)"""

    def __init__(self) -> None:
        self.kept: list[_Wording] = []
        self.exact: dict[str, int] = {}
        self.holding: dict[str, list[int]] = defaultdict(list)  # word -> texts holding it
        self.rarest: dict[str, list[int]] = defaultdict(list)   # word -> texts keyed by it

    def find(self, wording: _Wording) -> int | None:
        """The first kept text with the same wording, by position."""
        if wording.normal in self.exact:
            return self.exact[wording.normal]
        words = _key_words(wording)
        if not words:
            return None
        holders = (i for i in self.holding.get(min(words, key=self._count), ())
                   if words <= self.kept[i].every)
        candidates = set(holders)
        for word in wording.every:
            candidates.update(i for i in self.rarest.get(word, ())
                              if _key_words(self.kept[i]) <= wording.every)
        return next((i for i in sorted(candidates) if _same(wording, self.kept[i])), None)

    def add(self, wording: _Wording) -> None:
        number = len(self.kept)
        self.kept.append(wording)
        self.exact.setdefault(wording.normal, number)
        words = _key_words(wording)
        if words:
            self.rarest[min(words, key=self._count)].append(number)
            for word in words:
                self.holding[word].append(number)

    def _count(self, word: str) -> tuple[int, str]:
        return len(self.holding.get(word, ())), word


def _key_words(wording: _Wording) -> frozenset[str]:
    return wording.words or wording.every


def _unique_text(items: Iterable[T], text: Callable[[T], str]) -> list[T]:
    """One of items with the same wording: the first (the open briefing's, or
    the first file's), with fields it leaves empty filled from the others."""
    kept: list[T] = []
    wordings = _Wordings()
    for item in items:
        wording = _Wording(text(item))
        clash = wordings.find(wording)
        if clash is None:
            kept.append(item)
            wordings.add(wording)
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
