"""Quotes, figures, commitments, next steps and sources: one table each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from briefgen.gui.document import BriefingDocument
from briefgen.gui.models import Column, blank
from briefgen.gui.widgets import ListEditor, page
from briefgen.model import CATEGORIES, Commitment, Figure, NextStep, Quote, Source

EVIDENCE = Column("evidence", "Evidence", tip="The source sentence this comes from")


def _split(*editors: ListEditor) -> QSplitter:
    split = QSplitter(Qt.Vertical)
    split.setChildrenCollapsible(False)
    for editor in editors:
        split.addWidget(editor)
    return split


def statements_page(document: BriefingDocument) -> tuple[QWidget, dict[str, ListEditor]]:
    editors = {
        "quotes": ListEditor(document, ("quotes",), [
            Column("speaker", "Speaker"), Column("text", "Quote"), Column("occasion", "Occasion"),
            Column("date", "Date", "date", tip="YYYY-MM-DD"), EVIDENCE],
            blank(Quote, text="New quote"), title="Quotes", noun="quote", stretch=1),
        "figures": ListEditor(document, ("figures",), [
            Column("text", "Figure", tip="The figure as it should read, e.g. '$1.2 billion in trade'"),
            Column("value", "Value", "number"), Column("unit", "Unit"),
            Column("category", "Category", "choice", CATEGORIES), EVIDENCE],
            blank(Figure, text="New figure"), title="Figures", noun="figure", stretch=0),
    }
    return page(_split(*editors.values())), editors


def outcomes_page(document: BriefingDocument) -> tuple[QWidget, dict[str, ListEditor]]:
    editors = {
        "commitments": ListEditor(document, ("commitments",), [
            Column("text", "Commitment"),
            Column("parties", "Parties", "list", tip="Separate parties with ';'"),
            Column("category", "Category", "choice", CATEGORIES), Column("deadline", "Deadline"),
            EVIDENCE], blank(Commitment, text="New commitment"),
            title="Commitments", noun="commitment", stretch=0),
        "next_steps": ListEditor(document, ("next_steps",), [
            Column("text", "Next step"), Column("date", "Date", "date", tip="YYYY-MM-DD"),
            Column("location", "Location"), EVIDENCE], blank(NextStep, text="New next step"),
            title="Next steps", noun="next step", stretch=0),
    }
    return page(_split(*editors.values())), editors


def sources_page(document: BriefingDocument) -> tuple[QWidget, dict[str, ListEditor]]:
    editors = {"sources": ListEditor(document, ("sources",), [
        Column("id", "Id", tip="Short id used in footnotes"), Column("title", "Title"),
        Column("publisher", "Publisher"), Column("url", "URL"),
        Column("published", "Published", "date", tip="YYYY-MM-DD"),
        Column("accessed", "Accessed", "date", tip="YYYY-MM-DD"), Column("file", "File")],
        blank(Source), title="Sources", noun="source", stretch=1)}
    return page(*editors.values()), editors
