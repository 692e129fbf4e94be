"""Error messages in plain words, with the technical line kept for Details."""

from __future__ import annotations

import pytest

from briefgen.briefing_io import load_briefing
from briefgen.errors import InputError, OutputError, SourceError, TemplateError
from briefgen.gui.messages import describe, human_message, plain_problem, where_lines


def test_binary_file_is_explained_with_what_can_be_imported():
    exc = SourceError("this looks like binary data, not text", file="/tmp/in/photo.jpg",
                      hint="save the article as .txt, .md, .html or .docx")
    text, details = human_message(exc)
    assert text == ("photo.jpg doesn't look like text. briefgen can import articles saved as "
                    ".txt, .md, .html, .docx, .pdf or e-mail.")
    assert details.startswith("/tmp/in/photo.jpg: this looks like binary data, not text")


def test_validation_problems_read_as_sentences():
    exc = InputError("input should be a valid date or datetime, invalid character in year "
                     "(and 1 more)", file="/tmp/summit.brief.json", field_path="meeting.date",
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
    assert plain_problem("Input should be 'host', 'guest' or 'principal'") == \
        "must be one of: host, guest or principal"
    assert plain_problem("Field required") == "is missing"
    assert plain_problem("something new from pydantic") is None


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
