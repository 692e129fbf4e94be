"""Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, else detected.

Text in another encoding (Shift-JIS, GBK, cp1251, cp1252 ...) is recognised by
charset-normalizer from a sample of the file; cp1252 is the last resort.
"""

from __future__ import annotations

import codecs

from briefgen.errors import SourceError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
SAMPLE_BYTES = 256_000  # enough to tell an encoding; keeps detection cost flat


def decode_text(raw: bytes, *, where: str) -> tuple[str, str]:
    """Return the text of *raw* and the encoding used.

    Raises :class:`SourceError` for empty files and for binary data.
    """
    if not raw.strip():
        raise SourceError("the file is empty", file=where, kind="empty",
                          hint="choose a file that contains the article or data")
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError as exc:
                raise SourceError(f"not valid {name.upper()} text (byte {exc.start})",
                                  file=where, hint="save it again as UTF-8") from exc
            return _checked(text, where), name
    if b"\x00" in raw:
        raise _binary(where)
    try:
        return _checked(raw.decode("utf-8"), where), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in _guesses(raw):
        try:
            return _checked(raw.decode(name), where), name
        except (UnicodeDecodeError, LookupError):
            continue
    # cp1252 leaves five bytes undefined; map those like Latin-1 so nothing crashes.
    text = "".join(_cp1252(b) for b in raw) if _has_undefined_cp1252(raw) else raw.decode("cp1252")
    return _checked(text, where), "cp1252"


def _guesses(raw: bytes) -> list[str]:
    """Encodings to try for *raw*, likeliest first, from charset-normalizer.

    It reads a sample that ends at a line break (no multi-byte encoding uses
    one inside a character).  Short Latin-script text cannot tell the Western
    code pages apart, so when its best reading is Latin script, Windows-1252,
    the commonest of them, is tried first."""
    import unicodedata

    from charset_normalizer import from_bytes

    sample = raw[:SAMPLE_BYTES]
    if len(raw) > SAMPLE_BYTES and sample.rfind(b"\n") > 0:
        sample = sample[:sample.rfind(b"\n") + 1]
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return []
    letters = [ch for ch in str(best) if ch.isalpha() and ord(ch) > 127]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    first = ["cp1252"] if latin >= 0.9 * len(letters) else []
    return first + [match.encoding for match in matches]


_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _has_undefined_cp1252(raw: bytes) -> bool:
    return any(b in _UNDEFINED for b in raw)


def _cp1252(b: int) -> str:
    return chr(b) if b in _UNDEFINED else bytes([b]).decode("cp1252")


def _checked(text: str, where: str) -> str:
    """Refuse text that is mostly control characters (binary data read as text)."""
    if not text.strip():
        raise SourceError("the file is empty", file=where, kind="empty",
                          hint="choose a file that contains the article or data")
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in sample or controls > max(3, len(sample) // 50):
        raise _binary(where)
    return text


def _binary(where: str) -> SourceError:
    return SourceError("this looks like binary data, not text", file=where, kind="binary",
                       hint="save the article as .txt, .md, .html or .docx")
