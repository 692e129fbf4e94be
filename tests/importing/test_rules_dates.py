"""Dates in metadata and running text (one behaviour per row)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.importing.dates import day_words, explicit_date, parse_date, weekday_date

THURSDAY = dt.date(2031, 3, 6)


@pytest.mark.parametrize("text, date", [
    ("2031-03-06", dt.date(2031, 3, 6)),
    ("2031-03-06T09:00:00+09:00", dt.date(2031, 3, 6)),
    ("06.03.2031", dt.date(2031, 3, 6)),
    ("03/06/2031", dt.date(2031, 3, 6)),
    ("06-03-2031 19:06 IST", dt.date(2031, 3, 6)),
    ("March 6, 2031", dt.date(2031, 3, 6)),
    ("6 March 2031", dt.date(2031, 3, 6)),
    ("Published on Thu 6th March 2031", dt.date(2031, 3, 6)),
    ("31.02.2031", None),
    ("March 6", None),
    ("", None),
])
def test_parse_date(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("text, date", [
    ("They met on Tuesday.", dt.date(2031, 3, 4)),
    ("They met late on Wednesday.", dt.date(2031, 3, 5)),
    ("They met Thursday morning.", THURSDAY),
    ("They will meet again next Monday.", dt.date(2031, 3, 10)),
])
def test_weekday_against_the_publication_date(text, date):
    assert weekday_date(text, THURSDAY)[0] == date


def test_a_weekday_without_publication_date_is_named_but_unresolved():
    assert weekday_date("They met on Tuesday.", None) == (None, True)


@pytest.mark.parametrize("text, date", [
    ("They spoke this morning.", THURSDAY),
    ("They spoke yesterday.", dt.date(2031, 3, 5)),
    ("They will speak tomorrow.", dt.date(2031, 3, 7)),
    ("They spoke at length.", None),
])
def test_day_words(text, date):
    assert day_words(text, THURSDAY) == date


@pytest.mark.parametrize("text, date", [
    ("The talks on March 2 went well.", dt.date(2031, 3, 2)),
    ("The talks on 2 March went well.", dt.date(2031, 3, 2)),
    ("The talks on March 2, 2029 went well.", dt.date(2029, 3, 2)),
    ("The visit from 1 to 3 September 2029 went well.", dt.date(2029, 9, 1)),
    ("The next round is due on January 2.", dt.date(2032, 1, 2)),
])
def test_explicit_date_takes_the_publication_year(text, date):
    assert explicit_date(text, THURSDAY)[0] == date
