"""Markdown and pasted HTML selections: what the page shows is what is read."""

from __future__ import annotations

import pytest

from briefgen.importing import import_text
from briefgen.importing.readers import fragment_document, read_markdown

# A readout converted to Markdown with its paragraphs indented under numbered items: by
# CommonMark's rules they are indented code blocks.
INDENTED = """Summit Meeting

  1. Opening remarks

    President Ana Ferreira welcomed Prime Minister Lars Holm. The two leaders shared
    the view that they will work closely together.

  2. Bilateral relations

    • (1) The two leaders agreed to expand ferry links to 12 ports.
"""


def test_markdown_text_indented_under_list_items_is_read_as_paragraphs():
    doc = read_markdown(INDENTED.encode(), "readout.md")
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert ("paragraph", "President Ana Ferreira welcomed Prime Minister Lars Holm. The two "
            "leaders shared the view that they will work closely together.") in texts
    assert ("paragraph", "• (1) The two leaders agreed to expand ferry links to 12 ports.") \
        in texts


def test_markdown_fenced_text_is_still_left_out():
    doc = read_markdown(b"Talks\n\nThe leaders met.\n\n```\nprint('x')\n```\n", "a.md")
    assert [b.text for b in doc.blocks] == ["Talks", "The leaders met."]


HEADLINE = ("President Kim Min-jun of Korea holds talks with Prime Minister Lee Sang-ho of "
            "Japan in Seoul")


@pytest.mark.parametrize("selection", [
    f"<meta charset='utf-8'><h1>{HEADLINE}</h1>President Kim Min-jun met Prime Minister "
    "Lee Sang-ho in Seoul on Monday.",
    f"<meta charset='utf-8'><div><h2>{HEADLINE}</h2></div><div>President Kim Min-jun met "
    "Prime Minister Lee Sang-ho in Seoul on Monday.</div>",
])
def test_a_pasted_selection_keeps_its_headline_naming_the_leaders(selection):
    b = import_text(selection, html=True).briefing
    assert b.title == HEADLINE
    assert b.summary == "President Kim Min-jun met Prime Minister Lee Sang-ho in Seoul on Monday."


def test_a_selection_heading_stays_a_heading_however_it_is_written():
    doc = fragment_document("<p>They met.</p><h3>trade, and what each side wants</h3>"
                            "<p>They agreed.</p>", "x")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "They met."), ("heading", "trade, and what each side wants"),
        ("paragraph", "They agreed.")]
