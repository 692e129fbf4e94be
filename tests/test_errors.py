"""Errors carry their location as fields and build their one line from them."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from briefgen.briefing_io import load_briefing
from briefgen.cli import main
from briefgen.errors import (BriefgenError, Cancelled, InputError, OutputError, SourceError,
                             TemplateError, TemplateSecurityError)
from briefgen.importing import import_sources

LINES = [
    ({}, "no article text found"),
    ({"hint": "save it as UTF-8"}, "no article text found (save it as UTF-8)"),
    ({"file": "memo.docx"}, "memo.docx: no article text found"),
    ({"file": Path("in") / "a.txt"}, f"{Path('in') / 'a.txt'}: no article text found"),
    ({"file": "memo", "part": "body"}, "memo: body: no article text found"),
    ({"file": "memo", "part": "header", "location": 'paragraph 2 ("{{ x }}")'},
     'memo: header, paragraph 2 ("{{ x }}"): no article text found'),
    ({"file": "memo", "part": "body", "tag": "{{ x }}", "hint": "fix it"},
     "memo: body: {{ x }}: no article text found (fix it)"),
    ({"file": "a.brief.json", "field_path": "meeting.date"},
     "a.brief.json: meeting.date: no article text found"),
    ({"file": "people.csv", "location": "row 4", "field_path": "participants[2].name"},
     "people.csv: row 4: participants[2].name: no article text found"),
    ({"location": "line 3"}, "line 3: no article text found"),
    ({"file": "a.csv", "details": ("one", "two")}, "a.csv: no article text found"),
]


@pytest.mark.parametrize(("fields", "line"), LINES)
def test_the_line_is_built_from_the_fields(fields, line):
    assert str(BriefgenError("no article text found", **fields)) == line


def test_details_are_a_tuple_of_lines_never_part_of_the_line():
    exc = InputError("two problems", file="a.yaml", details=["x: missing", "y: missing"])
    assert exc.details == ("x: missing", "y: missing")
    assert "\n" not in str(exc)
    assert InputError("m").details == ()


def test_the_place_is_file_part_and_location():
    assert TemplateError("m", file="memo", part="body", location="table 1, row 2, cell 3",
                         tag="{{ x }}").place() == "memo: body, table 1, row 2, cell 3"
    assert TemplateError("m").place() == ""


@pytest.mark.parametrize("cls", [BriefgenError, InputError, SourceError, TemplateError,
                                 TemplateSecurityError, OutputError, Cancelled])
def test_pickling_keeps_the_class_and_every_field(cls):
    exc = cls("bad tag", file="memo", part="footer", location="paragraph 1", tag="{{ x }}",
              field_path="meeting.date", hint="fix it", details=("a", "b"), kind="literal_error",
              choices=("host", "guest"))
    again = pickle.loads(pickle.dumps(exc))
    assert (again.kind, again.choices) == ("literal_error", ("host", "guest"))
    assert type(again) is cls
    assert (again.message, again.fields()) == (exc.message, exc.fields())
    assert str(again) == "memo: footer, paragraph 1: {{ x }}: meeting.date: bad tag (fix it)"


def test_fields_carry_over_to_another_error():
    inner = InputError("too big", file="t.docx", location="line 2", hint="smaller")
    outer = TemplateError(inner.message, **inner.fields())
    assert str(outer) == "t.docx: line 2: too big (smaller)"


BAD_BRIEFING = ('{"participants": [{"title": "President"}],\n'
                ' "meeting": {"date": "23 August"},\n'
                ' "topics": [{"title": "Trade", "category": "commerce"}]}\n')
FIRST = "meeting.date: input should be a valid date or datetime, input is too short"


def test_the_cli_prints_one_line_and_the_details_only_with_verbose(tmp_path, capsys):
    path = tmp_path / "bad.brief.json"
    path.write_text(BAD_BRIEFING, encoding="utf-8")
    argv = ["render", str(path), "-t", "briefing-memo", "-o", str(tmp_path / "o.docx")]
    assert main(argv) == 1
    assert capsys.readouterr().err == f"briefgen: error: {path}: {FIRST} (and 2 more)\n"
    assert main(["-v", *argv]) == 1
    assert capsys.readouterr().err == (
        f"briefgen: error: {path}: {FIRST} (and 2 more)\n"
        f"  {FIRST}\n"
        "  participants[0].name: field required\n"
        "  topics[0].category: input should be 'security', 'trade', 'economy', 'history', "
        "'technology', 'energy', 'climate', 'people', 'regional', 'politics' or 'other'\n")
    assert not (tmp_path / "o.docx").exists()


def test_verbose_adds_nothing_to_an_error_without_details(tmp_path, capsys):
    path = tmp_path / "b.yaml"
    path.write_text("title: [x\n", encoding="utf-8")
    assert main(["--verbose", "import", str(path)]) == 1
    assert capsys.readouterr().err == (f"briefgen: error: {path}: line 2: not valid YAML: did "
                                       "not find expected ',' or ']'\n")


def test_verbose_does_not_repeat_a_detail_the_line_already_says(tmp_path, capsys):
    path = tmp_path / "bad.brief.json"
    path.write_text('{"meeting": {"date": "x"}}', encoding="utf-8")
    argv = ["render", str(path), "-t", "briefing-memo", "-o", str(tmp_path / "o.docx")]
    assert main(["-v", *argv]) == 1
    assert capsys.readouterr().err == (f"briefgen: error: {path}: meeting.date: input should "
                                       "be a valid date or datetime, input is too short\n")


def test_a_validation_error_carries_the_field_and_every_problem(tmp_path):
    path = tmp_path / "bad.brief.json"
    path.write_text(BAD_BRIEFING, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_briefing(path)
    exc = info.value
    assert (exc.file, exc.field_path, exc.location) == (str(path), "meeting.date", None)
    assert exc.message == ("input should be a valid date or datetime, input is too short "
                           "(and 2 more)")
    assert len(exc.details) == 3


def test_a_csv_error_carries_its_line_and_column(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,role\nA B,host\nC D,emperor\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        import_sources([path])
    assert (info.value.file, info.value.location, info.value.field_path) == \
        (str(path), "line 3, column 'role'", None)


def test_a_yaml_reader_error_names_its_reason(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("title: a\x00b\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_briefing(path)
    assert str(info.value) in {  # libyaml's words, else PyYAML's
        f"{path}: not valid YAML: control characters are not allowed",
        f"{path}: not valid YAML: special characters are not allowed"}


def test_details_must_be_lines_not_one_string():
    with pytest.raises(TypeError):
        InputError("x", details="a\nb")
