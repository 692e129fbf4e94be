"""The facts model and briefing files: round-trips and every validation message."""

from __future__ import annotations

import json

import pytest

from briefgen.briefing_io import dump_briefing, json_schema, load_briefing, save_briefing
from briefgen.errors import InputError, OutputError
from briefgen.model import SCHEMA_VERSION, Briefing


def write(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_sample_round_trips_through_json(sample, tmp_path):
    out = save_briefing(sample, tmp_path / "copy.brief.json")
    again, warnings = load_briefing(out)
    assert again == sample and warnings == []
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


def test_sample_has_what_a_staffer_finishes(sample):
    assert [p.name for p in sample.participants] == ["Shigeru Ishiba", "Lee Jae Myung"]
    assert sample.participants[0].native_name == "石破茂"
    assert sample.meeting.date.isoformat() == "2025-08-23"
    assert sample.marking.classification == "UNCLASSIFIED"
    assert sample.objectives and all(t.talking_points for t in sample.topics[:2])
    assert sample.routing.drafter.name


def test_same_structure_reads_from_yaml(sample, tmp_path):
    import yaml

    path = tmp_path / "brief.yaml"
    path.write_text(yaml.safe_dump(sample.model_dump(mode="json"), allow_unicode=True),
                    encoding="utf-8")
    again, _ = load_briefing(path)
    assert again == sample


def test_every_problem_is_reported_with_its_path(tmp_path):
    path = write(tmp_path / "bad.brief.json", {
        "participants": [{"name": "Ok"}, {"title": "President"}],
        "topics": [{"title": "Trade", "category": "commerce"}],
        "meeting": {"date": "23 August"},
    })
    with pytest.raises(InputError) as info:
        load_briefing(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    details = info.value.details
    assert "participants[1].name: field required" in details
    assert any(line.startswith("topics[0].category: input should be 'security'") for line in details)
    assert any(line.startswith("meeting.date: ") for line in details)
    assert "(and 2 more)" in message


def test_unknown_field_is_named(tmp_path):
    path = write(tmp_path / "typo.brief.json", {"titel": "x"})
    with pytest.raises(InputError, match=r"titel: unknown field \(check its spelling"):
        load_briefing(path)


def test_newer_schema_version_is_refused(tmp_path):
    path = write(tmp_path / "future.brief.json", {"schema_version": SCHEMA_VERSION + 1})
    with pytest.raises(InputError) as info:
        load_briefing(path)
    assert str(info.value) == (f"{path}: schema_version {SCHEMA_VERSION + 1} is newer than this "
                               f"briefgen understands ({SCHEMA_VERSION}) (update briefgen to open this file)")


def test_control_characters_are_stripped_with_a_warning_naming_the_field(tmp_path):
    path = write(tmp_path / "ctl.brief.json", {
        "title": "Summit\x00 in Tokyo", "participants": [{"name": "Lee\x07 Jae Myung"}]})
    briefing, warnings = load_briefing(path)
    assert briefing.title == "Summit in Tokyo"
    assert briefing.participants[0].name == "Lee Jae Myung"
    assert warnings == [f"{path}: title: removed control characters",
                        f"{path}: participants[0].name: removed control characters"]


def test_model_cleans_text_set_in_code_too():
    briefing = Briefing(title="a\x0bb")
    briefing.summary = "c\x1fd"
    assert (briefing.title, briefing.summary) == ("ab", "cd")


@pytest.mark.parametrize("content, message", [
    ('{"title": ', "line 1, column 11: not valid JSON: Expecting value"),
    ("[1, 2]", "expected a briefing object, found list"),
])
def test_bad_json_says_where(tmp_path, content, message):
    path = tmp_path / "b.brief.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_briefing(path)
    assert str(info.value) == f"{path}: {message}"


def test_bad_yaml_names_the_line(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("title: ok\nmeeting: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"b.yaml: line 3: not valid YAML"):
        load_briefing(path)


def test_missing_file_and_non_utf8(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_briefing(tmp_path / "absent.brief.json")
    path = tmp_path / "latin1.brief.json"
    path.write_bytes('{"title": "Caf\xe9"}'.encode("latin-1"))
    with pytest.raises(InputError, match=r"not UTF-8 text \(byte 14\) \(save it as UTF-8\)"):
        load_briefing(path)


def test_failed_save_keeps_the_old_file_and_no_temp(sample, tmp_path, monkeypatch):
    path = tmp_path / "keep.brief.json"
    path.write_text("old", encoding="utf-8")

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OutputError) as info:
        save_briefing(sample, path)
    assert str(info.value) == (f"{path}: cannot write the file: No space left on device "
                               "(free some disk space or choose another folder)")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.brief.json"]


def test_schema_names_the_contract_fields():
    schema = json_schema()
    person = schema["$defs"]["Person"]["properties"]
    assert {"name", "native_name", "title", "country", "role", "side", "bio"} <= set(person)
    assert set(schema["$defs"]["Topic"]["properties"]["category"]["enum"]) >= {"security", "history"}
    assert "portion_marks" in schema["$defs"]["Marking"]["properties"]


def test_dump_is_stable_utf8(sample):
    text = dump_briefing(sample)
    assert "石破茂" in text and text == dump_briefing(sample)
