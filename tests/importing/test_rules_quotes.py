"""Quotations and who said them (one behaviour per row)."""

from __future__ import annotations

import pytest

from briefgen.importing.people import Individual, Resolver
from briefgen.importing.quotes import find_quotes, spoken_paragraphs
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


def test_his_highness_is_the_one_royal_at_the_table():
    emir = Individual("Khalid bin Saad", "Emir", "Qatar")
    resolver = Resolver([emir, HOLM], [emir, HOLM])
    paragraph = "\"Peace is the best path for the whole region,\" His Highness said."
    found = find_quotes(paragraph, split_sentences(paragraph), resolver)
    assert [q.speaker for q in found] == ["Khalid bin Saad"]


def test_a_title_in_quotation_marks_is_no_quote():
    assert _quotes("They will cooperate on ports under the \"Maritime Roadmap Study for "
                   "Greater Lisbon and Its Surrounding Areas\" made with Norway's help.") == []


def test_he_or_she_is_the_subject_of_the_last_sentence_naming_someone():
    before = "Ferreira said the talks with Holm had gone well."
    assert _quotes("\"We agreed on almost everything that matters,\" she said.", before) == \
        [("Ana Ferreira", "We agreed on almost everything that matters")]


def test_a_quotation_split_by_its_attribution_keeps_the_speaker():
    found = _quotes("“The ferries will run by June,” Holm said. “And the trains soon after.”")
    assert [s for s, _ in found] == ["Lars Holm", "Lars Holm"]


def test_a_quoted_word_is_no_quotation():
    assert _quotes("Holm called the plan \"bold\" in Oslo.") == []


def _spoken(paragraphs: list[str]) -> list[tuple[str, str]]:
    found = spoken_paragraphs([(p, split_sentences(p)) for p in paragraphs],
                              Resolver(SIDES, SIDES))
    return [(found[i].speaker, found[i].text) for i in sorted(found)]


@pytest.mark.parametrize("paragraphs, quote", [
    (["Speaking after talks with Ferreira, Holm said:", "We will build the line together."],
     ("Lars Holm", "We will build the line together.")),
    (["Asked about the ferries, she said:", "The ships sail in May."],
     ("", "The ships sail in May.")),
    (["President of Portugal Ana Ferreira: Mr Prime Minister,", "Friends,",
      "I am happy to welcome you to Lisbon at last."],
     ("Ana Ferreira", "I am happy to welcome you to Lisbon at last.")),
    (["Prime Minister Lars Holm: Thank you for the warm welcome."],
     ("Lars Holm", "Thank you for the warm welcome.")),
])
def test_a_speech_set_apart_without_quotation_marks(paragraphs, quote):
    assert quote in _spoken(paragraphs)


@pytest.mark.parametrize("paragraphs", [
    ["Holm said:", "We will build the line.", "Ferreira later flew to Oslo for dinner."],
    ["Holm said:", "We will build the line.", "The EU is ready to help, the Commission chief "
                                              "Maria Roe has said."],
    ["Holm said:", "We will build the line.", "Ferreira: no deal before summer"],
    ["Holm said:", "We will build the line.", "“It is late,” she replied."],
    ["Holm: no deal on ferries before the summer", "The talks went on past midnight."],
])
def test_the_reporter_speaks_again(paragraphs):
    assert [text for _, text in _spoken(paragraphs)] == \
        (["We will build the line."] if len(paragraphs) > 2 else [])
