"""Opening, saving, the close prompt, autosave and crash recovery, settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from briefgen.briefing_io import load_briefing
from briefgen.gui import app as gui_app
from briefgen.gui.document import BriefingDocument, autosave_dir, recoverable
from briefgen.gui.main_window import MainWindow
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
    window = gui_app.create_window(None)
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
    assert box.text() == "participants[0].name: string should have at least 1 character"
    assert str(bad) in box.informativeText()
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


def test_autosave_writes_a_copy_while_there_are_unsaved_changes(window, qtbot):
    autosave = window.document.autosave
    assert autosave.timer.interval() == 30_000 and autosave.timer.isActive()
    assert autosave.save_now() is None                      # nothing unsaved yet
    qtbot.keyClicks(window.meeting_form.fields["venue"].editor, "Akasaka Palace")
    path = autosave.save_now()
    assert path is not None and path.parent == autosave_dir()
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert payload["briefing"]["meeting"]["venue"] == "Akasaka Palace"
    assert recoverable() == []                              # its process is alive


def test_crash_recovery_offers_the_autosaved_work(qtbot, monkeypatch, sample_path):
    document, _ = BriefingDocument.open(sample_path)
    document.set_value(("meeting", "venue"), "Akasaka Palace")
    written = document.autosave.save_now()
    crashed = written.with_name(f"{dead_pid()}-abc.json")   # as left by a dead process
    os.replace(written, crashed)
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window = gui_app.create_window(None)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert asked and sample_path.name in asked[0]
    assert window.document.briefing.meeting.venue == "Akasaka Palace"
    assert window.document.dirty and window.document.path == sample_path
    assert not crashed.exists()


def test_declining_recovery_opens_the_file_and_forgets_the_copy(qtbot, monkeypatch):
    autosave_dir().mkdir(parents=True)
    crashed = autosave_dir() / f"{dead_pid()}-1.json"
    crashed.write_text(json.dumps({"path": None, "briefing": {"title": "Lost work"}}),
                       encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.No)
    window = gui_app.create_window(None)
    qtbot.addWidget(window)
    assert window.document.briefing.title != "Lost work"
    assert not crashed.exists()


def test_saving_discards_the_autosave_copy(qtbot, tmp_path):
    document = BriefingDocument()
    document.set_value(("title",), "Draft")
    copy = document.autosave.save_now()
    assert copy.exists()
    document.save(tmp_path / "draft.brief.json")
    assert not copy.exists() and not document.dirty


@pytest.mark.parametrize("content", ["{not json", json.dumps({"briefing": {"bogus": 1}})])
def test_a_damaged_autosave_copy_is_reported_and_removed(qtbot, monkeypatch, content):
    autosave_dir().mkdir(parents=True)
    crashed = autosave_dir() / f"{dead_pid()}-2.json"
    crashed.write_text(content, encoding="utf-8")
    window = gui_app.create_window(None)
    qtbot.addWidget(window)
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.windowTitle() == "Cannot restore unsaved work"]
    assert boxes and "damaged" in boxes[0].text() + boxes[0].informativeText() or \
        "bogus" in boxes[0].text()
    boxes[0].close()
    assert not crashed.exists()
