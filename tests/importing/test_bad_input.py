"""Bad input: one clear SourceError naming the file, never a traceback or partial output."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.briefing_io import dump_briefing
from briefgen.errors import SourceError
from briefgen.importing import SUPPORTED_SUFFIXES, import_sources
from briefgen.importing.readers import MAX_BYTES
from briefgen.model import Briefing
from briefgen.textclean import has_invalid


def _error(path) -> str:
    with pytest.raises(SourceError) as info:
        import_sources([path])
    assert info.value.file == str(path)
    return str(info.value)


def test_unsupported_extension(tmp_path):
    path = tmp_path / "notes.pages"
    path.write_bytes(b"PK")
    assert _error(path) == (f"{path}: unsupported file type '.pages' (briefgen imports .txt, "
                            ".md, .html, .htm, .docx, .pdf, .eml, .msg, .json, .yaml, .yml, "
                            ".csv)")


def test_where_is_the_path_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(SourceError) as info:
        import_sources(["./empty.txt"])
    assert str(info.value).startswith("./empty.txt: the file is empty")


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "a.docx", "a.json", "a.csv"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"  \n")
    assert "the file is empty" in _error(path)


def test_missing_file(tmp_path):
    assert _error(tmp_path / "gone.txt").endswith("gone.txt: no such file")


def test_binary_garbage(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert "binary data, not text" in _error(path)


def test_file_over_20_mb(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    assert "larger than 20 MB" in _error(path)


def test_web_page_without_an_article(tmp_path):
    path = tmp_path / "home.html"
    path.write_text("<html><body><nav><a href='/'>Home</a><a href='/w'>World</a></nav>"
                    "<footer>© Example</footer></body></html>", encoding="utf-8")
    assert "no article text found in this web page" in _error(path)


def test_docx_that_is_not_a_word_file(tmp_path):
    path = tmp_path / "article.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert "not a Word document (not a readable zip package" in _error(path)


def test_csv_with_unknown_columns(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("Foo,Bar\n1,2\n", encoding="utf-8")
    message = _error(path)
    assert "unknown columns 'Foo', 'Bar'" in message
    assert "name, title, country, role" in message and "value, unit, text" in message


def test_csv_with_one_unknown_column_in_a_participant_table(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("Name,Title,Shoe size\nA B,President,9\n", encoding="utf-8")
    assert "unknown column 'Shoe size' in a table of participants" in _error(path)


def test_csv_participants_and_figures(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("NAME;Title;Country;Role\nAnna Berg;President;Finland;Host\n",
                      encoding="utf-8")
    figures = tmp_path / "figures.csv"
    figures.write_text("Value,Unit,Text\n\"1,500\",troops,\"1,500 troops\"\n", encoding="utf-8")
    b = import_sources([people, figures]).briefing
    assert [(p.name, p.title, p.country, p.role) for p in b.participants] == \
        [("Anna Berg", "President", "Finland", "host")]
    assert [(f.value, f.unit, f.text) for f in b.figures] == [(1500, "troops", "1,500 troops")]


def test_csv_bad_role_names_the_line(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,role\nA B,host\nC D,emperor\n", encoding="utf-8")
    assert _error(path) == (f"{path}: line 3, column 'role': input should be 'host', 'guest', "
                            "'principal', 'delegation', 'interpreter' or 'notetaker'")


def test_json_that_is_not_a_briefing(tmp_path):
    path = tmp_path / "data.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    assert "not a briefing: the file holds a list" in _error(path)
    path.write_text('{"colour": "red"}', encoding="utf-8")
    assert "colour: unknown field" in _error(path)


def test_briefing_json_and_yaml_import(tmp_path):
    data = {"title": "Talks", "participants": [{"name": "Anna Berg", "country": "Finland"}]}
    (tmp_path / "a.brief.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("participants:\n  - name: Anna Berg\n    title: President\n",
                                     encoding="utf-8")
    b = import_sources([tmp_path / "a.brief.json", tmp_path / "b.yaml"]).briefing
    assert b.title == "Talks"
    assert [(p.name, p.title, p.country) for p in b.participants] == \
        [("Anna Berg", "President", "Finland")]


# -- property-based: every reader either imports or raises the project's own error ------

_FUZZ = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])


def _imports_or_refuses(path) -> None:
    """What the user can get: a briefing whose every text a .docx can hold and that
    saves and loads unchanged, or one line naming the file."""
    try:
        result = import_sources([path])
    except SourceError as exc:
        assert exc.file == str(path) and "\n" not in str(exc) and exc.message
        return
    briefing = result.briefing
    assert not any(has_invalid(text) for text in _texts(briefing.model_dump(mode="json")))
    assert Briefing.model_validate_json(dump_briefing(briefing)) == briefing


def _texts(value):
    if isinstance(value, str):
        yield value
    for item in value.values() if isinstance(value, dict) else \
            value if isinstance(value, list) else ():
        yield from _texts(item)


@_FUZZ
@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_random_bytes_never_escape(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    _imports_or_refuses(path)


@_FUZZ
@given(text=st.text(max_size=600), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_random_text_never_escapes(tmp_path, text, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _imports_or_refuses(path)


_WORDS = st.sampled_from(["President", "Prime Minister", "Japan", "said", "“", "”", '"', "$5",
                          "billion", "on Monday", "agreed to", "will meet", "Tokyo", "the two",
                          "leaders", ",", ".", "\n", "\n\n", "# ", "Lee", "Kim Su", "15%", "of"])


@_FUZZ
@given(words=st.lists(_WORDS, max_size=80), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_newsy_noise_never_escapes(tmp_path, words, suffix):
    path = tmp_path / f"noise{suffix}"
    path.write_text(" ".join(words), encoding="utf-8")
    _imports_or_refuses(path)
