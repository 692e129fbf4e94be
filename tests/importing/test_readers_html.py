"""Saved web pages: decoded by their own charset, metadata unescaped, no glued words."""

from __future__ import annotations

import pytest

from briefgen.importing import import_sources
from briefgen.importing.readers import read_html

JAPANESE = ("石破茂首相は二十三日、東京の首相官邸で韓国の李在明大統領と会談した。"
            "両首脳は日韓関係の安定的な発展に向けて協力していくことで一致した。",
            "会談では経済安全保障や先端技術の分野での協力についても意見を交わした。"
            "両国の若者の交流を拡大することも確認した。")


def _page(body: str, head: str = "", charset: str = "utf-8") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset=\"{charset}\">{head}</head>"
            f"<body><article>{body}</article></body></html>")


def test_a_shift_jis_page_is_decoded_by_its_charset(tmp_path):
    page = _page("<h1>日韓首脳会談</h1>" + "".join(f"<p>{p}</p>" for p in JAPANESE),
                 head="<title>日韓首脳会談</title>", charset="shift_jis")
    path = tmp_path / "summit.html"
    path.write_bytes(page.encode("shift_jis"))
    doc = read_html(path.read_bytes(), str(path))
    assert doc.title == "日韓首脳会談"
    assert [b.text for b in doc.blocks] == list(JAPANESE)


def test_meta_values_are_unescaped():
    head = ('<meta property="og:title" content="Kim &amp; Lee agree on a &quot;new era&quot;">'
            '<meta name="author" content="Park &amp; Choi">'
            '<meta property="og:site_name" content="News &#38; Views">')
    body = ("<h1>Kim and Lee agree</h1><p>President Kim met Prime Minister Lee in Seoul on "
            "Monday for talks on trade, security and the future of the alliance.</p>")
    doc = read_html(_page(body, head).encode(), "page.html")
    assert doc.title == 'Kim & Lee agree on a "new era"'
    assert doc.author == "Park & Choi"
    assert doc.site == "News & Views"


def test_a_profile_link_is_not_taken_for_the_author():
    head = '<meta name="author" content="https://example.org/profile/kim">'
    body = ("<h1>Talks</h1><p>President Kim met Prime Minister Lee in Seoul on Monday for "
            "talks on trade, security and the future of the alliance.</p>")
    assert read_html(_page(body, head).encode(), "page.html").author == ""


@pytest.mark.parametrize("markup, words", [
    ("<div><span>Press Trust of India</span><span>All India</span>"
     "<div>Edited by Ravi Kumar for the national news desk</div></div>",
     "All India Edited by"),
    ("<div>The summit opened on a cold morning<div>in the hall of the old parliament "
     "building, with both delegations present.</div></div>", "morning in the hall"),
    ("<p>Follow the summit with our reporters on <a href='/f'>Facebook</a>"
     "<a href='/t'>Twitter</a><a href='/i'>Instagram</a></p>", "Facebook Twitter Instagram"),
])
def test_adjacent_elements_are_not_glued(markup, words):
    body = ("<h1>Talks</h1><p>President Kim met Prime Minister Lee in Seoul on Monday for "
            "talks on trade, security and the future of the alliance.</p>" + markup
            + "<p>They agreed to meet again in Tokyo next year for a further round.</p>")
    text = " | ".join(b.text for b in read_html(_page(body).encode(), "page.html").blocks)
    assert words in text


def test_formatting_inside_a_word_keeps_the_word_whole():
    body = ("<h1>Talks</h1><p>President Kim met Prime Minister Lee in Seoul on Monday. "
            "<b>S</b>econdly, they agreed on the 2<sup>nd</sup> round of talks on trade.</p>")
    [para] = read_html(_page(body).encode(), "page.html").blocks
    assert "Secondly, they agreed on the 2nd round" in para.text


def test_line_breaks_separate_paragraphs():
    body = ("<h1>Talks</h1><p>President Kim met Prime Minister Lee in Seoul on Monday."
            "<br>They discussed trade and security at length.<br><br>"
            "<a href='/bn'>Read this story in Bengali</a><br><a href='/v'>Watch the video</a></p>")
    texts = [b.text for b in read_html(_page(body).encode(), "page.html").blocks]
    assert texts == ["President Kim met Prime Minister Lee in Seoul on Monday.",
                     "They discussed trade and security at length.",
                     "Read this story in Bengali", "Watch the video"]


def test_the_corpus_pages_read_cleanly(corpus):
    """No words run together ("BengaliWatch", "FacebookTwitter") in the real saved pages."""
    import re

    for path in sorted(corpus.glob("*.html")):
        doc = read_html(path.read_bytes(), str(path))
        glued = [w for b in doc.blocks for w in re.findall(r"\b\w*[a-z]{2}[A-Z][a-z]\w*", b.text)
                 if not re.match(r"(Mc|Mac)[A-Z]|i[A-Z]", w)]
        assert glued == [], path.name


@pytest.fixture
def corpus():
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
    if not folder.is_dir():
        pytest.skip(f"the shared corpus is not available at {folder}")
    return folder


def test_an_empty_page_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"  ")
    with pytest.raises(Exception) as info:
        import_sources([path])
    assert str(info.value) == (f"{path}: the file is empty "
                               "(choose a file that contains the article or data)")
