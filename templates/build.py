"""Builds the built-in Word templates in this folder.

The .docx files are what offices open and adapt in Word; this script is how
the built-in ones are made, so a change to them is a reviewable diff.  Run it
after editing (``python templates/build.py``); the test suite checks that the
committed .docx files match what it builds.

Conventions every built-in template follows (see the README's authoring guide):
the marking banner (``{{ marking.banner }}``) heads and foots every page, the
footer carries "Page X of Y" as real fields, and each body paragraph starts
with ``{{ pm }}``, the portion mark, which is empty when marks are off.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefgen.docxxml import add_field  # noqa: E402

BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x55, 0x55, 0x55)


# --- document scaffolding ------------------------------------------------------

def new_document():
    """A blank document with the house styles every built-in template uses."""
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    for name, size, before, caps in (("Title", 14, 0, True), ("Heading 1", 12, 12, True),
                                     ("Heading 2", 12, 9, False), ("Heading 3", 11, 6, False)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.all_caps = caps
        style.font.color.rgb = BLACK
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
        _plain_fonts(style)
    title = styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _remove_border(title)
    for name in ("List Bullet", "List Number"):
        styles[name].paragraph_format.space_after = Pt(3)
    quote = styles["Quote"]
    quote.font.italic = True
    quote.font.color.rgb = BLACK
    quote.paragraph_format.left_indent = Pt(24)
    small = styles.add_style("Small", 1)
    small.base_style = normal
    small.font.size = Pt(10)
    small.paragraph_format.space_after = Pt(2)
    label = styles.add_style("Label", 2)
    label.font.bold = True
    banner = styles.add_style("Banner", 1)
    banner.base_style = normal
    banner.font.bold = True
    banner.font.size = Pt(10)
    banner.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    banner.paragraph_format.space_after = Pt(0)
    return doc


def _plain_fonts(style) -> None:
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        rpr.remove(fonts)


def _remove_border(style) -> None:
    ppr = style.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)


def rule_below(paragraph) -> None:
    """A thin line under *paragraph* (separates the header block from the body)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "4"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    ppr.append(borders)


def banners_and_page_numbers(doc) -> None:
    """Marking banner at the top and bottom of every page; "Page X of Y" in the footer."""
    section = doc.sections[0]
    section.different_first_page_header_footer = False
    header = section.header.paragraphs[0]
    header.text = "{{ marking.banner }}"
    header.style = doc.styles["Banner"]
    footer = section.footer
    pages = footer.paragraphs[0]
    pages.style = doc.styles["Banner"]
    pages.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in _page_x_of_y(pages):
        run.font.bold = False
    banner = footer.add_paragraph("{{ marking.banner }}", style=doc.styles["Banner"])
    banner.paragraph_format.space_before = Pt(2)


def _page_x_of_y(paragraph):
    runs = [paragraph.add_run("Page ")]
    runs += add_field(paragraph, "PAGE")
    runs.append(paragraph.add_run(" of "))
    runs += add_field(paragraph, "NUMPAGES")
    return runs


def letterhead(doc) -> None:
    """Logo and letterhead lines from the office profile (absent when it has none)."""
    doc.add_paragraph("{%p if logo %}")
    logo = doc.add_paragraph("{{ logo }}")
    logo.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p for line in office.letterhead %}")
    line = doc.add_paragraph("{{ line }}", style="Small")
    line.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    line.runs[0].font.small_caps = True
    line.runs[0].font.size = Pt(11)
    doc.add_paragraph("{%p endfor %}")


def tag(doc, text: str) -> None:
    """A paragraph holding only a ``{%p ... %}`` tag (docxtpl removes it)."""
    doc.add_paragraph(text)


def labelled(doc, label: str, value: str, style: str | None = None):
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run("{{ pm }}")
    paragraph.add_run(label).bold = True
    paragraph.add_run(value)
    return paragraph


def routing_table(doc, rows: list[tuple[str, str, str | None]]) -> None:
    """The TO/FROM/SUBJECT block: (label, value, condition) rows without borders."""
    table = doc.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for label, value, condition in rows:
        if condition:
            _tr_tag(table, f"{{%tr if {condition} %}}")
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
        if condition:
            _tr_tag(table, "{%tr endif %}")
    set_widths(table, [95, 355])
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)


def set_widths(table, widths: list[int]) -> None:
    """Column widths in points, for Word (cell widths) and LibreOffice (grid)."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)


def _tr_tag(table, text: str) -> None:
    cells = table.add_row().cells
    cells[0].paragraphs[0].text = text


def data_table(doc, headers: list[str], cells: list[str], loop: str, widths: list[int]) -> None:
    """A gridded table: a shaded header row, then one row per item of *loop*."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, headers):
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        _shade(cell, "D9D9D9")
    _tr_tag(table, f"{{%tr for {loop} %}}")
    row = table.add_row().cells
    for cell, text in zip(row, cells):
        cell.paragraphs[0].text = text
    _tr_tag(table, "{%tr endfor %}")
    table.rows[0].cells[0].paragraphs[0].paragraph_format.keep_with_next = True
    set_widths(table, widths)
    for table_row in table.rows:
        for cell in table_row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(2)
                paragraph.style = doc.styles["Small"]
    _repeat_header(table.rows[0])
    doc.add_paragraph(style="Small")


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tcpr.append(shading)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def bullets(doc, loop: str, text: str, style: str = "List Bullet") -> None:
    tag(doc, f"{{%p for {loop} %}}")
    doc.add_paragraph(f"{{{{ pm }}}}{text}", style=style)
    tag(doc, "{%p endfor %}")


def section(doc, condition: str, heading: str, body: Callable[[], None], level: int = 1) -> None:
    """A heading and its body, both left out when *condition* is false."""
    tag(doc, f"{{%p if {condition} %}}")
    doc.add_heading(heading, level=level)
    body()
    tag(doc, "{%p endif %}")


def drafting_block(doc) -> None:
    """Drafted / Cleared / Approved lines at the end of a memo."""
    rule_below(doc.add_paragraph(style="Small"))
    tag(doc, "{%p if routing.drafter.name %}")
    doc.add_paragraph(
        "Drafted by: {{ routing.drafter.name }}"
        "{% if routing.drafter.office %}, {{ routing.drafter.office }}{% endif %}"
        "{% if routing.drafter.phone %}, {{ routing.drafter.phone }}{% endif %}"
        ", {{ today|date }}", style="Small")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for c in routing.clearances %}")
    doc.add_paragraph("{% if loop.first %}Cleared: {% else %}"
                      "                 {% endif %}"
                      "{{ c.office }}{% if c.name %} \u2013 {{ c.name }}{% endif %}"
                      "{% if c.status %} ({{ c.status }}){% endif %}", style="Small")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if routing.approver %}")
    doc.add_paragraph("Approved by: {{ routing.approver }}", style="Small")
    tag(doc, "{%p endif %}")


def core_properties(doc, title: str) -> None:
    props = doc.core_properties
    props.title = title
    props.author = "briefgen"
    props.comments = "Built-in briefgen template"
    props.revision = 1
    import datetime as dt

    props.created = props.modified = dt.datetime(2025, 1, 1)
    props.last_modified_by = "briefgen"


MEETING_WHEN = ("{{ meeting.date|date }}{% if meeting.end_date %} \u2013 {{ meeting.end_date|date }}"
                "{% endif %}{% if meeting.time %}, {{ meeting.time }}{% endif %}")
MEETING_WHERE = ("{{ [meeting.venue, meeting.location]|select|join(', ') }}")
FROM_LINE = ("{{ routing.from_office }}{% if routing.from_name %} \u2013 "
             "{{ routing.from_name }}{% endif %}")
FROM_CONDITION = "routing.from_office or routing.from_name"


def start(title: str, heading: str, letterhead_lines: bool = True):
    """A new template: properties, banners, page numbers, letterhead and title."""
    doc = new_document()
    core_properties(doc, title)
    banners_and_page_numbers(doc)
    if letterhead_lines:
        letterhead(doc)
    doc.add_paragraph(heading, style="Title")
    return doc


def compact(doc, space_after: float = 3, size: float | None = None) -> None:
    """Tighter spacing for the one-page types (talking points, one-pager)."""
    normal = doc.styles["Normal"]
    normal.paragraph_format.space_after = Pt(space_after)
    for name in ("List Bullet", "List Number"):
        doc.styles[name].paragraph_format.space_after = Pt(1)
    for name in ("Heading 1", "Heading 2"):
        doc.styles[name].paragraph_format.space_before = Pt(8)
        doc.styles[name].paragraph_format.space_after = Pt(2)
    if size:
        normal.font.size = Pt(size)


def bold_lead(doc, lead: str, text: str, style: str | None = None):
    """A paragraph opening with a bold run: "(U) **Security.** Both sides ..."."""
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run("{{ pm }}")
    paragraph.add_run(lead).bold = True
    paragraph.add_run(text)
    return paragraph


def person_line(doc, loop: str, extra: str = "", style: str = "List Bullet") -> None:
    """One line per person: name (native script), title, country."""
    tag(doc, f"{{%p for {loop} %}}")
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run("{{ pm }}{{r p|person_name }}")
    paragraph.add_run("{% if p.title %}, {{ p.title }}{% endif %}"
                      "{% if p.country %}, {{ p.country }}{% endif %}" + extra)
    tag(doc, "{%p endfor %}")


def figures_table(doc, loop: str) -> None:
    data_table(doc, ["Figure", "What it measures"],
               ["{{ f|figure_value }}{{r f|footnote }}", "{{ f.text }}"], loop, [120, 330])


# --- the templates -------------------------------------------------------------

def briefing_memo():
    """Briefing memo to a principal before a meeting (memo-conventions type 1)."""
    doc = new_document()
    core_properties(doc, "Briefing memo")
    banners_and_page_numbers(doc)
    letterhead(doc)
    doc.add_paragraph("Briefing Memorandum", style="Title")
    routing_table(doc, [
        ("DATE:", "{{ today|date }}", None),
        ("TO:", "{{ routing.to }}", "routing.to"),
        ("THROUGH:", "{{ routing.through }}", "routing.through"),
        ("FROM:", "{{ routing.from_office }}{% if routing.from_name %} \u2013 "
                  "{{ routing.from_name }}{% endif %}", "routing.from_office or routing.from_name"),
        ("SUBJECT:", "{{ pm }}{{ title }}", None),
        ("MEETING:", "{{ meeting.date|date }}{% if meeting.end_date %} \u2013 "
                     "{{ meeting.end_date|date }}{% endif %}"
                     "{% if meeting.time %}, {{ meeting.time }}{% endif %}"
                     "{% if meeting.venue %}, {{ meeting.venue }}{% endif %}"
                     "{% if meeting.location %}, {{ meeting.location }}{% endif %}",
         "meeting.date or meeting.location"),
        ("PRESS:", "{{ meeting.press }}", "meeting.press"),
    ])
    rule_below(doc.add_paragraph(style="Small"))

    section(doc, "summary", "Bottom Line", lambda: doc.add_paragraph(
        "{{ pm }}{{r summary|markdown }}"))
    section(doc, "objectives", "Objectives", lambda: bullets(
        doc, "o in objectives", "{{ o }}", style="List Number"))

    def counterpart():
        bullets(doc, "o in counterpart_objectives", "{{ o }}")
    section(doc, "counterpart_objectives", "What the Other Side Wants", counterpart)

    def participants_body():
        data_table(doc, ["Name", "Title", "Country", "Role"],
                   ["{{r p|person_name }}", "{{ p.title }}", "{{ p.country }}",
                    "{{ (p.role or '')|capitalize }}"], "p in participants", [160, 125, 105, 60])
        tag(doc, "{%p if mentioned %}")
        doc.add_paragraph(
            "{{ pm }}Also referenced: {% for p in mentioned %}{{ p.name }}"
            "{% if p.title or p.country %} ({{ [p.title, p.country]|select|join(', ') }})"
            "{% endif %}{% if not loop.last %}; {% endif %}{% endfor %}.", style="Small")
        tag(doc, "{%p endif %}")
    section(doc, "participants", "Participants", participants_body)

    def topics_body():
        tag(doc, "{%p for t in topics %}")
        doc.add_heading("{{ t.title }}", level=2)
        tag(doc, "{%p if t.summary %}")
        doc.add_paragraph("{{ pm }}{{r t.summary|markdown }}")
        tag(doc, "{%p endif %}")
        bullets(doc, "pt in t.points", "{{ pt }}")
        for field, label in (("talking_points", "Talking points"), ("if_raised", "If raised"),
                             ("risks", "Risks and sensitivities")):
            tag(doc, f"{{%p if t.{field} %}}")
            doc.add_paragraph(style="Normal").add_run(label).bold = True
            bullets(doc, f"x in t.{field}", "{{ x }}")
            tag(doc, "{%p endif %}")
        tag(doc, "{%p endfor %}")
    section(doc, "topics", "Key Issues", topics_body)

    section(doc, "figures", "Key Figures", lambda: data_table(
        doc, ["Figure", "What it measures", "Topic"],
        ["{{ f|figure_value }}{{r f|footnote }}", "{{ f.text }}",
         "{{ (f.category or '')|capitalize }}"],
        "f in figures", [105, 275, 70]))

    def quotes_body():
        tag(doc, "{%p for q in quotes %}")
        doc.add_paragraph("{{ pm }}\u201c{{ q.text }}\u201d \u2014 {{ q.speaker or 'unattributed' }}"
                          "{% if q.occasion %}, {{ q.occasion }}{% endif %}"
                          "{% if q.date %}, {{ q.date|date }}{% endif %}{{r q|footnote }}",
                          style="Quote")
        tag(doc, "{%p endfor %}")
    section(doc, "quotes", "Notable Quotes", quotes_body)

    section(doc, "commitments", "Commitments", lambda: bullets(
        doc, "c in commitments", "{{ c.text }}{% if c.parties %} ({{ c.parties|prose }})"
        "{% endif %}{% if c.deadline %}; by {{ c.deadline }}{% endif %}"))
    section(doc, "next_steps", "Next Steps", lambda: bullets(
        doc, "s in next_steps", "{% if s.date %}{{ s.date|date }}: {% endif %}{{ s.text }}"
        "{% if s.location and s.location not in s.text %} ({{ s.location }}){% endif %}"))

    def sources_body():
        tag(doc, "{%p for s in sources %}")
        doc.add_paragraph("[{{ loop.index }}] {{ s.title or s.file or s.url }}"
                          "{% if s.publisher %}, {{ s.publisher }}{% endif %}"
                          "{% if s.published %}, {{ s.published|date }}{% endif %}"
                          "{% if s.url %}. {{ s.url }}{% endif %}", style="Small")
        tag(doc, "{%p endfor %}")
    section(doc, "sources", "Sources", sources_body)
    drafting_block(doc)
    return doc


def briefing_note():
    """Commonwealth-style briefing note, two pages at most (memo-conventions type 2)."""
    doc = start("Briefing note", "Briefing Note")
    compact(doc, space_after=4)
    routing_table(doc, [
        ("DATE:", "{{ today|date }}", None),
        ("FOR:", "{{ routing.to }}", "routing.to"),
        ("THROUGH:", "{{ routing.through }}", "routing.through"),
        ("FROM:", FROM_LINE, FROM_CONDITION),
        ("SUBJECT:", "{{ pm }}{{ title }}", None),
        ("DEADLINE:", "{{ routing.deadline|date }}", "routing.deadline"),
    ])
    rule_below(doc.add_paragraph(style="Small"))

    doc.add_heading("Purpose", level=1)
    doc.add_paragraph(
        "{{ pm }}To brief you ahead of the {{ meeting.kind or 'meeting' }}"
        "{% set guests = participants|selectattr('role', 'equalto', 'guest')|list %}"
        "{% if guests %} with {% for p in guests %}{{ p.title }} {{ p.name }}"
        "{% if p.country %} ({{ p.country }}){% endif %}{% if not loop.last %} and {% endif %}"
        "{% endfor %}{% endif %}{% if meeting.location %} in {{ meeting.location }}{% endif %}"
        "{% if meeting.date %} on {{ meeting.date|date }}{% endif %}"
        "{% if objectives %}, and to recommend the objectives set out below{% endif %}.")
    section(doc, "summary", "Summary", lambda: doc.add_paragraph(
        "{{ pm }}{{r summary|markdown }}"))

    def background():
        tag(doc, "{%p for t in topics %}")
        bold_lead(doc, "{{ t.title }}. ", "{{r t.summary|markdown }}")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p if figures %}")
        doc.add_paragraph("{{ pm }}Key figures: {% for f in figures %}{{ f|figure_value }} "
                          "({{ f.text }}){{r f|footnote }}{% if not loop.last %}; "
                          "{% endif %}{% endfor %}.")
        tag(doc, "{%p endif %}")
    section(doc, "topics or figures", "Background", background)

    def status():
        tag(doc, "{%p if counterpart_objectives %}")
        doc.add_paragraph("{{ pm }}The other side is expected to seek to:")
        bullets(doc, "o in counterpart_objectives", "{{ o }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p for q in quotes[:1] %}")
        doc.add_paragraph("{{ pm }}{{ q.speaker or 'One side' }}"
                          "{% if q.occasion %} ({{ q.occasion }}){% endif %}: "
                          "\u201c{{ q.text }}\u201d{{r q|footnote }}")
        tag(doc, "{%p endfor %}")
    section(doc, "counterpart_objectives or quotes", "Current Status", status)

    def considerations():
        tag(doc, "{%p for t in topics %}")
        tag(doc, "{%p for r in t.risks %}")
        doc.add_paragraph("{{ pm }}{{ r }}", style="List Bullet")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p endfor %}")
    section(doc, "topics|selectattr('risks')|list", "Considerations", considerations)

    def next_steps():
        bullets(doc, "s in next_steps", "{% if s.date %}{{ s.date|date }}: {% endif %}{{ s.text }}"
                "{% if s.location and s.location not in s.text %} ({{ s.location }}){% endif %}")
    section(doc, "next_steps", "Next Steps", next_steps)

    def recommendation():
        doc.add_paragraph("{{ pm }}It is recommended that you pursue the following objectives:")
        bullets(doc, "o in objectives", "{{ o }}", style="List Number")
    section(doc, "objectives", "Recommendation", recommendation)
    drafting_block(doc)
    return doc


def talking_points():
    """One page of points to make, "if raised" points and background (type 3)."""
    doc = start("Talking points", "Talking Points", letterhead_lines=False)
    compact(doc, size=11)
    subject = doc.add_paragraph(style="Small")
    subject.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.add_run("{{ title }}").bold = True
    when = doc.add_paragraph(MEETING_WHEN + "{% if meeting.location %} \u00b7 " + MEETING_WHERE
                             + "{% endif %}", style="Small")
    when.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rule_below(when)

    doc.add_heading("Points to Make", level=1)
    tag(doc, "{%p for t in (topics|selectattr('talking_points')|list)[:6] %}")
    bold_lead(doc, "{{ t.title }}", "")
    bullets(doc, "x in t.talking_points[:2]", "{{ x }}")
    tag(doc, "{%p endfor %}")

    def if_raised():
        tag(doc, "{%p for t in topics %}")
        tag(doc, "{%p for x in t.if_raised %}")
        bold_lead(doc, "{{ t.title }}: ", "{{ x }}", style="List Bullet")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p endfor %}")
    section(doc, "topics|selectattr('if_raised')|list", "If Raised", if_raised)

    def background():
        tag(doc, "{%p for f in figures %}")
        doc.add_paragraph("{{ pm }}{{ f|figure_value }}: {{ f.text }}.", style="List Bullet")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p for s in next_steps[:2] %}")
        doc.add_paragraph("{{ pm }}{% if s.date %}{{ s.date|date }}: {% endif %}{{ s.text }}"
                          "{% if s.location and s.location not in s.text %}, {{ s.location }}{% endif %}.", style="List Bullet")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p if meeting.press %}")
        doc.add_paragraph("{{ pm }}Press: {{ meeting.press }}.", style="List Bullet")
        tag(doc, "{%p endif %}")
    section(doc, "figures or next_steps or meeting.press", "Background", background)
    return doc


def meeting_readout():
    """Memorandum of conversation: who met, what each side said, what was agreed (type 4)."""
    doc = start("Meeting readout", "Memorandum of Conversation")
    routing_table(doc, [
        ("SUBJECT:", "{{ pm }}{{ title }}", None),
        ("DATE, TIME:", MEETING_WHEN, "meeting.date"),
        ("PLACE:", MEETING_WHERE, "meeting.venue or meeting.location"),
        ("PRESS:", "{{ meeting.press }}", "meeting.press"),
    ])
    rule_below(doc.add_paragraph(style="Small"))

    def participants():
        tag(doc, "{%p for side in participants|groupby('side') %}")
        doc.add_paragraph(style="Normal").add_run(
            "{{ side.grouper or 'Other participants' }}").bold = True
        person_line(doc, "p in side.list",
                    "{% if p.role in ('interpreter', 'notetaker') %} ({{ p.role }}){% endif %}")
        tag(doc, "{%p endfor %}")
    section(doc, "participants", "Participants", participants)
    section(doc, "summary", "Summary", lambda: doc.add_paragraph("{{ pm }}{{r summary|markdown }}"))

    def topics():
        tag(doc, "{%p for t in topics %}")
        doc.add_heading("{{ t.title }}", level=2)
        tag(doc, "{%p if t.summary %}")
        doc.add_paragraph("{{ pm }}{{r t.summary|markdown }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if t.points %}")
        doc.add_paragraph("{{ pm }}{{ t.points|join(' ') }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p endfor %}")
    section(doc, "topics", "Discussion", topics)

    def remarks():
        tag(doc, "{%p for q in quotes %}")
        doc.add_paragraph("{{ pm }}{{ q.speaker or 'A participant' }}"
                          "{% if q.occasion %} ({{ q.occasion }}){% endif %} said: "
                          "\u201c{{ q.text }}\u201d")
        tag(doc, "{%p endfor %}")
    section(doc, "quotes", "Remarks on the Record", remarks)

    def commitments():
        doc.add_paragraph("{{ pm }}The sides agreed to:")
        bullets(doc, "c in commitments", "{{ c.text }}{% if c.parties %} ({{ c.parties|prose }})"
                "{% endif %}{% if c.deadline %}, by {{ c.deadline }}{% endif %}.")
    section(doc, "commitments", "Commitments", commitments)
    section(doc, "next_steps", "Follow-up", lambda: bullets(
        doc, "s in next_steps", "{% if s.date %}{{ s.date|date }}: {% endif %}{{ s.text }}"
        "{% if s.location and s.location not in s.text %} ({{ s.location }}){% endif %}."))
    drafting_block(doc)
    return doc


def scene_setter():
    """Scene-setter from the post to a visiting principal, numbered paragraphs (type 5)."""
    doc = start("Scene-setter", "Scene-setter")
    routing_table(doc, [
        ("DATE:", "{{ today|date }}", None),
        ("TO:", "{{ routing.to }}", "routing.to"),
        ("FROM:", FROM_LINE, FROM_CONDITION),
        ("SUBJECT:", "{{ pm }}Scene-setter: {{ title }}", None),
    ])
    rule_below(doc.add_paragraph(style="Small"))
    numbered = "List Number"

    doc.add_heading("Summary", level=1)
    doc.add_paragraph("{{ pm }}{% if summary %}{{r summary|markdown }}{% else %}{{ title }}"
                      "{% endif %}", style=numbered)

    def hosts():
        doc.add_paragraph("{{ pm }}The other side will look to this visit to:", style=numbered)
        bullets(doc, "o in counterpart_objectives", "{{ o }}")
    section(doc, "counterpart_objectives", "What They Want from the Visit", hosts)
    section(doc, "objectives", "What We Want", lambda: bullets(
        doc, "o in objectives", "{{ o }}", style=numbered))

    def topics():
        tag(doc, "{%p for t in topics if t.category not in ('politics', 'history') %}")
        bold_lead(doc, "{{ t.title }}. ", "{{r t.summary|markdown }} {{ t.points|join(' ') }}",
                  style=numbered)
        tag(doc, "{%p endfor %}")
    section(doc, "topics", "The Issues", topics)

    def politics():
        tag(doc, "{%p for t in topics|category('politics', 'history') %}")
        bold_lead(doc, "{{ t.title }}. ", "{{r t.summary|markdown }} {{ t.points|join(' ') }}",
                  style=numbered)
        tag(doc, "{%p endfor %}")
    section(doc, "topics|category('politics', 'history')", "Domestic Politics and History",
            politics)

    def people():
        person_line(doc, "p in participants", "{% if p.bio %}. {{ p.bio }}{% endif %}")
    section(doc, "participants", "Who You Will Meet", people)
    section(doc, "figures", "Key Figures", lambda: figures_table(doc, "f in figures"))
    section(doc, "next_steps", "What Comes Next", lambda: bullets(
        doc, "s in next_steps", "{% if s.date %}{{ s.date|date }}: {% endif %}{{ s.text }}"
        "{% if s.location and s.location not in s.text %} ({{ s.location }}){% endif %}."))
    drafting_block(doc)
    return doc


def topic_brief(category: str, categories: tuple[str, ...]):
    """A builder for one topic category in depth, with its figures (type 6)."""
    wanted = ", ".join(repr(c) for c in categories)

    def build():
        doc = start(f"Topic brief: {category}", f"Topic Brief: {category}")
        routing_table(doc, [
            ("DATE:", "{{ today|date }}", None),
            ("TO:", "{{ routing.to }}", "routing.to"),
            ("FROM:", FROM_LINE, FROM_CONDITION),
            ("SUBJECT:", "{{ pm }}" + category + ": {{ title }}", None),
        ])
        rule_below(doc.add_paragraph(style="Small"))
        tag(doc, f"{{%p set brief_topics = topics|category({wanted}) %}}")
        tag(doc, f"{{%p set brief_figures = figures|category({wanted}) %}}")
        tag(doc, f"{{%p set brief_commitments = commitments|category({wanted}) %}}")
        tag(doc, "{%p if not brief_topics %}")
        doc.add_paragraph("{{ pm }}This briefing has no " + category.lower() + " topics.")
        tag(doc, "{%p endif %}")

        def bottom_line():
            tag(doc, "{%p for t in brief_topics if t.summary %}")
            doc.add_paragraph("{{ pm }}{{r t.summary|markdown }}")
            tag(doc, "{%p endfor %}")
        section(doc, "brief_topics", "Bottom Line", bottom_line)

        def background():
            tag(doc, "{%p for t in brief_topics %}")
            doc.add_heading("{{ t.title }}", level=2)
            bullets(doc, "x in t.points", "{{ x }}")
            tag(doc, "{%p endfor %}")
        section(doc, "brief_topics|selectattr('points')|list", "Background", background)
        section(doc, "brief_figures", "Key Figures", lambda: figures_table(
            doc, "f in brief_figures"))

        def positions():
            tag(doc, "{%p if counterpart_objectives %}")
            doc.add_paragraph().add_run("The other side\u2019s aims for the visit").bold = True
            bullets(doc, "o in counterpart_objectives", "{{ o }}")
            tag(doc, "{%p endif %}")
            tag(doc, "{%p if brief_commitments %}")
            doc.add_paragraph().add_run("Agreed by both sides").bold = True
            bullets(doc, "c in brief_commitments", "{{ c.text }}"
                    "{% if c.parties %} ({{ c.parties|prose }}){% endif %}")
            tag(doc, "{%p endif %}")
        section(doc, "counterpart_objectives or brief_commitments",
                "Positions", positions)

        def risks():
            tag(doc, "{%p for t in brief_topics %}")
            tag(doc, "{%p for r in t.risks %}")
            doc.add_paragraph("{{ pm }}{{ r }}", style="List Bullet")
            tag(doc, "{%p endfor %}")
            tag(doc, "{%p endfor %}")
        section(doc, "brief_topics|selectattr('risks')|list", "Risks", risks)

        def what_to_say():
            tag(doc, "{%p for t in brief_topics %}")
            tag(doc, "{%p for x in t.talking_points %}")
            doc.add_paragraph("{{ pm }}{{ x }}", style="List Bullet")
            tag(doc, "{%p endfor %}")
            tag(doc, "{%p endfor %}")
            tag(doc, "{%p for t in brief_topics %}")
            tag(doc, "{%p for x in t.if_raised %}")
            bold_lead(doc, "If raised: ", "{{ x }}", style="List Bullet")
            tag(doc, "{%p endfor %}")
            tag(doc, "{%p endfor %}")
        section(doc, "brief_topics|selectattr('talking_points')|list or "
                     "brief_topics|selectattr('if_raised')|list", "What to Say", what_to_say)
        drafting_block(doc)
        return doc

    build.__doc__ = f"Topic brief on {category.lower()} ({', '.join(categories)})."
    return build


def participant_bios():
    """Biographies of the participants, native script beside the name (type 7)."""
    doc = start("Participant biographies", "Participant Biographies")
    subject = doc.add_paragraph(style="Small")
    subject.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.add_run("{{ pm }}{{ title }}")
    rule_below(subject)
    tag(doc, "{%p for p in participants %}")
    heading = doc.add_heading(level=2)
    heading.add_run("{{r p|person_name }}")
    doc.add_paragraph(
        "{{ pm }}{{ [p.title, p.country]|select|join(', ') }}"
        "{% if p.role %} \u00b7 {{ p.role|capitalize }}{% endif %}"
        "{% if p.side and p.side != p.country %} \u00b7 {{ p.side }} delegation{% endif %}",
        style="Small").runs[0].italic = True
    tag(doc, "{%p if p.bio %}")
    doc.add_paragraph("{{ pm }}{{r p.bio|markdown }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")

    def mentioned():
        tag(doc, "{%p for p in mentioned %}")
        paragraph = doc.add_paragraph()
        paragraph.add_run("{{ pm }}")
        paragraph.add_run("{{r p|person_name }}").bold = True
        paragraph.add_run("{% if p.title or p.country %} ({{ [p.title, p.country]|select"
                          "|join(', ') }}){% endif %}{% if p.bio %}: {{ p.bio }}{% endif %}")
        tag(doc, "{%p endfor %}")
    section(doc, "mentioned", "Also Referenced", mentioned)
    return doc


def one_pager():
    """One-page read-ahead: event, overview, attendees, 1-3 objectives (type 8)."""
    doc = start("One-pager", "Read-Ahead")
    compact(doc, size=11)
    routing_table(doc, [
        ("EVENT:", "{{ pm }}{{ title }}", None),
        ("WHEN:", MEETING_WHEN, "meeting.date"),
        ("WHERE:", MEETING_WHERE, "meeting.venue or meeting.location"),
        ("FROM:", FROM_LINE, FROM_CONDITION),
    ])
    rule_below(doc.add_paragraph(style="Small"))

    def overview():
        tag(doc, "{%p if summary %}")
        doc.add_paragraph("{{ pm }}{{r summary|markdown }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if meeting.press %}")
        bold_lead(doc, "Press: ", "{{ meeting.press }}.")
        tag(doc, "{%p endif %}")
    section(doc, "summary or meeting.press", "Overview", overview)
    section(doc, "participants", "Attendees", lambda: person_line(doc, "p in participants"))
    section(doc, "objectives", "Objectives", lambda: bullets(
        doc, "o in objectives[:3]", "{{ o }}", style="List Number"))

    def background():
        tag(doc, "{%p for t in topics[:4] %}")
        bold_lead(doc, "{{ t.title }}. ", "{{ t.summary }}", style="List Bullet")
        tag(doc, "{%p endfor %}")
    section(doc, "topics", "Background", background)
    tabs = doc.add_paragraph("{{ pm }}Tabs: A \u2013 Talking points \u00b7 B \u2013 Participant "
                             "biographies \u00b7 C \u2013 Topic briefs", style="Small")
    tabs.paragraph_format.space_before = Pt(6)
    return doc


TEMPLATES: dict[str, Callable[[], object]] = {
    "briefing-memo": briefing_memo,
    "briefing-note": briefing_note,
    "talking-points": talking_points,
    "meeting-readout": meeting_readout,
    "scene-setter": scene_setter,
    "topic-brief-security": topic_brief("Security", ("security", "regional")),
    "topic-brief-trade": topic_brief("Trade", ("trade", "economy")),
    "participant-bios": participant_bios,
    "one-pager": one_pager,
}


def build(folder: Path = HERE) -> list[Path]:
    """Write every built-in template into *folder*; return the paths."""
    written = []
    for name, make in TEMPLATES.items():
        path = folder / f"{name}.docx"
        make().save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(written_path)
