"""Error messages in plain words, with the technical line kept for Details."""

from __future__ import annotations

import pytest

from briefgen.briefing_io import load_briefing
from briefgen.errors import BriefgenError, InputError, OutputError, SourceError, TemplateError
from briefgen.gui.messages import RULES, describe, human_message, plain_problem, where_lines
from briefgen.importing import import_sources


def test_binary_file_is_explained_with_what_can_be_imported():
    exc = SourceError("this looks like binary data, not text", file="/tmp/in/photo.jpg",
                      kind="binary", hint="save the article as .txt, .md, .html or .docx")
    text, details = human_message(exc)
    assert text == ("photo.jpg doesn't look like text. briefgen can import articles saved as "
                    ".txt, .md, .html, .docx, .pdf or e-mail.")
    assert details.startswith("/tmp/in/photo.jpg: this looks like binary data, not text")


def test_validation_problems_read_as_sentences():
    exc = InputError("input should be a valid date or datetime, invalid character in year "
                     "(and 1 more)", file="/tmp/summit.brief.json", field_path="meeting.date",
                     kind="date_from_datetime_parsing",
                     details=("meeting.date: input should be a valid date",
                              "participants[0].role: input should be 'host' or 'guest'"))
    text, details = human_message(exc)
    assert text == ("The date of the meeting in summit.brief.json is not a valid date: write it "
                    "as YYYY-MM-DD, e.g. 2025-08-23. 1 more problem is listed under Details.")
    assert details == ("/tmp/summit.brief.json: meeting.date: input should be a valid date or "
                       "datetime, invalid character in year (and 1 more)\n"
                       "meeting.date: input should be a valid date\n"
                       "participants[0].role: input should be 'host' or 'guest'")


def test_a_real_briefing_error_reads_as_a_sentence(tmp_path):
    path = tmp_path / "summit.brief.json"
    path.write_text('{"participants": [{"title": "President"}], "meeting": {"date": "x"}}',
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_briefing(path)
    text, _ = human_message(info.value)
    assert text == ("The date of the meeting in summit.brief.json is not a valid date: write it "
                    "as YYYY-MM-DD, e.g. 2025-08-23. 1 more problem is listed under Details.")


def test_where_lines_come_from_the_fields():
    exc = TemplateError("unknown variable 'titel'", file="/t/memo.docx", part="header",
                        tag="{{ titel }}")
    assert where_lines(exc) == "In: /t/memo.docx: header\nTag: {{ titel }}"
    assert where_lines(InputError("x", file="a.yaml", location="line 2",
                                  field_path="meeting.date")) == \
        "In: a.yaml: line 2\nField: meeting.date"
    assert where_lines(InputError("x")) == ""


def test_field_places_and_pydantic_words():
    assert describe("participants[2].role") == "the role of participant 3"
    assert describe("topics[1].points[0]") == "point 1 of topic 2"
    assert describe("routing.clearances[0].office") == "the office of clearance 1 of the routing"
    assert plain_problem("literal_error", ("host", "guest", "principal")) == \
        "must be one of: host, guest or principal"
    assert plain_problem("missing") == "is missing"
    assert plain_problem("something_new_from_pydantic") is None


def test_other_errors_keep_their_message_and_hint_as_sentences():
    text, details = human_message(OutputError("the file is read-only", file="out.docx",
                                              hint="close it in Word first"))
    assert text == "The file is read-only. Close it in Word first."
    assert details == "out.docx: the file is read-only (close it in Word first)"


def test_a_bug_says_so_and_keeps_the_traceback():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        text, details = human_message(exc)
    assert "bug" in text and "ZeroDivisionError" in details and "Traceback" in details
    text, details = human_message(PermissionError(13, "Permission denied", "/x/brief.json"))
    assert text == "briefgen could not use brief.json: permission denied."


SENTENCES = {
    "binary": "memo.txt doesn't look like text. briefgen can import articles saved as "
              ".txt, .md, .html, .docx, .pdf or e-mail.",
    "unsupported": "briefgen cannot import memo.txt: it reads articles saved as .txt, .md, "
                   ".html, .docx, .pdf or e-mail, and briefings (.brief.json, .yaml).",
    "empty": "memo.txt is empty.",
    "no-text": "memo.txt has no text in it.",
    "no-article": "briefgen found no article text in memo.txt.",
    "missing": "memo.txt is not there any more: it may have been moved or deleted.",
    "denied": "briefgen is not allowed to open memo.txt.",
    "folder": "memo.txt is a folder; choose a file in it.",
    "not-docx": "memo.txt is not a Word document, although its name ends in .docx.",
    "damaged-docx": "memo.txt is damaged and cannot be read.",
    "json": "memo.txt is damaged: it is not valid JSON.",
    "yaml": "memo.txt is damaged: it is not valid YAML.",
    "not-utf8": "memo.txt is not saved as UTF-8 text.",
    "manifest-toml": "memo.txt, the settings file beside the template, has a mistake. Open it "
                     "in a text editor and fix the line named under Details.",
    "too-large": "memo.txt is too large for briefgen (anything at all).",
}


@pytest.mark.parametrize("kind", sorted(RULES))
def test_each_kind_gives_its_sentence_whatever_the_message_says(kind):
    assert set(SENTENCES) == set(RULES)
    for message in ("anything at all", "the file is empty", "no such file"):
        text, details = human_message(InputError(message, file="/d/memo.txt", kind=kind))
        assert text == SENTENCES[kind].replace("anything at all", message)
        assert details == f"/d/memo.txt: {message}"


def test_a_message_without_a_kind_is_told_as_it_is():
    text, _ = human_message(SourceError("the file is empty", file="/d/memo.txt"))
    assert text == "The file is empty."
    text, _ = human_message(InputError("input should be a valid date", file="/d/b.json",
                                       field_path="meeting.date"))
    assert text == "Input should be a valid date."


@pytest.mark.parametrize(("name", "content", "sentence"), [
    ("empty.txt", b"", "empty.txt is empty."),
    ("photo.txt", bytes(range(256)) * 40,
     "photo.txt doesn't look like text. briefgen can import articles saved as "
     ".txt, .md, .html, .docx, .pdf or e-mail."),
    ("sheet.xls", b"x", "briefgen cannot import sheet.xls: it reads articles saved as .txt, "
                        ".md, .html, .docx, .pdf or e-mail, and briefings (.brief.json, .yaml)."),
    ("gone.txt", None, "gone.txt is not there any more: it may have been moved or deleted."),
    ("folder.txt", "dir", "folder.txt is a folder; choose a file in it."),
])
def test_import_errors_carry_the_kind_of_their_sentence(tmp_path, name, content, sentence):
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(BriefgenError) as info:
        import_sources([path])
    assert human_message(info.value)[0] == sentence


@pytest.mark.parametrize(("name", "text", "kind", "sentence"), [
    ("a.brief.json", "{", "json", "a.brief.json is damaged: it is not valid JSON."),
    ("a.yaml", "title: [x\n", "yaml", "a.yaml is damaged: it is not valid YAML."),
    ("a.brief.json", '{"participants": [{"name": "A B", "role": "emperor"}]}', "literal_error",
     "The role of participant 1 in a.brief.json must be one of: host, guest, principal, "
     "delegation, interpreter or notetaker."),
    ("a.brief.json", '{"meeting": {"dte": "2025-01-01"}}', "extra_forbidden",
     "The dte of the meeting in a.brief.json is not a field briefgen knows (check its "
     "spelling)."),
])
def test_briefing_errors_carry_their_kind(tmp_path, name, text, kind, sentence):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_briefing(path)
    assert info.value.kind == kind
    assert human_message(info.value)[0] == sentence
