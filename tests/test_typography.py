"""Typography filters: date ranges, curly quotes and dashes, dates in one style,
the counts behind "more in the memo" lines, and Markdown paragraphs in a rendered
document."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from briefgen.model import Briefing, Person, Topic
from briefgen.offices import find_office
from briefgen.render import render_briefing
from briefgen.templates import find_template
from briefgen.templating import environment
from briefgen.typography import (about, date_range, lead, omitted, plural, restyle_dates,
                                  smart_quotes)

NOV12, NOV14 = dt.date(2025, 11, 12), dt.date(2025, 11, 14)


@pytest.mark.parametrize("style, same_month, across_months, one_day", [
    ("uk", "12\u201314 November 2025", "30 November \u2013 2 December 2025", "12 November 2025"),
    ("us", "November 12\u201314, 2025", "November 30 \u2013 December 2, 2025", "November 12, 2025"),
    ("military", "12\u201314 NOV 25", "30 NOV 25 \u2013 02 DEC 25", "12 NOV 25"),
    ("iso", "2025-11-12 \u2013 2025-11-14", "2025-11-30 \u2013 2025-12-02", "2025-11-12")])
def test_date_ranges_share_what_they_share(style, same_month, across_months, one_day):
    assert date_range(NOV12, NOV14, style) == same_month
    assert date_range("2025-11-30", "2025-12-02", style) == across_months
    assert date_range(NOV12, None, style) == date_range(NOV12, NOV12, style) == one_day


def test_date_range_filter_follows_the_office():
    template = environment().from_string("{{ a|date_range(b) }}")
    assert template.render(a=NOV12, b=NOV14, office={"date_style": "uk"}) == "12\u201314 November 2025"


def test_quotes_and_dashes_are_typeset():
    assert smart_quotes('He said "no" - it\'s \'final\'') == (
        "He said \u201cno\u201d \u2013 it\u2019s \u2018final\u2019")
    assert smart_quotes("pages 12-14, on 2025-08-23, call 613-555-0147") == (
        "pages 12\u201314, on 2025-08-23, call 613-555-0147")


@pytest.mark.parametrize("style, expected", [
    ("us", "Tokyo, August 23, 2025; talks February 12\u201314, 2026; back on August 25."),
    ("uk", "Tokyo, 23 August 2025; talks 12\u201314 February 2026; back on 25 August."),
    ("military", "Tokyo, 23 AUG 25; talks 12\u201314 FEB 26; back on 25 August.")])
def test_dates_in_running_text_take_the_office_style(style, expected):
    text = "Tokyo, 23 August 2025; talks February 12-14, 2026; back on 25 August."
    assert restyle_dates(smart_quotes(text), style) == expected


def test_omitted_counts_what_a_trimmed_list_leaves_out():
    topics = [{"talking_points": ["a", "b", "c"]}, Topic(title="t", talking_points=["d"]),
              {"talking_points": ["e", "f"]}]
    assert omitted(topics, 2, "talking_points", 2) == 1 + 2   # "c", then "e" and "f"
    assert omitted(topics, 2) == 1 and omitted([], 3) == 0
    assert plural(1, "point") == "1 point" and plural(3, "entry", "entries") == "3 entries"


def test_about_picks_the_sentences_on_a_topic():
    topics = [{"title": "Trade and US tariffs", "category": "trade"}]
    aims = ["Line up before negotiating tariffs.", "Restart shuttle diplomacy."]
    assert about(aims, topics) == aims[:1]


def test_markdown_lists_in_a_fact_become_word_list_paragraphs():
    bio = "Career diplomat.\n\n- Ambassador to Japan, 2019\u201322\n- Speaks **Korean**"
    leading = "- Born 1961\n- Economist"
    briefing = Briefing(title="Visit", participants=[Person(name="A. Envoy", bio=bio),
                                                      Person(name="B. Envoy", bio=leading)])
    data = render_briefing(briefing, find_template("participant-bios"), find_office("us-embassy"))
    paragraphs = Document(io.BytesIO(data)).paragraphs
    listed = [(p.style.name, p.text) for p in paragraphs if p.style.name == "List Bullet"]
    assert listed == [("List Bullet", "(SBU) Ambassador to Japan, 2019\u201322"),
                      ("List Bullet", "(SBU) Speaks Korean"),
                      ("List Bullet", "(SBU) Born 1961"), ("List Bullet", "(SBU) Economist")]
    texts = [p.text for p in paragraphs]
    assert "(SBU) Career diplomat." in texts
    assert "(SBU)" not in [t.strip() for t in texts], "the emptied host paragraph is gone"
    assert "\u2022" not in "".join(texts)


def test_lead_is_the_first_paragraph_of_markdown():
    assert lead("Bottom line.\n\n- one\n- two") == "Bottom line."
    assert lead("Intro\n1. first") == "Intro" and lead("") == ""
