"""How the values of a briefing read in fields and table cells, and back:
``to_text(value, kind)``, ``from_text(text, kind)``, ``label(choice)``.  No Qt."""

from __future__ import annotations

import datetime as dt
from typing import Any

# How values of the model's enumerations read on screen; any other value is capitalised.
LABELS = {"notetaker": "Note-taker"}


def label(value: Any) -> str:
    """The display label of an enumeration value ("host" -> "Host"); "" for None."""
    if value is None:
        return ""
    text = str(value)
    return LABELS.get(text) or text.replace("_", " ").capitalize()


def to_text(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "list":
        return "; ".join(value)
    if kind == "number":
        return f"{value:g}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def from_text(text: str, kind: str) -> Any:
    """The model value for what the user typed (validation is the model's job)."""
    text = text.strip()
    if kind == "list":
        return [part.strip() for part in text.split(";") if part.strip()]
    if kind in ("date", "number", "choice") and not text:
        return None
    if kind == "number":
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return text          # the model reports "valid number"
    return text
