"""The extractor reports progress over the sentences and can be cancelled."""

from __future__ import annotations

import pytest

from briefgen.errors import Cancelled
from briefgen.importing.document import Block, Document
from briefgen.importing.extract import extract

PARAGRAPH = ("President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway in "
             "Lisbon on Tuesday. The two leaders agreed to expand ferry links to {} ports. ")


def _document(paragraphs: int) -> Document:
    return Document(where="test.txt", blocks=[Block("paragraph", PARAGRAPH.format(n))
                                             for n in range(paragraphs)])


def test_progress_reaches_the_total_at_most_about_100_times():
    calls = []
    extract(_document(400), progress=lambda done, total: calls.append((done, total)))
    assert len(calls) <= 102
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1] == 800


def test_progress_never_goes_back():
    calls = []
    extract(_document(50), progress=lambda done, total: calls.append(done))
    assert calls == sorted(calls)


def test_a_callback_raising_cancelled_stops_the_work():
    def stop(done, total):
        if done > total // 2:
            raise Cancelled("import stopped")

    with pytest.raises(Cancelled):
        extract(_document(100), progress=stop)


def test_no_callback_is_fine():
    briefing, _ = extract(_document(2))
    assert briefing.participants
