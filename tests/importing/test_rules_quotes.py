"""Quotations and who said them (one behaviour per row)."""

from __future__ import annotations

import pytest

from briefgen.importing.people import Individual, Resolver
from briefgen.importing.quotes import find_quotes
from briefgen.importing.sentences import split_sentences

FERREIRA = Individual("Ana Ferreira", "President", "Portugal")
HOLM = Individual("Lars Holm", "Prime Minister", "Norway")
SIDES = [FERREIRA, HOLM]


def _quotes(paragraph: str, before: str = "") -> list[tuple[str, str]]:
    found = find_quotes(paragraph, split_sentences(paragraph), Resolver(SIDES, SIDES), before)
    return [(q.speaker, q.text) for q in found]


@pytest.mark.parametrize("paragraph, speaker, words", [
    ("\"Our ports are open to every ship,\" Ferreira said.", "Ana Ferreira",
     "Our ports are open to every ship"),
    ("Holm said: \"We will build the line together.\"", "Lars Holm",
     "We will build the line together."),
    ("“The sea joins our two countries,” Holm tweeted after the talks.", "Lars Holm",
     "The sea joins our two countries"),
    ("''We spoke about the ferries and the grid,'' Ferreira posted on X.", "Ana Ferreira",
     "We spoke about the ferries and the grid"),
    ("According to Holm, \"the deal is the best in a decade for both fleets.\"", "Lars Holm",
     "the deal is the best in a decade for both fleets."),
    ("“Norway will not wait for anyone else to act,” the Norwegian prime minister said.",
     "Lars Holm", "Norway will not wait for anyone else to act"),
])
def test_speaker(paragraph, speaker, words):
    assert (speaker, words) in _quotes(paragraph)


def test_he_or_she_is_the_subject_of_the_last_sentence_naming_someone():
    before = "Ferreira said the talks with Holm had gone well."
    assert _quotes("\"We agreed on almost everything that matters,\" she said.", before) == \
        [("Ana Ferreira", "We agreed on almost everything that matters")]


def test_a_quotation_split_by_its_attribution_keeps_the_speaker():
    found = _quotes("“The ferries will run by June,” Holm said. “And the trains soon after.”")
    assert [s for s, _ in found] == ["Lars Holm", "Lars Holm"]


def test_a_quoted_word_is_no_quotation():
    assert _quotes("Holm called the plan \"bold\" in Oslo.") == []
