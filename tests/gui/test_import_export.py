"""Template errors in the preview pane, exporting, and importing with review."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QMimeData, QPoint, QUrl, Qt
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import (QApplication, QFileDialog, QMessageBox, QProgressDialog,
                               QPushButton)

from briefgen.gui import workers
from briefgen.gui.errors import error_box, run_action
from briefgen.errors import OutputError, SourceError, TemplateError
from docx_helpers import body_text
from gui.helpers import run_import, wait_preview


def user_template(name: str, text: str, *, title: str = "") -> Path:
    folder = Path(os.environ["BRIEFGEN_DATA_DIR"]) / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.add_paragraph(text)
    doc.save(folder / f"{name}.docx")
    (folder / f"{name}.toml").write_text(
        f'title = "{title or name}"\ndescription = "test template"\n'
        f'output = "{{slug}} - {name}.docx"\n', encoding="utf-8")
    return folder / f"{name}.docx"


def choose_template(window, name: str) -> None:
    window.load_choices()
    index = window.template_box.findData(name)
    assert index >= 0, [window.template_box.itemData(i) for i in range(window.template_box.count())]
    window.template_box.setCurrentIndex(index)


def test_template_error_shows_in_the_preview_pane_not_a_dialog(window, qtbot):
    user_template("broken", "{{ title }} and {{ no_such_field }}", title="Broken one")
    choose_template(window, "broken")
    wait_preview(qtbot, window)
    text = window.preview.browser.toPlainText()
    assert "Template error" in text and "no_such_field" in text and "broken" in text
    assert window.preview.error is not None
    assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]

    choose_template(window, "briefing-memo")                    # back to a working one
    wait_preview(qtbot, window)
    assert "BRIEFING MEMORANDUM" in window.preview.browser.toPlainText()
    assert window.preview.error is None


def test_preview_names_fields_the_template_uses_but_the_briefing_leaves_empty(window, qtbot):
    window.document.set_value(("quotes",), [])
    wait_preview(qtbot, window)
    assert window.preview.notice.isVisibleTo(window)
    assert "quotes" in window.preview.notice.text()


def test_the_preview_shows_before_its_empty_fields_are_known(window, qtbot, monkeypatch):
    from briefgen.gui import preview

    listed = threading.Event()
    monkeypatch.setattr(preview, "empty_fields",
                        lambda briefing, template: (listed.wait(10), ["quotes"])[1])
    window.document.set_value(("meeting", "venue"), "Akasaka Palace")
    window.preview.refresh_now()
    qtbot.waitUntil(lambda: "Akasaka Palace" in window.preview.browser.toPlainText())
    assert window.preview.busy() and window.preview.notice.isHidden()
    listed.set()
    wait_preview(qtbot, window)
    assert "quotes" in window.preview.notice.text()


def test_export_docx_contains_the_edited_values(window, qtbot, tmp_path, monkeypatch):
    qtbot.keyClicks(window.meeting_form.fields["venue"].editor, "Akasaka Palace")
    suggested = []

    def save_name(parent, caption, start, filters):
        suggested.append(Path(start).name)
        return str(tmp_path / "memo.docx"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.export_docx()
    qtbot.waitUntil(lambda: window.last_box is not None, timeout=15_000)
    assert suggested == [
        "2025-08-23 Your summit with President Lee Jae Myung, Tokyo, 23 August 2025"
        " - Briefing memo.docx"]
    box = window.last_box
    assert box.windowTitle() == "Export finished"
    assert {b.text() for b in box.buttons()} >= {"Open", "Show in folder"}
    assert "Akasaka Palace" in body_text((tmp_path / "memo.docx").read_bytes())
    box.close()


def test_export_to_a_read_only_file_shows_the_message_and_keeps_the_file(window, qtbot,
                                                                         tmp_path, monkeypatch):
    target = tmp_path / "memo.docx"
    target.write_bytes(b"old contents")
    target.chmod(0o444)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    window.export_docx()
    qtbot.waitUntil(lambda: window.last_box is not None, timeout=15_000)
    box = window.last_box
    assert box.windowTitle() == "Export failed"
    assert box.text() == "The file is read-only. Make it writable or choose another name."
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.docx"]
    box.close()


def test_export_with_a_failing_template_shows_the_template_message(window, qtbot, tmp_path,
                                                                  monkeypatch):
    user_template("broken", "{{ no_such_field }}")
    choose_template(window, "broken")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "out.docx"), ""))
    window.export_docx()
    qtbot.waitUntil(lambda: window.last_box is not None, timeout=15_000)
    assert "no_such_field" in window.last_box.text() + window.last_box.informativeText()
    assert not (tmp_path / "out.docx").exists()
    window.last_box.close()


def test_export_pack_writes_one_document_with_cover_and_contents(window, qtbot, tmp_path,
                                                                monkeypatch):
    user_template("agenda", "Agenda for {{ title }}")
    window.load_choices()
    templates = [t for t in window.templates if t.name in ("agenda", "briefing-memo")]
    window.export_pack_to(tmp_path / "pack.docx", templates)
    qtbot.waitUntil(lambda: window.last_box is not None, timeout=30_000)
    assert [p.name for p in tmp_path.iterdir()] == ["pack.docx"]
    text = body_text((tmp_path / "pack.docx").read_bytes())
    assert "Contents" in text and "Agenda for Your summit" in text
    box = window.last_box
    assert box.text() == "Exported the briefing pack."
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    open_button = next(b for b in box.buttons() if b.text() == "Open")
    assert open_button.isEnabled()
    open_button.click()
    next(b for b in box.buttons() if b.text() == "Show in folder").click()
    assert opened == [str(tmp_path / "pack.docx"), str(tmp_path)]


def test_the_pack_names_the_marking_the_office_does_not_use(window, qtbot, tmp_path):
    window.load_choices()
    window.office_box.setCurrentIndex(window.office_box.findData("think-tank"))
    memo = next(t for t in window.templates if t.name == "briefing-memo")
    window.export_pack_to(tmp_path / "pack.docx", [memo])
    assert window.export_progress.labelText() == "Exporting pack.docx…"
    qtbot.waitUntil(lambda: window.last_box is not None, timeout=30_000)
    box = window.last_box
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert box.icon() == QMessageBox.Warning
    assert box.informativeText().split("\n\n") == [
        str(tmp_path / "pack.docx"),
        "The briefing is marked UNCLASSIFIED, which office 'think-tank' does not use "
        "(its levels: none (unmarked)); the document keeps UNCLASSIFIED."]
    paragraphs = [p.text for p in Document(io.BytesIO((tmp_path / "pack.docx").read_bytes()))
                  .paragraphs]
    contents = paragraphs.index("Contents")
    assert "Briefing pack" in paragraphs[:contents]
    assert "BRIEFING MEMORANDUM" in paragraphs[contents:]
    assert [p.name for p in tmp_path.iterdir()] == ["pack.docx"]
    box.close()


def test_cancelling_an_export_writes_nothing_and_says_so(window, qtbot, tmp_path):
    window.load_choices()
    out = tmp_path / "pack.docx"
    out.write_bytes(b"last week's pack")
    window.export_pack_to(out, [t for t in window.templates
                                if t.name in ("briefing-memo", "talking-points")])
    cancel = next(b for b in window.export_progress.findChildren(QPushButton)
                  if b.text() == "Cancel")
    cancel.click()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Export cancelled"),
                    timeout=30_000)
    assert window.statusBar().currentMessage() == (
        "Export cancelled: the export was stopped: nothing was written")
    assert window.last_box is None
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert out.read_bytes() == b"last week's pack"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.docx"]


def test_the_pack_dialog_saves_docx_unless_pdf_is_named(window):
    from briefgen.gui.export import PackDialog

    dialog = PackDialog(window.templates, {"briefing-memo"}, "/out/summit - pack", window)
    assert dialog.target() == Path("/out/summit - pack.docx")
    dialog.out.setText("/out/summit.PDF")
    assert dialog.target() == Path("/out/summit.PDF")
    assert [t.name for t in dialog.templates()] == ["briefing-memo"]


def test_the_pack_is_suggested_under_the_briefing_name(window, qtbot, monkeypatch):
    from briefgen.gui.export import PackDialog

    window.load_choices()
    seen: list[str] = []
    monkeypatch.setattr(PackDialog, "exec", lambda d: seen.append(d.out.text()) or 0)
    window.export_pack()
    assert Path(seen[0]).name == ("2025-08-23 Your summit with President Lee Jae Myung, Tokyo, "
                                  "23 August 2025 - pack.docx")


def test_export_names_the_marking_the_office_does_not_use(window, qtbot, tmp_path, monkeypatch):
    from briefgen.render import marking_warnings

    window.load_choices()
    window.document.set_value(("marking", "classification"), "COSMIC TOP SECRET")
    expected = marking_warnings(window.document.briefing, window.office())
    assert expected
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "m.docx"), ""))
    window.export_docx()
    qtbot.waitUntil(lambda: window.last_box is not None, timeout=15_000)
    assert window.last_box.informativeText().split("\n\n") == [
        str(tmp_path / "m.docx"), expected[0][:1].upper() + expected[0][1:] + "."]
    window.last_box.close()


def test_a_pack_export_outliving_its_window_is_dropped_quietly(qtbot, tmp_path, sample_path):
    from briefgen.gui.main_window import MainWindow
    from briefgen.templates import find_template

    window = MainWindow()
    window.open_path(sample_path)
    window.load_choices()
    window.export_pack_to(tmp_path / "pack.docx", [find_template("briefing-memo")])
    window.document.undo_stack.setClean()
    window.deleteLater()                       # gone while the pack is being written
    qtbot.waitUntil(lambda: not workers._running, timeout=30_000)
    qtbot.wait(50)                             # an error in the outcome would fail here
    assert [p.name for p in tmp_path.iterdir()] == ["pack.docx"]


def test_pdf_actions_follow_libreoffice(window, monkeypatch):
    import briefgen.convert

    monkeypatch.setattr(briefgen.convert, "find_soffice", lambda: None)
    window._update_pdf_actions()
    assert not window.act_pdf.isEnabled() and not window.act_pages.isEnabled()
    assert "LibreOffice" in window.act_pages.toolTip()


def test_briefgen_errors_show_their_details():
    exc = OutputError("cannot write", file="out.docx", hint="close it", details=("line 1", "line 2"))
    box = error_box(None, "Export failed", exc)
    assert box.text() == "Cannot write. Close it."
    assert box.informativeText() == "In: out.docx"
    assert box.detailedText() == "out.docx: cannot write (close it)\nline 1\nline 2"


def test_a_template_error_dialog_names_part_and_tag(tmp_path, sample):
    from briefgen.offices import OfficeProfile
    from briefgen.render import render_briefing
    from briefgen.templates import read_template_info

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "{{ clasification }}"
    doc.save(tmp_path / "typo.docx")
    with pytest.raises(TemplateError) as info:
        render_briefing(sample, read_template_info(tmp_path / "typo.docx"), OfficeProfile())
    box = error_box(None, "Preview failed", info.value)
    assert box.text() == ("Unknown variable 'clasification'. Check its spelling; `briefgen "
                          "check` lists the known names.")
    assert box.informativeText() == "In: typo: header\nTag: {{ clasification }}"
    assert box.detailedText() == ("typo: header: {{ clasification }}: unknown variable "
                                  "'clasification' (check its spelling; `briefgen check` lists "
                                  "the known names)")


def test_error_dialogs_speak_in_plain_words_with_the_technical_line_under_details():
    exc = SourceError("this looks like binary data, not text", file="/tmp/scan.bin",
                      kind="binary")
    box = error_box(None, "Import failed", exc)
    assert box.text() == ("scan.bin doesn't look like text. briefgen can import articles "
                          "saved as .txt, .md, .html, .docx, .pdf or e-mail.")
    assert box.detailedText() == "/tmp/scan.bin: this looks like binary data, not text"


def test_unexpected_exceptions_become_a_dialog_with_the_traceback(qtbot):
    def boom():
        raise ZeroDivisionError("division by zero")

    assert run_action(None, "Oops", boom) is None
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.windowTitle() == "Oops")
    assert "ZeroDivisionError" in box.text() and "Traceback" in box.detailedText()
    box.close()


# -- import ------------------------------------------------------------------
@pytest.fixture
def article(shared_samples) -> Path:
    return shared_samples / "ishiba-lee-tokyo-summit.txt"


def test_import_review_accept_and_reject_merges_the_chosen_items(window, qtbot, article):
    window.document.set_value(("quotes",), [])
    window.document.set_value(("figures",), [])
    dialog = run_import(window, qtbot, [article])
    found = dialog.result.briefing
    assert len(found.quotes) >= 2 and found.figures
    quotes = dialog.model.index(dialog.model.group_of("quotes"), 0)
    assert all(dialog.model.index(i, 1, quotes).data()                 # evidence shown
               for i in range(dialog.model.rowCount(quotes)))
    dialog.set_checked("quotes", 0, False)
    assert dialog.merge_chosen()
    dialog.accept()
    quotes = [q.text for q in window.document.briefing.quotes]
    assert found.quotes[0].text not in quotes
    assert [q.text for q in found.quotes[1:]] == quotes
    assert len(window.document.briefing.figures) == len(found.figures)
    assert window.document.path is not None                            # merged, same file
    window.document.undo_stack.undo()                                  # one undo step
    assert window.document.briefing.quotes == []


def test_import_into_a_new_briefing(window, qtbot, article, sample_path):
    dialog = run_import(window, qtbot, [article])
    dialog.set_all(False)
    dialog.set_checked("participants", 0, True)
    dialog.new.setChecked(True)
    dialog.accept()
    doc = window.document
    assert doc.path is None and doc.dirty
    assert [p.name for p in doc.briefing.participants] == [
        dialog.result.briefing.participants[0].name]
    assert doc.briefing.quotes == [] and doc.briefing.figures == []


def test_import_error_shows_the_importer_message(window, qtbot, tmp_path):
    bad = tmp_path / "notes.xyz"
    bad.write_text("hello", encoding="utf-8")
    window.import_paths([bad])
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(QMessageBox)),
                    timeout=15_000)
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert box.windowTitle() == "Import failed"
    assert str(bad) in box.informativeText() or str(bad) in box.text()
    box.close()


def test_dropping_an_article_on_the_window_imports_it(window, qtbot, article):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.review = None
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.review is not None, timeout=30_000)
    assert window.review.windowTitle() == "Review the import"
    window.review.reject()
    assert not window.document.dirty


def test_docx_export_bytes_are_a_real_document(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "a.docx"), ""))
    window.export_docx()
    qtbot.waitUntil(lambda: window.last_box is not None, timeout=15_000)
    doc = Document(io.BytesIO((tmp_path / "a.docx").read_bytes()))
    assert doc.core_properties.title.startswith("Your summit")
    window.last_box.close()
