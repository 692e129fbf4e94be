"""Importing at any size: a bounded review grouped by kind, progress with Cancel,
the status bar after the review, pasting and dropping articles."""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, QPoint, QRect, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from briefgen.gui.import_review import ImportReviewDialog
from briefgen.importing import ImportResult
from briefgen.model import Briefing, Commitment, Figure, Person, Quote
from gui.helpers import wait_preview

ARTICLE = (
    "Irish Taoiseach Micheál Martin received Portuguese Prime Minister Luís Montenegro "
    "in Dublin on 10 June 2025 for talks on energy links and fisheries.\n\n"
    "\"We will build the cable together,\" Martin said.\n\n"
    "The two leaders agreed to study a subsea power cable between the countries.\n")


def big_result(quotes: int = 12_000, figures: int = 20_000) -> ImportResult:
    briefing = Briefing(
        participants=[Person(name=f"Leader {i}", title="Minister") for i in range(40)],
        quotes=[Quote(speaker="Ishiba", text=f"We will open {i} new flights",
                      evidence=f"“We will open {i} new flights,” Ishiba said.")
                for i in range(quotes)],
        figures=[Figure(text=f"{i} billion dollars", evidence=f"Trade reached {i} billion.")
                 for i in range(figures)],
        commitments=[Commitment(text="meet again in Seoul")])
    return ImportResult(briefing, ["big.txt: the meeting date is unknown (3,962 times)",
                                   "big.txt: no place found"])


def big_article(size: int) -> str:
    parts = ["Japanese Prime Minister Shigeru Ishiba met South Korean President Lee Jae Myung "
             "in Tokyo on Saturday.\n\n"]
    length, i = len(parts[0]), 0
    while length < size:
        i += 1
        parts.append(f"\"We will open {i} new flights between our cities,\" Ishiba said. "
                     f"Trade between the two countries reached {i} billion dollars last year, "
                     "officials said. The leaders agreed to meet again in Seoul.\n\n")
        length += len(parts[-1])
    return "".join(parts)


def test_a_review_of_thousands_of_items_fits_the_screen(window, qtbot):
    started = time.perf_counter()
    dialog = ImportReviewDialog(big_result(), can_merge=True, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert time.perf_counter() - started < 3          # about 0.1 s for 32,041 items
    screen = dialog.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry()) or dialog.height() <= screen.height()
    assert dialog.height() <= screen.height() and dialog.width() <= screen.width()
    for which in (QDialogButtonBox.Ok, QDialogButtonBox.Cancel):
        button = dialog.buttons.button(which)
        assert button.isVisible()
        corner = button.mapTo(dialog, QPoint(0, 0))
        assert QRect(QPoint(0, 0), dialog.size()).contains(QRect(corner, button.size()))
    model = dialog.model
    assert [model.index(g, 0).data() for g in range(model.rowCount())] == [
        "Participants (40)", "Quotes (12,000)", "Figures (20,000)", "Commitments (1)"]
    assert [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())] == [
        "⚠ big.txt: the meeting date is unknown (3,962 times)", "⚠ big.txt: no place found"]


def test_a_group_box_keeps_all_or_none_of_its_items(window, qtbot):
    dialog = ImportReviewDialog(big_result(quotes=300, figures=5), can_merge=True, parent=window)
    qtbot.addWidget(dialog)
    model = dialog.model
    quotes = model.index(1, 0)
    assert model.setData(quotes, Qt.Unchecked.value, Qt.CheckStateRole)      # as a click does
    assert quotes.data() == "Quotes (0 of 300 kept)"
    assert quotes.data(Qt.CheckStateRole) == Qt.Unchecked
    model.setData(model.index(7, 0, quotes), Qt.Checked.value, Qt.CheckStateRole)
    assert quotes.data() == "Quotes (1 of 300 kept)"
    assert quotes.data(Qt.CheckStateRole) == Qt.PartiallyChecked
    assert model.index(7, 1, quotes).data() == "“We will open 7 new flights,” Ishiba said."
    dialog.set_group("figures", False)
    kept = dialog.accepted_briefing()
    assert [q.text for q in kept.quotes] == ["We will open 7 new flights"]
    assert kept.figures == [] and len(kept.participants) == 40
    dialog.set_all(True)
    assert quotes.data() == "Quotes (300)" and len(dialog.accepted_briefing().quotes) == 300


def test_a_big_import_shows_progress_and_cancel_stops_it(window, qtbot, tmp_path):
    article = tmp_path / "big.txt"
    article.write_text(big_article(2_000_000), encoding="utf-8")
    window.review = None
    window.import_paths([article])
    bar = window.import_progress
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.isVisible(), timeout=20_000)
    assert bar.labelText() == "Reading big.txt…"
    assert bar.value() < bar.maximum()
    cancel = next(b for b in bar.findChildren(QPushButton) if b.text() == "Cancel")
    cancel.click()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                    == "Import cancelled: nothing changed", timeout=20_000)
    qtbot.wait(200)
    assert window.review is None and not window.document.dirty


def test_imported_shows_only_once_the_review_is_accepted(window, qtbot, tmp_path):
    article = tmp_path / "dublin.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    window.review = None
    window.import_paths([article])
    qtbot.waitUntil(lambda: window.review is not None, timeout=30_000)
    status = window.statusBar().currentMessage()
    assert status.startswith("Review the import: found ") and "Imported" not in status
    window.review.accept()
    wait_preview(qtbot, window)                 # the preview's message does not replace it
    assert window.statusBar().currentMessage().startswith("Imported: 2 participants, 1 quote")
    assert window.statusBar().currentMessage().endswith(", merged into the briefing")


def wait_review(window, qtbot):
    qtbot.waitUntil(lambda: window.review is not None, timeout=30_000)
    return window.review


def test_paste_article_imports_the_clipboard_html_first(window, qtbot):
    mime = QMimeData()
    mime.setHtml("<html><body><h1>Dublin talks</h1>" + "".join(
        f"<p>{para}</p>" for para in ARTICLE.split("\n\n")) + "</body></html>")
    mime.setText("Not the article")
    QApplication.clipboard().setMimeData(mime)
    window.review = None
    assert window.act_paste.shortcut().toString() == "Ctrl+Shift+V"
    assert window.act_paste in window.edit_menu.actions()
    window.act_paste.trigger()
    review = wait_review(window, qtbot)
    names = [p.name for p in review.result.briefing.participants]
    assert "Micheál Martin" in names
    review.reject()
    assert window.statusBar().currentMessage() == "Import cancelled: nothing changed"


def test_paste_of_html_without_an_article_falls_back_to_its_text(window, qtbot):
    mime = QMimeData()
    mime.setHtml('<img src="talks.jpg">')               # the importer finds no text in it
    mime.setText(ARTICLE)
    QApplication.clipboard().setMimeData(mime)
    window.review = None
    window.paste_article()
    review = wait_review(window, qtbot)
    assert "Micheál Martin" in [p.name for p in review.result.briefing.participants]
    review.reject()


def test_paste_with_nothing_on_the_clipboard_says_so(window, qtbot):
    QApplication.clipboard().clear()
    window.review = None
    window.act_paste.trigger()
    assert window.statusBar().currentMessage() == \
        "No text to import: copy an article's text first"
    assert window.review is None


def test_dropping_text_from_a_browser_imports_it(window, qtbot):
    mime = QMimeData()
    mime.setText(ARTICLE)
    window.review = None
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    review = wait_review(window, qtbot)
    assert "Micheál Martin" in [p.name for p in review.result.briefing.participants]
    review.reject()
