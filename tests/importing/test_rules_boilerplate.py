"""Boilerplate never becomes facts; metadata lines fill the document (one row each)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.importing.boilerplate import clean_document, is_boilerplate
from briefgen.importing.document import Block, Document

BODY = "The two ministers met in Lisbon on Tuesday and agreed to expand ferry links."


def _clean(*lines: str, title: str = "") -> Document:
    blocks = [Block("paragraph", line) for line in lines]
    return clean_document(Document(where="t.txt", title=title, blocks=blocks))


@pytest.mark.parametrize("line", [
    "© Copyright 2031 The Daily Example",
    "Copyright 2031 The Daily Example. All rights reserved.",
    "For Immediate Release October 11, 2031",
    "Edited by Jane Roe",
    "Left Menu",
    "Skip to main content",
    "Select font Arial Times New Roman",
    "• x: opens new window • Whatsapp: opens new window • Linkedin: opens new window",
    "Home » World » Europe »",
    "Документ /",
    "* * *",
    "| | 0 |",
    "0101-2.jpg",
    "WIRE | Lisbon | Updated: 06-03-2031 19:06 IST",
    "Support The Daily Example!",
    "Sign up for our newsletter to get the news in your inbox",
    "Read this story in Portuguese",
    "Una reunión productiva — Ana Ferreira (@anaferreira) March 6, 2031",
])
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    BODY,
    "Trade between the two countries rose by 8 percent last year, officials said.",
    "Energy and climate",
])
def test_article_lines_stay(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize("line, kept", [
    (BODY + " [Photo/Example Agency]", BODY),
    (BODY + " (Photo: Government Press Office)", BODY),
    (BODY + "/ Source: Example Agency |", BODY),
    (BODY + " | Pool Office / Jane Roe", BODY),
    (BODY + " (Reporting by Jane Roe; Editing by John Doe)", BODY),
    ("(WIRE- The Daily Example) " + BODY, BODY),
    (BODY + " Example.co.xy understands the talks ran late.", BODY),
])
def test_credits_inside_a_paragraph_are_removed(line, kept):
    assert _clean(line).blocks[0].text == kept


@pytest.mark.parametrize("line, place", [
    ("LISBON (Wire) -- " + BODY, "Lisbon"),
    ("LISBON — " + BODY, "Lisbon"),
    ("LISBON -- " + BODY, "Lisbon"),
    ("Lisbon [Portugal], March 6 (WIRE): " + BODY, "Lisbon"),
    ("LISBON, March 6. /WIRE/. " + BODY, "Lisbon"),
    ("LISBON: " + BODY, "Lisbon"),
])
def test_datelines(line, place):
    doc = _clean(line)
    assert (doc.dateline, doc.blocks[0].text) == (place, BODY)


def test_a_place_line_is_a_dateline():
    doc = _clean("Lisbon (Portugal)", BODY)
    assert (doc.dateline, [b.text for b in doc.blocks]) == ("Lisbon", [BODY])


@pytest.mark.parametrize("lines, field, value", [
    (["By Jane Roe", BODY], "author", "Jane Roe"),
    (["Lisbon correspondent Jane Roe", BODY], "author", "Jane Roe"),
    (["Published: 6 March 2031", BODY], "published", dt.date(2031, 3, 6)),
    (["Issued on 6 Mar. 2031", BODY], "published", dt.date(2031, 3, 6)),
    (["President's News - 2031.3.6", BODY], "published", dt.date(2031, 3, 6)),
])
def test_metadata_lines(lines, field, value):
    doc = _clean(*lines)
    assert (getattr(doc, field), [b.text for b in doc.blocks]) == (value, [BODY])


def test_a_headline_printed_twice_is_kept_once():
    doc = _clean("Ministers agree on ferry links", "Ministers agree on ferry links", BODY)
    assert [b.text for b in doc.blocks] == ["Ministers agree on ferry links", BODY]


def test_the_outlet_suffix_leaves_the_title():
    assert _clean(BODY, title="Ministers agree on ferry links — Daily Example").title == \
        "Ministers agree on ferry links"


def test_a_lower_case_slug_is_dropped():
    assert [b.text for b in _clean("ministers agree on ferry links daily example", BODY).blocks] \
        == [BODY]


@pytest.mark.parametrize("glued, read", [
    ("President of the Federative Republic of BrazilLuiz Inacio Lula da Silva arrived.",
     "President of the Federative Republic of Brazil Luiz Inacio Lula da Silva arrived."),
    ("The talks ended.The leaders then had lunch.", "The talks ended. The leaders then had lunch."),
    ("McDonald and DeSantis spoke on YouTube.", "McDonald and DeSantis spoke on YouTube."),
    ("U.S. and E.U. officials attended.", "U.S. and E.U. officials attended."),
])
def test_words_glued_where_page_elements_met_are_parted(glued, read):
    assert [b.text for b in _clean(glued).blocks] == [read]
