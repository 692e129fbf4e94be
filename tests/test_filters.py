"""Template filters as a template author uses them."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.markdown_runs import markdown_to_richtext
from briefgen.model import Figure
from briefgen.templating import environment, figure_value, format_date, number, prose, slug


@pytest.mark.parametrize("style, expected", [
    ("us", "August 23, 2025"), ("uk", "23 August 2025"),
    ("military", "23 AUG 25"), ("iso", "2025-08-23")])
def test_date_styles(style, expected):
    assert format_date(dt.date(2025, 8, 23), style) == expected


def test_date_filter_follows_the_office_unless_told():
    template = environment().from_string("{{ d|date }} / {{ d|date('uk') }}")
    office = {"date_style": "military"}
    assert template.render(d=dt.date(2025, 8, 3), office=office) == "03 AUG 25 / 3 August 2025"


@pytest.mark.parametrize("items, expected", [
    ([], ""), (["Japan"], "Japan"), (["Japan", "South Korea"], "Japan and South Korea"),
    (["Japan", "South Korea", "the United States"], "Japan, South Korea and the United States")])
def test_prose(items, expected):
    assert prose(items) == expected


def test_numbers_and_figures():
    assert number(80000) == "80,000" and number(1.5) == "1.5" and number(None) == ""
    assert figure_value(Figure(value=15, unit="percent", text="tariff")) == "15%"
    assert figure_value(Figure(value=2.5e9, unit="USD", text="aid")) == "2,500,000,000 USD"
    assert figure_value(Figure(value=None, text="dozens of warships")) == "dozens of warships"


def test_slug():
    assert slug("Ishiba–Lee summit, Tokyo!") == "ishiba-lee-summit-tokyo"


def test_markdown_emphasis_becomes_runs_and_list_items_word_list_paragraphs():
    xml = markdown_to_richtext("Use **bold** and *care*:\n\n- one\n- two\n\n1. first",
                               portion="(U) ").xml
    assert "<w:b/></w:rPr><w:t xml:space=\"preserve\">bold</w:t>" in xml
    assert "<w:i/></w:rPr><w:t xml:space=\"preserve\">care</w:t>" in xml
    assert "\u2022" not in xml
    bullet = ('</w:p><w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>'
              '<w:r><w:t xml:space="preserve">(U) </w:t></w:r>')
    assert xml.count(bullet) == 2
    assert '<w:ind w:left="360" w:hanging="360"/>' in xml and "1.\t" in xml


def test_markdown_escapes_xml():
    assert "Tom &amp; Jerry &lt;b&gt;" in markdown_to_richtext("Tom & Jerry <b>").xml


def test_sandbox_forbids_changing_lists():
    from jinja2.exceptions import SecurityError

    with pytest.raises(SecurityError):
        environment().from_string("{{ items.append(1) }}").render(items=[])
