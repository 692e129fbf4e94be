"""Shared checks for importer tests."""

from __future__ import annotations

import re
import unicodedata


def norm(text: str) -> str:
    """Compare wording without case, accents, punctuation or curly/straight quotes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def find_person(people, name):
    matches = [p for p in people if p.name == name]
    assert matches, f"{name!r} not among {[p.name for p in people]}"
    return matches[0]


def has_quote(quotes, speaker, words):
    wanted = norm(words)
    return any(q.speaker == speaker and (wanted in norm(q.text) or norm(q.text) in wanted)
               and len(norm(q.text)) > 0.6 * len(wanted) for q in quotes)


def has_commitment(commitments, keywords, parties=None):
    for c in commitments:
        if all(norm(k) in norm(c.text) for k in keywords):
            return parties is None or sorted(c.parties) == sorted(parties)
    return False
