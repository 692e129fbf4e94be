"""Hostile inputs, built in code: zip bombs, special files, YAML and JSON bombs,
damaged packages.  Each gives exactly one line (exit 1) within 1 GB of memory,
and leaves no file behind."""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from hostile import (flip_a_bit, lying_sizes, many_members, plain_template, rebuild,
                     zip_bomb)

from briefgen.cli import main
from briefgen.errors import InputError, OutputError
from briefgen.files import read_bytes
from briefgen.preview import docx_to_html
from briefgen.safezip import read_package

GB = 1 << 30
MEMORY = GB
CHILD = """
import contextlib, io, json, resource, sys
from briefgen.cli import main
results = []
for argv in json.loads(sys.stdin.read()):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    results.append([code, err.getvalue()])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"results": results, "peak": peak}))
"""


def limited(*commands: list) -> tuple[list[tuple[int, str]], int]:
    """Each ``briefgen ARGV`` of *commands* in one child limited to 1 GB of address
    space and 30 s: their exit statuses and stderr, and the child's peak memory in MB."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    argvs = [[str(arg) for arg in command] for command in commands]
    result = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps(argvs),
                            capture_output=True, text=True, timeout=30, preexec_fn=limit)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.splitlines()[-1])
    return [tuple(r) for r in report["results"]], report["peak"]


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("briefgen: error: "), err
    return err[len("briefgen: error: "):-1]


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    template = plain_template()
    made = {
        "3 GB member": zip_bomb(3 * GB, base=template, with_crc=False),
        "ratio 1000": zip_bomb(100_000_000, base=template, with_crc=False),
        "5000 members": many_members(5000),
        "lying sizes": lying_sizes(zip_bomb(50_000_000, base=template),
                                   "word/media/image1.png", 1000),
        "bit flip": flip_a_bit(template, "word/document.xml"),
    }
    paths = {}
    for name, data in made.items():
        paths[name] = folder / f"{name.replace(' ', '-')}.docx"
        paths[name].write_bytes(data)
    return paths


BOMB_LINES = {
    "3 GB member": "the package would unpack to 3222 MB, more than 150 MB (a zip bomb?)",
    "ratio 1000": "word/media/image1.png: the part would unpack 1028 times its size, more "
                  "than 200 (a zip bomb?)",
    "5000 members": "the package holds 5000 parts, more than 2000 (a zip bomb?)",
    "lying sizes": "word/media/image1.png: the package is damaged (Bad CRC-32 for file "
                   "'word/media/image1.png')",
    "bit flip": "word/document.xml: the package is damaged (",
}


def test_zip_bombs_and_damaged_packages(bombs, sample_path, tmp_path):
    """As a template (render, check) and as an article (import)."""
    out, brief = tmp_path / "out.docx", tmp_path / "out.brief.json"
    commands, expected = [], []
    for bomb, line in sorted(BOMB_LINES.items()):
        for command in (["render", sample_path, "-t", bombs[bomb], "-o", out],
                        ["check", bombs[bomb]], ["import", bombs[bomb], "-o", brief]):
            commands.append(command)
            expected.append(f"{bombs[bomb]}: {line}")
    results, peak = limited(*commands)
    assert peak < 400
    for (code, err), line, command in zip(results, expected, commands):
        assert code == 1 and one_line(err).startswith(line), command
    assert list(tmp_path.iterdir()) == []


def test_zip_bombs_in_the_preview(bombs):
    for bomb in ("3 GB member", "5000 members", "bit flip"):
        with pytest.raises(OutputError) as caught:
            docx_to_html(bombs[bomb].read_bytes())
        assert str(caught.value).startswith(f"preview: {BOMB_LINES[bomb]}")


def test_members_inflate_no_further_than_declared(bombs):
    """A member whose stream inflates to 50 MB while its headers declare 1000
    bytes: zipfile stops at the declared size and fails the CRC check, and
    read_package inflates it in small steps (ZipFile.read would inflate the
    whole stream first)."""
    data = bombs["lying sizes"].read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="Bad CRC-32"):
            read_package(data, "x.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000


def test_a_lying_member_with_a_matching_crc_never_reaches_the_libraries(tmp_path, sample_path):
    """Its CRC matches the declared 1000 bytes, so it reads as a valid member; the
    libraries (which inflate whole streams, here 3 GB) get the repacked package."""
    lying = lying_sizes(zip_bomb(3 * GB, base=plain_template(), with_crc=False),
                        "word/media/image1.png", 1000,
                        crc=zlib.crc32(bytes(1000)))
    assert len(read_package(lying, "x.docx")["word/media/image1.png"]) == 1000
    template = tmp_path / "lying.docx"
    template.write_bytes(lying)
    out = tmp_path / "out.docx"
    [render, check], peak = limited(["render", sample_path, "-t", template, "-o", out],
                                    ["check", template])
    assert peak < 400
    assert render == (0, f"{out}\n") and check[0] == 0 and "no problems found" in check[1]


def test_unsupported_compression_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(InputError, match=r"x\.docx: word/document\.xml: compressed with a "
                                         r"method Word does not use \(12\)"):
        read_package(out.getvalue(), "x.docx")


# --- special files -----------------------------------------------------------

def test_special_files_are_refused_without_hanging(tmp_path, monkeypatch, sample_path):
    """Symlinks to /dev/zero as articles, briefings and a shared template; a FIFO
    (a hang would make the child time out)."""
    commands, expected = [], []
    for name in ("zero.txt", "zero.docx", "zero.brief.json", "zero.yaml"):
        link = tmp_path / name
        link.symlink_to("/dev/zero")
        commands.append(["render", link, "-t", "briefing-memo", "-o", tmp_path / "o.docx"]
                        if name.endswith((".json", ".yaml")) else ["import", link])
        expected.append(f"{link}: is a device, not a regular file")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "briefing-memo.docx").symlink_to("/dev/zero")
    monkeypatch.setenv("BRIEFGEN_TEMPLATE_PATH", str(shared))
    commands.append(["render", sample_path, "-t", "briefing-memo", "-o", tmp_path / "o.docx"])
    expected.append(f"{shared / 'briefing-memo.docx'}: is a device, not a regular file")
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    commands.append(["import", fifo])
    expected.append(f"{fifo}: is a pipe (FIFO), not a regular file")
    results, peak = limited(*commands)
    assert peak < 400
    for (code, err), line in zip(results, expected):
        assert (code, one_line(err)) == (1, f"{line} (give the path of an ordinary file)")


def test_reading_stops_at_the_limit_whatever_stat_says(tmp_path):
    sparse = tmp_path / "huge.txt"
    with open(sparse, "wb") as handle:
        handle.truncate(3 * GB)                   # takes no disk space
    [(code, err)], peak = limited(["import", sparse])
    assert code == 1 and peak < 400
    assert one_line(err) == (f"{sparse}: the file is larger than 20 MB "
                             "(split it or use only the part you need)")
    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 1001)
    with pytest.raises(InputError, match="larger than 1 kB"):
        read_bytes(small, limit=1000)
    assert read_bytes(small, limit=1001) == b"x" * 1001


# --- YAML and JSON -------------------------------------------------------------

def alias_bomb(levels: int = 9) -> str:
    """Nine lists of nine aliases to the level below: 9**9 strings once expanded."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + f"\ntitle: *a{levels - 1}\n"


def test_yaml_alias_bombs(tmp_path):
    """In a briefing (render, import) and in an article's front matter (import)."""
    text, hint = alias_bomb(), ("(write the values out instead of using YAML anchors (&) "
                                "and aliases (*))")
    yaml_file, markdown = tmp_path / "bomb.yaml", tmp_path / "bomb.md"
    yaml_file.write_text(text, encoding="utf-8")
    markdown.write_text(f"---\n{text}---\n\n# Title\n\nText.\n", encoding="utf-8")
    results, peak = limited(["render", yaml_file, "-t", "briefing-memo", "-o", tmp_path / "o"],
                            ["import", yaml_file], ["import", markdown])
    assert peak < 400
    assert [(code, one_line(err)) for code, err in results] == [
        (1, f"{yaml_file}: line 6: too many aliases (more than 50) {hint}"),
        (1, f"{yaml_file}: line 6: too many aliases (more than 50) {hint}"),
        (1, f"{markdown}: front matter, line 6: too many aliases (more than 50) {hint}")]


def test_a_few_yaml_aliases_are_fine(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("objectives: &o [To meet]\ncounterpart_objectives: *o\n", encoding="utf-8")
    assert main(["import", str(path), "-o", str(tmp_path / "ok.brief.json")]) == 0


@pytest.mark.parametrize("text, line", [
    ("title: x\nmeeting:\n  date: 2025-02-30\n",
     "line 3: not a valid date: '2025-02-30' (day is out of range for month)"),
    ("title: x\nfigures:\n  - value: " + "9" * 5000 + "\n",
     "line 3: not a valid number: 5000 digits, more than 100"),
    ("title: x\nnotes: &n [*n]\n", "line 2: an alias refers to the value that contains it "
     "(write the values out instead of using YAML anchors (&) and aliases (*))"),
])
def test_yaml_values_python_cannot_hold(capsys, tmp_path, text, line):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["render", str(path), "-t", "briefing-memo", "-o", str(tmp_path / "o.docx")]) == 1
    assert one_line(capsys.readouterr().err) == f"{path}: {line}"


@pytest.mark.parametrize("text, line", [
    ("[" * 100_000 + "]" * 100_000, "the data is nested more than 100 levels deep "
     "(a briefing needs only a few levels)"),
    ('{"title": "x",\n "figures": [{"value": ' + "1" * 5000 + "}]}",
     "line 2: a number with 5000 digits, more than 100 (write it as text)"),
])
def test_json_bombs(capsys, tmp_path, text, line):
    path = tmp_path / "bad.brief.json"
    path.write_text(text, encoding="utf-8")
    assert main(["render", str(path), "-t", "briefing-memo", "-o", str(tmp_path / "o.docx")]) == 1
    assert one_line(capsys.readouterr().err) == f"{path}: {line}"
    assert main(["import", str(path)]) == 1
    assert one_line(capsys.readouterr().err) == f"{path}: {line}"


# --- office profiles -------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@pytest.mark.parametrize("logo, setup, line", [
    ("../outside.png", lambda d: (d.parent / "outside.png").write_bytes(PNG),
     "the logo ../outside.png is outside the profile's folder (put the image beside the "
     "profile, or give its full path)"),
    ("zero.png", lambda d: (d / "zero.png").symlink_to("/dev/zero"),
     "the logo zero.png is outside the profile's folder (put the image beside the profile, or "
     "give its full path)"),
    ("{folder}/zero.png", lambda d: (d / "zero.png").symlink_to("/dev/zero"),
     "logo is a device, not a regular file: {folder}/zero.png (give the path of an ordinary "
     "file)"),
    ("fake.png", lambda d: (d / "fake.png").write_text("<svg/>", encoding="utf-8"),
     "the logo is not a PNG, JPEG, GIF or BMP image: {folder}/fake.png (put the image beside "
     "the profile or fix the 'logo' key)"),
    ("big.png", lambda d: (d / "big.png").write_bytes(PNG + bytes(6_000_000)),
     "logo the file is larger than 5 MB: {folder}/big.png (split it or use only the part you "
     "need)"),
])
def test_office_logos_are_bounded_images_in_the_profile_folder(capsys, tmp_path, logo, setup,
                                                                line):
    folder = tmp_path / "offices"
    folder.mkdir()
    setup(folder)
    profile = folder / "desk.office.toml"
    profile.write_text(f'logo = "{logo.format(folder=folder)}"\n', encoding="utf-8")
    assert main(["render", "x.json", "--office", str(profile), "-t", "briefing-memo",
                 "-o", str(tmp_path / "o.docx")]) == 1
    assert one_line(capsys.readouterr().err) == f"{profile}: {line.format(folder=folder)}"


def test_an_absolute_logo_path_and_the_shipped_logo_work(tmp_path, sample_path):
    logo = Path(__file__).resolve().parents[1] / "assets" / "offices" / "northbridge-logo.png"
    profile = tmp_path / "desk.office.toml"
    profile.write_text(f'logo = "{logo}"\n', encoding="utf-8")
    out = tmp_path / "o.docx"
    assert main(["render", str(sample_path), "--office", str(profile), "-t", "briefing-memo",
                 "-o", str(out)]) == 0
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(out).namelist())


def test_an_oversized_profile_is_refused(capsys, tmp_path):
    profile = tmp_path / "big.office.toml"
    profile.write_text("# " + "x" * 1_100_000 + "\n", encoding="utf-8")
    assert main(["render", "x.json", "--office", str(profile), "-t", "briefing-memo",
                 "-o", str(tmp_path / "o.docx")]) == 1
    assert one_line(capsys.readouterr().err) == (
        f"{profile}: the file is larger than 1 MB (split it or use only the part you need)")


def test_a_damaged_docx_import_is_one_line(capsys, tmp_path):
    path = tmp_path / "article.docx"
    path.write_bytes(rebuild(plain_template("Leaders met."), {"word/document.xml": "<w:doc"}))
    assert main(["import", str(path)]) == 1
    assert one_line(capsys.readouterr().err).startswith(
        f"{path}: word/document.xml: the document has damaged XML here (")
