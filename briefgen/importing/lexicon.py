"""The importer's word lists, read from ``lexicon/*.toml`` and compiled once.

Each TOML file holds named lists of words or phrases (and a few tables).  A phrase
list becomes one case-insensitive regular expression whose alternatives are
tried longest first, with any run of spaces in a phrase matching any white space.
Adding a word ("endorsed", "Sheikh") is one line in a data file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
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


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of *phrases* that prefers the longest; spaces match any white
    space.  A phrase may itself be a regular expression when it starts with ``re:``
    (tried before the plain phrases).

    The plain phrases become a trie ("prime minister|president" ->
    ``p(?:rime\\s+minister|resident)``): the regex engine tries each alternative at each
    position, so a flat list of hundreds of words makes every search slow."""
    phrases = set(phrases)
    regexes = sorted((p[3:] for p in phrases if p.startswith("re:")), key=len, reverse=True)
    sequences = [_atoms(p) for p in phrases if not p.startswith("re:") and p.split()]
    plain = trie(sequences)
    firsts = sorted({atoms[0] for atoms in sequences})
    if len(firsts) > 1:  # one test of the first character instead of one per branch
        plain = f"(?=[{''.join(firsts)}])(?:{plain})"
    return "|".join(regexes + ([plain] if plain else []))


def trie(sequences: Iterable[Sequence[str]]) -> str:
    """One regex alternation of sequences of regex atoms (an escaped character, ``\\s+``,
    ``\\b``), sharing their common starts; at any point the longest is tried first."""
    root: dict = {}
    for atoms in sequences:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}  # a sequence ends here
    return _branches(root)[0]


def _atoms(phrase: str) -> list[str]:
    """A phrase's characters, escaped, with ``\\s+`` between its words."""
    atoms: list[str] = []
    for word in phrase.split():
        if atoms:
            atoms.append(r"\s+")
        atoms.extend(re.escape(ch) for ch in word)
    return atoms


def _branches(node: dict) -> tuple[str, int]:
    """The regex for the endings below *node*, the longest tried first, and the length
    of the longest."""
    children = sorted(((atom, *_group(child)) for atom, child in node.items() if atom),
                      key=lambda item: -item[2])
    return "|".join(atom + regex for atom, regex, _ in children), \
        max((1 + longest for _, _, longest in children), default=0)


def _group(node: dict) -> tuple[str, int]:
    body, longest = _branches(node)
    if body and "" in node:  # a shorter sequence ends here: the longer ones are optional
        body = f"(?:{body})?"
    elif len(node) > 1:
        body = f"(?:{body})"
    return body, longest


@lru_cache(maxsize=None)
def pattern(name: str, key: str, template: str = r"\b(?:{})\b", flags: int = re.I) -> re.Pattern[str]:
    """The list *key* compiled into *template* (``{}`` stands for the alternation)."""
    return re.compile(template.replace("{}", alternation(words(name, key))), flags)


def scalar(name: str, key: str) -> str:
    """The string *key* of ``lexicon/<name>.toml`` (a regular expression)."""
    return str(_file(name)[key])
