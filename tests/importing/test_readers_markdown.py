"""Markdown articles: text indented under a numbered list is prose, not code."""

from __future__ import annotations

from briefgen.importing.readers import read_markdown

ARTICLE = """On 3 March the two leaders met in Oslo. An overview of the meeting is as follows.

  1. Opening remarks

    President Ferreira welcomed the visit. The two leaders agreed to expand ferry links.

    Prime Minister Holm thanked her.
"""


def test_indented_text_under_a_list_item_is_read_as_paragraphs():
    doc = read_markdown(ARTICLE.encode(), "oslo.md")
    texts = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert "President Ferreira welcomed the visit. The two leaders agreed to expand ferry " \
           "links." in texts
    assert "Prime Minister Holm thanked her." in texts
