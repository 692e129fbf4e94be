"""People and their offices as news and readouts write them (one behaviour per row)."""

from __future__ import annotations

import pytest

from briefgen.importing.people import gather
from briefgen.importing.sentences import split_sentences


def _people(text: str) -> dict[str, tuple[str, str]]:
    return {p.name: (p.title, p.country) for p in gather(split_sentences(text))}


@pytest.mark.parametrize("text, name, title, country", [
    ("Portuguese President Ana Ferreira arrived.", "Ana Ferreira", "President", "Portugal"),
    ("President Ana Ferreira of Portugal arrived.", "Ana Ferreira", "President", "Portugal"),
    ("Ana Ferreira, Portugal's president, arrived.", "Ana Ferreira", "President", "Portugal"),
    ("H.E. Mr. Tomas R. Varga III, President of the Republic of Hungary, arrived.",
     "Tomas R. Varga", "President", "Hungary"),
    ("H. E. Dr. Lena von der Brandt spoke. Then she left.", None, None, None),
    ("Prime Minister Rt. Hon Oliver Grant arrived.", "Oliver Grant", "Prime Minister", ""),
    ("Dr the Rt. Hon. Oliver Grant, Prime Minister of Grenada, arrived.", "Oliver Grant",
     "Prime Minister", "Grenada"),
    ("The Honorable Samuel T. Reed, Jr., President of the United States, arrived.",
     "Samuel T. Reed", "President", "United States"),
    ("His Highness the Amir Sheikh Khalid bin Nasser al-Rumi welcomed the guests.",
     "Khalid bin Nasser al-Rumi", "Amir", ""),
    ("HE Minister of Public Health Dr Mona Saeed al-Harbi attended.", "Mona Saeed al-Harbi",
     "Minister of Public Health", ""),
    ("Minister of State for Energy Affairs Eng. Faris bin Omar al-Qadi attended.",
     "Faris bin Omar al-Qadi", "Minister of State for Energy Affairs", ""),
    ("President of the Federal Republic of Nigeria Musa Bello Adeyemi arrived.",
     "Musa Bello Adeyemi", "President", "Nigeria"),
    ("The President of the Government of Spain, Pablo Ortega, arrived.", "Pablo Ortega",
     "President of the Government", "Spain"),
    ("Sheikh Rashid bin Saif Al Hamad, Crown Prince of Abu Dhabi, arrived.",
     "Rashid bin Saif Al Hamad", "Crown Prince of Abu Dhabi", "United Arab Emirates"),
    ("President Ana Ferreira and her Ivorian counterpart Koffi Yao met.", "Koffi Yao",
     "President", "Côte d'Ivoire"),
    ("Prime Minister Georgia Lindqvist arrived.", "Georgia Lindqvist", "Prime Minister", ""),
    ("CEO of the Northern Investment Fund Pavel Orlov arrived.", None, None, None),
    ("President Samuel T. Reed met the press.", "Samuel T. Reed", "President", ""),
])
def test_person(text, name, title, country):
    people = _people(text)
    if name is None:
        assert all(len(n.split()) >= 1 and "Fund" not in n and n != "Dr" for n in people)
    else:
        assert people.get(name) == (title, country)


@pytest.mark.parametrize("text", [
    "Afterwards, President Ana Ferreira left.",
    "Next, Prime Minister Lars Holm spoke.",
])
def test_sentence_openers_are_not_names(text):
    assert set(_people(text)) <= {"Ana Ferreira", "Lars Holm"}


@pytest.mark.parametrize("text", [
    "Minister of Foreign Affairs and International Cooperation, a post held for years.",
    "The Prime Minister Chequers meeting ran late.",
])
def test_office_words_and_places_are_not_names(text):
    assert not {"Cooperation", "Chequers"} & set(_people(text))


def test_an_all_capitals_headline_names_nobody():
    assert _people("PRIME MINISTER LARS HOLM VISITS LISBON") == {}


def test_surname_and_full_name_are_one_person():
    people = gather(split_sentences("President Ana Ferreira arrived. President Ferreira spoke."))
    assert [p.name for p in people] == ["Ana Ferreira"]


@pytest.mark.parametrize("text, sentences", [
    ("He met H.E. Mr. Tomas Varga. It went well.", 2),
    ("Dr the Rt. Hon. Oliver Grant spoke. It went well.", 2),
    ("Minister Eng. Faris al-Qadi spoke. It went well.", 2),
    ("President Samuel T. Reed spoke. It went well.", 2),
    ("The talks ended at 4 p.m. on Friday. Both sides left.", 2),
    ("The U.S. delegation left. The talks ended.", 2),
])
def test_sentence_splitting_keeps_honorifics_and_initials(text, sentences):
    assert len(split_sentences(text)) == sentences


@pytest.mark.parametrize("text, name, title, country", [
    ("Norway's Lars Holm and Austria's Eva Brandt are meeting in Vienna.", "Lars Holm", "",
     "Norway"),
    ("Talks were held with NATO Secretary General Pia Lund.", "Pia Lund", "Secretary General",
     "NATO"),
    ("They met IMF managing director Pia Lund in Oslo.", "Pia Lund", "Managing Director", "IMF"),
    ("Attending were Aide Ivan Orlov, Minister of Economic Development Oleg Sidorov and others.",
     "Oleg Sidorov", "Minister of Economic Development", ""),
])
def test_person_named_without_an_office_beside_the_name(text, name, title, country):
    assert _people(text).get(name) == (title, country)


@pytest.mark.parametrize("text, name", [
    ("Norway's Northern Lights drew crowds.", "Northern Lights"),
    ("Attending were Aide Ivan Orlov, Minister of Economic Development Oleg Sidorov.",
     "Aide Ivan Orlov"),
    ("Attending were Aide Ivan Orlov, Minister of Economic Development Oleg Sidorov.",
     "Ivan Orlov"),
])
def test_no_person_without_an_office_or_a_meeting(text, name):
    assert name not in _people(text)


def test_a_double_surname_joins_the_full_name():
    people = gather(split_sentences("President Ana María López Ruiz arrived. "
                                    "President López Ruiz spoke."))
    assert [p.name for p in people] == ["Ana María López Ruiz"]


@pytest.mark.parametrize("title, leads", [
    ("Crown Prince of Abu Dhabi", True),
    ("President of the Government", True),
    ("Minister of State", False),
    ("Spokesperson", False),
])
def test_an_office_of_a_city_still_leads(title, leads):
    from briefgen.importing.gazetteer import is_leader

    assert is_leader(title) == leads


@pytest.mark.parametrize("text, name, title", [
    ("They met army chief Gen Omar Latif.", "Omar Latif", "Chief"),
    ("Trade was discussed with Congress chief Wen Bo.", "Wen Bo", "Chief"),
    ("Chief Minister Ravi Nair arrived.", "Ravi Nair", "Chief Minister"),
])
def test_chiefs_and_ranks(text, name, title):
    assert _people(text).get(name, ("", ""))[0] == title


@pytest.mark.parametrize("text, name", [
    ("Chancellor Eva Brandt met Lars Holm. Brandt spoke.", "Eva Brandt"),
    ("Brandt and Holm met in Oslo.", "Brandt"),
])
def test_the_headline_gives_office_and_country_to_the_person_the_text_names(text, name):
    people = {p.name: (p.title, p.country)
              for p in gather(split_sentences(text), "Austrian Chancellor Brandt meets Holm")}
    assert people.get(name) == ("Chancellor", "Austria")


def test_the_headline_names_nobody_the_text_does_not():
    assert gather(split_sentences("They met."), "President Ana Ferreira visits Oslo") == []


@pytest.mark.parametrize("text, name, title, country", [
    ("Indian External Affairs Minister S. Rao arrived.", "S. Rao", "External Affairs Minister",
     "India"),
    ("Nepalese Prime Minister K. P. Sharma Oli arrived.", "K. P. Sharma Oli", "Prime Minister",
     "Nepal"),
])
def test_initials_open_a_name_and_portfolios_open_an_office(text, name, title, country):
    assert _people(text).get(name) == (title, country)


@pytest.mark.parametrize("text, people", [
    ("President Lars Holm arrived. Norway's Holm spoke.", {"Lars Holm": ("President", "Norway")}),
    ("Norway's Holm spoke of Japan's Diet.", {}),
    ("President Lars Holm arrived. Norway's Lars Holm spoke.",
     {"Lars Holm": ("President", "Norway")}),
])
def test_a_country_claiming_a_known_person_gives_the_country(text, people):
    assert _people(text) == people


@pytest.mark.parametrize("text, found", [
    ("Nigerian", "Nigerian"), ("Nigeria", "Nigeria"), ("Niger", "Niger"),
    ("South Sudanese", "South Sudanese"), ("Prime   Minister", "Prime   Minister"),
])
def test_a_trie_of_words_matches_the_longest_word(text, found):
    import re

    from briefgen.importing.gazetteer import trie_alternation

    words = ["Niger", "Nigeria", "Nigerian", "South Sudan", "South Sudanese", "Prime Minister",
             "Prime"]
    assert re.match(f"(?:{trie_alternation(words)})", text)[0] == found
