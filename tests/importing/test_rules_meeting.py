"""The meeting read from the whole lead: kind, place and date (one behaviour per row)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.importing import lexicon
from briefgen.importing.document import Block, Document
from briefgen.importing.extract import extract

PUBLISHED = dt.date(2031, 3, 6)  # a Thursday


def _meeting(*paragraphs: str, title: str = "", dateline: str = ""):
    doc = Document(where="t.txt", title=title, dateline=dateline,
                   blocks=[Block("paragraph", p) for p in paragraphs])
    return extract(doc, published=PUBLISHED)[0].meeting


@pytest.mark.parametrize("lead, kind", [
    ("President Ana Ferreira of Portugal spoke by phone with Prime Minister Lars Holm of "
     "Norway on Tuesday.", "call"),
    ("Prime Minister Lars Holm of Norway had a telephonic conversation with President Ana "
     "Ferreira of Portugal on Tuesday.", "call"),
    ("President Ana Ferreira of Portugal held a summit with Prime Minister Lars Holm of "
     "Norway in Oslo on Tuesday.", "summit"),
    ("President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway at the G20 "
     "summit in Rome on Tuesday.", "summit"),
    ("President Ana Ferreira of Portugal, Prime Minister Lars Holm of Norway and Chancellor "
     "Eva Brandt of Austria met in Vienna on Tuesday.", "multilateral"),
    ("President Ana Ferreira of Portugal arrived in Oslo on Tuesday for a state visit and held "
     "talks with Prime Minister Lars Holm of Norway.", "visit"),
    ("President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway in Oslo on "
     "Tuesday.", "bilateral"),
    ("President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway on the margins "
     "of the G20 summit in Rome on Tuesday.", "bilateral"),
    ("President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway on Tuesday. "
     "\"You were about to visit Lisbon last year,\" she said.", "bilateral"),
])
def test_kind(lead, kind):
    assert _meeting(lead).kind == kind


@pytest.mark.parametrize("paragraphs, dateline, location", [
    (["President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway on Tuesday.",
      "The talks at the Kremlin lasted two hours."], "", "Moscow"),
    (["President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway on Tuesday."],
     "OSLO", "Oslo"),
    (["President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway in Barbados "
      "on Tuesday."], "", "Barbados"),
    (["China welcomed the visiting Portugal PM Ana Ferreira on Tuesday for talks with "
      "President Wei Lan of China."], "BEIJING", "Beijing"),
    (["President Ana Ferreira of Portugal and Prime Minister Lars Holm of Norway praised "
      "their ties.", "The two leaders held talks in Pretoria on Tuesday."], "", "Pretoria"),
])
def test_place_from_the_lead_or_the_dateline(paragraphs, dateline, location):
    assert _meeting(*paragraphs, dateline=dateline).location == location


def test_a_call_has_no_place():
    meeting = _meeting("President Ana Ferreira of Portugal spoke by phone with Prime Minister "
                       "Lars Holm of Norway, who was in Oslo, on Tuesday.")
    assert meeting.location == ""


@pytest.mark.parametrize("paragraphs, date", [
    (["President Ana Ferreira of Portugal and Prime Minister Lars Holm of Norway praised "
      "their ties.", "The two leaders held talks in Oslo on Tuesday."], dt.date(2031, 3, 4)),
    (["President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway in Oslo "
      "this morning."], PUBLISHED),
    (["President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway in Oslo on "
      "2 March."], dt.date(2031, 3, 2)),
    (["President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway in Oslo. "
      "\"We will meet again tomorrow,\" Holm said."], None),
])
def test_date_from_the_sentences_that_report_the_meeting(paragraphs, date):
    assert _meeting(*paragraphs).date == date


@pytest.mark.parametrize("name, key", [("meeting", k) for k in
                                       ("meets", "not_yet", "call", "summit", "visit",
                                        "multilateral", "host", "guest")])
def test_every_lexicon_list_compiles(name, key):
    assert lexicon.pattern(name, key).pattern


def _briefing(*paragraphs: str, published: dt.date | None = PUBLISHED):
    doc = Document(where="t.txt", blocks=[Block("paragraph", p) for p in paragraphs])
    return extract(doc, published=published)[0]


@pytest.mark.parametrize("paragraphs, kind", [
    (["President Ana Ferreira of Portugal held a meeting with Chancellor Eva Brandt of "
      "Austria.", "They spoke of trade.", "They spoke of energy.", "They spoke of ports.",
      "They spoke of rail.", "They spoke of fish.", "They spoke of grain.",
      "Brandt thanked Ferreira for visiting Austria."], "visit"),
    (["President Ana Ferreira of Portugal met Chancellor Eva Brandt of Austria in Vienna.",
      *[f"Trade grew by {n} percent." for n in range(6)],
      "Ministers will attend an upcoming summit in Oslo.",
      "A summit in Rome ended."], "bilateral"),
    (["President Ana Ferreira of Portugal met the visiting Austrian Chancellor Eva Brandt "
      "in Lisbon."], "bilateral"),
    (["President Ana Ferreira of Portugal met Chancellor Eva Brandt of Austria in Lisbon ahead "
      "of an EU summit next week."], "bilateral"),
    (["President Ana Ferreira of Portugal met Chancellor Eva Brandt of Austria in Lisbon before "
      "the Oslo summit."], "bilateral"),
])
def test_kind_from_the_whole_article(paragraphs, kind):
    assert _meeting(*paragraphs).kind == kind


@pytest.mark.parametrize("paragraphs, date", [
    (["President Ana Ferreira of Portugal held a meeting with Chancellor Eva Brandt of "
      "Austria.", "The meeting was attended by ministers who will attend the Oslo conference "
      "to be held tomorrow."], None),
    (["President Ana Ferreira of Portugal has travelled to Austria for talks with Chancellor "
      "Eva Brandt."], PUBLISHED),
    (["President Ana Ferreira has held bilateral talks with Chancellor Eva Brandt of Austria at "
      "the palace."], PUBLISHED),
    (["In a snub to the visiting Portuguese President Ana Ferreira, Austria on Tuesday changed "
      "its position.", "Chancellor Eva Brandt of Austria will meet Ferreira."], None),
    (["President Ana Ferreira of Portugal praised Chancellor Eva Brandt of Austria.",
      *[f"Trade grew by {n} percent." for n in range(25)],
      "Ferreira said today's meeting with Brandt at the palace went well."], PUBLISHED),
])
def test_date_only_from_what_reports_the_meeting(paragraphs, date):
    assert _meeting(*paragraphs).date == date


@pytest.mark.parametrize("paragraphs, name, country", [
    (["Prime Minister Lars Holm and visiting Portuguese President Ana Ferreira held talks in "
      "Oslo."], "Lars Holm", "Norway"),
    (["Prime Minister Lars Holm hosted Prime Minister Eva Brandt on a visit to Norway.",
      "Holm and Brandt praised Norway and Austria's ties."], "Eva Brandt", "Austria"),
    (["Chancellor Eva Brandt of Austria met President Lars Holm in Oslo.",
      "The Norwegian side was represented at the meeting by Foreign Minister Kari Dahl."],
     "Kari Dahl", "Norway"),
])
def test_participants_take_the_country_the_article_implies(paragraphs, name, country):
    people = {p.name: p.country for p in _briefing(*paragraphs).participants}
    assert people.get(name) == country


def test_a_meeting_of_ministers_has_the_ministers_as_participants():
    briefing = _briefing("The Austrian and Norwegian finance ministers are holding talks in "
                         "Brussels.",
                         "Austria's Eva Brandt and Norway's Lars Holm are meeting in Brussels "
                         "with Pia Lund, the Danish finance minister.",
                         "Meanwhile, President Ana Ferreira of Portugal held talks with "
                         "Chancellor Otto Graf of Germany in Paris.")
    assert {(p.name, p.title, p.country) for p in briefing.participants} == {
        ("Eva Brandt", "Finance Minister", "Austria"), ("Lars Holm", "Finance Minister", "Norway"),
        ("Pia Lund", "Finance Minister", "Denmark")}


def test_a_meeting_of_ministers_is_dated_by_its_present_tense():
    assert _meeting("The Austrian and Norwegian finance ministers are meeting in Brussels.",
                    "Austria's Eva Brandt and Norway's Lars Holm are meeting in Brussels."
                    ).date == PUBLISHED


@pytest.mark.parametrize("paragraph, location", [
    ("President Ana Ferreira of Portugal held talks with Prime Minister Lars Holm of Norway "
     "in the southern Italian region of Apulia.", "Apulia"),
    ("President Ana Ferreira of Portugal held talks with Prime Minister Lars Holm of Norway "
     "in Borgo Nuovo, Italy.", "Borgo Nuovo"),
    ("President Ana Ferreira of Portugal held talks with Prime Minister Lars Holm of Norway "
     "in Apulia.", "Apulia"),
    ("President Ana Ferreira of Portugal held talks with Prime Minister Lars Holm of Norway "
     "in January.", ""),
    ("President Ana Ferreira of Portugal held talks with Prime Minister Lars Holm of Norway "
     "in Oslo. She recalled her visit to the city of Bergen.", "Oslo"),
])
def test_regions_and_towns_the_gazetteer_does_not_know(paragraph, location):
    assert _meeting(paragraph).location == location


@pytest.mark.parametrize("paragraphs, names", [
    (["Prime Minister Lars Holm of Norway arrived in Beijing on a visit to President Wei Lan "
      "of China.", "He is due to meet Wei, Chinese premier Zhou Ming and Congress chief "
      "Gao Feng during his visit."],
     {"Lars Holm", "Wei Lan", "Zhou Ming", "Gao Feng"}),
    (["In addition to meeting with Pope Leo, Portuguese President Ana Ferreira used her stay "
      "in Oslo for talks with Prime Minister Lars Holm and King Olav Berg."],
     {"Ana Ferreira", "Lars Holm", "Olav Berg"}),
])
def test_officials_listed_with_a_participant_take_part(paragraphs, names):
    assert {p.name for p in _briefing(*paragraphs).participants} == names


def test_an_official_listed_with_a_participant_shares_their_country():
    briefing = _briefing("Prime Minister Lars Holm of Norway arrived in Beijing on a visit to "
                         "President Wei Lan of China.",
                         "He is due to meet Wei and Congress chief Gao Feng during his visit.")
    assert {p.name: p.country for p in briefing.participants}.get("Gao Feng") == "China"


@pytest.mark.parametrize("paragraphs, people", [
    (["Austria's Eva Brandt met Norway's Lars Holm in Oslo on Monday."],
     {("Eva Brandt", "", "Austria"), ("Lars Holm", "", "Norway")}),
    (["The foreign ministers of Austria and Norway met in Oslo on Thursday.",
      "Austrian Foreign Minister Eva Brandt and Norwegian Foreign Minister Lars Holm agreed "
      "on a plan."],
     {("Eva Brandt", "Foreign Minister", "Austria"), ("Lars Holm", "Foreign Minister", "Norway")}),
])
def test_participants_without_a_leader(paragraphs, people):
    assert {(p.name, p.title, p.country) for p in _briefing(*paragraphs).participants} == people


def test_short_transcript_lines_do_not_end_the_lead():
    assert _meeting("President Lars Holm met with President Ana Ferreira of Portugal.",
                    "The Norwegian side was represented by Foreign Minister Kari Dahl.",
                    "President of Norway Lars Holm: Madam President,", "Friends,",
                    "I am happy to have our meeting.", "We have not met for a long time.",
                    "Welcome!", "You were about to visit Oslo, and I greet you in Norway."
                    ).location == "Oslo"
