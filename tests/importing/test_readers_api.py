"""The import API the app and the CLI build on: pasted text, standard input,
progress with cancelling, and warnings counted instead of repeated."""

from __future__ import annotations

import datetime as dt
import io
import sys

import pytest

from briefgen.cli import main
from briefgen.errors import Cancelled, SourceError
from briefgen.importing import counted, import_bytes, import_sources, import_text

ARTICLE = ("Leaders Meet in Seoul\n\n"
           "SEOUL (Wire) — President Kim Min-jun met Prime Minister Lee Sang-ho in Seoul on "
           "Monday. The two leaders agreed to expand trade in semiconductors.\n\n"
           "Trade between the two countries reached $85 billion last year.\n")
PAGE = ("<html><head><title>Kim &amp; Lee meet in Seoul</title></head><body><article>"
        "<h1>Kim &amp; Lee meet in Seoul</h1>"
        "<p>President Kim Min-jun met Prime Minister Lee Sang-ho in Seoul on Monday for "
        "talks on trade and security.</p>"
        "<p>The two leaders agreed to expand trade in semiconductors, officials said.</p>"
        "</article></body></html>")


def test_pasted_text_is_imported_like_a_file():
    result = import_text(ARTICLE, published=dt.date(2025, 3, 4))
    b = result.briefing
    assert b.title == "Leaders Meet in Seoul"
    assert {p.name for p in b.participants} == {"Kim Min-jun", "Lee Sang-ho"}
    assert b.meeting.location == "Seoul"
    [source] = b.sources
    assert source.file == "" and source.published == dt.date(2025, 3, 4)


def test_pasted_html_fragment_is_read_through_the_web_page_path():
    fragment = PAGE[PAGE.index("<article>"):PAGE.index("</body>")]
    b = import_text(fragment, html=True).briefing
    assert b.title == "Kim & Lee meet in Seoul"
    assert "semiconductors" in b.summary


def test_a_short_browser_selection_is_taken_whole():
    """Browsers put a <meta charset> before a copied selection; a selection too short
    for trafilatura to find an article in is the article itself."""
    selection = ("<meta charset='utf-8'><b>Talks in Seoul</b><br>President Kim Min-jun met "
                 "Prime Minister Lee Sang-ho in Seoul on Monday.")
    b = import_text(selection, html=True, published=dt.date(2025, 3, 4)).briefing
    assert {p.name for p in b.participants} == {"Kim Min-jun", "Lee Sang-ho"}
    assert b.meeting.date == dt.date(2025, 3, 3)


@pytest.mark.parametrize("text, html", [("  \n ", False), ("<meta charset='utf-8'><img src=x>",
                                                          True)])
def test_pasting_nothing_says_so(text, html):
    with pytest.raises(SourceError) as info:
        import_text(text, html=html)
    assert str(info.value) == "pasted text: there is no text to import (copy the article's text first)"


def test_bytes_of_unknown_type_are_told_apart():
    assert import_bytes(PAGE.encode("utf-8")).briefing.title == "Kim & Lee meet in Seoul"
    text = import_bytes(ARTICLE.encode("utf-16")).briefing
    assert text.title == "Leaders Meet in Seoul"


def _run(argv, stdin: bytes, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(argv)
    return code, capsys.readouterr()


def test_cli_reads_an_article_from_standard_input(capsys, monkeypatch):
    code, out = _run(["import", "-", "--published", "2025-03-04"], PAGE.encode("utf-8"),
                     capsys, monkeypatch)
    assert code == 0
    assert '"title": "Kim & Lee meet in Seoul"' in out.out
    assert "briefgen: found 2 participants" in out.err


def test_cli_says_when_standard_input_is_empty(capsys, monkeypatch):
    code, out = _run(["import", "-"], b"", capsys, monkeypatch)
    assert code == 1
    assert out.err == ("briefgen: error: standard input: no text came in "
                       "(give the article's text or HTML)\n")


def test_cli_refuses_standard_input_mixed_with_files(capsys, monkeypatch):
    code, out = _run(["import", "-", "a.txt"], b"x", capsys, monkeypatch)
    assert code == 1
    assert "'-' (standard input) cannot be combined with files" in out.err


def test_progress_climbs_to_the_total(tmp_path):
    paths = []
    for name in ("one.txt", "two.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(ARTICLE, encoding="utf-8")
    seen: list[tuple[int, int]] = []
    import_sources(paths, progress=lambda done, total: seen.append((done, total)))
    assert len({total for _, total in seen}) == 1
    total = seen[0][1]
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert any(0 < done < total for done, _ in seen)


def test_progress_can_cancel_the_import(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    calls = []

    def stop(done, total):
        calls.append(done)
        if done:
            raise Cancelled("import cancelled")

    with pytest.raises(Cancelled):
        import_sources([path, path], progress=stop)
    with pytest.raises(Cancelled):
        import_text(ARTICLE, progress=stop)
    assert calls


def test_repeated_warnings_are_counted():
    assert counted(["a", "b", "a", "a"]) == ["a (3 times)", "b"]
    assert counted(["x"] * 3962) == ["x (3,962 times)"]


def test_a_warning_repeated_through_a_long_text_is_listed_once():
    text = "Leaders Meet\n\n" + "\n\n".join(
        f"Minister Kim Min-jun said the {n}th round of talks will be held on Friday."
        for n in range(40))
    warnings = import_text(text).warnings
    assert len(warnings) == len(set(warnings))
    assert any(w.endswith(" times)") for w in warnings)
