"""Routing (to, through, from, drafter, clearances) and the classification marking."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from briefgen.gui.document import BriefingDocument
from briefgen.gui.models import Column, blank
from briefgen.gui.fields import Form, TriStateField, page
from briefgen.gui.widgets import ListEditor
from briefgen.model import Clearance


def routing_page(document: BriefingDocument) -> tuple[QWidget, Form, ListEditor]:
    form = Form(document)
    r = ("routing",)
    form.line("to", r + ("to",), "To", placeholder="Empty: the office profile's default")
    form.line("through", r + ("through",), "Through")
    form.line("from_office", r + ("from_office",), "From (office)")
    form.line("from_name", r + ("from_name",), "From (name)")
    form.line("drafter_name", r + ("drafter", "name"), "Drafter")
    form.line("drafter_office", r + ("drafter", "office"), "Drafter's office")
    form.line("drafter_phone", r + ("drafter", "phone"), "Drafter's phone")
    form.line("approver", r + ("approver",), "Approver")
    form.line("deadline", r + ("deadline",), "Deadline")
    m = ("marking",)
    form.line("classification", m + ("classification",), "Classification",
              placeholder="Empty: the office profile's default")
    form.line("caveats", m + ("caveats",), "Caveats", placeholder="e.g. NOFORN")
    form.add("portion_marks", TriStateField(
        document, m + ("portion_marks",), "Portion marks", "Mark each paragraph",
        tip="Partly checked: use the office profile's setting"))
    clearances = ListEditor(document, r + ("clearances",), [
        Column("office", "Office"), Column("name", "Name"), Column("status", "Status")],
        blank(Clearance), title="Clearances", noun="clearance",
        empty="No clearances yet: the offices that must agree before the brief goes up.")
    box = QGroupBox("Routing and marking")
    inner = QVBoxLayout(box)
    inner.addWidget(form)
    return page(box, clearances), form, clearances
