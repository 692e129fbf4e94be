"""Sentences and sections: glued words and transcript speaker labels (one behaviour per row)."""

from __future__ import annotations

import pytest

from briefgen.importing.document import Block, Document
from briefgen.importing.sentences import sections, split_sentences


@pytest.mark.parametrize("text, expected", [
    ("He met the President of NorwayLars Holm.", "He met the President of Norway Lars Holm."),
    ("She lunched at McDonald's with DeSantis.", "She lunched at McDonald's with DeSantis."),
])
def test_a_place_glued_to_the_next_word_is_split(text, expected):
    assert split_sentences(text) == [expected]


@pytest.mark.parametrize("heading, is_text", [
    ("President of Norway Lars Holm: Madam President, friends,", True),
    ("Prime Minister Eva Brandt (retranslated): Thank you.", True),
    ("Common Challenges: Trade and Energy", False),
    ("Brazil, a strategic partner", False),
])
def test_a_speaker_label_is_running_text_not_a_heading(heading, is_text):
    doc = Document(where="t.txt", blocks=[Block("paragraph", "They met."),
                                          Block("heading", heading)])
    text = [s for sec in sections(doc) for s in sec.sentences]
    assert (heading in " ".join(text)) == is_text
