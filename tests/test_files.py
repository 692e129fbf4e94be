"""Writing outputs: one line for every path that cannot be written, nothing
half-written, the old file's mode and owner kept, leftovers of killed runs
cleaned up."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time

import pytest

from briefgen.cli import main
from briefgen.errors import OutputError
from briefgen.files import ORPHAN_AGE, atomic_write

ROOT = os.geteuid() == 0


def error_line(capsys, *argv) -> str:
    assert main([str(a) for a in argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("briefgen: error: ")
    return err[len("briefgen: error: "):-1]


def test_an_output_under_a_file(capsys, sample_path, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("keep", encoding="utf-8")
    line = f"{blocker}: is a file, not a folder (choose an output path in a folder)"
    assert error_line(capsys, "render", sample_path, "-t", "briefing-memo",
                      "-o", blocker / "memo.docx") == line
    assert error_line(capsys, "render", sample_path, "-t", "briefing-memo", "-t",
                      "one-pager", "-o", blocker / "sub" / "out") == line
    assert error_line(capsys, "import", sample_path, "-o", blocker / "x.brief.json") == line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_file_name_over_255_bytes(capsys, sample_path, tmp_path):
    out = tmp_path / ("é" * 130 + ".docx")
    assert error_line(capsys, "render", sample_path, "-t", "briefing-memo", "-o", out) == (
        f"{out}: the file name is longer than 255 bytes (choose a shorter name)")
    assert list(tmp_path.iterdir()) == []


def test_a_name_that_fits_has_a_temporary_name_that_fits(tmp_path):
    out = tmp_path / ("m" * 250 + ".docx")
    assert atomic_write(out, b"x").read_bytes() == b"x"


def test_a_full_disk_leaves_the_old_file_and_nothing_else(tmp_path, monkeypatch):
    path = tmp_path / "memo.docx"
    path.write_bytes(b"yesterday")

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as caught:
        atomic_write(path, b"today" * 1000)
    assert str(caught.value) == (f"{path}: cannot write the file: No space left on device "
                                 "(free some disk space or choose another folder)")
    assert path.read_bytes() == b"yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.docx"]


def test_a_read_only_folder(capsys, sample_path, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    if ROOT:   # root writes anywhere: let the folder refuse as a read-only one would
        import tempfile

        def refuse(**_kwargs):
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        folder.chmod(0o500)
    assert error_line(capsys, "render", sample_path, "-t", "briefing-memo",
                      "-o", folder / "memo.docx") == (
        f"{folder}: cannot write in this folder: Permission denied "
        "(check its permissions or choose another folder)")
    assert list(folder.iterdir()) == []


def test_the_old_files_mode_is_kept(tmp_path):
    path = tmp_path / "memo.docx"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_bytes() == b"new"


@pytest.mark.skipif(not ROOT, reason="only root may give a file to another user")
def test_the_old_files_owner_is_kept(tmp_path):
    path = tmp_path / "memo.docx"
    path.write_bytes(b"old")
    os.chown(path, 65534, 65534)
    atomic_write(path, b"new")
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (65534, 65534) and path.read_bytes() == b"new"


def test_the_folder_is_synced_after_the_rename(tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def spy(fd):
        synced.append((stat.S_ISDIR(os.fstat(fd).st_mode), (tmp_path / "a.docx").exists()))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    atomic_write(tmp_path / "a.docx", b"x")
    assert synced == [(False, False), (True, True)]   # the file, then its folder


KILLED_WRITER = """
import os, sys, time
from briefgen.files import atomic_write
os.replace = lambda *args: time.sleep(60)          # hang between write and rename
atomic_write(sys.argv[1], b"half a memo")
"""


def test_temporary_files_of_a_killed_run_are_removed_later(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path / "memo.docx")])
    try:
        deadline = time.monotonic() + 20
        while not list(tmp_path.glob(".memo.docx.*.tmp")) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    [orphan] = tmp_path.glob(".memo.docx.*.tmp")
    old = time.time() - ORPHAN_AGE - 60
    os.utime(orphan, (old, old))
    recent = tmp_path / ".memo.docx.abcd1234.tmp"        # another run, still writing
    recent.write_bytes(b"")
    theirs = tmp_path / ".notes.tmp"                     # not our pattern
    theirs.write_bytes(b"")
    os.utime(theirs, (old, old))
    atomic_write(tmp_path / "other.docx", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".memo.docx.abcd1234.tmp", ".notes.tmp", "other.docx"]
