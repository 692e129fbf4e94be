"""Reading what a user would check in a .docx: text, header/footer XML, fields."""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document


def body_text(data: bytes) -> str:
    """All body paragraphs and table cells, one paragraph a line."""
    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


def part_xml(data: bytes, prefix: str) -> str:
    """The XML of every part whose name starts with ``word/<prefix>``, joined."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8") for n in sorted(z.namelist())
                       if n.startswith(f"word/{prefix}") and n.endswith(".xml"))


def xml_text(xml: str) -> str:
    """Visible text of WordprocessingML (w:t contents)."""
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
