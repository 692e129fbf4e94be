"""Writing systems in the user's text, and whether any installed font can show them.

A name in a script no font covers is drawn as boxes (□□□); the fields say so
and name the font package to install.  Exported documents are not affected:
Word on the reader's machine brings its own fonts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

CJK = "fonts-noto-cjk"
CORE = "fonts-noto-core"


@dataclass(frozen=True)
class Script:
    """A writing system: its name, the names of the QFontDatabase writing systems that
    can show it, the font package (Debian/Ubuntu)."""

    name: str
    systems: tuple[str, ...]
    package: str


HAN = Script("Chinese characters (Han)", ("SimplifiedChinese", "TraditionalChinese", "Japanese"),
             CJK)
KANA = Script("Japanese", ("Japanese",), CJK)
HANGUL = Script("Korean (Hangul)", ("Korean",), CJK)
ARABIC = Script("Arabic", ("Arabic",), CORE)
HEBREW = Script("Hebrew", ("Hebrew",), CORE)
THAI = Script("Thai", ("Thai",), CORE)
DEVANAGARI = Script("Devanagari", ("Devanagari",), CORE)
GREEK = Script("Greek", ("Greek",), CORE)
CYRILLIC = Script("Cyrillic", ("Cyrillic",), CORE)

# (first, last code point, script), for the scripts of the world's diplomatic names
RANGES = ((0x0370, 0x03FF, GREEK), (0x0400, 0x052F, CYRILLIC), (0x0590, 0x05FF, HEBREW),
          (0x0600, 0x06FF, ARABIC), (0x0750, 0x077F, ARABIC), (0x0900, 0x097F, DEVANAGARI),
          (0x0E00, 0x0E7F, THAI), (0x1100, 0x11FF, HANGUL), (0x3040, 0x30FF, KANA),
          (0x3130, 0x318F, HANGUL), (0x3400, 0x4DBF, HAN), (0x4E00, 0x9FFF, HAN),
          (0xAC00, 0xD7AF, HANGUL), (0xF900, 0xFAFF, HAN), (0xFB1D, 0xFB4F, HEBREW),
          (0xFE70, 0xFEFF, ARABIC))
FIRST = "\u0370"        # the letters before it (Latin) every font has


def scripts_in(text: str) -> list[Script]:
    """The scripts of :data:`RANGES` that *text* uses, in order of first use."""
    found: list[Script] = []
    for char in text:
        if char < FIRST:
            continue
        code = ord(char)
        for first, last, script in RANGES:
            if first <= code <= last and script not in found:
                found.append(script)
    return found


@cache
def _has_font(system: str) -> bool:
    from PySide6.QtGui import QFontDatabase     # only when a name needs it: fast start-up

    return bool(QFontDatabase.families(getattr(QFontDatabase.WritingSystem, system)))


def installed(script: Script) -> bool:
    """Whether some installed font covers *script* (asked of QFontDatabase once each)."""
    return any(_has_font(system) for system in script.systems)


def missing_fonts(text: str) -> list[Script]:
    """The scripts *text* uses that no installed font can show."""
    if max(text, default="") < FIRST:
        return []
    return [script for script in scripts_in(text) if not installed(script)]


def notice(missing: list[Script], where: str) -> str:
    """The sentence for *where* (a field, or names in a table) whose *missing* scripts
    show as boxes; "" when none is missing."""
    if not missing:
        return ""
    names = " and ".join(dict.fromkeys(script.name for script in missing))
    packages = " ".join(dict.fromkeys(script.package for script in missing))
    return (f"{where}: no installed font has {names} letters, so they show as boxes here "
            f"(the exported documents are not affected). Install a font for them: on Debian or "
            f"Ubuntu, sudo apt install {packages}; elsewhere, your system's Noto fonts for "
            f"{names}.")


def font_notice(text: str, where: str) -> str:
    """The sentence for a field called *where* showing *text*, or ""."""
    return notice(missing_fonts(text), where)
