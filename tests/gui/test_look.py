"""The look of the main window: icons, a stable toolbar, fitted columns, display labels,
empty-state hints, fonts for other scripts, and the Help menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QStyleOptionViewItem

from briefgen.gui import icons, scripts
from briefgen.gui.document import BriefingDocument
from briefgen.gui.main_window import PAGES
from briefgen.gui.widgets import ListEditor


def editors_of(window) -> list[ListEditor]:
    """Every table on every page (building the pages)."""
    for index in range(len(PAGES)):
        window.sidebar.setCurrentRow(index)
    return window.findChildren(ListEditor)


def test_each_page_and_action_has_its_own_meaningful_icon(window):
    pages = [icons.name_of(window.sidebar.item(i).icon()) for i in range(window.sidebar.count())]
    assert pages == [page.icon for page in PAGES]
    assert len(set(pages)) == len(PAGES)
    actions = {"new": window.act_new, "open": window.act_open, "save": window.act_save,
               "undo": window.act_undo, "redo": window.act_redo, "import": window.act_import,
               "export": window.act_export, "page-preview": window.act_pages,
               "templates": window.act_templates, "guide": window.act_guide}
    assert {name: icons.name_of(a.icon()) for name, a in actions.items()} == \
        {name: name for name in actions}
    bundled = {icons.ICONS[name][0] for name in list(actions) + pages}
    assert len(bundled) == len(actions) + len(pages)            # no two share a drawing
    people = window.people["participants"]
    assert [icons.name_of(people.actions_[k].icon()) for k in ("add", "remove", "up", "down")] \
        == ["add", "remove", "up", "down"]


def test_bundled_icons_follow_the_palette_and_grey_out_when_disabled(qapp):
    icon = icons.icon("page-people")
    assert icon is icons.icon("page-people")                     # made once
    normal = icon.pixmap(QSize(24, 24)).toImage()
    disabled = icon.pixmap(QSize(24, 24), QIcon.Disabled).toImage()
    ink = [normal.pixelColor(x, y) for x in range(24) for y in range(24)
           if normal.pixelColor(x, y).alpha() > 200]
    assert ink, "the icon draws nothing"
    text = QApplication.palette().windowText().color()
    assert {(c.red(), c.green(), c.blue()) for c in ink} == {(text.red(), text.green(), text.blue())}
    assert normal != disabled
    for name in icons.ICONS:
        assert icons.bundled_path(name).is_file(), name
    assert (icons.bundled_path("new").parent / "LICENSE-lucide.txt").is_file()


def test_toolbar_buttons_stay_put_when_undo_and_redo_texts_grow(window, qtbot):
    bar = window.toolbar
    QApplication.processEvents()

    def layout():
        return [(a.text(), bar.widgetForAction(a).geometry().getRect()) for a in bar.actions()
                if bar.widgetForAction(a) is not None and not a.isSeparator()]

    before, width = [rect for _t, rect in layout()], bar.sizeHint().width()
    field = window.meeting_form.fields["title"]
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, "A title long enough to make the undo text grow a lot")
    notes = window.meeting_form.fields["notes"]
    notes.editor.setPlainText("Check the figures")
    window.document.undo_stack.undo()
    assert len(window.act_undo.text()) > len("&Undo ") + 4          # "Undo Edit Title"
    assert len(window.act_redo.text()) > len("&Redo ") + 4
    QApplication.processEvents()
    assert [rect for _t, rect in layout()] == before
    assert bar.sizeHint().width() == width
    undo_button = bar.widgetForAction(window.act_undo)
    assert undo_button.toolButtonStyle() == Qt.ToolButtonIconOnly
    assert undo_button.toolTip()                                  # the text is in the tip


def test_enumerations_read_as_labels_in_tables_and_combos(window):
    people = window.people["participants"]
    role = [c.field for c in people.model.columns].index("role")
    index = people.model.index(0, role)
    assert index.data(Qt.DisplayRole) == "Host"
    assert index.data(Qt.EditRole) == "host"
    editor = people.view.itemDelegate().createEditor(people.view.viewport(),
                                                     QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    items = [editor.itemText(i) for i in range(editor.count())]
    assert "Host" in items and "Note-taker" in items and "host" not in items
    people.view.itemDelegate().setEditorData(editor, index)
    assert editor.currentText() == "Host"
    editor.setCurrentIndex(editor.findText("Guest"))
    people.view.itemDelegate().setModelData(editor, people.model, index)
    assert window.document.briefing.participants[0].role == "guest"
    editor.deleteLater()

    topics = window.topics_page
    assert topics.topics.model.index(0, 1).data() == "Security"
    combo = topics.form.fields["category"].editor
    assert combo.currentText() == "Security"
    kind = window.meeting_form.fields["kind"].editor
    assert [kind.itemText(i) for i in range(kind.count())][1:] == \
        ["Summit", "Bilateral", "Multilateral", "Call", "Visit"]


def test_headers_and_short_cells_are_never_cut_at_the_default_size(window, qtbot):
    window.resize(1400, 860)
    checked = 0
    for editor in editors_of(window):
        page = editor
        while page.parentWidget() is not window.stack:
            page = page.parentWidget()
        window.stack.setCurrentWidget(page)
        qtbot.waitUntil(lambda e=editor: e.isVisible() and e._fitted, timeout=3000)
        editor.fit()
        view, header = editor.view, editor.view.horizontalHeader()
        for i, column in enumerate(editor.model.columns):
            width = header.sectionSize(i)
            assert width >= editor.header_width(i), (editor.view.accessibleName(), column.header)
            if not column.wrap and i != editor.stretch:
                assert width >= view.sizeHintForColumn(i), (view.accessibleName(), column.header)
            checked += 1
        for row in range(editor.model.rowCount()):          # wrapped text gets its lines
            wrapped = [i for i, c in enumerate(editor.model.columns) if c.wrap]
            if wrapped:
                assert view.rowHeight(row) >= min(
                    view.sizeHintForRow(row), editor.line_height + 3 * view.fontMetrics().lineSpacing())
    assert checked > 40


def test_every_empty_list_says_what_belongs_there_and_offers_add(window, qtbot):
    window.set_document(BriefingDocument())
    editors = editors_of(window)
    assert len(editors) >= 14
    for editor in editors:
        assert editor.model.rowCount() == 0
        hint = editor.empty
        if not editor.model.list_path_valid():       # a topic's lists: no topic to hold them
            continue
        assert not hint.isHidden(), editor.view.accessibleName()
        assert hint.label.text().startswith(("No ", "None", "Nothing"))
        assert hint.button.text() == f"Add {editor.noun}"
    window.show_page(0)                                  # Meeting
    starter = [w for w in window.stack.widget(0).findChildren(QLabel)
               if w.accessibleName() == "Getting started"]
    assert len(starter) == 1 and not starter[0].isHidden()

    topics = window.topics_page
    assert topics.right.currentWidget() is topics.hint
    topics.topics.empty.button.click()
    assert len(window.document.briefing.topics) == 1
    assert topics.topics.empty.isHidden()
    assert topics.right.currentWidget() is topics.details
    assert starter[0].isHidden()            # the briefing is no longer blank


def test_page_count_is_a_proper_plural():
    from briefgen.gui.messages import plural

    assert plural(1, "page") == "1 page"
    assert plural(2, "page") == "2 pages"
    assert plural(0, "person", "people") == "0 people"
    assert plural(1200, "quote") == "1,200 quotes"


def test_a_script_without_a_font_is_pointed_out_with_the_package(window, monkeypatch):
    people = window.people["participants"]
    assert people.notice.isHidden()            # here every script has a font, or none is used
    monkeypatch.setattr(scripts, "installed", lambda script: script is not scripts.HANGUL)
    people.fit()
    text = people.notice.text()
    assert not people.notice.isHidden()
    assert text == ("Native name of Lee Jae Myung: no installed font has Korean (Hangul) "
                    "letters, so they show as boxes here (the exported documents are not "
                    "affected). Install a font for them: on Debian or Ubuntu, sudo apt install "
                    "fonts-noto-cjk; elsewhere, your system's Noto fonts for Korean (Hangul).")
    title = window.meeting_form.fields["title"]
    title.editor.setText("Summit with 이재명")
    title.commit()
    assert title.notice is not None and not title.notice.isHidden()
    assert title.notice.text().startswith("Title: no installed font has Korean (Hangul) letters")
    assert "fonts-noto-cjk" in title.notice.text()
    title.editor.setText("Summit")
    title.commit()
    assert title.notice.isHidden()


def test_scripts_are_told_apart_and_checked_against_the_font_database(qapp):
    found = scripts.scripts_in("Lee Jae-myung 이재명, 石破茂 いしば, Нетаньяху, עברית, ไทย, हिन्दी, عربى")
    assert found == [scripts.HANGUL, scripts.HAN, scripts.KANA, scripts.CYRILLIC, scripts.HEBREW,
                     scripts.THAI, scripts.DEVANAGARI, scripts.ARABIC]
    assert scripts.missing_fonts("Plain Latin, café") == []
    from PySide6.QtGui import QFontDatabase
    korean = bool(QFontDatabase.families(QFontDatabase.WritingSystem.Korean))
    assert scripts.installed(scripts.HANGUL) is korean
    assert (scripts.missing_fonts("이재명") == []) is korean


def test_help_menu_has_guide_shortcuts_and_about(window, qtbot):
    from briefgen.gui import help
    from briefgen.resources import user_templates_dir

    menu = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"][0]
    assert [a for a in menu.actions() if not a.isSeparator()] == \
        [window.act_guide, window.act_shortcuts, window.act_about]
    window.act_guide.trigger()
    guide = window.help_dialog
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert "The workflow" in text and str(user_templates_dir()) in text
    guide.close()

    window.act_pages.setShortcut("Ctrl+Alt+P")      # the list follows the real actions
    groups = dict(help.shortcut_groups(window))
    assert ("Page preview", "Ctrl+Alt+P") in groups["View"]
    assert ("Quotes & figures", "Ctrl+5") in groups["Pages"]
    assert ("Add row", "Ins") in groups["In a table"]
    every = {keys for rows in groups.values() for _what, keys in rows}
    for action in window.actions():
        if action.shortcuts():
            assert ", ".join(k.toString() for k in action.shortcuts()) in every, action.text()
    window.act_shortcuts.trigger()
    qtbot.addWidget(window.help_dialog)
    assert "Ctrl+Alt+P" in window.help_dialog.browser.toPlainText()


@pytest.mark.parametrize("office_font", ["Georgia"])
def test_preview_uses_the_documents_fonts(office_font):
    from briefgen.offices import OfficeProfile
    from briefgen.preview import docx_to_html, document_fonts
    from briefgen.render import render_briefing
    from briefgen.templates import list_templates
    from briefgen.model import Briefing

    template = next(t for t in list_templates() if t.name == "briefing-memo")
    office = OfficeProfile(font=office_font, east_asian_font="Noto Serif CJK JP")
    data = render_briefing(Briefing(title="x"), template, office)
    assert document_fonts(data) == [office_font, "Noto Serif CJK JP"]
    assert f"font-family: '{office_font}', 'Noto Serif CJK JP', serif" in docx_to_html(data).html


def test_the_empty_hint_shows_its_whole_text(window, qtbot):
    window.set_document(BriefingDocument())
    window.resize(1400, 860)
    window.sidebar.setCurrentRow(1)
    hint = window.people["participants"].empty
    qtbot.waitUntil(lambda: hint.isVisible() and hint.label.width() > 0, timeout=3000)
    label = hint.label
    assert label.height() >= label.heightForWidth(label.width())       # no line cut off
