"""The shared sample article: everything its expected file lists is found."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefgen.briefing_io import dump_briefing
from briefgen.importing import import_sources
from tests.importing.helpers import find_person, has_commitment, has_quote, norm

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples"
ARTICLE = SAMPLES / "ishiba-lee-tokyo-summit.txt"
EXPECTED = SAMPLES / "ishiba-lee-tokyo-summit.expected.json"

pytestmark = pytest.mark.skipif(not ARTICLE.exists() or not EXPECTED.exists(),
                                reason="the shared sample article is not available")


@pytest.fixture(scope="module")
def expected():
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result():
    return import_sources([ARTICLE], published=dt.date(2025, 8, 24))


def test_meeting(result, expected):
    meeting = result.briefing.meeting
    want = expected["meeting"]
    assert meeting.kind == want["kind"]
    assert meeting.date == dt.date.fromisoformat(want["date"])
    assert meeting.location == want["location"]
    assert meeting.host_country == want["host_country"]


def test_participants_exactly(result, expected):
    got = result.briefing.participants
    assert sorted(p.name for p in got) == sorted(p["name"] for p in expected["participants"])
    for want in expected["participants"]:
        person = find_person(got, want["name"])
        assert (person.title, person.country, person.role) == \
            (want["title"], want["country"], want["role"])
        assert want["name"].split()[-1] in person.evidence


def test_mentioned_are_not_participants(result, expected):
    for want in expected["mentioned"]:
        person = find_person(result.briefing.mentioned, want["name"])
        assert (person.title, person.country) == (want["title"], want["country"])
        assert person.role is None


def test_topics(result, expected):
    got = {(t.category, norm(t.title)) for t in result.briefing.topics}
    for want in expected["topics"]:
        assert (want["category"], norm(want["title"])) in got


def test_quotes(result, expected):
    quotes = result.briefing.quotes
    for want in expected["quotes"]:
        assert has_quote(quotes, want["speaker"], want["text"]), want["text"]
        quote = next(q for q in quotes if q.speaker == want["speaker"])
        assert norm(quote.text)[:30] in norm(quote.evidence)
    ishiba = next(q for q in quotes if q.speaker == "Shigeru Ishiba")
    assert ishiba.occasion == "joint press conference"
    seoul = next(q for q in quotes if q.speaker == "South Korean government")
    assert "Yasukuni Shrine" in seoul.occasion


def test_figures(result, expected):
    figures = result.briefing.figures
    for want in expected["figures"]:
        match = [f for f in figures if f.value == want["value"] and f.unit == want["unit"]]
        assert match, want
        assert norm(want["text"]) in norm(match[0].text) or norm(match[0].text) in norm(want["text"])
        assert match[0].category == want["category"]
        assert match[0].evidence


@pytest.mark.parametrize("keywords", [
    ["reaffirm", "trilateral cooperation", "United States"],
    ["closer cooperation", "North Korea", "missile"],
    ["resume shuttle diplomacy"],
    ["people-to-people contacts", "working holiday"],
    ["intensify cooperation", "defence", "economic security", "artificial intelligence"],
])
def test_commitments(result, keywords):
    assert has_commitment(result.briefing.commitments, keywords, ["Japan", "South Korea"])


def test_next_step(result, expected):
    want = expected["next_steps"][0]
    steps = [s for s in result.briefing.next_steps
             if s.date == dt.date.fromisoformat(want["date"])]
    assert steps, result.briefing.next_steps
    assert steps[0].location == want["location"]
    assert "Donald Trump" in steps[0].text and "Lee Jae Myung" in steps[0].text


def test_nothing_from_boilerplate_leaks(result, expected):
    dumped = dump_briefing(result.briefing)
    for text in expected["must_not_appear"]:
        assert text not in dumped


def test_source_and_summary_line(result):
    source = result.briefing.sources[0]
    assert source.file == ARTICLE.name and source.published == dt.date(2025, 8, 24)
    b = result.briefing
    assert result.summary() == (f"2 participants, 3 quotes, 2 figures, {len(b.topics)} topics, "
                                f"{len(b.commitments)} commitments, 1 next step")


def test_without_publication_date_the_weekday_stays_unresolved():
    result = import_sources([ARTICLE])
    assert result.briefing.meeting.date is None
    assert any("give the publication date to resolve it" in w for w in result.warnings)
