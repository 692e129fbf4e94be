"""Giving the publication date in the import review resolves relative dates."""

from __future__ import annotations

import datetime as dt

from gui.helpers import run_import
from shiboken6 import isValid

ARTICLE = (
    "Irish Taoiseach Micheál Martin received Portuguese Prime Minister Luís Montenegro "
    "in Dublin on Tuesday for talks on energy links and fisheries.\n\n"
    "The two leaders agreed to study a subsea power cable between the countries.\n")


def test_read_again_with_a_publication_date(window, qtbot, tmp_path):
    article = tmp_path / "dublin.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    first = run_import(window, qtbot, [article])
    assert first.result.briefing.meeting.date is None
    assert any("give the publication date" in w for w in first.result.warnings)
    assert not first.read_again.isEnabled()

    first.published.setText("2025-06")
    assert not first.read_again.isEnabled() and first.published.property("invalid")
    first.published.setText("2025-06-12")
    assert first.read_again.isEnabled()

    window.review = None
    first.read_again.click()
    qtbot.waitUntil(lambda: getattr(window, "review", None) is not None, timeout=30_000)
    second = window.review
    assert second is not first and not isValid(first)     # the first review closed
    assert second.result.briefing.meeting.date == dt.date(2025, 6, 10)
    assert second.published.text() == "2025-06-12"
    second.reject()

