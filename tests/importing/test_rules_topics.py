"""Which categories a sentence speaks of (one behaviour per row)."""

from __future__ import annotations

import pytest

from briefgen.importing.topics import grouped_topics, sentence_categories


@pytest.mark.parametrize("sentence, category", [
    ("Talks focused on bilateral relations and ways to enhance them in trade, investment and "
     "energy.", "energy"),
    ("Talks focused on bilateral relations and ways to enhance them in trade, investment and "
     "energy.", "trade"),
    ("The leaders discussed the missile threat and the defence budget, and the tariff row.",
     "security"),
    ("Both sides seek a prosperous country and more exchanges.", "economy"),
    ("Both sides seek a prosperous country and more exchanges.", "people"),
    ("The two leaders reviewed bilateral cooperation.", "politics"),
])
def test_category_of_a_sentence(sentence, category):
    assert category in sentence_categories(sentence)


@pytest.mark.parametrize("sentence, category, sides", [
    ("He stressed the importance of Norway to Portugal's policy.", "trade", frozenset()),
    ("Ferreira met Holm and China's envoy.", "regional", frozenset({"china"})),
])
def test_not_a_category_of_a_sentence(sentence, category, sides):
    assert category not in sentence_categories(sentence, sides)


def test_a_sentence_about_nothing_stays_with_its_paragraph():
    drafts = grouped_topics([["Tariffs on steel and car imports rose.", "Nobody was happy."]])
    assert [d.category for d in drafts] == ["trade"]
