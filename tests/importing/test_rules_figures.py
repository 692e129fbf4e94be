"""Figures: what counts and what does not (one behaviour per row)."""

from __future__ import annotations

import pytest

from briefgen.importing.figures import find_figures


def _figures(sentence: str) -> list[tuple[float, str]]:
    return [(n.value, n.unit) for n in find_figures(sentence)]


@pytest.mark.parametrize("sentence, figure", [
    ("The fund holds $4.5 billion for ports.", (4.5e9, "US dollars")),
    ("Lisbon pledged 300 million euros to the grid.", (300e6, "euros")),
    ("Trade rose 8 percent last year.", (8, "percent")),
    ("Norway will build 450 megawatts of wind.", (450, "megawatts")),
    ("The clinic treated 18,29,648 patients.", (1829648, "patients")),
    ("The leaders witnessed the signing of nine agreements.", (9, "agreements")),
    ("They exchanged two more documents on fisheries.", (2, "more documents")),
    ("The alliance protects one billion citizens.", (1e9, "citizens")),
    ("Some 2,500 students will study abroad.", (2500, "students")),
    ("Japan set a goal of 10 Trillion Yen of investment.", (10e12, "yen")),
    ("Lagos raised 2 billion naira.", (2e9, "naira")),
    ("The partnership rests on the four pillars of trade.", (4, "pillars")),
    ("One in five students studies abroad.", (0.2, "share")),
])
def test_figure(sentence, figure):
    assert figure in _figures(sentence)


@pytest.mark.parametrize("sentence", [
    "The ward treats COVID-19 patients.",
    "They met on May 16-17 in two cities.",
    "Portugal is the No. 1 provider of cork.",
    "It took 12 years to restore the visits.",
    "The talks lasted approximately 65 minutes.",
    "The two leaders met in Oslo.",
    "The P-8A aircraft landed.",
    "The treaty was signed in 1996.",
    "Here are five takeaways from the visit.",
    "Holm won 5 in 2024.",
])
def test_not_a_figure(sentence):
    assert _figures(sentence) == []
