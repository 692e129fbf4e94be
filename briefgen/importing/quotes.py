"""Quotations: the words, who said them, on what occasion, and the sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.importing import gazetteer as gz
from briefgen.importing import lexicon
from briefgen.importing.people import Resolver
from briefgen.importing.readers import looks_like_heading

_SPEECH = rf"(?:{lexicon.alternation(lexicon.words('speech', 'speech'))})"
_SPEECH_RE = re.compile(rf"\b{_SPEECH}\b", re.I)
_OCCASION_NOUNS = r"(?:press conference|news conference|press briefing|briefing|interview|" \
                  r"statement|speech|address|banquet|dinner|lunch|luncheon|session|ceremony|forum|" \
                  r"summit|meeting|talks|joint statement|press availability|reception|rally|" \
                  r"parliament|parliamentary session|conference)"
_OCCASION = re.compile(rf"\b(?:told|at|during|in|before|to)\s+(?:a|an|the|their|his|her)\s+"
                       rf"((?:[\w'-]+\s+){{0,3}}?{_OCCASION_NOUNS})\b", re.I)
_FOLLOWING = re.compile(r"^\W*\s*(?:following|after|over|in response to|about|regarding)\s+"
                        r"(?:the\s+)?([^,.;]{4,120})", re.I)
_BODY = re.compile(r"\b(?:the\s+)?(?P<adj>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:['’]s)?\s+"
                   r"(?P<body>government|foreign ministry|defen[cs]e ministry|ministry|"
                   r"presidential office|embassy|cabinet|spokes(?:person|man|woman))\b")


@dataclass
class Quotation:
    text: str
    speaker: str
    occasion: str
    evidence: str


def _marks(text: str) -> list[tuple[int, str]]:
    """Quotation marks in *text* as (position, 'open'|'close')."""
    marks = []
    for m in re.finditer(r"''|[“”\"«»]", text):
        ch, i = m.group(), m.start()
        if ch == "''":  # a doubled apostrophe stands for a straight quotation mark
            ch = '"'
        if ch in "“«":
            marks.append((i, "open"))
        elif ch in "”»":
            marks.append((i, "close"))
        else:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            opening = (prev.isspace() or prev in "([—–-:") and not nxt.isspace()
            marks.append((i, "open" if opening else "close"))
    return marks


def _spans(text: str, sentence_starts: list[int]) -> list[tuple[int, int, int]]:
    """(text start, text end, index after the closing mark) of each quotation."""
    spans = []
    opened: int | None = None
    for i, (pos, kind) in enumerate(_marks(text)):
        if kind == "open" and opened is None:
            opened = pos + 1 + (text[pos + 1:pos + 2] == "'")
        elif kind == "close":
            if opened is not None:
                spans.append((opened, pos, pos + 1))
                opened = None
            elif not spans and i == 0:
                # The opening mark is missing: the quotation starts with its sentence.
                start = max((s for s in sentence_starts if s <= pos), default=0)
                spans.append((start, pos, pos + 1))
    if opened is not None and len(text) - opened > 20:
        spans.append((opened, len(text), len(text)))
    return spans


def _offsets(paragraph: str, sentences: list[str]) -> list[tuple[int, int]]:
    result, cursor = [], 0
    for s in sentences:
        start = paragraph.find(s, cursor)
        start = cursor if start < 0 else start
        result.append((start, start + len(s)))
        cursor = start + len(s)
    return result


def find_quotes(paragraph: str, sentences: list[str], resolver: Resolver,
                before: str = "") -> list[Quotation]:
    """Quotations of one paragraph; *before* is the text preceding it (for 'he said')."""
    offsets = _offsets(paragraph, sentences)
    found: list[Quotation] = []
    last_end = 0
    for start, end, after in _spans(paragraph, [s for s, _ in offsets]):
        words = paragraph[start:end].strip().strip(",;:").strip()
        if len(words.split()) < 3 and not re.search(r"[.!?]$", words) \
                or looks_like_heading(words):  # a title in quotation marks names a document
            continue
        sent_from = max((s for s, _ in offsets if s <= start), default=0)
        sent_to = min((e for _, e in offsets if e >= after), default=len(paragraph))
        tail = paragraph[after:sent_to]
        head_start = max(sent_from, last_end)
        head = paragraph[head_start:max(start - 1, 0)]
        speaker, region = _speaker(head, tail, before + " " + paragraph[:head_start],
                                   before + " " + paragraph[:start], resolver)
        if not speaker and found and not head.strip(" .,;:"):
            speaker = found[-1].speaker  # the same speaker goes on
        occasion = _occasion(region, tail)
        evidence = " ".join(s for s, (a, b) in zip(sentences, offsets)
                            if a < sent_to and b > sent_from)
        found.append(Quotation(_tidy(words), speaker, occasion, evidence or paragraph))
        last_end = after
    return found


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    return re.sub(r",$", ".", text) if text.endswith(",") else text


def _speaker(head: str, tail: str, before_head: str, before_quote: str,
             resolver: Resolver) -> tuple[str, str]:
    """Who said it, and the stretch of text that said so."""
    tail_attr = re.match(rf"^\W*(.{{0,80}}?\b{_SPEECH}\b.*)$", tail, re.I | re.S)
    for region, earlier in (((tail_attr[1] if tail_attr else None), before_quote),
                            (head, before_head)):
        if not region:
            continue
        named = resolver.named(region)
        pronoun = re.search(r"\b(he|she)\b", region, re.I)
        if pronoun and (not named or pronoun.start() < named[0][0]):
            subject = _last_subject(earlier, resolver)
            if subject:
                return subject, region
        if named:
            return named[0][1].name, region
        royal = _royal(region, resolver)
        if royal:
            return royal, region
        body = _body(region)
        if body:
            return body, region
    return "", tail_attr[1] if tail_attr else head


_COURTESY = lexicon.pattern("speech", "courtesy", r"\b(?:{})\b", 0)
_ROYAL = lexicon.pattern("speech", "royal", r"\b(?:{})\b", 0)


def _royal(text: str, resolver: Resolver) -> str:
    """'His Highness said' -> the one participant who holds a royal office."""
    if not _COURTESY.search(text):
        return ""
    royals = [p.name for p in resolver.participants if _ROYAL.search(p.title)]
    return royals[0] if len(royals) == 1 else ""


def _last_subject(text: str, resolver: Resolver) -> str:
    """'He'/'she' is the first person named in the last sentence that names anyone."""
    for sentence in reversed(re.split(r"(?<=[.!?”\"])\s+(?=[“\"A-Z])", text)):
        named = resolver.named(sentence)
        if named:
            return named[0][1].name
    return ""


def _body(text: str) -> str:
    """'Seoul', 'the French government', "Japan's foreign ministry" -> who spoke."""
    m = _BODY.search(text)
    if m:
        country = gz.country_of_adjective(m["adj"]) or gz.country_named(m["adj"])
        if country:
            return f"{country.demonym} {m['body'].lower()}"
    words = re.findall(r"(?<![\w])([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)", text)
    for word in words:
        word = re.sub(r"['’]s$", "", word)
        if re.search(rf"\b(in|to|at|from|of)\s+{re.escape(word)}", text):
            continue
        country = gz.country_of_city(word) if gz.is_capital(word) else gz.country_named(word)
        if country:
            return f"{country.demonym} government"
    return ""


def _occasion(region: str, tail: str) -> str:
    m = _OCCASION.search(region)
    if m:
        return " ".join(m[1].split())
    if re.search(r"\btold reporters\b", region, re.I):
        return "remarks to reporters"
    m = _FOLLOWING.match(tail)
    if m:
        return " ".join(m[1].split())
    return ""


# A paragraph that hands over to a speech set apart without quotation marks:
# "Sunak said:" before a block quote, or a transcript's "President Vladimir Putin: Friends,".
_INTRODUCER = re.compile(rf"\b{_SPEECH}\s*:\s*$", re.I)
_LABEL = re.compile(r"^([A-Z][^:.!?\"“”]{1,80}?):\s+(.*)$", re.S)
_SPEECH_RUN = 8
# the reporter names who spoke: "..., Ursula von der Leyen has reiterated."
_ATTRIBUTION = re.compile(rf"(?:\b[A-Z][\w'’-]+|\b(?:he|she|they))\s+(?:has\s+|have\s+|had\s+)?"
                          rf"{_SPEECH}\b")  # paragraphs one introducer may hand over


def spoken_paragraphs(paragraphs: list[tuple[str, list[str]]], resolver: Resolver,
                      before: str = "") -> dict[int, Quotation]:
    """Quotations set apart without quotation marks, by the index of their paragraph.

    A paragraph ending '... said:' or opening with a speaker's label ('President of Russia
    Vladimir Putin: ...') hands the following paragraphs to that speaker, until one
    that carries quotation marks or opens with a person, or a new label."""
    found: dict[int, Quotation] = {}
    speaker, run = "", 0
    for i, (text, sentences) in enumerate(paragraphs):
        label = _label(text, resolver)
        if label:
            speaker, words = label
            run = _SPEECH_RUN
            if len(words.split()) >= 3:
                found[i] = Quotation(_tidy(words), speaker, "", text)
        elif run and not _ends_speech(text, resolver):
            run -= 1
            if len(text.split()) >= 3:
                found[i] = Quotation(_tidy(text), speaker, "", text)
        else:
            run = 0
        intro = _INTRODUCER.search(text) if ":" in text else None  # the cheap test first
        if intro and not re.search(r"[“”\"]", text):
            speaker, run = _introducer(text[:intro.start()], before, resolver), _SPEECH_RUN
        before = (before + " " + text)[-600:]
    return found


def _label(text: str, resolver: Resolver) -> tuple[str, str] | None:
    """'President of Russia Vladimir Putin: Mr President,' -> (the speaker, the words);
    a headline such as 'Sunak: no jets for now' (no closing stop) is no label."""
    m = _LABEL.match(text)
    if not m or _SPEECH_RE.search(m[1]) or len(m[1].split()) > 10:
        return None
    words = m[2].strip()
    if words and not re.search(r"[.!?,…:]$", words):
        return None
    named = resolver.named(m[1])
    return (named[-1][1].name, words) if named else None


def _introducer(text: str, before: str, resolver: Resolver) -> str:
    """Who speaks after '..., Kremlin spokesperson Dmitry Peskov said:': the person named
    last before the verb; 'he said:' is the last person named before."""
    clause = re.split(r"[.!?;]\s+", text)[-1]
    if re.search(r"\b(?:he|she)\s*$", clause, re.I):
        return _last_subject(before + " " + text[:-len(clause)], resolver)
    named = resolver.named(clause)
    return named[-1][1].name if named else _body(clause)


def _ends_speech(text: str, resolver: Resolver) -> bool:
    """The reporter speaks again: quotation marks, a person at the paragraph's start or
    one who speaks in it, or a headline 'Name: ...'."""
    if re.search(r"[“”\"]", text) or _LABEL.match(text):
        return True
    named = resolver.named(text)
    return any(pos < 25 for pos, _ in named) or bool(_ATTRIBUTION.search(text))
