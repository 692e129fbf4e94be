"""Characters a .docx cannot hold, and how to remove them."""

from __future__ import annotations

import re

# XML 1.0 forbids C0 controls other than tab/newline/CR, lone surrogates and
# U+FFFE/U+FFFF; python-docx raises "All strings must be XML compatible".
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_invalid(text: str) -> str:
    """Return *text* without characters that cannot live in a .docx."""
    return _INVALID.sub("", text)


def has_invalid(text: str) -> bool:
    return _INVALID.search(text) is not None
