"""Help: a short offline guide and the keyboard shortcuts, read from the window's own actions.

The shortcut list is built from the QActions of the window's menus, its page
actions and the table actions every list editor has, so it cannot drift from
what the keys really do.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout

from briefgen.gui.settings import library
from briefgen.library import ENV_VAR, Library
from briefgen.gui.widgets import TABLE_ACTIONS

GUIDE = """
<h2>briefgen</h2>
<p>briefgen turns the facts of a diplomatic meeting into Word briefing documents: memos,
talking points, readouts, topic briefs and participant bios, in your office's house style and
with the right markings. It works offline and never touches the network.</p>

<h3>The workflow</h3>
<ol>
<li><b>Start</b> a briefing with <i>File › New</i>, or open one (<code>.brief.json</code>).</li>
<li><b>Import</b> the articles, readouts, cables or spreadsheets you have (<i>File › Import</i>,
or drop the files on the window). briefgen finds the people, quotes, figures, commitments and
next steps; you choose what to keep, then start a new briefing or merge into the open one.</li>
<li><b>Review and edit</b> the facts page by page: Meeting, People, Objectives, Topics,
Quotes &amp; figures, Outcomes, Sources, Routing &amp; marking. Every change can be undone.
A field in red holds a value briefgen cannot use; the reason is written under it.</li>
<li><b>Choose</b> a template and your office profile in the toolbar. The preview on the right
shows the document as you type.</li>
<li><b>Export</b> a Word document, a PDF (with LibreOffice installed) or a briefing pack: the
documents you choose in one Word document (or PDF) behind a cover page with the contents.
Cancel stops an export before it replaces any file; the finished box names what was
written and any warning about the marking.</li>
</ol>

<h3>Templates and office profiles</h3>
<p>Templates are Word documents with tags; office profiles set the letterhead, marking, date
style and paper. Open <i>Tools › Templates</i> to see them all, duplicate one into your own
folder, open it in your word processor and check it. They are looked for in these folders,
a later one replacing a file of the same name in an earlier one:</p>
{folders}
<p>Shared folders (for example on a network drive) are added in the template manager or in the
<code>{env}</code> environment variable.</p>

<h3>Names in other scripts</h3>
<p>Names in Chinese, Japanese, Korean, Arabic, Hebrew, Thai or Devanagari need a font for that
script on this computer to show in the app; a field says so when none is installed. The
exported documents are not affected.</p>
"""


def guide_html(shelf: Library) -> str:
    """The user guide with the template and profile folders of *shelf*."""
    rows = []
    for kind, label in (("template", "Templates"), ("office", "Office profiles")):
        items = "".join(f"<li>{html.escape(folder.origin.replace('builtin', 'built-in'))}: "
                        f"<code>{html.escape(str(path))}</code></li>"
                        for folder in shelf.folders for path in folder.of(kind))
        rows.append(f"<p><b>{label}</b></p><ul>{items}</ul>")
    return GUIDE.format(folders="".join(rows), env=ENV_VAR)


def _text(action: QAction) -> str:
    """The action's text without its mnemonic marks ("&&" is a real "&")."""
    return re.sub(r"&(.)", r"\1", action.text()).rstrip("…")


def _keys(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.NativeText) for k in action.shortcuts())


def shortcut_groups(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(group, [(what, keys)])`` from the window's menus, its other actions and the tables."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    listed: list[QAction] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        rows = []
        for action in menu.actions():
            if action.shortcuts() and not action.isSeparator():
                rows.append((_text(action), _keys(action)))
                listed.append(action)
        if rows:
            groups.append((_text(menu_action), rows))
    others = [(_text(a), _keys(a)) for a in window.actions()
              if a.shortcuts() and a not in listed]
    if others:
        groups.append(("Pages", others))
    groups.append(("In a table", [(text.format(noun="row"), QKeySequence(keys).toString(
        QKeySequence.NativeText)) for _key, _icon, text, keys in TABLE_ACTIONS]))
    return groups


def shortcuts_html(window: QMainWindow) -> str:
    parts = ["<h2>Keyboard shortcuts</h2>"]
    for group, rows in shortcut_groups(window):
        body = "".join(f"<tr><td style='padding-right:24px'>{html.escape(what)}</td>"
                       f"<td><b>{html.escape(keys)}</b></td></tr>" for what, keys in rows)
        parts.append(f"<h3>{html.escape(group)}</h3><table>{body}</table>")
    return "".join(parts)


class HelpDialog(QDialog):
    """A non-modal window with one page of help."""

    def __init__(self, title: str, page: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(page)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 620)


def show_guide(window: QMainWindow) -> HelpDialog:
    dialog = HelpDialog("briefgen Help", guide_html(library(window.settings)), window)
    dialog.show()
    window.help_dialog = dialog
    return dialog


def show_shortcuts(window: QMainWindow) -> HelpDialog:
    dialog = HelpDialog("Keyboard shortcuts", shortcuts_html(window), window)
    dialog.resize(520, 640)
    dialog.show()
    window.help_dialog = dialog
    return dialog
