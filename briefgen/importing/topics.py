"""Article sections -> topics with a category from the fixed vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefgen.importing import lexicon

# Words that signal each category (lexicon/topics.toml).
_LEXICON: dict[str, list[str]] = lexicon.table("topics", "categories")
TITLES = {"security": "Security", "trade": "Trade", "economy": "Economy", "history": "History",
          "technology": "Technology", "energy": "Energy", "climate": "Climate",
          "people": "People-to-people ties", "regional": "Regional issues",
          "politics": "Politics", "other": "Other"}
# one pass over a text finds every category's words (longest first); a word written with a
# trailing space in the data must end there ("war " is not "warm")
_CATEGORIES_OF: dict[str, list[str]] = {}
for _cat, _words in _LEXICON.items():
    for _w in _words:
        _CATEGORIES_OF.setdefault(_w.strip().lower(), []).append(_cat)
_ENDS = {w.strip().lower() for words in _LEXICON.values() for w in words if w != w.rstrip()}
# the look-ahead tests a word's first letter once, not once per branch of the trie
_PATTERN = re.compile(r"\b(?=[" + "".join(sorted({re.escape(w[0]) for w in _CATEGORIES_OF}))
                      + r"])(?:" + lexicon.trie(
    [*map(re.escape, w), *([r"\b"] if w in _ENDS else [])] for w in _CATEGORIES_OF) + ")", re.I)


@dataclass
class TopicDraft:
    title: str
    category: str
    sentences: list[str] = field(default_factory=list)


_AGENDA = lexicon.pattern("topics", "agenda")


def scores(text: str, sides: frozenset[str] = frozenset()) -> dict[str, int]:
    """How strongly *text* speaks of each category; *sides* are words (lower case) that
    signal nothing here, as the meeting's own countries are no regional issue."""
    result: dict[str, int] = {}
    for m in _PATTERN.finditer(f" {text} "):
        if m[0].lower() in sides:
            continue
        for cat in _CATEGORIES_OF[m[0].lower()]:
            result[cat] = result.get(cat, 0) + 1
    return result


def sentence_categories(sentence: str, sides: frozenset[str] = frozenset()) -> list[str]:
    """The categories *sentence* speaks of: its strongest (all of them on a tie), any it
    names twice, and every one it lists after an agenda word ('talks focused on trade,
    energy and investment')."""
    own = scores(sentence, sides)
    top = max(own.values(), default=0)
    found = [c for c, n in sorted(own.items(), key=lambda i: -i[1]) if n == top or n >= 2]
    agenda = _AGENDA.search(sentence)
    if agenda:
        found += [c for c in scores(sentence[agenda.end():], sides) if c not in found]
    return found


def best_category(text: str, weight_from: str = "") -> str:
    combined = scores(text)
    for cat, n in scores(weight_from).items():
        combined[cat] = combined.get(cat, 0) + 3 * n
    return max(combined, key=lambda c: combined[c]) if combined else "other"


def heading_categories(heading: str, body: str) -> list[str]:
    """One category per item of an enumerating heading ('China, North Korea, and Trade',
    'Trade and students'); otherwise the heading's best category, helped by the body."""
    tail = heading.split(":", 1)[-1]
    items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+(?:and|&)\s+", tail)]
    categories = [best_category(i) for i in items if scores(i)]
    unique = list(dict.fromkeys(categories))
    if len(unique) > 1:
        return unique
    return [best_category(body, weight_from=heading)]


def section_topics(heading: str, sentences: list[str]) -> list[TopicDraft]:
    """Topics of one headed section; each sentence goes to the category it speaks of most."""
    body = " ".join(sentences)
    categories = heading_categories(heading, body)
    drafts = {cat: TopicDraft(heading, cat) for cat in categories}
    for sentence in sentences:
        if len(categories) == 1:
            drafts[categories[0]].sentences.append(sentence)
            continue
        own = scores(sentence)
        ranked = sorted(categories, key=lambda c: -own.get(c, 0))
        target = ranked[0] if own.get(ranked[0]) else None
        for cat in categories if target is None else [target]:
            drafts[cat].sentences.append(sentence)
    return [d for d in drafts.values() if d.sentences]


def grouped_topics(paragraphs: list[list[str]],
                   sides: frozenset[str] = frozenset()) -> list[TopicDraft]:
    """Topics for an article without headings: each sentence goes to the categories it
    speaks of (a sentence about none stays with its paragraph's strongest), then the
    sentences of one category are gathered in article order."""
    merged: dict[str, TopicDraft] = {}
    for sentences in paragraphs:
        whole = scores(" ".join(sentences), sides)
        fallback = max(whole, key=lambda c: whole[c]) if whole else "other"
        for sentence in sentences:
            for category in sentence_categories(sentence, sides) or [fallback]:
                draft = merged.setdefault(category, TopicDraft(TITLES[category], category))
                draft.sentences.append(sentence)
    return list(merged.values())
