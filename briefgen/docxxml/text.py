"""Text in runs: written as ``w:t`` with breaks and tabs, and read back."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def append_text(run, text: str) -> None:
    """Append *text* to *run* as ``w:t``, with ``w:br`` for newlines and ``w:tab`` for tabs."""
    buffer = ""
    for char in text + "\n":
        if char not in "\n\t":
            buffer += char
            continue
        if buffer:
            element = OxmlElement("w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = buffer
            run.append(element)
            buffer = ""
        run.append(OxmlElement("w:tab" if char == "\t" else "w:br"))
    run.remove(run[-1])  # the break for the newline added above
