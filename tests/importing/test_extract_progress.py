"""Every pass of an import (reading included) reports progress as it goes, so a
callback raising Cancelled stops the work inside the pass that is running."""

from __future__ import annotations

import pytest

from briefgen.errors import Cancelled
from briefgen.importing import extract as extract_module
from briefgen.importing import import_text, sources
from briefgen.importing.document import Block, Document
from briefgen.importing.extract import PASSES, extract
from briefgen.importing.progress import UNITS, Passes

PARAGRAPH = ("President Ana Ferreira of Portugal met Prime Minister Lars Holm of Norway in "
             "Lisbon on Tuesday. The two leaders agreed to expand ferry links to {} ports. ")

# the function that does each pass's work, as the extractor calls it
WORKERS = {"clean": "clean_document", "split": "sections", "people": "gather",
           "meeting": "find_meeting", "countries": "_countries_named",
           "topics": "grouped_topics", "quotes": "find_quotes", "figures": "find_figures",
           "commitments": "find_pledges"}
ONE_CALL = {"meeting"}  # passes done in one call: they report when they start


def _document(paragraphs: int) -> Document:
    return Document(where="test.txt", blocks=[Block("paragraph", PARAGRAPH.format(n))
                                             for n in range(paragraphs)])


def _traced(monkeypatch, log: list[tuple[str, str]]) -> None:
    """Log each worker's calls ('start' and 'end') beside the progress reports."""
    for name, function in WORKERS.items():
        original = getattr(extract_module, function)

        def traced(*args, _name=name, _original=original, **kwargs):
            log.append(("start", _name))
            result = _original(*args, **kwargs)
            log.append(("end", _name))
            return result
        monkeypatch.setattr(extract_module, function, traced)


def _participant_without_country() -> Document:
    """No participant has a country, so the countries pass reads the article."""
    text = ("President Ana Ferreira met Prime Minister Lars Holm in Lisbon on "
            "Tuesday. Portugal and Norway agreed to expand ferry links to {} ports. ")
    return Document(where="test.txt", blocks=[Block("paragraph", text.format(n))
                                             for n in range(400)])


def test_every_pass_reports_while_it_runs(monkeypatch):
    log: list[tuple[str, str]] = []
    _traced(monkeypatch, log)
    extract(_participant_without_country(),
            progress=lambda done, total: log.append(("tick", str(done))))
    for name in PASSES:
        events = [i for i, (kind, what) in enumerate(log) if what == name]
        assert events, f"pass {name} never ran"
        if name in ONE_CALL:
            assert log[events[0] - 1][0] == "tick", f"pass {name} does not report"
        else:
            ticks = sum(1 for kind, _ in log[events[0]:events[-1]] if kind == "tick")
            assert ticks >= 10, f"pass {name} reports {ticks} times over 400 paragraphs"


def test_progress_never_goes_back_and_ends_at_the_total():
    calls = []
    extract(_document(200), progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, UNITS)
    assert calls[-1] == (UNITS, UNITS)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(calls) <= UNITS + len(PASSES) + 1


def test_cancel_stops_inside_the_running_pass_before_later_passes(monkeypatch):
    log: list[tuple[str, str]] = []
    _traced(monkeypatch, log)
    people_start = Passes(None, PASSES).spans["people"][0]

    def stop(done, total):
        log.append(("tick", str(done)))
        if done > people_start + 2:
            raise Cancelled("import stopped")

    with pytest.raises(Cancelled):
        extract(_document(400), progress=stop)
    ran = {what for kind, what in log if kind == "start"}
    assert ran == {"clean", "split", "people"}
    assert ("end", "people") not in log  # stopped in the middle of the pass


def test_reading_reports_and_a_cancel_there_stops_before_the_extraction(monkeypatch):
    extracted = []
    monkeypatch.setattr(sources, "import_document",
                        lambda *a, **k: extracted.append(1))
    calls = []

    def stop(done, total):
        calls.append(done)
        if len(calls) == 20:
            raise Cancelled("import stopped")

    with pytest.raises(Cancelled):
        import_text("\n\n".join(PARAGRAPH.format(n) for n in range(400)), progress=stop)
    assert not extracted
    assert calls == sorted(calls) and calls[-1] < sources.READING


def test_passes_share_the_units_by_weight():
    passes = Passes(None, {"a": 1, "b": 3})
    assert passes.spans == {"a": (0, UNITS // 4), "b": (UNITS // 4, UNITS)}


def test_a_pass_over_nothing_still_reports():
    calls = []
    passes = Passes(lambda done, total: calls.append(done), {"a": 1, "b": 1})
    assert list(passes.each("a", [])) == []
    assert list(passes.each("b", ["x"])) == ["x"]
    passes.finish()
    assert calls == [0, UNITS // 2, UNITS, UNITS]


def test_no_callback_is_fine():
    briefing, _ = extract(_document(2))
    assert briefing.participants
