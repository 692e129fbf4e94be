"""What comes next: future meetings, trips and deadlines (one behaviour per row)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.importing.commitments import find_step
from briefgen.importing.dates import period_end
from briefgen.importing.people import Individual, Resolver

FERREIRA = Individual("Ana Ferreira", "President", "Portugal")
HOLM = Individual("Lars Holm", "Prime Minister", "Norway")
SIDES = [FERREIRA, HOLM]
MONDAY = dt.date(2031, 3, 3)


def _step(sentence: str):
    return find_step(sentence, Resolver(SIDES, SIDES), None, MONDAY)[0]


@pytest.mark.parametrize("sentence, words", [
    ("Norwegian frigates will take part in the upcoming NATO naval exercise, Baltic Shield.",
     "upcoming NATO naval exercise"),
    ("A deal remains unlikely with a budget recess looming.", "budget recess looming"),
    ("Holm will represent Norway at an upcoming Council of Europe summit in Reykjavik.",
     "Council of Europe summit in Reykjavik"),
    ("Allies will, when they meet in July, send a clear message.", "they meet in July"),
    ("Ferreira said she would go to Oslo in May for the ceremonies.", "would go to Oslo"),
    ("Holm said he will be speaking to the Danish prime minister on Tuesday.",
     "will be speaking to the Danish prime minister"),
    ("A 25% tariff on fish, alongside quotas, would go into effect on Friday.",
     "A 25% tariff on fish"),
])
def test_a_next_step(sentence, words):
    step = _step(sentence)
    assert step is not None and words in step.text


@pytest.mark.parametrize("sentence, date", [
    ("Holm said he will be speaking to the Danish prime minister on Tuesday.",
     dt.date(2031, 3, 4)),
    ("The fishing deal expires at the end of the month and talks must finish by then.",
     dt.date(2031, 3, 31)),
    ("The gas transit contract runs out on Dec. 31.", dt.date(2031, 12, 31)),
])
def test_a_next_step_date(sentence, date):
    assert _step(sentence).date == date


@pytest.mark.parametrize("sentence", [
    "Holm is due to meet Ferreira and the speaker of parliament during his visit.",
    "The two leaders began their second summit this year.",
    "Ferreira met Holm in Oslo on Monday.",
])
def test_not_a_next_step(sentence):
    assert _step(sentence) is None


@pytest.mark.parametrize("text, date", [
    ("at the end of the month", dt.date(2031, 3, 31)),
    ("by the end of this year", dt.date(2031, 12, 31)),
    ("at the end of talks", None),
])
def test_period_end(text, date):
    assert period_end(text, MONDAY) == date
