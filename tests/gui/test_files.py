"""Opening, saving, the close prompt, autosave and crash recovery, settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from briefgen.briefing_io import load_briefing
from briefgen.gui import app as gui_app
from briefgen.gui.document import AUTOSAVE_DELAY_MS, BriefingDocument, autosave_dir, recoverable
from briefgen.gui.main_window import MainWindow
from briefgen.gui.recovery import RecoveryDialog
from briefgen.gui.settings import app_settings


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click *button* on the next modal message box, remembering its text."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, click)


def test_create_window_opens_the_sample_with_its_name_in_the_title(qtbot, sample_path):
    [window] = gui_app.create_windows(None)
    qtbot.addWidget(window)
    assert "briefgen" in window.windowTitle()
    assert sample_path.name in window.windowTitle()
    assert window.document.briefing.participants[0].name == "Shigeru Ishiba"
    assert not window.document.dirty


def test_start_up_work_waits_for_the_first_paint(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    done: list[str] = []
    window.after_first_paint(lambda: done.append("choices"))
    qtbot.wait(50)
    assert done == []                       # not before the window is on screen
    window.show()
    qtbot.waitUntil(lambda: done == ["choices"], timeout=400)   # well before the fallback
    qtbot.wait(600)
    assert done == ["choices"]              # once only


def test_start_up_work_runs_even_if_the_window_is_never_painted(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    done: list[str] = []
    window.after_first_paint(lambda: done.append("choices"), fallback_ms=50)
    qtbot.waitUntil(lambda: done == ["choices"], timeout=1000)
    assert not window.isVisible()


def test_save_and_open_round_trip(window, qtbot, tmp_path, monkeypatch, sample):
    target = tmp_path / "talks.brief.json"
    window.meeting_form.fields["location"].editor.setText("")
    qtbot.keyClicks(window.meeting_form.fields["location"].editor, "Osaka")
    # the bundled sample is never overwritten: Save asks for a name
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "talks"), ""))
    assert window.save()
    assert window.document.path == target and not window.document.dirty
    assert "talks.brief.json" in window.windowTitle() and not window.isWindowModified()
    saved, warnings = load_briefing(target)
    assert warnings == [] and saved.meeting.location == "Osaka"
    assert saved.model_dump() == window.document.briefing.model_dump()
    assert not list(tmp_path.glob("*.tmp"))                  # temp file replaced the target

    assert window.open_path(target)
    assert window.document.briefing.meeting.location == "Osaka"
    assert window.recent_files()[0] == str(target)
    assert window.recent_files() == [str(target)]          # the bundled sample is not listed


def test_open_a_broken_file_shows_the_error_and_keeps_the_briefing(window, qtbot, tmp_path):
    bad = tmp_path / "bad.brief.json"
    bad.write_text('{"title": "x", "participants": [{"name": ""}]}', encoding="utf-8")
    assert not window.open_path(bad)
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert box.windowTitle() == "Cannot open the briefing"
    assert box.text() == "The name of participant 1 in bad.brief.json must not be empty."
    assert str(bad) in box.informativeText()
    assert "participants[0].name: string should have at least 1 character" in box.detailedText()
    box.close()
    assert window.document.briefing.title.startswith("Your summit")


def test_close_prompt_cancel_keeps_the_window_and_discard_closes(qtbot, sample_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(sample_path)
    window.show()
    window.meeting_form.fields["venue"].editor.setText("")
    qtbot.keyClicks(window.meeting_form.fields["venue"].editor, "Kantei")
    seen: list[str] = []
    answer_next_box(QMessageBox.Cancel, seen)
    assert not window.close()
    assert window.isVisible() and seen == [f"Save the changes to {sample_path.name}?"]

    answer_next_box(QMessageBox.Discard, seen)
    assert window.close()
    assert not window.isVisible() and len(seen) == 2


def test_window_geometry_and_choices_are_remembered(window, qtbot, isolated_gui):
    window.sidebar.setCurrentRow(3)
    window.close()
    settings = app_settings()
    assert Path(settings.fileName()).is_relative_to(isolated_gui)
    assert settings.value("template") == "briefing-memo"
    assert window_state_is_saved(settings)
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.sidebar.currentRow() == 3
    assert second.splitter.saveState() == settings.value("window/splitter")


def window_state_is_saved(settings) -> bool:
    return all(settings.value(f"window/{key}") is not None
               for key in ("geometry", "state", "splitter"))


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_autosave_writes_a_copy_shortly_after_the_last_edit(window, qtbot):
    autosave = window.document.autosave
    assert autosave.timer.interval() == 30_000 and autosave.timer.isActive()
    assert autosave.soon.interval() == AUTOSAVE_DELAY_MS == 3_000
    assert autosave.save_now() is None                      # nothing unsaved yet
    qtbot.keyClicks(window.meeting_form.fields["venue"].editor, "Akasaka Palace")
    assert autosave.soon.isActive() and not autosave.file.exists()
    qtbot.waitUntil(autosave.file.exists, timeout=AUTOSAVE_DELAY_MS + 2000)
    payload = json.loads(autosave.file.read_text(encoding="utf-8"))
    assert payload["briefing"]["meeting"]["venue"] == "Akasaka Palace"
    assert recoverable() == []                              # its process is alive
    window.document.undo_stack.setIndex(0)                  # back to the saved state
    assert autosave.save_now() is None and not autosave.file.exists()


def test_each_window_has_its_own_copy(qtbot):
    first, second = BriefingDocument(), BriefingDocument()
    first.set_value(("title",), "One")
    second.set_value(("title",), "Two")
    assert first.autosave.save_now() != second.autosave.save_now()
    assert len(list(autosave_dir().glob("*.json"))) == 2
    assert len(list(autosave_dir().glob("*.lock"))) == 1    # one per process


CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from briefgen.gui.main_window import MainWindow
from briefgen.gui.recovery import RecoveryDialog
from briefgen.gui.document import BriefingDocument
app = QApplication([])
windows = []
for title in ("First lost draft", "Second lost draft"):
    window = MainWindow(BriefingDocument.open(sys.argv[1])[0])
    window.document.set_value(("title",), title)
    windows.append(window)
def report():
    if all(w.document.autosave.file.exists() for w in windows):
        print("saved", flush=True)
    else:
        QTimer.singleShot(100, report)
from PySide6.QtCore import QTimer
QTimer.singleShot(100, report)
app.exec()
"""


def test_work_of_two_windows_killed_is_offered_after_a_restart(qtbot, monkeypatch,
                                                                 sample_path):
    with subprocess.Popen([sys.executable, "-c", CHILD, str(sample_path)],
                          stdout=subprocess.PIPE, text=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen")) as child:
        assert child.stdout.readline().strip() == "saved"    # the debounced autosave
        assert recoverable() == []                           # alive: nothing to offer
        child.kill()                                         # kill -9 ...
        time.sleep(1)                                        # ... restart 1 s later (unreaped)
        offered: list[list[str]] = []

        def answer(dialog):
            offered.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
            return QDialog.Accepted
        monkeypatch.setattr(RecoveryDialog, "exec", answer)
        windows = gui_app.create_windows(None)
    for window in windows:
        qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert len(offered) == 1 and len(offered[0]) == 2
    assert all(text.startswith(f"Unsaved changes to {sample_path} “") and ", kept at " in text
               for text in offered[0])
    assert sorted(w.document.briefing.title for w in windows) == [
        "First lost draft", "Second lost draft"]
    assert all(w.document.dirty and w.document.path == sample_path for w in windows)
    assert len(list(autosave_dir().glob("*.json"))) == 2     # now this session's copies
    assert recoverable() == []


def crashed_copy(title: str, number: int = 1, pid: int | None = None) -> Path:
    """An autosave copy and lock as left by a process that is gone."""
    autosave_dir().mkdir(parents=True, exist_ok=True)
    pid = pid or dead_pid()
    (autosave_dir() / f"{pid}-99.lock").write_text(json.dumps({"pid": pid, "started": "99"}))
    copy = autosave_dir() / f"{pid}-99-{number}.json"
    copy.write_text(json.dumps({"path": None, "saved": 1_756_000_000,
                                "briefing": {"title": title}}), encoding="utf-8")
    return copy


def test_a_reused_pid_does_not_hide_a_crash(qtbot):
    copy = crashed_copy("Lost work", pid=os.getpid())        # same pid, other start time
    assert recoverable() == [copy]


def test_later_keeps_every_copy_and_opens_the_file(qtbot, monkeypatch):
    copies = [crashed_copy("Lost work"), crashed_copy("More lost work", 2)]
    monkeypatch.setattr(RecoveryDialog, "exec", lambda dialog: QDialog.Rejected)
    [window] = gui_app.create_windows(None)
    qtbot.addWidget(window)
    assert window.document.briefing.title != "Lost work"
    assert all(copy.exists() for copy in copies)
    assert sorted(recoverable()) == sorted(copies)


def test_restore_only_the_checked_copies_and_discard_after_asking(qtbot, monkeypatch):
    keep, drop, restore = (crashed_copy(t, n) for n, t in enumerate(("Keep", "Drop", "Restore")))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.Discard)

    def answer(dialog):
        texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        for i, text in enumerate(texts):
            dialog.list.item(i).setCheckState(Qt.Checked if "“Drop”" in text else Qt.Unchecked)
        dialog.discard_button.click()
        assert dialog.list.count() == 2
        for i in range(2):
            wanted = "“Restore”" in dialog.list.item(i).text()
            dialog.list.item(i).setCheckState(Qt.Checked if wanted else Qt.Unchecked)
        return QDialog.Accepted
    monkeypatch.setattr(RecoveryDialog, "exec", answer)
    [window] = gui_app.create_windows(None)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert window.document.briefing.title == "Restore"
    assert keep.exists() and not drop.exists() and not restore.exists()
    assert recoverable() == [keep]


def test_saving_discards_the_autosave_copy(qtbot, tmp_path):
    document = BriefingDocument()
    document.set_value(("title",), "Draft")
    copy = document.autosave.save_now()
    assert copy.exists()
    document.save(tmp_path / "draft.brief.json")
    assert not copy.exists() and not document.dirty


@pytest.mark.parametrize("content", ["{not json", json.dumps({"briefing": {"bogus": 1}})])
def test_a_damaged_copy_is_listed_unchecked_and_kept(qtbot, monkeypatch, content):
    crashed = crashed_copy("x")
    crashed.write_text(content, encoding="utf-8")
    offered: list[tuple[str, Qt.CheckState]] = []

    def answer(dialog):
        item = dialog.list.item(0)
        offered.append((item.text(), item.checkState()))
        return QDialog.Accepted
    monkeypatch.setattr(RecoveryDialog, "exec", answer)
    [window] = gui_app.create_windows(None)
    qtbot.addWidget(window)
    assert offered[0][1] == Qt.Unchecked
    assert "that cannot be read:" in offered[0][0]
    assert crashed.exists()
