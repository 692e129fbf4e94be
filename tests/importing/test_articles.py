"""Our own articles, in several formats and styles: what a reviewer would check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from briefgen.briefing_io import dump_briefing
from briefgen.importing import import_sources
from tests.importing.helpers import find_person, has_commitment, has_quote, norm

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def test_markdown_article_with_front_matter_and_euro_figures():
    result = import_sources([ARTICLES / "berlin-paris-talks.md"])
    b = result.briefing
    assert b.title == "Vollmer and Marchand seal energy pact in Berlin"
    assert (b.meeting.date, b.meeting.location, b.meeting.host_country) == \
        (dt.date(2025, 3, 11), "Berlin", "Germany")
    vollmer = find_person(b.participants, "Katrin Vollmer")
    marchand = find_person(b.participants, "Élise Marchand")
    assert (vollmer.title, vollmer.country, vollmer.role) == ("Chancellor", "Germany", "host")
    assert (marchand.title, marchand.country, marchand.role) == ("President", "France", "guest")
    assert len(b.participants) == 2
    haas = find_person(b.mentioned, "Dieter Haas")
    assert (haas.title, haas.country) == ("Chancellor", "Germany")
    assert find_person(b.mentioned, "Giulia Rinaldi").country == "Italy"
    assert has_quote(b.quotes, "Élise Marchand", "Our grids are one system now, and our bills "
                                                   "should show it")
    assert has_quote(b.quotes, "Élise Marchand", "Europe cannot outsource its security any longer")
    assert has_quote(b.quotes, "Élise Marchand", "exposed and naive")
    grids = next(q for q in b.quotes if q.text.startswith("Our grids"))
    assert grids.occasion == "joint news conference"
    figures = {(f.value, f.unit) for f in b.figures}
    assert {(4.5e9, "euros"), (700, "megawatts"), (8, "percent"),
            (4000, "Ukrainian soldiers"), (12, "air-defence systems")} <= figures
    assert has_commitment(b.commitments, ["cross-border power line"], ["Germany", "France"])
    assert has_commitment(b.commitments, ["train", "Ukrainian soldiers"], ["Germany"])
    assert has_commitment(b.commitments, ["deliver", "air-defence"], ["France"])
    paris = [s for s in b.next_steps if s.date == dt.date(2025, 5, 14)]
    assert paris and paris[0].location == "Paris"
    assert any("April 2025" in w for w in result.warnings)  # "next month" has no day
    dumped = dump_briefing(b)
    assert "Read more" not in dumped and "newsletter" not in dumped and "Lindqvist" not in dumped
    assert {t.title for t in b.topics} == {"A shared grid", "Defence and Ukraine",
                                           "What comes next"}
    assert next(t for t in b.topics if t.title == "A shared grid").category == "energy"
    assert next(t for t in b.topics if t.title == "Defence and Ukraine").category == "security"


def test_saved_web_page_drops_page_furniture_and_reads_metadata():
    b = import_sources([ARTICLES / "canberra-jakarta.html"]).briefing
    source = b.sources[0]
    assert (source.title, source.publisher, source.published) == \
        ("Hargreaves and Wibisono agree maritime pact", "Southern Cross Herald",
         dt.date(2025, 6, 10))
    assert (b.meeting.date, b.meeting.location, b.meeting.host_country) == \
        (dt.date(2025, 6, 9), "Canberra", "Australia")  # "on Monday" before the 10th
    host = find_person(b.participants, "Daniel Hargreaves")
    guest = find_person(b.participants, "Surya Wibisono")
    assert (host.title, host.country, host.role) == ("Prime Minister", "Australia", "host")
    assert (guest.title, guest.country, guest.role) == ("President", "Indonesia", "guest")
    assert find_person(b.mentioned, "Alan Whitby").country == "Australia"
    assert has_quote(b.quotes, "Surya Wibisono", "The sea between us should connect us, "
                                                 "not divide us")
    assert has_quote(b.quotes, "Surya Wibisono", "Today we chose to guard it together.")
    assert has_quote(b.quotes, "Daniel Hargreaves",
                     "build the friendships our grandchildren will rely on")
    figures = {(f.value, f.unit, f.category) for f in b.figures}
    assert {(1.2e9, "Australian dollars", "security"), (18e9, "Australian dollars", "trade"),
            (2500, "places", "people")} <= figures
    assert has_commitment(b.commitments, ["maritime security agreement"],
                          ["Australia", "Indonesia"])
    assert has_commitment(b.commitments, ["patrol vessels"], ["Australia"])
    assert any(s.location == "Jakarta" for s in b.next_steps)
    dumped = dump_briefing(b)
    for furniture in ("cookie", "Wen Tao", "Privacy policy", "Related stories", "Sport"):
        assert furniture not in dumped


def test_wrapped_wire_story_with_dateline_and_yen():
    b = import_sources([ARTICLES / "manila-wire.txt"], published=dt.date(2025, 5, 16)).briefing
    assert (b.meeting.date, b.meeting.location, b.meeting.host_country) == \
        (dt.date(2025, 5, 15), "Manila", "Philippines")
    dizon = find_person(b.participants, "Ramon Dizon")
    kurose = find_person(b.participants, "Hana Kurose")
    assert (dizon.title, dizon.country, dizon.role) == ("President", "Philippines", "host")
    assert (kurose.title, kurose.country, kurose.role) == ("Prime Minister", "Japan", "guest")
    zhou = find_person(b.mentioned, "Zhou Lan")
    assert (zhou.title, zhou.country) == ("Foreign Minister", "China")
    assert has_quote(b.quotes, "Ramon Dizon", "We do not seek confrontation. We seek rules "
                                              "that everyone follows")
    assert has_quote(b.quotes, "Hana Kurose", "the same pressure on the same waters")
    assert {(240e9, "yen"), (9e9, "US dollars"), (300, "engineers")} <= \
        {(f.value, f.unit) for f in b.figures}
    assert has_commitment(b.commitments, ["deepen coast guard cooperation"],
                          ["Philippines", "Japan"])
    assert has_commitment(b.commitments, ["joint drills"])
    assert any(s.location == "Tokyo" for s in b.next_steps)
    assert b.sources[0].publisher == "Kyodo"
    assert "Reporting by" not in dump_briefing(b)
    assert len(b.topics) >= 2  # no headings: grouped by subject


def _word_article(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Nairobi talks open new chapter", style="Title")
    document.add_paragraph(
        "Kenyan President Wanjiru Kamau welcomed British Prime Minister Oliver Ashdown to "
        "Nairobi on Friday for talks on trade, climate finance and regional security.")
    document.add_heading("Climate finance", level=2)
    document.add_paragraph(
        "The two leaders agreed to launch a £300 million green investment partnership and "
        "to build 450 megawatts of geothermal capacity in the Rift Valley.")
    document.add_paragraph(
        "Climate money must reach the people who are already paying the price,” Kamau said at "
        "a state banquet.")
    document.add_heading("Security", level=2)
    document.add_paragraph(
        "Ashdown said Britain would keep 200 troops at its training unit in Laikipia. "
        "He told reporters: “Kenya is our anchor partner in East Africa.”")
    document.core_properties.created = dt.datetime(2025, 2, 8, 9, 0)
    document.core_properties.author = "Desk editor"
    document.save(path)
    return path


def test_word_article_with_heading_styles_and_core_date(tmp_path):
    b = import_sources([_word_article(tmp_path / "nairobi.docx")]).briefing
    assert b.title == "Nairobi talks open new chapter"
    assert (b.meeting.date, b.meeting.location, b.meeting.host_country) == \
        (dt.date(2025, 2, 7), "Nairobi", "Kenya")
    kamau = find_person(b.participants, "Wanjiru Kamau")
    ashdown = find_person(b.participants, "Oliver Ashdown")
    assert (kamau.country, kamau.role) == ("Kenya", "host")
    assert (ashdown.title, ashdown.country, ashdown.role) == \
        ("Prime Minister", "United Kingdom", "guest")
    assert [t.title for t in b.topics] == ["Climate finance", "Security"]
    assert [t.category for t in b.topics] == ["climate", "security"]
    assert has_quote(b.quotes, "Wanjiru Kamau", "Climate money must reach the people who are "
                                                "already paying the price")
    assert has_quote(b.quotes, "Oliver Ashdown", "Kenya is our anchor partner in East Africa.")
    assert {(300e6, "pounds"), (450, "megawatts"), (200, "troops")} <= \
        {(f.value, f.unit) for f in b.figures}
    assert has_commitment(b.commitments, ["green investment partnership"], ["Kenya",
                                                                           "United Kingdom"])
    assert b.sources[0].published == dt.date(2025, 2, 8)


def test_every_fact_keeps_its_sentence():
    b = import_sources([ARTICLES / "berlin-paris-talks.md"]).briefing
    text = norm((ARTICLES / "berlin-paris-talks.md").read_text(encoding="utf-8"))
    for item in [*b.quotes, *b.figures, *b.commitments, *b.next_steps, *b.participants]:
        assert item.evidence and norm(item.evidence) in text


def test_several_sources_merge_without_duplicates(tmp_path):
    article = ARTICLES / "manila-wire.txt"
    copy = tmp_path / "copy.txt"
    copy.write_bytes(article.read_bytes())
    once = import_sources([article], published=dt.date(2025, 5, 16)).briefing
    twice = import_sources([article, copy], published=dt.date(2025, 5, 16)).briefing
    assert len(twice.participants) == len(once.participants)
    assert len(twice.quotes) == len(once.quotes)
    assert len(twice.figures) == len(once.figures)
    assert len(twice.commitments) == len(once.commitments)
    assert [s.file for s in twice.sources] == ["manila-wire.txt", "copy.txt"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_text_encodings(tmp_path, encoding):
    text = (ARTICLES / "manila-wire.txt").read_text(encoding="utf-8").replace(
        "Malacanang", "Malacañang")
    path = tmp_path / "wire.txt"
    path.write_bytes(text.encode(encoding))
    b = import_sources([path], published=dt.date(2025, 5, 16)).briefing
    assert find_person(b.participants, "Ramon Dizon").country == "Philippines"
    assert any("Malacañang" in q.evidence for q in b.quotes)


def test_lowercase_titles_still_name_people(tmp_path):
    article = tmp_path / "oslo.txt"
    article.write_text(
        "Norwegian Prime Minister Ingrid Solberg hosted Finnish President Aaro Kettunen in "
        "Oslo on Monday for talks on Arctic security.\n\n"
        "Former prime minister Henrik Dahl, now in opposition, criticised the agenda.\n",
        encoding="utf-8")
    b = import_sources([article], published=dt.date(2025, 3, 4)).briefing
    assert [p.name for p in b.participants] == ["Ingrid Solberg", "Aaro Kettunen"]
    dahl = next(p for p in b.mentioned if p.name == "Henrik Dahl")
    assert dahl.title == "Prime Minister"
    assert b.meeting.date == dt.date(2025, 3, 3)


def test_a_future_meeting_named_with_words_between(tmp_path):
    article = tmp_path / "lima.txt"
    article.write_text(
        "Peruvian President Rosa Quispe met Chilean President Tomás Vidal in Lima on Friday.\n\n"
        "This was Vidal's first official Peru visit since taking office. "
        "The next bilateral leaders' meeting will be held in Santiago in 2026.\n",
        encoding="utf-8")
    b = import_sources([article], published=dt.date(2025, 10, 11)).briefing
    steps = [(s.text, s.location) for s in b.next_steps]
    assert steps == [("The next bilateral leaders' meeting will be held in Santiago in 2026",
                      "Santiago")]


def test_commitments_drop_the_attribution(tmp_path):
    article = tmp_path / "accra.txt"
    article.write_text(
        "Ghanaian President Kofi Mensah received Ivorian President Awa Koné in Accra on Monday.\n\n"
        "Ghana will contribute $40 million to a joint border security fund, Mensah said.\n",
        encoding="utf-8")
    b = import_sources([article], published=dt.date(2025, 2, 4)).briefing
    assert [c.text for c in b.commitments] == [
        "Contribute $40 million to a joint border security fund"]
