"""Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, cp1252."""

from __future__ import annotations

import codecs

from briefgen.errors import SourceError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(raw: bytes, *, where: str) -> tuple[str, str]:
    """Return the text of *raw* and the encoding used.

    Raises :class:`SourceError` for empty files and for binary data.
    """
    if not raw.strip():
        raise SourceError("the file is empty", where=where,
                          hint="choose a file that contains the article or data")
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError as exc:
                raise SourceError(f"not valid {name.upper()} text (byte {exc.start})",
                                  where=where, hint="save it again as UTF-8") from exc
            return _checked(text, where), name
    if b"\x00" in raw:
        raise _binary(where)
    try:
        return _checked(raw.decode("utf-8"), where), "utf-8"
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; map those like Latin-1 so nothing crashes.
    text = "".join(_cp1252(b) for b in raw) if _has_undefined_cp1252(raw) else raw.decode("cp1252")
    return _checked(text, where), "cp1252"


_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _has_undefined_cp1252(raw: bytes) -> bool:
    return any(b in _UNDEFINED for b in raw)


def _cp1252(b: int) -> str:
    return chr(b) if b in _UNDEFINED else bytes([b]).decode("cp1252")


def _checked(text: str, where: str) -> str:
    """Refuse text that is mostly control characters (binary data read as text)."""
    if not text.strip():
        raise SourceError("the file is empty", where=where,
                          hint="choose a file that contains the article or data")
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in sample or controls > max(3, len(sample) // 50):
        raise _binary(where)
    return text


def _binary(where: str) -> SourceError:
    return SourceError("this looks like binary data, not text", where=where,
                       hint="save the article as .txt, .md, .html or .docx")
