"""The Edit menu names edits in words, not field paths."""

from __future__ import annotations


def test_undo_labels_read_as_words():
    from briefgen.gui.document import label_of

    assert label_of(("participants", 1, "title")) == "participant 2 title"
    assert label_of(("topics", 0, "points", 2)) == "topic 1 point 3"
    assert label_of(("meeting", "date")) == "meeting date"
    assert label_of(("mentioned",)) == "mentioned"
