"""The briefgen command: outputs, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from docx import Document
from docx_helpers import body_text

from briefgen.batch import PARALLEL_FROM
from briefgen.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_render_one_memo(capsys, sample_path, tmp_path):
    out = tmp_path / "memo.docx"
    code, _, err = run(capsys, "render", sample_path, "-t", "briefing-memo", "-o", out)
    assert code == 0 and err.strip() == str(out)
    assert "Lee Jae Myung" in body_text(out.read_bytes())


def test_render_many_into_a_folder_with_manifest_names(capsys, sample, sample_path, tmp_path):
    second = tmp_path / "second.brief.json"
    sample.title = "Second summit"
    second.write_text(sample.model_dump_json(), encoding="utf-8")
    folder = tmp_path / "out"
    code, _, _ = run(capsys, "render", sample_path, second, "-t", "briefing-memo", "-o", folder)
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "2025-08-23 Second summit - Briefing memo.docx",
        "2025-08-23 Your summit with President Lee Jae Myung, Tokyo, 23 August 2025 - Briefing memo.docx"]


def test_same_names_do_not_overwrite_each_other(capsys, sample_path, tmp_path):
    folder = tmp_path / "out"
    code, _, _ = run(capsys, "render", sample_path, sample_path, "-t", "briefing-memo", "-o", folder)
    assert code == 0 and len(list(folder.iterdir())) == 2


def test_render_warns_of_a_marking_the_office_does_not_use(capsys, sample_path, tmp_path):
    out = tmp_path / "memo.docx"
    code, _, err = run(capsys, "render", sample_path, "-t", "briefing-memo",
                       "--office", "think-tank", "-o", out)
    assert code == 0 and err.splitlines() == [
        f"briefgen: warning: {sample_path}: the briefing is marked UNCLASSIFIED, which office "
        "'think-tank' does not use (its levels: none (unmarked)); the document keeps UNCLASSIFIED",
        str(out)]


def test_pack_writes_one_document_from_one_briefing(capsys, sample_path, tmp_path):
    out = tmp_path / "pack.docx"
    code, _, err = run(capsys, "render", sample_path, "-t", "briefing-memo",
                       "-t", "talking-points", "--pack", out)
    assert code == 0 and err.strip() == str(out)
    text = body_text(out.read_bytes())
    assert text.index("Contents") < text.index("BRIEFING MEMORANDUM") < text.index("TALKING POINTS")
    assert [p.name for p in tmp_path.iterdir()] == ["pack.docx"]
    code, _, err = run(capsys, "render", sample_path, sample_path, "-t", "briefing-memo",
                       "--pack", tmp_path / "two.docx")
    assert code == 1 and err == (f"briefgen: error: {tmp_path / 'two.docx'}: a pack is made "
                                 "from one briefing (choose one briefing for the pack)\n")


def test_templates_json_lists_the_contract_keys(capsys):
    code, out, _ = run(capsys, "templates", "--json")
    entries = json.loads(out)
    memo = next(e for e in entries if e["name"] == "briefing-memo")
    assert code == 0 and memo["origin"] == "builtin" and memo["kind"] == "memo"
    assert memo["path"].endswith("briefing-memo.docx") and memo["title"] == "Briefing memo"


def test_user_template_overrides_builtin_by_name(capsys, monkeypatch, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    Document().save(shared / "briefing-memo.docx")
    monkeypatch.setenv("BRIEFGEN_TEMPLATE_PATH", str(shared))
    code, out, _ = run(capsys, "templates", "--json")
    memo = next(e for e in json.loads(out) if e["name"] == "briefing-memo")
    assert memo["origin"] == "shared" and memo["path"] == str(shared / "briefing-memo.docx")


def test_schema_prints_json_schema(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0 and "participants" in json.loads(out)["properties"]


def test_offices_lists_the_default(capsys):
    code, out, _ = run(capsys, "offices", "--json")
    assert code == 0 and any(o["name"] == "default" for o in json.loads(out))


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "absent.brief.json", "{path}: no such file"),
    (lambda d: _write(d / "bad.brief.json", '{"title": 1,}'),
     "{path}: line 1, column 13: not valid JSON: Expecting property name enclosed in double quotes"),
    (lambda d: _write(d / "bad.yaml", "title: [x\n"), "{path}: line 2: not valid YAML: "),
    (lambda d: _write(d / "bad.brief.json", '{"participants": [{"title": "x"}]}'),
     "{path}: participants[0].name: field required"),
])
def test_bad_briefing_files(capsys, tmp_path, make, message):
    path = make(tmp_path)
    out = tmp_path / "memo.docx"
    code, _, err = run(capsys, "render", path, "-t", "briefing-memo", "-o", out)
    assert code == 1
    assert err.startswith("briefgen: error: " + message.format(path=path))
    assert err.count("\n") == 1 and not out.exists()


def _many_briefings(folder, sample_path, count):
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    paths = []
    for i in range(count):
        data["title"] = f"Summit {i:02d}" + ("\x07" if i in (0, count - 3) else "")
        paths.append(_write(folder / f"{i:02d}.brief.json", json.dumps(data)))
    return paths


def test_a_large_batch_reads_its_briefings_in_order_and_stops_at_a_bad_one(capsys, tmp_path,
                                                                           sample_path):
    """A batch large enough for worker processes: the warnings come in file order,
    and a bad file stops it before anything is written, with its one line."""
    paths = _many_briefings(tmp_path, sample_path, PARALLEL_FROM + 4)
    folder = tmp_path / "out"
    code, _, err = run(capsys, "render", *paths, "-t", "briefing-memo", "-o", folder)
    lines = err.splitlines()
    assert code == 0 and len(list(folder.iterdir())) == len(paths)
    assert lines[:2] == [f"briefgen: warning: {paths[0]}: title: removed control characters",
                         f"briefgen: warning: {paths[-3]}: title: removed control characters"]
    _write(paths[-5], '{"title": 1,}')
    code, _, err = run(capsys, "render", *paths, "-t", "briefing-memo", "-o", tmp_path / "new")
    assert code == 1 and not (tmp_path / "new").exists()
    assert err.splitlines()[1:] == [
        f"briefgen: error: {paths[-5]}: line 1, column 13: not valid JSON: Expecting property "
        "name enclosed in double quotes"]


def test_a_large_batch_with_a_broken_template_says_so_once(capsys, tmp_path, sample_path):
    doc = Document()
    doc.add_paragraph("{{ participants[0].nme }}")
    doc.save(tmp_path / "broken.docx")
    paths = _many_briefings(tmp_path, sample_path, PARALLEL_FROM)
    code, _, err = run(capsys, "render", *paths, "-t", tmp_path / "broken.docx",
                       "-o", tmp_path / "out")
    assert code == 1 and not list((tmp_path / "out").iterdir())
    assert err.splitlines()[2:] == ["briefgen: error: broken: body: {{ participants[0].nme }}: "
                                    "Person has no field 'nme' (see `briefgen schema` for the "
                                    "field names)"]


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_template(capsys, sample_path, tmp_path):
    code, _, err = run(capsys, "render", sample_path, "-t", "brefing-memo", "-o", tmp_path / "x.docx")
    assert code == 1
    assert err.startswith("briefgen: error: unknown template 'brefing-memo' (available: ")


def test_broken_template_leaves_existing_output_alone(capsys, sample_path, tmp_path):
    doc = Document()
    doc.add_paragraph("{{ participants[0].nme }}")
    doc.save(tmp_path / "broken.docx")
    out = tmp_path / "memo.docx"
    out.write_bytes(b"yesterday's memo")
    code, _, err = run(capsys, "render", sample_path, "-t", tmp_path / "broken.docx", "-o", out)
    assert code == 1
    assert err == "briefgen: error: broken: body: {{ participants[0].nme }}: Person has no " \
                  "field 'nme' " \
                  "(see `briefgen schema` for the field names)\n"
    assert out.read_bytes() == b"yesterday's memo"


def test_read_only_output(capsys, sample_path, tmp_path):
    out = tmp_path / "memo.docx"
    out.write_bytes(b"x")
    out.chmod(0o444)
    code, _, err = run(capsys, "render", sample_path, "-t", "briefing-memo", "-o", out)
    assert code == 1
    assert err == (f"briefgen: error: {out}: the file is read-only "
                   "(make it writable or choose another name)\n")
    assert out.read_bytes() == b"x"


def test_output_locked_by_a_word_processor(capsys, sample_path, tmp_path):
    out = tmp_path / "memo.docx"
    out.write_bytes(b"open in Word")
    (tmp_path / ".~lock.memo.docx#").write_text("user", encoding="utf-8")
    code, _, err = run(capsys, "render", sample_path, "-t", "briefing-memo", "-o", out)
    assert code == 1
    assert err == (f"briefgen: error: {out}: the file is open in a word processor "
                   "(close it there, then export again)\n")
    assert out.read_bytes() == b"open in Word"


def test_output_folder_missing(capsys, sample_path, tmp_path):
    out = tmp_path / "nowhere" / "memo.docx"
    code, _, err = run(capsys, "render", sample_path, "-t", "briefing-memo", "-o", out)
    assert code == 1 and err == (f"briefgen: error: {out.parent}: the folder does not exist "
                                 "(create it or choose another output path)\n")


def test_several_documents_need_a_folder(capsys, sample_path, tmp_path):
    out = tmp_path / "memo.docx"
    code, _, err = run(capsys, "render", sample_path, sample_path, "-t", "briefing-memo", "-o", out)
    assert code == 1 and "2 documents need a folder, not a file" in err and not out.exists()


def test_errors_have_no_traceback_but_debug_shows_it(tmp_path):
    argv = [sys.executable, "-m", "briefgen", "render", str(tmp_path / "x.json"),
            "-t", "briefing-memo", "-o", str(tmp_path / "o.docx")]
    plain = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    debug = subprocess.run(argv[:3] + ["--debug"] + argv[3:], capture_output=True, text=True,
                           timeout=60)
    assert "Traceback" in debug.stderr


def test_the_program_exits_with_the_status_and_skips_the_last_collection(tmp_path):
    """``run()`` is the whole process: it exits with the command's status, and after a
    one-shot command the objects are frozen, so shutting down does not collect them."""
    code = ("import gc, sys\n"
            "from briefgen.cli import run\n"
            "try:\n    run()\n"
            "except SystemExit as exc:\n    print(exc.code, gc.get_freeze_count() > 0)\n")
    ok = subprocess.run([sys.executable, "-c", code, "templates"], capture_output=True,
                        text=True, timeout=60)
    assert ok.stdout.splitlines()[-1] == "0 True"
    failed = subprocess.run([sys.executable, "-c", code, "check", str(tmp_path / "none.docx")],
                            capture_output=True, text=True, timeout=60)
    assert failed.stdout.strip() == "1 True" and failed.stderr.startswith("briefgen: error:")


def test_a_render_collects_garbage_again_once_its_briefings_are_read(sample_path, tmp_path):
    """Start-up makes next to no cyclic garbage: collection is off until the briefings
    are read, then on (for the documents) with what start-up made frozen."""
    code = ("import gc\n"
            "from briefgen import cli\n"
            "load, seen = cli._load_briefs, []\n"
            "cli._load_briefs = lambda *args: (seen.append(gc.isenabled()), load(*args))[1]\n"
            "cli._collect_from_here = lambda c=cli._collect_from_here: "
            "(c(), seen.append((gc.isenabled(), gc.get_freeze_count() > 0)))\n"
            "try:\n    cli.run()\n"
            "except SystemExit as exc:\n    print(exc.code, seen)\n")
    argv = [sys.executable, "-c", code, "render", str(sample_path), "-t", "briefing-memo",
            "-o", str(tmp_path / "m.docx")]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines()[-1] == "0 [False, (True, True)]"


def test_core_commands_never_import_qt(sample_path, tmp_path):
    code = (
        "import sys\n"
        "from briefgen.cli import main\n"
        f"main(['render', {str(sample_path)!r}, '-t', 'briefing-memo', '-o', {str(tmp_path / 'm.docx')!r}])\n"
        "main(['templates']); main(['schema']); main(['offices'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_import_writes_a_briefing_and_a_summary(capsys, tmp_path):
    article = tmp_path / "talks.md"
    article.write_text(
        "# Leaders meet in Ottawa\n\nCanadian Prime Minister Mark Carney received Mexican "
        "President Claudia Sheinbaum in Ottawa on Monday.\n\n## Trade\n\nThe two leaders "
        "agreed to expand energy trade worth $5 billion a year.\n", encoding="utf-8")
    out = tmp_path / "talks.brief.json"
    code, stdout, err = run(capsys, "import", article, "--published", "2025-09-16", "-o", out)
    assert code == 0 and stdout == ""
    assert err.startswith("briefgen: found 2 participants")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [p["name"] for p in data["participants"]] == ["Mark Carney", "Claudia Sheinbaum"]
    assert data["meeting"]["date"] == "2025-09-15"


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "{path}: the file is empty"),
    ("notes.pdf", b"%PDF-1.4", "{path}: not a PDF, or a damaged one"),
    ("notes.pages", b"PK", "{path}: unsupported file type '.pages'"),
    ("brief.json", b'{"hello": 1}', "{path}: "),
])
def test_import_errors_are_one_line_and_write_nothing(capsys, tmp_path, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    out = tmp_path / "out.brief.json"
    code, stdout, err = run(capsys, "import", source, "-o", out)
    assert code == 1 and stdout == ""
    assert err.startswith("briefgen: error: " + message.format(path=source))
    assert err.count("\n") == 1 and not out.exists()


def test_a_broken_manifest_hides_only_its_own_template(capsys, monkeypatch, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    Document().save(shared / "office-memo.docx")
    (shared / "office-memo.toml").write_text('title = "Office memo\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_TEMPLATE_PATH", str(shared))
    code, out, err = run(capsys, "templates")
    assert code == 0 and "briefing-memo" in out and "office-memo" not in out
    assert err.startswith(f"briefgen: warning: {shared / 'office-memo.toml'}: the manifest is not valid TOML")
    code, _, err = run(capsys, "render", "x.brief.json", "-t", "office-memo", "-o", tmp_path / "o.docx")
    assert code == 1
    assert err.startswith(f"briefgen: error: {shared / 'office-memo.toml'}: the manifest is not valid TOML")


def test_a_broken_office_profile_is_named(capsys, monkeypatch, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "desk.office.toml").write_text('paper = "B5"\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFGEN_TEMPLATE_PATH", str(shared))
    code, out, err = run(capsys, "offices")
    assert code == 0 and "us-embassy" in out and "[shared]" not in out
    assert err.startswith(f"briefgen: warning: {shared / 'desk.office.toml'}: paper: input should be")
