"""The template manager: listing by folder, duplicating, checking, fields, watching."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from briefgen.check import template_variables
from briefgen.errors import OutputError
from briefgen import library as library_module
from briefgen.gui import template_manager as tm
from briefgen.gui.settings import app_settings, library
from briefgen.gui.template_manager import TemplateManager
from briefgen.library import ENV_VAR
from briefgen.offices import read_office
from briefgen.resources import builtin_templates_dir, user_offices_dir, user_templates_dir
from gui.helpers import message_boxes


@pytest.fixture
def manager(qtbot):
    dialog = TemplateManager(app_settings())
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, dialog)
    yield dialog
    wait_idle(qtbot, dialog)


def wait_idle(qtbot, dialog) -> None:
    """Wait until the fields (and any check) of the selected template have arrived."""
    qtbot.waitUntil(lambda: dialog.labels["Fields"].text() != "Reading the template…"
                    and dialog.check_status.text() != "Checking…", timeout=10_000)


def word_file(path: Path, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


def status(dialog) -> str:
    return dialog.labels["Status"].text()


def test_lists_templates_and_profiles_by_origin(manager):
    builtin = sorted(p.stem for p in builtin_templates_dir().glob("*.docx"))
    assert sorted(manager.group_of("template", "builtin")) == builtin
    assert manager.group_of("template", "user") == []
    assert manager.group_of("template", "shared") == []
    tree = manager.trees["template"]
    assert [tree.topLevelItem(i).text(0) for i in range(3)] == [
        f"Built-in  ({len(builtin)})", "Office / shared  (0)", "My templates  (0)"]
    offices = manager.group_of("office", "builtin")
    assert "default" in offices and "think-tank" in offices
    assert manager.select("office", "think-tank")
    assert manager.labels["Fields"].text() == ("Marking (none), A4 paper, uk dates, "
                                               "Georgia 11 pt")
    assert not manager.btn_check.isVisible()


def test_shared_folder_added_in_the_setting_lists_as_shared(manager, qtbot, tmp_path):
    shared = tmp_path / "network"
    word_file(shared / "embassy-cable.docx", "{{ title }}")
    (shared / "embassy-cable.toml").write_text('title = "Embassy cable"\n', encoding="utf-8")
    shutil.copy(builtin_templates_dir() / "one-pager.docx", shared)
    shutil.copy(builtin_templates_dir() / "one-pager.toml", shared)
    with qtbot.waitSignal(manager.changed):
        manager.add_shared(shared)
    assert ENV_VAR not in os.environ            # the folders reach the library, not the environment
    assert tm.shared_folders(app_settings()) == [str(shared)]
    assert manager.library.shared == [shared]
    assert sorted(manager.group_of("template", "shared")) == ["embassy-cable", "one-pager"]
    assert manager.shared_list.item(0).text() == str(shared)

    manager.select("template", "one-pager", "shared")
    assert status(manager) == ("Available in the main window's picker. Overrides the built-in "
                               "one of the same name.")
    assert manager.trees["template"].currentItem().text(1) == "Overrides built-in"
    manager.select("template", "one-pager", "builtin")
    assert status(manager) == ("Not used: overridden by the one in an office / shared folder of "
                               "the same name.")
    assert manager.current().title == manager.trees["template"].currentItem().text(0)
    assert manager.trees["template"].currentItem().text(1) == "Overridden"

    manager.shared_list.setCurrentRow(0)
    with qtbot.waitSignal(manager.changed):
        manager.btn_remove_shared.click()
    assert ENV_VAR not in os.environ and manager.library.shared == []
    assert manager.group_of("template", "shared") == []
    wait_idle(qtbot, manager)


def test_the_environments_folders_come_first_and_are_never_written(monkeypatch, tmp_path):
    settings = app_settings()
    monkeypatch.setenv(ENV_VAR, "/srv/templates")
    settings.setValue(tm.SHARED_KEY, [str(tmp_path / "a"), str(tmp_path / "b")])
    assert library(settings).shared == [Path("/srv/templates"), tmp_path / "a", tmp_path / "b"]
    assert tm.environment_folders() == ["/srv/templates"]
    settings.setValue(tm.SHARED_KEY, [str(tmp_path / "b")])
    assert library(settings).shared == [Path("/srv/templates"), tmp_path / "b"]
    assert os.environ[ENV_VAR] == "/srv/templates"


def test_duplicate_copies_into_my_templates_and_the_copy_overrides(manager, qtbot):
    assert manager.select("template", "briefing-memo", "builtin")
    with qtbot.waitSignal(manager.changed):
        copy = manager.duplicate_selected()
    folder = user_templates_dir()
    assert copy == folder / "briefing-memo.docx"
    for name in ("briefing-memo.docx", "briefing-memo.toml"):
        assert (folder / name).read_bytes() == (builtin_templates_dir() / name).read_bytes()
    assert manager.group_of("template", "user") == ["briefing-memo"]
    assert manager.current().origin == "user"            # the copy is selected
    assert status(manager) == ("In use: the template chosen in the main window. Overrides the "
                               "built-in one of the same name.")
    assert manager.trees["template"].currentItem().text(1) == "In use"
    assert not manager.btn_duplicate.isEnabled()
    manager.select("template", "briefing-memo", "builtin")
    assert status(manager) == ("Not used: overridden by your copy in My templates of the same "
                               "name.")
    wait_idle(qtbot, manager)


def test_duplicate_asks_before_replacing_my_copy(manager, qtbot, monkeypatch):
    manager.select("template", "talking-points", "builtin")
    manager.duplicate_selected()
    mine = user_templates_dir() / "talking-points.toml"
    mine.write_text('title = "My points"\n', encoding="utf-8")
    manager.select("template", "talking-points", "builtin")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.No)
    assert manager.duplicate_selected() is None
    assert "already has talking-points.docx" in asked[0]
    assert mine.read_text(encoding="utf-8") == 'title = "My points"\n'
    wait_idle(qtbot, manager)


def test_a_failed_duplicate_leaves_nothing_and_shows_the_error(manager, qtbot, monkeypatch):
    real = library_module.atomic_write

    def failing(path, data):
        if path.suffix == ".toml":
            raise OutputError("disk full", file=path)
        return real(path, data)

    monkeypatch.setattr(library_module, "atomic_write", failing)
    manager.select("template", "scene-setter", "builtin")
    assert manager.duplicate_selected() is None
    assert list(user_templates_dir().iterdir()) == []
    boxes = message_boxes(manager)
    assert [b.text() for b in boxes] == ["Disk full."]
    assert "scene-setter.toml: disk full" in boxes[0].detailedText()
    assert boxes[0].windowTitle() == "Cannot duplicate"
    boxes[0].close()
    wait_idle(qtbot, manager)


def test_duplicate_an_office_profile_copies_its_logo(manager, qtbot):
    manager.select("office", "think-tank")
    manager.duplicate_selected()
    assert sorted(p.name for p in user_offices_dir().iterdir()) == [
        "northbridge-logo.png", "think-tank.office.toml"]
    assert manager.group_of("office", "user") == ["think-tank"]
    assert manager.current().info.logo == user_offices_dir() / "northbridge-logo.png"


def test_fields_of_a_template(manager, qtbot):
    manager.select("template", "participant-bios", "builtin")
    wait_idle(qtbot, manager)
    expected = sorted(template_variables(builtin_templates_dir() / "participant-bios.docx"))
    assert "participants" in expected
    assert manager.fields == expected
    assert manager.labels["Fields"].text() == ", ".join(expected)


def test_check_shows_the_problems_of_a_broken_template(manager, qtbot):
    word_file(user_templates_dir() / "draft.docx", "Briefing: {{ titel }}")
    manager.reload()
    assert manager.select("template", "draft", "user")
    manager.btn_check.click()
    wait_idle(qtbot, manager)
    assert manager.check_status.text() == "1 problem found in draft.docx:"
    assert manager.check_list.item(0).text() == (
        'draft: body, paragraph 1 ("Briefing: {{ titel }}"): {{ titel }}: '
        "unknown variable 'titel' (did you mean 'title'?)")
    assert manager.labels["Fields"].text() == "titel"


def test_check_of_a_builtin_finds_no_problems(manager, qtbot):
    manager.select("template", "briefing-note", "builtin")
    manager.btn_check.click()
    wait_idle(qtbot, manager)
    assert manager.problems == []
    assert manager.check_status.text() == "No problems found in briefing-note.docx."
    assert manager.check_list.count() == 0 and not manager.check_list.isVisible()


def test_watcher_lists_a_new_file_and_checks_a_saved_one_again(qtbot):
    draft = word_file(user_templates_dir() / "draft.docx", "{{ titel }}")
    dialog = TemplateManager(app_settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select("template", "draft", "user")
    dialog.check_selected()
    qtbot.waitUntil(lambda: dialog.problems is not None and len(dialog.problems) == 1,
                    timeout=10_000)

    with qtbot.waitSignal(dialog.changed, timeout=5_000):
        word_file(user_templates_dir() / "agenda.docx", "{{ meeting.date }}")
    assert sorted(dialog.group_of("template", "user")) == ["agenda", "draft"]
    assert dialog.current().name == "draft"                 # the selection stays

    word_file(draft, "{{ title }}")                          # "saved in Word"
    # a check started by the agenda's arrival may still read the old draft in
    # part: the check that follows the save puts both lines right
    qtbot.waitUntil(lambda: dialog.check_status.text() == "No problems found in draft.docx."
                    and dialog.labels["Fields"].text() == "title", timeout=10_000)


def test_a_broken_manifest_in_a_shared_folder_shows_a_message(manager, qtbot, tmp_path):
    shared = tmp_path / "share"
    word_file(shared / "cable.docx", "{{ title }}")
    (shared / "cable.toml").write_text('title = "Cable\n', encoding="utf-8")
    manager.add_shared(shared)
    qtbot.waitUntil(lambda: bool(message_boxes(manager)))
    box = message_boxes(manager)[0]
    assert box.windowTitle() == "A template file cannot be read"
    assert box.text().startswith("cable.toml, the settings file beside the template, has a "
                                 "mistake.")
    assert box.detailedText().startswith(f"{shared / 'cable.toml'}: the manifest is not valid TOML")
    box.close()
    manager.select("template", "cable.docx", "shared")
    assert manager.trees["template"].currentItem().text(0) == "cable.docx — cannot be read"
    assert not manager.btn_duplicate.isEnabled()
    manager.btn_check.click()                       # the check names the manifest problem
    wait_idle(qtbot, manager)
    assert manager.check_list.item(0).text().startswith(
        "cable: manifest, cable.toml: the manifest is not valid TOML")
    manager.reload()                                # reported once, not on every reload
    qtbot.wait(20)
    assert message_boxes(manager) == []
    wait_idle(qtbot, manager)


def test_open_a_builtin_offers_to_duplicate_it_first(manager, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    answers = iter([QMessageBox.No, QMessageBox.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a: next(answers))
    manager.select("template", "meeting-readout", "builtin")
    manager.btn_open.click()
    assert opened[-1].toLocalFile() == str(builtin_templates_dir() / "meeting-readout.docx")
    manager.btn_open.click()
    assert opened[-1].toLocalFile() == str(user_templates_dir() / "meeting-readout.docx")
    assert manager.current().origin == "user"
    manager.btn_folder.click()
    assert opened[-1].toLocalFile() == str(user_templates_dir())
    wait_idle(qtbot, manager)


def test_main_window_opens_the_manager_and_reloads_its_pickers(window, qtbot, tmp_path):
    window.act_templates.trigger()
    dialog = window.template_manager
    assert dialog.isVisible()
    wait_idle(qtbot, dialog)
    shared = tmp_path / "office"
    word_file(shared / "desk-note.docx", "{{ title }}")
    dialog.add_shared(shared)
    box = window.template_box
    names = [box.itemData(i) for i in range(box.count())]
    assert "desk-note" in names
    assert box.itemText(names.index("desk-note")) == "Desk note  (office)"
    window.act_templates.trigger()
    assert window.template_manager is dialog            # one manager, raised again
    wait_idle(qtbot, dialog)
    assert dialog.trees["template"].currentItem().data(0, Qt.UserRole) is dialog.current()


def test_status_names_the_template_in_use_and_follows_the_main_window(manager, qtbot):
    assert manager.select("template", "briefing-memo", "builtin")
    assert status(manager) == "In use: the template chosen in the main window."
    assert manager.trees["template"].currentItem().text(1) == "In use"
    assert manager.select("template", "one-pager", "builtin")
    assert status(manager) == "Available in the main window's picker."
    manager.settings.setValue("template", "one-pager")
    manager.refresh_status()
    assert status(manager) == "In use: the template chosen in the main window."
    in_use = [i.data(0, Qt.UserRole).name for i in manager.items() if i.text(1) == "In use"]
    assert in_use == ["one-pager"]
    default = tm.OfficeProfile().name
    assert manager.select("office", default, "builtin")
    assert status(manager) == "In use: the office profile chosen in the main window."
    assert manager.select("office", "uk-fcdo-desk", "builtin")
    assert status(manager) == "Available in the main window's picker."
    wait_idle(qtbot, manager)


def test_status_reports_the_problems_a_check_found(manager, qtbot):
    word_file(user_templates_dir() / "draft.docx", "{{ titel }}")
    manager.reload()
    assert manager.select("template", "draft", "user")
    manager.btn_check.click()
    wait_idle(qtbot, manager)
    assert status(manager) == "Available in the main window's picker. Problems found: 1 " \
                              "(listed below)."
    assert manager.trees["template"].currentItem().text(1) == "Problems"


def test_open_falls_back_to_libreoffice_and_says_when_nothing_can(manager, qtbot, monkeypatch):
    from PySide6.QtCore import QProcess

    import briefgen.convert

    started = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    monkeypatch.setattr(briefgen.convert, "find_soffice", lambda: "/opt/lo/soffice")
    monkeypatch.setattr(QProcess, "startDetached",
                        lambda program, args: started.append((program, args)) or (True, 42))
    path = word_file(user_templates_dir() / "mine.docx", "{{ title }}")
    assert manager.open_file(path) == "libreoffice"
    assert started == [("/opt/lo/soffice", [str(path)])]
    assert message_boxes(manager) == []

    monkeypatch.setattr(briefgen.convert, "find_soffice", lambda: None)
    assert manager.open_file(path) is None
    box = message_boxes(manager)[0]
    assert box.windowTitle() == "Cannot open"
    assert box.text() == ("No program on this computer opens Word documents, and LibreOffice is "
                          "not installed. Install LibreOffice or a word processor, or open the "
                          "file from its folder.")
    assert str(path) in box.detailedText()
    box.close()
    wait_idle(qtbot, manager)


def test_rename_and_delete_work_on_my_copies_only(manager, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    assert manager.select("template", "briefing-memo", "builtin")
    assert not manager.btn_rename.isEnabled() and not manager.btn_delete.isEnabled()
    manager.duplicate_selected()
    assert manager.btn_rename.isEnabled() and manager.btn_delete.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Short memo", True))
    with qtbot.waitSignal(manager.changed):
        renamed = manager.rename_selected()
    folder = user_templates_dir()
    assert renamed == folder / "short-memo.docx"
    assert sorted(p.name for p in folder.iterdir()) == ["short-memo.docx", "short-memo.toml"]
    manifest = (folder / "short-memo.toml").read_text(encoding="utf-8")
    assert 'title = "Short memo"' in manifest and 'name = "short-memo"' in manifest
    assert manager.current().name == "short-memo" and manager.current().origin == "user"
    assert manager.current().title == "Short memo"
    assert not manager.current().overrides                  # the built-in is used again
    assert (builtin_templates_dir() / "briefing-memo.docx").is_file()

    answers = iter([QMessageBox.No, QMessageBox.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a: next(answers))
    assert not manager.delete_selected()                    # asked first; "No" keeps it
    assert (folder / "short-memo.docx").is_file()
    with qtbot.waitSignal(manager.changed):
        assert manager.delete_selected()
    assert list(folder.iterdir()) == []
    assert manager.group_of("template", "user") == []
    builtin = len(list(builtin_templates_dir().glob("*.docx")))
    assert len(manager.group_of("template", "builtin")) == builtin
    with pytest.raises(OutputError):
        tm.delete_copy(next(e for e in manager.entries["template"] if e.origin == "builtin"))
    wait_idle(qtbot, manager)


def test_rename_keeps_an_office_profile_readable(manager, qtbot, tmp_path):
    folder = user_offices_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "desk.office.toml").write_text('title = "Desk"\nfont = "Arial"\n\n[routing]\n'
                                             'to = "The Minister"\n', encoding="utf-8")
    manager.reload()
    entry = next(e for e in manager.entries["office"] if e.name == "desk")
    target = tm.rename_copy(entry, "Asia desk")
    assert target == folder / "asia-desk.office.toml"
    assert not (folder / "desk.office.toml").exists()
    office = read_office(target, "user")
    assert (office.name, office.title, office.font) == ("asia-desk", "Asia desk", "Arial")
    wait_idle(qtbot, manager)
