"""Drop what is not the article (navigation, links to other stories, prompts, credits,
bylines, embedded posts) and keep the metadata such lines carry (author, publication
date, agency, dateline).  The patterns live in ``lexicon/boilerplate.toml``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache

from briefgen.importing import gazetteer as gz
from briefgen.importing import lexicon
from briefgen.importing.dates import parse_date
from briefgen.importing.document import Block, Document
from briefgen.importing.sentences import split_sentences

_FIELD_LINE = re.compile(r"^\s*(title|author|source|publisher|site|date|published|url)\s*:\s*(.+)$",
                         re.I)
_BYLINE = re.compile(r"^\s*(?i:by|written by|words by)\s+([A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|"
                     r"and|&|de|van|von|da|di|bin))*)(?:\s*[,|/]\s*(.+))?\s*$")
_PLACE = r"[A-Z][A-Za-z .'’\-]{1,30}?"
# "CITY (AGENCY) —", "CITY, May 16 (AGENCY) -", "CITY —", "CITY -- ", "City [Country], May 16
# (AGENCY):", "CITY, May 16. /TASS/."
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})(?:\s*\[(?P<country>[A-Z][\w ]+)\])?"
    r"(?:,?\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\.?)?"
    r"\s*(?:\((?P<agency>[A-Z][\w .&-]{1,24})\)|/(?P<slash>[A-Z][\w-]{1,12})/\.?)?"
    r"\s*(?P<dash>--|[-—–:])?\s+(?=\S)")
_PLACE_LINE = re.compile(rf"^({_PLACE})\s*[(\[]([A-Z][\w .'’\-]+)[)\]]\.?$")
_NO_WORDS = re.compile(r"[^\W\d_]{2,}")
_GLUED_SENTENCE = re.compile(r"(\b[a-z]{2,}[.!?])(?=[A-Z][a-z])")
_GLUED_WORD = re.compile(r"\b([A-Z][a-z]{3,})(?=[A-Z][a-z])")
_GLUED = re.compile(r"[a-z.!?](?=[A-Z][a-z])")  # what either needs, found fast
_CREDIT_MARK = re.compile(r"[\[(/|]")


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    bp = "boilerplate"
    date_prefix = lexicon.alternation(lexicon.words(bp, "date_prefixes"))
    byline = lexicon.alternation(lexicon.words(bp, "byline_words"))
    return {
        "drop_start": lexicon.pattern(bp, "drop_start", r"^\s*(?:{})(?!\w)"),
        "drop_short": lexicon.pattern(bp, "drop_short"),
        "prompt": lexicon.pattern(bp, "prompt"),
        "credits": re.compile("|".join(f"(?:{c})" for c in lexicon.words(bp, "credits"))),
        "agency": re.compile(lexicon.scalar(bp, "agency_prefix")),
        "embed": re.compile(lexicon.scalar(bp, "embed_signature")),
        "web": re.compile(lexicon.scalar(bp, "web_address")),
        "title_suffix": re.compile(lexicon.scalar(bp, "title_suffix")),
        "date_line": re.compile(rf"^\s*(?:(?:{date_prefix})\b)?\s*(?:on)?\s*:?\s*(.{{6,40}})$",
                                re.I),
        "staff_byline": re.compile(rf"^(?:[\w.’'-]+\s+){{0,3}}(?i:{byline})\s+"
                                   rf"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}})\s*$"),
    }


def is_boilerplate(text: str) -> bool:
    """A line that links elsewhere, asks the reader for something, credits a photo, or is
    navigation, a separator or a bare file name."""
    rules = _rules()
    words = len(re.findall(r"[^\W\d_]+", text))
    if not _NO_WORDS.search(text) or rules["drop_start"].match(text):
        return True
    if words <= 25 and rules["drop_short"].search(text):
        return True
    if re.fullmatch(r"\S+\.(?:jpe?g|png|gif|webp|svg)", text.strip(), re.I):
        return True
    if words <= 25 and (text.count("|") >= 2 or re.search(r"[/»›>|]\s*$", text)):
        return True  # breadcrumbs and "AGENCY | City | Updated ..." lines
    if "(@" in text and rules["embed"].search(text):
        return True
    return words < 40 and bool(rules["prompt"].search(text)) and not re.search(r"[“”\"]", text)


def _drop_self_references(text: str) -> str:
    """Sentences naming the outlet by its web address ('example.co.ke understands')."""
    if not _rules()["web"].search(text):
        return text
    return " ".join(s for s in split_sentences(text) if not _rules()["web"].search(s))


def _dateline(text: str) -> re.Match[str] | None:
    m = _DATELINE.match(text)
    if not m or not (m["agency"] or m["slash"] or m["dash"]):
        return None
    place = m["place"].strip()
    known = gz.place(place.title() if place.isupper() else place)
    if m["dash"] == ":" and not (m["agency"] or m["country"] or place.isupper()):
        return None
    if place.isupper() or m["agency"] or m["slash"] or (known and (m["country"] or m["date"])):
        return m
    return None


def _clean_title(title: str) -> str:
    if title and is_boilerplate(title):
        return ""
    return _rules()["title_suffix"].sub("", title).strip() if title else title


def _unglued(text: str) -> str:
    """Put back the space lost where two elements or lines of a page met: after a
    sentence's end ("talks.The") and after a place's name ("BrazilLuiz Inacio")."""
    if not _GLUED.search(text):
        return text
    text = _GLUED_SENTENCE.sub(r"\1 ", text)
    return _GLUED_WORD.sub(lambda m: m[1] + (" " if m[1].lower() in gz.place_words() else ""),
                           text)


def _uncredited(text: str) -> str:
    """*text* without photo and reporting credits (each holds a bracket, a slash or a bar)."""
    return _rules()["credits"].sub("", text).strip() if _CREDIT_MARK.search(text) else text


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def clean_document(doc: Document, each: Callable[[list[Block]], Iterable[Block]] = iter) \
        -> Document:
    """Remove boilerplate blocks; fill author/published/site/dateline from metadata lines.

    *each* goes over the blocks (the importer's progress reports as it goes)."""
    fields: dict[str, object] = {}
    blocks: list[Block] = []
    rules = _rules()
    title = _clean_title(doc.title)
    seen = {_key(title)} if title else set()
    for index, block in enumerate(each(doc.blocks)):
        text = _unglued(block.text.strip())
        early = index < 8
        m = _FIELD_LINE.match(text)
        if m and early and len(text) < 200:
            key, value = m[1].lower(), m[2].strip()
            if key in ("date", "published"):
                if parse_date(value):
                    fields.setdefault("published", parse_date(value))
                    continue
            elif key in ("source", "publisher", "site"):
                fields.setdefault("site", value)
                continue
            else:
                fields.setdefault(key, value)
                continue
        m = _BYLINE.match(text) or rules["staff_byline"].match(text)
        if m and len(text.split()) <= 12:
            fields.setdefault("author", m[1])
            continue
        if early and len(text) <= 60 and parse_date(text) and rules["date_line"].match(text) \
                and not re.search(r"\b(said|met|will|has|have)\b", text):
            fields.setdefault("published", parse_date(text))
            continue
        stripped = _uncredited(text)
        if not stripped or is_boilerplate(stripped):
            if early and text.count("|") >= 2 and parse_date(text):
                fields.setdefault("published", parse_date(text))
            continue
        m = _PLACE_LINE.match(text)
        if m and gz.place(m[1]) and gz.country_named(m[2]):
            fields.setdefault("dateline", m[1].strip())
            continue
        if index < 3 and len(text.split()) <= 3 and re.fullmatch(
                r"(?:[A-Z][\w’'.&-]*\s?){1,3}", text) and not gz.place(text):
            continue  # an outlet's or a writer's name under the headline
        m = rules["agency"].match(text)
        if m:
            fields.setdefault("site", m[1].strip())
            stripped = _uncredited(text[m.end():])
        text = _drop_self_references(stripped)
        short = len(text.split()) <= 25
        key = _key(text) if short else ""
        if not text or (short and key in seen) or (text.islower() and len(text.split()) >= 4
                                                    and not re.search(r"[.!?]$", text)):
            continue  # empty, a headline printed twice, or a lower-case slug
        if short:
            seen.add(key)
        m = _dateline(text) if block.kind == "paragraph" else None
        if m:
            if m["agency"] or m["slash"]:
                fields.setdefault("site", m["agency"] or m["slash"])
            place = m["place"].strip()
            fields.setdefault("dateline", place.title() if place.isupper() else place)
            text = text[m.end():]
        blocks.append(Block(block.kind, text))
    if not title and blocks and blocks[0].kind == "heading":
        title = _clean_title(blocks.pop(0).text)
    if title and blocks and blocks[0].text.startswith(title + " "):
        blocks[0] = Block(blocks[0].kind, blocks[0].text[len(title):].strip())
    changes = {k: v for k, v in fields.items() if not getattr(doc, k)}
    return replace(doc, blocks=blocks, title=title, **changes)
