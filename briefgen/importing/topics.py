"""Article sections -> topics with a category from the fixed vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Words that signal each category (stems; matched at word starts, case-insensitive).
_LEXICON: dict[str, tuple[str, ...]] = {
    "security": ("security", "defen", "military", "troop", "missile", "nuclear", "alliance",
                 "army", "navy", "naval", "warship", "vessel", "weapon", "deterren", "armed",
                 "coast guard", "drill", "exercise", "nato", "soldier", "war ", "patrol", "intelligence",
                 "ceasefire", "peacekeep", "submarine", "fighter jet", "cyber"),
    "trade": ("trade", "tariff", "export", "import", "duties", "duty", "customs", "market access",
              "free trade", "supply chain", "wto", "quota", "dumping"),
    "economy": ("econom", "investment", "invest", "growth", "gdp", "inflation", "financ",
                "budget", "fund", "currency", "bank", "jobs", "industr", "business", "fiscal",
                "debt", "loan"),
    "history": ("histor", "colonial", "wartime", "apolog", "forced labo", "comfort women",
                "shrine", "memorial", "reconcil", "past", "legacy", "grievance", "resentment",
                "anniversar"),
    "technology": ("technolog", "artificial intelligence", " ai ", "semiconductor", "chip",
                   "digital", "quantum", "space", "research", "innovation", "5g", "software"),
    "energy": ("energy", "oil", "gas", "lng", "pipeline", "power plant", "electricity",
               "megawatt", "gigawatt", "hydrogen", "renewable", "nuclear power", "grid",
               "solar", "wind farm", "coal"),
    "climate": ("climate", "emission", "carbon", "net zero", "net-zero", "warming",
                "paris agreement", "green", "environment", "biodiversity", "decarboni"),
    "people": ("student", "exchange", "tourism", "tourist", "visa", "working holiday",
               "people-to-people", "cultur", "education", "universit", "scholarship",
               "youth", "diaspora", "migra", "language", "sport"),
    "regional": ("region", "china", "north korea", "taiwan", "south china sea", "indo-pacific",
                 "asean", "neighbo", "influence", "russia", "ukraine", "middle east", "gaza",
                 "asia", "europe", "africa", "pacific", "border dispute", "strait", "peninsula"),
    "politics": ("election", "parliament", "party", "impeach", "opposition", "approval rating",
                 "coalition", "vote", "poll", "political", "domestic", "cabinet", "campaign",
                 "lawmaker", "politic"),
}
TITLES = {"security": "Security", "trade": "Trade", "economy": "Economy", "history": "History",
          "technology": "Technology", "energy": "Energy", "climate": "Climate",
          "people": "People-to-people ties", "regional": "Regional issues",
          "politics": "Politics", "other": "Other"}
_PATTERNS = {cat: re.compile(r"\b(?:" + "|".join(re.escape(w.strip()) for w in words) + r")",
                             re.I) for cat, words in _LEXICON.items()}


@dataclass
class TopicDraft:
    title: str
    category: str
    sentences: list[str] = field(default_factory=list)


def scores(text: str) -> dict[str, int]:
    """How strongly *text* speaks of each category."""
    result = {cat: len(p.findall(f" {text} ")) for cat, p in _PATTERNS.items()}
    return {cat: n for cat, n in result.items() if n}


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


def grouped_topics(paragraphs: list[list[str]]) -> list[TopicDraft]:
    """Topics for an article without headings: runs of paragraphs about one category."""
    drafts: list[TopicDraft] = []
    for sentences in paragraphs:
        category = best_category(" ".join(sentences))
        if drafts and drafts[-1].category == category:
            drafts[-1].sentences.extend(sentences)
        else:
            drafts.append(TopicDraft(TITLES[category], category, list(sentences)))
    merged: dict[str, TopicDraft] = {}
    for d in drafts:
        if d.category in merged:
            merged[d.category].sentences.extend(d.sentences)
        else:
            merged[d.category] = d
    return list(merged.values())
