"""Which script a text is written in, and the font and language tag Word needs for it.

Word picks one of a run's four font slots by the characters' script: ``ascii``
/ ``hAnsi`` for Latin, ``eastAsia`` for Chinese, Japanese and Korean, ``cs``
(complex script) for Arabic, Hebrew, Thai and Devanagari; the matching
attribute of ``w:lang`` (``eastAsia`` or ``bidi``) names the language.  A
script is told by Unicode ranges and bidirectional classes; a name's language
(Japanese or Chinese Han) by the person's country where the script alone
cannot tell.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Language tag -> (serif font, sans-serif font): what Windows and macOS offices have.
DEFAULT_FONTS: dict[str, tuple[str, str]] = {
    "ja-JP": ("Yu Mincho", "Yu Gothic"),
    "ko-KR": ("Batang", "Malgun Gothic"),
    "zh-CN": ("SimSun", "Microsoft YaHei"),
    "zh-TW": ("PMingLiU", "Microsoft JhengHei"),
    "ar-SA": ("Traditional Arabic", "Arial"),
    "he-IL": ("David", "Arial"),
    "th-TH": ("Angsana New", "Leelawadee UI"),
    "hi-IN": ("Mangal", "Nirmala UI"),
}
SANS_SERIF = ("arial", "calibri", "helvetica", "verdana", "tahoma", "segoe ui", "liberation sans",
              "aptos", "gill sans", "frutiger", "noto sans")

# Word's script fonts -> the Noto font of the same script and style: what the
# PDF (LibreOffice's replacement table) and the app's preview set text in
# where the Word fonts are not installed.
_NOTO_FAMILIES = {"ja-JP": "CJK JP", "ko-KR": "CJK KR", "zh-CN": "CJK SC", "zh-TW": "CJK TC",
                  "ar-SA": ("Naskh Arabic", "Sans Arabic"), "he-IL": "Hebrew", "th-TH": "Thai",
                  "hi-IN": "Devanagari"}
_MORE_FONTS = {"MS Mincho": "ja-JP", "MS Gothic": ("ja-JP", "sans"), "Meiryo": ("ja-JP", "sans"),
               "Gulim": ("ko-KR", "sans"), "Dotum": ("ko-KR", "sans"), "SimHei": ("zh-CN", "sans"),
               "MingLiU": "zh-TW", "Simplified Arabic": "ar-SA", "Arabic Typesetting": "ar-SA",
               "Miriam": ("he-IL", "sans")}


def _noto(tag: str, sans: bool) -> str:
    family = _NOTO_FAMILIES[tag]
    if isinstance(family, tuple):
        return f"Noto {family[sans]}"
    return f"Noto {'Sans' if sans else 'Serif'} {family}"


def noto_substitutes() -> dict[str, str]:
    """Word font -> installed Noto font for every script font briefgen knows
    (never Arial: it also sets Latin text)."""
    pairs = {}
    for tag, (serif, sans) in DEFAULT_FONTS.items():
        pairs[serif] = _noto(tag, False)
        if sans != "Arial":
            pairs[sans] = _noto(tag, True)
    for font, spec in _MORE_FONTS.items():
        tag, style = spec if isinstance(spec, tuple) else (spec, "serif")
        pairs[font] = _noto(tag, style == "sans")
    return pairs


_COUNTRY_LANGUAGES = {
    "japan": "ja-JP", "south korea": "ko-KR", "north korea": "ko-KR", "korea": "ko-KR",
    "china": "zh-CN", "singapore": "zh-CN", "taiwan": "zh-TW", "hong kong": "zh-TW",
    "macau": "zh-TW", "macao": "zh-TW",
}
_ALIASES = {"ja": "ja-JP", "ko": "ko-KR", "zh": "zh-CN", "ar": "ar-SA", "he": "he-IL",
            "th": "th-TH", "hi": "hi-IN"}

EAST_ASIAN, COMPLEX, RTL, LATIN, NEUTRAL = "eastAsia", "cs", "rtl", "latin", "neutral"
# Latin letters up to IPA, and neutral signs (spaces, digits, ASCII and general
# punctuation such as curly quotes and dashes): where every character is one of
# these, the letters are Latin and nothing else is (a test checks each).
_LATIN_OR_NEUTRAL = re.compile("[\x00-\u02af\u2010-\u2027\u2030-\u205e]*")
_SCRIPT_SPECIFIC = re.compile("[^\x00-\u058f\u2010-\u2027\u2030-\u205e]")
"""A character that may need its own font slot, language or direction: beyond
Latin, Greek, Cyrillic and Armenian (U+0590 on), general punctuation aside."""


@dataclass(frozen=True)
class Segment:
    """A stretch of text in one script: ``kind`` is one of the slot kinds above,
    ``lang`` the language tag for East Asian, complex and right-to-left text."""

    text: str
    kind: str
    lang: str = ""


@lru_cache(maxsize=4096)      # a document repeats few characters many times
def char_kind(char: str) -> tuple[str, str]:
    """(kind, language tag) of one character; the tag is "" where the script alone
    does not say (Han: Chinese or Japanese) or the kind needs none."""
    code = ord(char)
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return EAST_ASIAN, "ja-JP"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return EAST_ASIAN, "ko-KR"
    if (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3FFFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFF65):
        return EAST_ASIAN, ""
    if 0x0E00 <= code <= 0x0E7F:
        return COMPLEX, "th-TH"
    if 0x0900 <= code <= 0x097F or 0xA8E0 <= code <= 0xA8FF:
        return COMPLEX, "hi-IN"
    direction = unicodedata.bidirectional(char)
    if direction == "R":
        return RTL, "he-IL"
    if direction in ("AL", "AN"):
        return RTL, "ar-SA"
    if direction == "L":
        return LATIN, ""
    return NEUTRAL, ""


def is_rtl(text: str) -> bool:
    """Does *text* read right to left (more Arabic/Hebrew letters than left-to-right ones)?"""
    if _LATIN_OR_NEUTRAL.fullmatch(text):
        return False
    rtl = ltr = 0
    for char in text:
        kind = char_kind(char)[0]
        rtl += kind == RTL
        ltr += kind in (LATIN, EAST_ASIAN, COMPLEX)
    return rtl > ltr


def han_language(context: str, default: str = "zh-CN") -> str:
    """The language of Han characters in *context*: Japanese beside kana, Korean
    beside Hangul, else *default*."""
    if _LATIN_OR_NEUTRAL.fullmatch(context):
        return default
    tags = {char_kind(c)[1] for c in context}
    if "ja-JP" in tags:
        return "ja-JP"
    if "ko-KR" in tags:
        return "ko-KR"
    return default


def needs_script_slot(text: str) -> bool:
    """Has *text* a character that may need its own font slot, language or
    direction?  Text without one is one Latin or neutral segment."""
    return _SCRIPT_SPECIFIC.search(text) is not None


def segments(text: str, *, rtl_paragraph: bool = False, han: str = "zh-CN") -> list[Segment]:
    """*text* cut where its script changes.  Spaces, digits and punctuation
    join their neighbours when both are alike; between right-to-left text and
    other text (or the edge of *text*) they take the paragraph's direction, so
    a bracket or full stop lands on the side a reader expects."""
    if text and not rtl_paragraph and _LATIN_OR_NEUTRAL.fullmatch(text):
        return [Segment(text, LATIN if any(c.isalpha() for c in text) else NEUTRAL)]
    raw: list[list[str]] = []  # [text, kind, lang]
    for char in text:
        kind, lang = char_kind(char)
        if kind == EAST_ASIAN and not lang:
            lang = han
        if raw and raw[-1][1:] == [kind, lang]:
            raw[-1][0] += char
        else:
            raw.append([char, kind, lang])
    edge = RTL if rtl_paragraph else LATIN
    out: list[list[str]] = []
    for index, (chunk, kind, lang) in enumerate(raw):
        if kind == NEUTRAL:
            before = out[-1] if out else ["", edge, ""]
            after = raw[index + 1] if index + 1 < len(raw) else ["", edge, ""]
            rtl_sides = [side for side in (before, after) if side[1] == RTL]
            if len(rtl_sides) == 2 or (rtl_sides and rtl_paragraph):
                kind, lang = RTL, rtl_sides[0][2] or "ar-SA"
            elif not rtl_sides and out:
                kind, lang = out[-1][1], out[-1][2]
        if out and out[-1][1:] == [kind, lang]:
            out[-1][0] += chunk
        else:
            out.append([chunk, kind, lang])
    if len(out) > 1 and out[0][1] == NEUTRAL and out[1][1] != RTL:
        first = out.pop(0)
        out[0][0] = first[0] + out[0][0]
    return [Segment(chunk, kind, lang) for chunk, kind, lang in out]


def language_of(text: str, country: str = "") -> str:
    """The language tag of a name or phrase in its own script ("" for Latin text):
    kana say Japanese, Hangul Korean; Han alone is read by the person's country."""
    tags = [tag for tag in (char_kind(c)[1] for c in text) if tag]
    for tag in ("ja-JP", "ko-KR"):
        if tag in tags:
            return tag
    if any(char_kind(c)[0] == EAST_ASIAN for c in text):
        by_country = _COUNTRY_LANGUAGES.get(country.strip().lower(), "")
        return by_country if is_east_asian(by_country) else "zh-CN"
    return max(set(tags), key=tags.count) if tags else ""


def _slot(tag: str) -> str:
    return EAST_ASIAN if tag.split("-")[0] in ("ja", "ko", "zh") else COMPLEX if tag else ""


def is_east_asian(tag: str) -> bool:
    """Does language *tag* use the ``eastAsia`` font slot (else ``cs``)?"""
    return _slot(tag) == EAST_ASIAN


def script_fonts(office: Any) -> dict[str, str]:
    """Language tag -> font for *office*: the defaults (serif or sans-serif after
    the office's body font; Japanese in its ``east_asian_font``), overridden by
    its ``[script_fonts]`` table (keys such as ``ko-KR`` or ``ko``).  Accepts a
    profile object or a mapping."""
    get = office.get if isinstance(office, Mapping) else lambda key, default=None: getattr(
        office, key, default)
    body = str(get("font", "") or "").lower()
    sans = any(body.startswith(name) for name in SANS_SERIF)
    fonts = {tag: pair[1] if sans else pair[0] for tag, pair in DEFAULT_FONTS.items()}
    if get("east_asian_font", None):
        fonts["ja-JP"] = str(get("east_asian_font"))
    for key, font in (get("script_fonts", None) or {}).items():
        fonts[_ALIASES.get(str(key), str(key))] = str(font)
    return fonts


def font_for(fonts: dict[str, str], tag: str) -> str:
    """The font of language *tag* (``zh-HK`` falls back to ``zh-TW``, ``ar-JO`` to ``ar-SA``)."""
    if tag in fonts:
        return fonts[tag]
    base = tag.split("-")[0]
    fallback = "zh-TW" if base == "zh" else _ALIASES.get(base, "")
    return fonts.get(fallback, "")
