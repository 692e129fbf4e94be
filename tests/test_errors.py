"""Errors carry their location as fields and build their one line from them."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from briefgen.errors import (BriefgenError, Cancelled, InputError, OutputError, SourceError,
                             TemplateError, TemplateSecurityError)

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
              field_path="meeting.date", hint="fix it", details=("a", "b"))
    again = pickle.loads(pickle.dumps(exc))
    assert type(again) is cls
    assert (again.message, again.fields()) == (exc.message, exc.fields())
    assert str(again) == "memo: footer, paragraph 1: {{ x }}: meeting.date: bad tag (fix it)"


def test_fields_carry_over_to_another_error():
    inner = InputError("too big", file="t.docx", location="line 2", hint="smaller")
    outer = TemplateError(inner.message, **inner.fields())
    assert str(outer) == "t.docx: line 2: too big (smaller)"
