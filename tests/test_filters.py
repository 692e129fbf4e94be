"""Template filters as a template author uses them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.markdown_runs import _emphasis_spans, _parsed, markdown_to_richtext
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


SIMPLE_EMPHASIS = ["a *b* c", "x**y**z", "**a**b", "a**b**", "2*3*4",
                   "**a** **b**", "**bold**.", "(**bold**)", "Mr. Lee's **first** visit, \"on 23 August\"",
                   "*em* then **strong** then *em*", "**中文** and *한국어*"]
PARSER_ONLY = ["**Bottom line:** agree", "** not bold **", "**bold.**", "**.bold**", "***both***", "**nested *em* inside**",
               "**a*", "a * b * c", "**", "__under__", "**a****b**", "~~~ **fence**", "a\r**b**",
               "- **item**", "**a** [link](x)"]


@pytest.mark.parametrize("text", SIMPLE_EMPHASIS + PARSER_ONLY)
def test_simple_emphasis_skips_the_parser_and_renders_as_it_does(text):
    assert (_emphasis_spans(text) is not None) == (text in SIMPLE_EMPHASIS)
    for bold, italic in ((False, False), (True, False), (False, True)):
        assert (markdown_to_richtext(text, bold=bold, italic=italic).xml
                == _parsed(text, "us", "", bold, italic).xml)


_WORD = st.text("abZ9é中 '.,-()\u00a0", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORD, st.sampled_from(["*", "**", "***", "_"]), _WORD), min_size=1,
                max_size=3), _WORD)
def test_any_emphasis_the_fast_path_takes_renders_as_the_parser_renders_it(pairs, tail):
    text = "".join(f"{before}{marker}{inner}{marker}" for before, marker, inner in pairs) + tail
    text = text.strip()
    assert markdown_to_richtext(text).xml == _parsed(text, "us", "", False, False).xml


def test_plain_text_and_simple_emphasis_never_load_the_markdown_parser():
    code = ("import sys\nfrom briefgen.markdown_runs import markdown_to_richtext\n"
            "markdown_to_richtext('The **first** visit, *not* the last')\n"
            "print('markdown_it' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "False"


def test_markdown_escapes_xml():
    assert "Tom &amp; Jerry &lt;b&gt;" in markdown_to_richtext("Tom & Jerry <b>").xml


def test_sandbox_forbids_changing_lists():
    from jinja2.exceptions import SecurityError

    with pytest.raises(SecurityError):
        environment().from_string("{{ items.append(1) }}").render(items=[])
