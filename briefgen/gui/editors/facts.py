"""Quotes, figures, commitments, next steps and sources: one table each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from briefgen.gui.document import BriefingDocument
from briefgen.gui.models import Column, blank
from briefgen.gui.fields import page
from briefgen.gui.widgets import IMPORT, ListEditor
from briefgen.model import CATEGORIES, Commitment, Figure, NextStep, Quote, Source

EVIDENCE = Column("evidence", "Evidence", tip="The source sentence this comes from", wrap=True)


def _split(*editors: ListEditor) -> QSplitter:
    split = QSplitter(Qt.Vertical)
    split.setChildrenCollapsible(False)
    for editor in editors:
        split.addWidget(editor)
    return split


def statements_page(document: BriefingDocument) -> tuple[QWidget, dict[str, ListEditor]]:
    editors = {
        "quotes": ListEditor(document, ("quotes",), [
            Column("speaker", "Speaker"), Column("text", "Quote", wrap=True), Column("occasion", "Occasion"),
            Column("date", "Date", "date", tip="YYYY-MM-DD"), EVIDENCE],
            blank(Quote, text="New quote"), title="Quotes", noun="quote",
            empty="No quotes yet: what each side said, word for word." + IMPORT),
        "figures": ListEditor(document, ("figures",), [
            Column("text", "Figure", wrap=True,
                   tip="The figure as it should read, e.g. '$1.2 billion in trade'"),
            Column("value", "Value", "number"), Column("unit", "Unit"),
            Column("category", "Category", "choice", CATEGORIES), EVIDENCE],
            blank(Figure, text="New figure"), title="Figures", noun="figure",
            empty="No figures yet: trade, troops, money — numbers worth quoting." + IMPORT),
    }
    return page(_split(*editors.values())), editors


def outcomes_page(document: BriefingDocument) -> tuple[QWidget, dict[str, ListEditor]]:
    editors = {
        "commitments": ListEditor(document, ("commitments",), [
            Column("text", "Commitment", wrap=True),
            Column("parties", "Parties", "list", tip="Separate parties with ';'"),
            Column("category", "Category", "choice", CATEGORIES), Column("deadline", "Deadline"),
            EVIDENCE], blank(Commitment, text="New commitment"),
            title="Commitments", noun="commitment",
            empty="No commitments yet: what either side agreed or pledged." + IMPORT),
        "next_steps": ListEditor(document, ("next_steps",), [
            Column("text", "Next step", wrap=True), Column("date", "Date", "date", tip="YYYY-MM-DD"),
            Column("location", "Location"), EVIDENCE], blank(NextStep, text="New next step"),
            title="Next steps", noun="next step",
            empty="No next steps yet: follow-up visits, talks and deadlines." + IMPORT),
    }
    return page(_split(*editors.values())), editors


def sources_page(document: BriefingDocument) -> tuple[QWidget, dict[str, ListEditor]]:
    editors = {"sources": ListEditor(document, ("sources",), [
        Column("id", "Id", tip="Short id used in footnotes"), Column("title", "Title", wrap=True),
        Column("publisher", "Publisher"), Column("url", "URL", wrap=True),
        Column("published", "Published", "date", tip="YYYY-MM-DD"),
        Column("accessed", "Accessed", "date", tip="YYYY-MM-DD"), Column("file", "File")],
        blank(Source), title="Sources", noun="source",
        empty="No sources yet: the articles and readouts the facts come from. Importing "
              "a file (Ctrl+I) lists it here.")}
    return page(*editors.values()), editors
