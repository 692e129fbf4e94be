"""The importer's word lists, read from ``lexicon/*.toml`` and compiled once.

Each TOML file holds named lists of words or phrases (and a few tables).  A phrase
list becomes one case-insensitive regular expression whose alternatives are
tried longest first, with any run of spaces in a phrase matching any white space.
Adding a word ("endorsed", "Sheikh") is one line in a data file.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def _file(name: str) -> dict:
    text = resources.files("briefgen.importing").joinpath(f"lexicon/{name}.toml").read_text(
        encoding="utf-8")
    return tomllib.loads(text)


def words(name: str, key: str) -> tuple[str, ...]:
    """The list *key* of ``lexicon/<name>.toml`` (a table's keys)."""
    return tuple(_file(name)[key])


def table(name: str, key: str) -> dict[str, str]:
    """The table *key* of ``lexicon/<name>.toml``."""
    return dict(_file(name)[key])


def alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of *phrases*, longest first; spaces match any white space.

    A phrase may itself be a regular expression when it starts with ``re:``."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        if phrase.startswith("re:"):
            parts.append(phrase[3:])
        else:
            parts.append(r"\s+".join(re.escape(w) for w in phrase.split()))
    return "|".join(parts)


@lru_cache(maxsize=None)
def pattern(name: str, key: str, template: str = r"\b(?:{})\b", flags: int = re.I) -> re.Pattern[str]:
    """The list *key* compiled into *template* (``{}`` stands for the alternation)."""
    return re.compile(template.replace("{}", alternation(words(name, key))), flags)


def scalar(name: str, key: str) -> str:
    """The string *key* of ``lexicon/<name>.toml`` (a regular expression)."""
    return str(_file(name)[key])
