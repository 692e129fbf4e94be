"""Builds the built-in Word templates in this folder.

The .docx files are what offices open and adapt in Word; this script is how
the built-in ones are made, so a change to them is a reviewable diff.  Run it
after editing (``python templates/build.py``); the test suite checks that the
committed .docx files match what it builds.

Conventions every built-in template follows (see the README's authoring guide):
the marking banner (``{{ marking.banner }}``) heads and foots every page, the
footer carries "Page X of Y" as real fields, each body paragraph, heading and
subject line starts with ``{{ pm }}``, the portion mark (empty when marks are
off), and a table carries its mark in its first cell.  Every fact goes through
the ``markdown`` filter.  A section whose facts are empty is left out with its
heading.  Headings keep with what follows; the clearance block is one row that
cannot split.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefgen.docxxml import add_field  # noqa: E402
from briefgen.docxxml.building import (cant_split, no_border, plain_fonts,  # noqa: E402
                                       repeat_header, rule_above, rule_below, shade)

BLACK = RGBColor(0, 0, 0)
# (style, size pt, space before, space after, all capitals): Title > Heading 1 >
# Heading 2 > Heading 3, and Heading 3 is never smaller than a 12 pt body.
HEADINGS = (("Title", 16, 0, 6, True), ("Heading 1", 14, 14, 4, True),
            ("Heading 2", 13, 10, 3, False), ("Heading 3", 12, 6, 2, False))


# --- document scaffolding ------------------------------------------------------

def new_document():
    """A blank document with the house styles every built-in template uses."""
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    normal.paragraph_format.keep_together = True
    normal.paragraph_format.widow_control = True
    for name, size, before, after, caps in HEADINGS:
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.all_caps = caps
        style.font.color.rgb = BLACK
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
        plain_fonts(style)
    title = styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    no_border(title)
    for name in ("List Bullet", "List Bullet 2", "List Number"):
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


def heading(doc, text: str, level: int = 1, page_break: bool = False):
    """A heading starting with the portion mark; Heading 1 text is written in
    capitals, so a table of contents reads as the page does."""
    paragraph = doc.add_paragraph(style=f"Heading {level}")
    if level == 1:
        text = "".join(part if part.startswith("{") else part.upper()
                       for part in re.split(r"({{.*?}}|{%.*?%})", text))
    paragraph.add_run("{{ pm }}" + text)
    paragraph.paragraph_format.page_break_before = page_break or None
    return paragraph


def routing_table(doc, rows: list[tuple[str, str, str | None]],
                  widths: tuple[int, int] = (95, 355)) -> None:
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
    set_widths(table, list(widths))
    for row in table.rows:
        cant_split(row)
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
    """A gridded table: a shaded header row whose first cell carries the
    table's portion mark, then one row per item of *loop*; rows never split
    and the header repeats on every page."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    for index, (cell, text) in enumerate(zip(table.rows[0].cells, headers)):
        run = cell.paragraphs[0].add_run(("{{ pm }}" if index == 0 else "") + text)
        run.bold = True
        shade(cell, "D9D9D9")
    _tr_tag(table, f"{{%tr for {loop} %}}")
    row = table.add_row().cells
    for cell, text in zip(row, cells):
        cell.paragraphs[0].text = text
    _tr_tag(table, "{%tr endfor %}")
    set_widths(table, widths)
    for table_row in table.rows:
        cant_split(table_row)
        for cell in table_row.cells:
            for paragraph in cell.paragraphs:
                paragraph.style = doc.styles["Small"]
                paragraph.paragraph_format.space_after = Pt(2)
    for cell in table.rows[0].cells:
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    repeat_header(table.rows[0])
    doc.add_paragraph(style="Small")


def bullets(doc, loop: str, text: str, style: str = "List Bullet") -> None:
    """One list paragraph per item of *loop*, each starting with the portion mark."""
    tag(doc, f"{{%p for {loop} %}}")
    doc.add_paragraph(f"{{{{ pm }}}}{text}", style=style)
    tag(doc, "{%p endfor %}")


def facts(doc, loop: str, item: str = "x", style: str = "List Bullet") -> None:
    """A list of fact sentences, each through the markdown filter."""
    bullets(doc, f"{item} in {loop}", f"{{{{r {item}|markdown }}}}", style)


def capped_facts(doc, items: str, limit: int, more: str, style: str = "List Bullet") -> None:
    """The first *limit* facts of *items*, then a line saying how many more
    there are and where (*more* follows the count: "more in the memo")."""
    facts(doc, f"({items})[:{limit}]", "x", style)
    tag(doc, f"{{%p if ({items})|omitted({limit}) %}}")
    doc.add_paragraph(f"{{{{ pm }}}}{{{{ ({items})|omitted({limit}) }}}} {more}", style="Small")
    tag(doc, "{%p endif %}")


def section(doc, condition: str, title: str, body: Callable[[], None], level: int = 1) -> None:
    """A heading and its body, both left out when *condition* is false."""
    tag(doc, f"{{%p if {condition} %}}")
    heading(doc, title, level)
    body()
    tag(doc, "{%p endif %}")


def lead_line(doc, text: str):
    """A bold line introducing the list below it, kept on its page."""
    paragraph = doc.add_paragraph()
    paragraph.add_run("{{ pm }}")
    paragraph.add_run(text).bold = True
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_after = Pt(2)
    return paragraph


def drafting_block(doc) -> None:
    """Drafted / Cleared / Approved lines at the end of a memo, in one table
    row that cannot split, ruled above, kept on one page with the last section
    before it (so no page holds only the clearances); left out when the
    routing names nobody."""
    for paragraph in reversed(doc.paragraphs):
        if paragraph.text.startswith("{%p"):
            continue
        paragraph.paragraph_format.keep_with_next = True
        if paragraph.style.name.startswith("Heading"):
            break
    tag(doc, "{%p if routing.drafter.name or routing.clearances or routing.approver %}")
    table = doc.add_table(rows=1, cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    set_widths(table, [450])
    row = table.rows[0]
    cant_split(row)
    rule_above(row.cells[0])
    cell = row.cells[0]
    lines = [
        "{%p if routing.drafter.name %}",
        "Drafted by: {{ routing.drafter.name }}"
        "{% if routing.drafter.office %}, {{ routing.drafter.office }}{% endif %}"
        "{% if routing.drafter.phone %}, {{ routing.drafter.phone }}{% endif %}"
        ", {{ today|date }}",
        "{%p endif %}",
        "{%p if routing.clearances %}",
        "Cleared: {% for c in routing.clearances %}{% if not loop.first %}; {% endif %}"
        "{{ c.office }}{% if c.name %} \u2013 {{ c.name }}{% endif %}"
        "{% if c.status %} ({{ c.status }}){% endif %}{% endfor %}",
        "{%p endif %}",
        "{%p if routing.approver %}",
        "Approved by: {{ routing.approver }}",
        "{%p endif %}",
    ]
    cell.paragraphs[0].text = lines[0]
    for text in lines[1:]:
        cell.add_paragraph(text)
    for paragraph in cell.paragraphs:
        paragraph.style = doc.styles["Small"]
        paragraph.paragraph_format.keep_with_next = True
    tag(doc, "{%p endif %}")


def core_properties(doc, title: str) -> None:
    props = doc.core_properties
    props.title = title
    props.author = "briefgen"
    props.comments = "Built-in briefgen template"
    props.revision = 1
    props.created = props.modified = dt.datetime(2025, 1, 1)
    props.last_modified_by = "briefgen"


MEETING_WHEN = ("{{ meeting.date|date_range(meeting.end_date) }}"
                "{% if meeting.time %}, {{ meeting.time }}{% endif %}")
MEETING_WHERE = "{{ [meeting.venue, meeting.location]|select|join(', ') }}"
FROM_LINE = ("{{ routing.from_office }}{% if routing.from_name %} \u2013 "
             "{{ routing.from_name }}{% endif %}")
FROM_CONDITION = "routing.from_office or routing.from_name"
SUBJECT = "{{ pm }}{{r title|markdown }}"
NEXT_STEP = ("{% if s.date %}{{ s.date|date }}: {% endif %}{{r s.text|markdown }}"
             "{% if s.location and s.location not in s.text %} ({{ s.location }}){% endif %}")
# A commitment, naming its parties only when they are not every commitment's.
COMMITMENT = ("{{r c.text|markdown }}{% if c.parties and not shared_parties %}"
              " ({{ c.parties|prose }}){% endif %}{% if c.deadline %}, by {{ c.deadline|date }}{% endif %}")
SHARED_PARTIES = ("{%p set shared_parties = (commitments|map(attribute='parties')|map('prose')"
                  "|unique|list|length == 1) and commitments[0].parties %}")
# A figure's number, with its unit only when the text does not already say it.
FIGURE_NUMBER = ("{% if f.value is none %}\u2013{% elif f.unit and f.unit|lower in f.text|lower %}"
                 "{{ f.value|number }}{% else %}{{ f|figure_value }}{% endif %}")
PRINCIPALS = ("{%p set principals = participants|selectattr('role', 'in', "
              "['principal', 'host', 'guest'])|list or participants %}")
# Up to three principals by title and name; more by their countries (a summit).
PRINCIPAL_NAMES = ("{% if principals|length > 3 %}Representatives of {{ principals"
                   "|map(attribute='country')|select|unique|list|prose }}{% else %}"
                   "{% for p in principals %}{% if not loop.first %}"
                   "{% if loop.last %} and {% else %}, {% endif %}{% endif %}"
                   "{% if p.title %}{{ p.title }} {% endif %}{{ p.name }}{% endfor %}{% endif %}")


def start(title: str, heading_text: str, letterhead_lines: bool = True):
    """A new template: properties, banners, page numbers, letterhead and title."""
    doc = new_document()
    core_properties(doc, title)
    banners_and_page_numbers(doc)
    if letterhead_lines:
        letterhead(doc)
    doc.add_paragraph(heading_text.upper(), style="Title")
    return doc


def compact(doc) -> None:
    """Tighter spacing for the one-page types (talking points, one-pager)."""
    normal = doc.styles["Normal"]
    normal.paragraph_format.space_after = Pt(3)
    for name in ("List Bullet", "List Bullet 2", "List Number"):
        doc.styles[name].paragraph_format.space_after = Pt(1)
    for name, before in (("Heading 1", 8), ("Heading 2", 6), ("Heading 3", 4)):
        doc.styles[name].paragraph_format.space_before = Pt(before)
        doc.styles[name].paragraph_format.space_after = Pt(1)


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


def figures_table(doc, loop: str, footnotes: bool = True) -> None:
    note = "{{r f|footnote }}" if footnotes else ""
    data_table(doc, ["Figure", "What it measures"],
               [FIGURE_NUMBER + note, "{{r f.text|markdown }}"], loop, [110, 340])


def attachments_line(doc, tabs: list[tuple[str, str]]) -> None:
    """"Attachments: TAB A – …; TAB B – …" naming only the tabs the briefing fills;
    *tabs* are (condition, title) pairs lettered in order."""
    shown = ", ".join(f"'{title}' if ({condition}) else ''" for condition, title in tabs)
    tag(doc, f"{{%p set tab_titles = [{shown}]|select|list %}}")
    tag(doc, "{%p if tab_titles %}")
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.add_run("{{ pm }}")
    paragraph.add_run("Attachments: ").bold = True
    paragraph.add_run("{% for title in tab_titles %}{% if not loop.first %}; {% endif %}"
                      "TAB {{ 'ABCDEFGH'[loop.index0] }} \u2013 {{ title }}{% endfor %}")
    tag(doc, "{%p endif %}")


def tab(doc, condition: str, title: str, body: Callable[[], None], letters: str) -> None:
    """An attachment behind the memo, on a new page, lettered by how many of
    the earlier tabs are present (*letters* is the Jinja expression)."""
    tag(doc, f"{{%p if {condition} %}}")
    heading(doc, "TAB {{ " + letters + " }} \u2013 " + title, page_break=True)
    body()
    tag(doc, "{%p endif %}")


# --- the templates -------------------------------------------------------------

TAB_TALKING = "topics|selectattr('talking_points')|list or topics|selectattr('if_raised')|list"
TAB_BIOS = "participants|selectattr('bio')|list"
TAB_BACKGROUND = "topics or figures or quotes"
MEMO_TOPICS = 8


def briefing_memo():
    """Briefing memo to a principal before a meeting (memo-conventions type 1): two
    front pages, the detail behind them as tabs."""
    doc = start("Briefing memo", "Briefing Memorandum")
    compact(doc)
    routing_table(doc, [
        ("DATE:", "{{ today|date }}", None),
        ("TO:", "{{ routing.to }}", "routing.to"),
        ("THROUGH:", "{{ routing.through }}", "routing.through"),
        ("FROM:", FROM_LINE, FROM_CONDITION),
        ("SUBJECT:", SUBJECT, None),
        ("MEETING:", MEETING_WHEN + "{% if meeting.venue or meeting.location %}, "
                     + MEETING_WHERE + "{% endif %}", "meeting.date or meeting.location"),
        ("PRESS:", "{{r meeting.press|markdown }}", "meeting.press"),
    ])
    rule_below(doc.add_paragraph(style="Small"))

    section(doc, "summary", "Bottom line", lambda: doc.add_paragraph(
        "{{ pm }}{{r summary|markdown }}"))
    section(doc, "objectives", "Objectives", lambda: facts(doc, "objectives", "o", "List Number"))
    section(doc, "counterpart_objectives", "What the other side wants",
            lambda: facts(doc, "counterpart_objectives", "o"))

    def key_issues():
        tag(doc, f"{{%p for t in topics[:{MEMO_TOPICS}] %}}")
        bold_lead(doc, "{{r t.title|markdown(bold=true) }}.", "{% if t.summary %} "
                  "{{r t.summary|lead|markdown }}{% endif %}")
        tag(doc, "{%p endfor %}")
        tag(doc, f"{{%p if topics|omitted({MEMO_TOPICS}) %}}")
        doc.add_paragraph(f"{{{{ pm }}}}Also in the background tab: {{{{ topics[{MEMO_TOPICS}:]"
                          "|map(attribute='title')|join('; ')|typeset }}.")
        tag(doc, "{%p endif %}")
    section(doc, "topics", "Key issues", key_issues)

    def participants():
        tag(doc, "{%p for side in participants|groupby('side') %}")
        paragraph = doc.add_paragraph()
        paragraph.add_run("{{ pm }}")
        paragraph.add_run("{{ side.grouper or 'Others' }}: ").bold = True
        paragraph.add_run("{% for p in side.list %}{% if not loop.first %}; {% endif %}"
                          "{% if p.title %}{{ p.title }} {% endif %}")
        paragraph.add_run("{{r p|person_name }}")
        paragraph.add_run("{% if p.role in ('interpreter', 'notetaker') %} ({{ p.role }})"
                          "{% endif %}{% endfor %}")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p if mentioned %}")
        doc.add_paragraph(
            "{{ pm }}Also referenced: {% for p in mentioned %}{{ p.name }}"
            "{% if p.title or p.country %} ({{ [p.title, p.country]|select|join(', ') }})"
            "{% endif %}{% if not loop.last %}; {% endif %}{% endfor %}.", style="Small")
        tag(doc, "{%p endif %}")
    section(doc, "participants", "Participants", participants)

    def deliverables():
        tag(doc, SHARED_PARTIES)
        tag(doc, "{%p if shared_parties %}")
        lead_line(doc, "For {{ shared_parties|prose }} to agree:")
        tag(doc, "{%p endif %}")
        bullets(doc, "c in commitments", COMMITMENT)
    section(doc, "commitments", "Expected deliverables", deliverables)
    section(doc, "next_steps", "Next steps", lambda: bullets(doc, "s in next_steps", NEXT_STEP))

    attachments_line(doc, [(TAB_TALKING, "Talking points"), (TAB_BIOS, "Participant biographies"),
                           (TAB_BACKGROUND, "Background and key figures")])
    drafting_block(doc)

    def talking_points():
        tag(doc, "{%p for t in topics if t.talking_points or t.if_raised %}")
        heading(doc, "{{r t.title|markdown }}", level=2)
        facts(doc, "t.talking_points")
        tag(doc, "{%p if t.if_raised %}")
        lead_line(doc, "If raised")
        facts(doc, "t.if_raised")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if t.risks %}")
        lead_line(doc, "Watch for")
        facts(doc, "t.risks")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p endfor %}")
    tab(doc, TAB_TALKING, "Talking points", talking_points, "'A'")

    def bios():
        tag(doc, "{%p for p in participants if p.bio %}")
        paragraph = doc.add_paragraph(style="Heading 2")
        paragraph.add_run("{{ pm }}{{r p|person_name }}")
        tag(doc, "{%p if p.title or p.country %}")
        doc.add_paragraph("{{ pm }}{{ [p.title, p.country]|select|join(', ') }}",
                          style="Small").runs[0].italic = True
        tag(doc, "{%p endif %}")
        doc.add_paragraph("{{ pm }}{{r p.bio|markdown }}")
        tag(doc, "{%p endfor %}")
    tab(doc, TAB_BIOS, "Participant biographies", bios,
        f"'AB'[1 if ({TAB_TALKING}) else 0]")

    def background():
        tag(doc, "{%p for t in topics if t.summary or t.points %}")
        heading(doc, "{{r t.title|markdown }}", level=2)
        tag(doc, "{%p if t.summary %}")
        doc.add_paragraph("{{ pm }}{{r t.summary|markdown }}")
        tag(doc, "{%p endif %}")
        facts(doc, "t.points")
        tag(doc, "{%p endfor %}")
        section(doc, "figures", "Key figures", lambda: figures_table(doc, "f in figures"), level=2)

        def quotes():
            tag(doc, "{%p for q in quotes %}")
            doc.add_paragraph("{{ pm }}\u201c{{r q.text|markdown }}\u201d \u2014 "
                              "{{ q.speaker or 'unattributed' }}"
                              "{% if q.occasion %}, {{ q.occasion }}{% endif %}"
                              "{% if q.date %}, {{ q.date|date }}{% endif %}{{r q|footnote }}",
                              style="Quote")
            tag(doc, "{%p endfor %}")
        section(doc, "quotes", "On the record", quotes, level=2)

        def sources():
            tag(doc, "{%p for s in sources %}")
            doc.add_paragraph("[{{ loop.index }}] {{ s.title or s.file or s.url }}"
                              "{% if s.publisher %}, {{ s.publisher }}{% endif %}"
                              "{% if s.published %}, {{ s.published|date }}{% endif %}"
                              "{% if s.url %}. {{ s.url }}{% endif %}", style="Small")
            tag(doc, "{%p endfor %}")
        section(doc, "sources", "Sources", sources, level=2)
    tab(doc, TAB_BACKGROUND, "Background and key figures", background,
        f"'ABC'[(1 if ({TAB_TALKING}) else 0) + (1 if ({TAB_BIOS}) else 0)]")
    return doc


NOTE_TOPICS, NOTE_STEPS, NOTE_LISTS = 3, 2, 3


def briefing_note():
    """Commonwealth-style briefing note, two pages at most (memo-conventions type 2)."""
    doc = start("Briefing note", "Briefing Note")
    compact(doc)
    routing_table(doc, [
        ("DATE:", "{{ today|date }}", None),
        ("FOR:", "{{ routing.to }}", "routing.to"),
        ("THROUGH:", "{{ routing.through }}", "routing.through"),
        ("FROM:", FROM_LINE, FROM_CONDITION),
        ("SUBJECT:", SUBJECT, None),
        ("DEADLINE:", "{{ routing.deadline|date }}", "routing.deadline"),
    ])
    rule_below(doc.add_paragraph(style="Small"))

    heading(doc, "Purpose")
    doc.add_paragraph(
        "{{ pm }}To brief you ahead of the {{ meeting.kind or 'meeting' }}"
        "{% set guests = participants|selectattr('role', 'equalto', 'guest')|list %}"
        "{% if guests %} with {% for p in guests %}{{ p.title }} {{ p.name }}"
        "{% if p.country %} ({{ p.country }}){% endif %}{% if not loop.last %} and {% endif %}"
        "{% endfor %}{% endif %}{% if meeting.location %} in {{ meeting.location }}{% endif %}"
        "{% if meeting.date %} on {{ meeting.date|date_range(meeting.end_date) }}{% endif %}"
        "{% if objectives %}, and to recommend the objectives set out below{% endif %}.")
    section(doc, "summary", "Summary", lambda: doc.add_paragraph(
        "{{ pm }}{{r summary|markdown }}"))

    def background():
        tag(doc, f"{{%p for t in topics[:{NOTE_TOPICS}] %}}")
        bold_lead(doc, "{{r t.title|markdown(bold=true) }}.", "{% if t.summary %} "
                  "{{r t.summary|lead|markdown }}{% endif %}")
        tag(doc, "{%p endfor %}")
        tag(doc, f"{{%p if topics|omitted({NOTE_TOPICS}) %}}")
        doc.add_paragraph(f"{{{{ pm }}}}Also on the agenda: {{{{ topics[{NOTE_TOPICS}:]"
                          "|map(attribute='title')|join('; ')|typeset }}.")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if figures %}")
        doc.add_paragraph("{{ pm }}Key figures: {% for f in figures[:3] %}" + FIGURE_NUMBER
                          + " ({{r f.text|markdown }}){{r f|footnote }}{% if not loop.last %}; "
                          "{% endif %}{% endfor %}.")
        tag(doc, "{%p endif %}")
    section(doc, "topics or figures", "Background", background)

    def status():
        lead_line(doc, "The other side\u2019s aims for the {{ meeting.kind or 'meeting' }}:")
        capped_facts(doc, "counterpart_objectives", NOTE_LISTS, "more in the briefing memo.")
    section(doc, "counterpart_objectives", "Current status", status)

    def considerations():
        tag(doc, f"{{%p for t in (topics|selectattr('risks')|list)[:{NOTE_LISTS}] %}}")
        bold_lead(doc, "{{r t.title|markdown(bold=true) }}: ", "{{r t.risks[0]|markdown }}",
                  style="List Bullet")
        tag(doc, "{%p endfor %}")
    section(doc, "topics|selectattr('risks')|list", "Considerations", considerations)
    def next_steps():
        bullets(doc, f"s in next_steps[:{NOTE_STEPS}]", NEXT_STEP)
        tag(doc, f"{{%p if next_steps|omitted({NOTE_STEPS}) %}}")
        doc.add_paragraph(f"{{{{ pm }}}}Then {{{{ next_steps|omitted({NOTE_STEPS})|plural("
                          "'further step', 'further steps') }}, the last "
                          "{% if next_steps[-1].date %}on {{ next_steps[-1].date|date }}{% else %}"
                          "to be scheduled{% endif %}.", style="List Bullet")
        tag(doc, "{%p endif %}")
    section(doc, "next_steps", "Next steps", next_steps)

    def recommendation():
        lead_line(doc, "It is recommended that you pursue the following objectives:")
        capped_facts(doc, "objectives", NOTE_LISTS, "further objectives in the briefing memo.",
                     "List Number")
    section(doc, "objectives", "Recommendation", recommendation)
    drafting_block(doc)
    return doc


# (topics, points a topic, "if raised" points) when the briefing has at most
# TP_ROOMY talking points in all, and when it has more; then figures.
TP_ROOMY, TP_FEW, TP_MANY, TP_FIGURES = 12, (8, 3, 4), (5, 2, 3), 3


def talking_points():
    """One page of points to make, "if raised" points and background (type 3).

    A briefing with up to twelve talking points gets eight topics, three
    points each and four "if raised" points; a bigger one five topics, two
    points each and three "if raised" points; then three figures.  A closing
    line says what was left out."""
    doc = start("Talking points", "Talking Points", letterhead_lines=False)
    compact(doc)
    subject = doc.add_paragraph()
    subject.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.paragraph_format.space_after = Pt(0)
    subject.add_run("{{ pm }}").bold = True
    subject.add_run("{{r title|markdown(bold=true) }}")
    when = doc.add_paragraph(MEETING_WHEN + "{% if meeting.venue or meeting.location %} \u00b7 "
                             + MEETING_WHERE + "{% endif %}", style="Small")
    when.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rule_below(when)

    tag(doc, "{%p set with_points = topics|selectattr('talking_points')|list %}")
    tag(doc, f"{{%p set roomy = with_points|omitted(0, 'talking_points') <= {TP_ROOMY} %}}")
    for name, few, many in zip(("tp_topics", "tp_points", "tp_raised"), TP_FEW, TP_MANY):
        tag(doc, f"{{%p set {name} = {few} if roomy else {many} %}}")
    tag(doc, "{%p set shown = with_points[:tp_topics] %}")
    tag(doc, "{%p set raised = topics|selectattr('if_raised')|list %}")

    def points():
        tag(doc, "{%p for t in shown %}")
        heading(doc, "{{r t.title|markdown }}", level=3)
        facts(doc, "t.talking_points[:tp_points]")
        tag(doc, "{%p endfor %}")
    section(doc, "shown", "Points to make", points)

    def if_raised():
        tag(doc, "{%p for t in raised[:tp_raised] %}")
        bold_lead(doc, "{{r t.title|markdown(bold=true) }}. ", "{{r t.if_raised[0]|markdown }}",
                  style="List Bullet")
        tag(doc, "{%p endfor %}")
    section(doc, "raised", "If raised", if_raised)

    def background():
        tag(doc, f"{{%p for f in figures[:{TP_FIGURES}] %}}")
        doc.add_paragraph("{{ pm }}" + FIGURE_NUMBER + ": {{r f.text|markdown }}",
                          style="List Bullet")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p for s in next_steps[:2] %}")
        doc.add_paragraph("{{ pm }}" + NEXT_STEP, style="List Bullet")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p if meeting.press %}")
        bold_lead(doc, "Press: ", "{{r meeting.press|markdown }}", style="List Bullet")
        tag(doc, "{%p endif %}")
    section(doc, "figures or next_steps or meeting.press", "Background", background)

    tag(doc, "{%p set left_points = with_points|omitted(tp_topics, 'talking_points', "
             "tp_points) %}")
    tag(doc, "{%p set left_topics = with_points|omitted(tp_topics) %}")
    tag(doc, "{%p set left_raised = raised|omitted(0, 'if_raised') - raised[:tp_raised]"
             "|length %}")
    tag(doc, f"{{%p set left_figures = figures|omitted({TP_FIGURES}) %}}")
    tag(doc, "{%p set more = ["
        "left_points|plural('further point to make', 'further points to make') "
        "if left_points else '', "
        "left_topics|plural('more topic', 'more topics') if left_topics else '', "
        "left_raised|plural('\"if raised\" point', '\"if raised\" points') "
        "if left_raised else '', "
        "left_figures|plural('more figure', 'more figures') if left_figures else ''"
        "]|select|list %}")
    tag(doc, "{%p if more %}")
    paragraph = doc.add_paragraph(style="Small")
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.add_run("{{ pm }}")
    paragraph.add_run("More in the briefing memo: ").italic = True
    paragraph.add_run("{{ more|prose|typeset }}.").italic = True
    tag(doc, "{%p endif %}")
    return doc


def meeting_readout():
    """Memorandum of conversation, written after the meeting: who met, what each
    side said, what was agreed and what follows (type 4).  The advice fields
    (summary, objectives, talking points, "if raised", counterpart aims) are
    never printed."""
    doc = start("Meeting readout", "Memorandum of Conversation")
    tag(doc, PRINCIPALS)
    routing_table(doc, [
        ("SUBJECT:", "{{ pm }}{% if principals %}{{ (meeting.kind or 'meeting')|capitalize }}: "
         + PRINCIPAL_NAMES + "{% else %}{{r title|markdown }}{% endif %}", None),
        ("DATE, TIME, PLACE:", MEETING_WHEN + "{% if not meeting.time %}, time not recorded"
         "{% endif %}{% if meeting.venue or meeting.location %}, " + MEETING_WHERE
         + "{% endif %}", "meeting.date"),
        ("PRESS:", "{{r meeting.press|markdown }}", "meeting.press"),
    ], widths=(125, 325))
    rule_below(doc.add_paragraph(style="Small"))

    def participants():
        tag(doc, "{%p for side in participants|groupby('side') %}")
        lead_line(doc, "{{ side.grouper or 'Other participants' }}")
        person_line(doc, "p in side.list",
                    "{% if p.role in ('interpreter', 'notetaker') %} ({{ p.role }}){% endif %}")
        tag(doc, "{%p endfor %}")
    section(doc, "participants", "Participants", participants)

    def summary():
        doc.add_paragraph(
            "{{ pm }}" + PRINCIPAL_NAMES + " met{% if meeting.location %} in {{ meeting.location }}"
            "{% endif %}{% if meeting.date %} on {{ meeting.date|date_range(meeting.end_date) }}"
            "{% endif %}.{% if topics %} They discussed {{ topics|length|plural('topic') }}"
            "{% if commitments %} and recorded {{ commitments|length|plural('agreed outcome') }}"
            "{% endif %}, set out below.{% endif %}")
    section(doc, "principals", "Summary", summary)

    section(doc, "topics", "Topics discussed", lambda: facts(doc, "topics|map(attribute='title')",
                                                             "x"))

    def statements():
        tag(doc, "{%p for side in participants|groupby('side') %}")
        tag(doc, "{%p set said = quotes|selectattr('speaker', 'in', "
                 "side.list|map(attribute='name')|list)|list %}")
        tag(doc, "{%p if said %}")
        heading(doc, "{{ side.grouper or 'Other participants' }}", level=2)
        tag(doc, "{%p for q in said %}")
        tag(doc, "{%p set who = participants|selectattr('name', 'equalto', q.speaker)|first %}")
        doc.add_paragraph("{{ pm }}{% if who.title %}{{ who.title }} {% endif %}{{ who.name }} said"
                          "{% if q.occasion %} ({{ q.occasion }}){% endif %}: "
                          "\u201c{{r q.text|markdown }}\u201d")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p endfor %}")
    section(doc, "quotes|selectattr('speaker', 'in', participants|map(attribute='name')|list)"
                 "|list", "What each side said", statements)

    def others():
        tag(doc, "{%p for q in quotes|rejectattr('speaker', 'in', "
                 "participants|map(attribute='name')|list) %}")
        doc.add_paragraph("{{ pm }}{{ q.speaker or 'An unnamed source' }}"
                          "{% if q.occasion %} ({{ q.occasion }}){% endif %}: "
                          "\u201c{{r q.text|markdown }}\u201d")
        tag(doc, "{%p endfor %}")
    section(doc, "quotes|rejectattr('speaker', 'in', participants|map(attribute='name')|list)"
                 "|list", "Other statements on the record", others)

    def agreed():
        tag(doc, SHARED_PARTIES)
        lead_line(doc, "{% if shared_parties %}{{ shared_parties|prose }}{% else %}The sides"
                  "{% endif %} agreed on the following:")
        bullets(doc, "c in commitments", COMMITMENT)
    section(doc, "commitments", "Agreed outcomes", agreed)
    section(doc, "next_steps", "Follow-up", lambda: bullets(doc, "s in next_steps", NEXT_STEP))
    drafting_block(doc)
    return doc


def scene_setter():
    """Scene-setter from the post to a visiting principal, numbered paragraphs (type 5).

    "Who you will meet" lists the other sides: everyone not on the side of the
    briefing's principal (role "principal", else the host)."""
    doc = start("Scene-setter", "Scene-setter")
    routing_table(doc, [
        ("DATE:", "{{ today|date }}", None),
        ("TO:", "{{ routing.to }}", "routing.to"),
        ("FROM:", FROM_LINE, FROM_CONDITION),
        ("SUBJECT:", "{{ pm }}Scene-setter: {{r title|markdown }}", None),
    ])
    rule_below(doc.add_paragraph(style="Small"))
    numbered = "List Number"

    section(doc, "summary", "Summary", lambda: doc.add_paragraph(
        "{{ pm }}{{r summary|markdown }}", style=numbered))

    def hosts():
        lead_line(doc, "The other side will look to this visit to:")
        facts(doc, "counterpart_objectives", "o")
    section(doc, "counterpart_objectives", "What they want from the visit", hosts)
    section(doc, "objectives", "What we want", lambda: facts(doc, "objectives", "o", numbered))

    def topic_paragraphs(loop: str) -> None:
        tag(doc, f"{{%p for t in {loop} %}}")
        bold_lead(doc, "{{r t.title|markdown(bold=true) }}.", "{% if t.summary %} "
                  "{{r t.summary|markdown }}{% endif %}", style=numbered)
        tag(doc, "{%p if t.points %}")
        doc.add_paragraph("{{ pm }}{{r t.points|join(' ')|markdown }}", style="List Continue")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p endfor %}")
    section(doc, "topics|rejectattr('category', 'in', ['politics', 'history'])|list",
            "The issues", lambda: topic_paragraphs(
                "topics|rejectattr('category', 'in', ['politics', 'history'])"))
    section(doc, "topics|category('politics', 'history')", "Domestic politics and history",
            lambda: topic_paragraphs("topics|category('politics', 'history')"))

    tag(doc, "{%p set ours = participants|selectattr('role', 'equalto', 'principal')|list "
             "or participants|selectattr('role', 'equalto', 'host')|list %}")
    tag(doc, "{%p set meet = participants|rejectattr('side', 'in', ours|map(attribute='side')"
             "|list)|rejectattr('role', 'in', ['interpreter', 'notetaker'])|list %}")

    def people():
        tag(doc, "{%p for p in meet %}")
        doc.add_paragraph(style="Heading 3").add_run(
            "{{ pm }}{{r p|person_name }}{% if p.title or p.country %}, "
            "{{ [p.title, p.country]|select|join(', ') }}{% endif %}")
        tag(doc, "{%p if p.bio %}")
        doc.add_paragraph("{{ pm }}{{r p.bio|markdown }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p endfor %}")
    section(doc, "meet", "Who you will meet", people)
    section(doc, "figures", "Key figures", lambda: figures_table(doc, "f in figures", False))
    section(doc, "next_steps", "What comes next", lambda: bullets(doc, "s in next_steps",
                                                                  NEXT_STEP))
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
            ("SUBJECT:", "{{ pm }}" + category + ": {{r title|markdown }}", None),
        ])
        rule_below(doc.add_paragraph(style="Small"))
        tag(doc, f"{{%p set brief_topics = topics|category({wanted}) %}}")
        tag(doc, f"{{%p set brief_figures = figures|category({wanted}) %}}")
        tag(doc, f"{{%p set brief_commitments = commitments|category({wanted}) %}}")
        tag(doc, "{%p set ours = objectives|about(brief_topics) %}")
        tag(doc, "{%p set theirs = counterpart_objectives|about(brief_topics) %}")
        tag(doc, "{%p if not brief_topics %}")
        doc.add_paragraph("{{ pm }}This briefing has no " + category.lower() + " topics.")
        tag(doc, "{%p endif %}")

        def bottom_line():
            tag(doc, "{%p for t in brief_topics if t.summary %}")
            doc.add_paragraph("{{ pm }}{{r t.summary|markdown }}")
            tag(doc, "{%p endfor %}")
        section(doc, "brief_topics|selectattr('summary')|list", "Bottom line", bottom_line)

        def background():
            tag(doc, "{%p for t in brief_topics if t.points %}")
            heading(doc, "{{r t.title|markdown }}", level=2)
            facts(doc, "t.points")
            tag(doc, "{%p endfor %}")
        section(doc, "brief_topics|selectattr('points')|list", "Background", background)
        section(doc, "brief_figures", "Key figures", lambda: figures_table(
            doc, "f in brief_figures"))

        def positions():
            tag(doc, "{%p if ours %}")
            lead_line(doc, "Our position")
            facts(doc, "ours", "o")
            tag(doc, "{%p endif %}")
            tag(doc, "{%p if theirs %}")
            lead_line(doc, "What the other side wants")
            facts(doc, "theirs", "o")
            tag(doc, "{%p endif %}")
            tag(doc, "{%p if brief_commitments %}")
            lead_line(doc, "Agreed by both sides")
            bullets(doc, "c in brief_commitments", "{{r c.text|markdown }}"
                    "{% if c.parties %} ({{ c.parties|prose }}){% endif %}")
            tag(doc, "{%p endif %}")
        section(doc, "ours or theirs or brief_commitments", "Positions", positions)

        def risks():
            tag(doc, "{%p for t in brief_topics %}")
            facts(doc, "t.risks")
            tag(doc, "{%p endfor %}")
        section(doc, "brief_topics|selectattr('risks')|list", "Risks", risks)

        def what_to_say():
            tag(doc, "{%p for t in brief_topics %}")
            facts(doc, "t.talking_points")
            tag(doc, "{%p endfor %}")
            tag(doc, "{%p for t in brief_topics %}")
            tag(doc, "{%p for x in t.if_raised %}")
            bold_lead(doc, "If raised: ", "{{r x|markdown }}", style="List Bullet")
            tag(doc, "{%p endfor %}")
            tag(doc, "{%p endfor %}")
        section(doc, "brief_topics|selectattr('talking_points')|list or "
                     "brief_topics|selectattr('if_raised')|list", "What to say", what_to_say)
        drafting_block(doc)
        return doc

    build.__doc__ = f"Topic brief on {category.lower()} ({', '.join(categories)})."
    return build


def participant_bios():
    """Biographies of the participants, native script beside the name (type 7)."""
    doc = start("Participant biographies", "Participant Biographies")
    subject = doc.add_paragraph(style="Small")
    subject.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.add_run(SUBJECT)
    rule_below(subject)
    tag(doc, "{%p if not participants %}")
    doc.add_paragraph("{{ pm }}This briefing names no participants yet.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for p in participants %}")
    name = doc.add_paragraph(style="Heading 2")
    name.add_run("{{ pm }}{{r p|person_name }}")
    tag(doc, "{%p if p.title or p.country or p.role or p.side != p.country %}")
    details = doc.add_paragraph(
        "{{ pm }}{{ [p.title, p.country]|select|join(', ') }}"
        "{% if p.role %}{% if p.title or p.country %} \u00b7 {% endif %}"
        "{{ p.role|capitalize }}{% endif %}"
        "{% if p.side and p.side != p.country %} \u00b7 Delegation: {{ p.side }}{% endif %}",
        style="Small")
    details.runs[0].italic = True
    details.paragraph_format.keep_with_next = True
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if p.bio %}")
    doc.add_paragraph("{{ pm }}{{r p.bio|markdown }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")

    def mentioned():
        tag(doc, "{%p for p in mentioned %}")
        paragraph = doc.add_paragraph()
        paragraph.add_run("{{ pm }}{{r p|person_name }}")
        paragraph.add_run("{% if p.title or p.country %} ({{ [p.title, p.country]|select"
                          "|join(', ') }}){% endif %}{% if p.bio %}: {% endif %}")
        paragraph.add_run("{{r p.bio|markdown }}")
        tag(doc, "{%p endfor %}")
    section(doc, "mentioned", "Also referenced", mentioned)
    return doc


OP_PEOPLE, OP_TOPICS = 8, 3


def one_pager():
    """One-page read-ahead: event, overview, attendees, 1-3 objectives (type 8)."""
    doc = start("One-pager", "Read-Ahead")
    compact(doc)
    routing_table(doc, [
        ("EVENT:", SUBJECT, None),
        ("WHEN:", MEETING_WHEN, "meeting.date"),
        ("WHERE:", MEETING_WHERE, "meeting.venue or meeting.location"),
        ("FROM:", FROM_LINE, FROM_CONDITION),
    ])
    rule_below(doc.add_paragraph(style="Small"))

    def overview():
        tag(doc, "{%p if summary %}")
        doc.add_paragraph("{{ pm }}{{r summary|lead|markdown }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if meeting.press %}")
        bold_lead(doc, "Press: ", "{{r meeting.press|markdown }}")
        tag(doc, "{%p endif %}")
    section(doc, "summary or meeting.press", "Overview", overview)

    def attendees():
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{{{{ pm }}}}{{% for p in participants[:{OP_PEOPLE}] %}}"
                          "{% if not loop.first %}; {% endif %}")
        paragraph.add_run("{{r p|person_name }}")
        paragraph.add_run("{% if p.title or p.country %} ({{ [p.title, p.country]|select"
                          "|join(', ') }}){% endif %}{% endfor %}"
                          f"{{% if participants|omitted({OP_PEOPLE}) %}}; and "
                          f"{{{{ participants|omitted({OP_PEOPLE})|plural('other', 'others') }}}}"
                          "{% endif %}.")
    section(doc, "participants", "Attendees", attendees)
    section(doc, "objectives", "Objectives", lambda: facts(doc, "objectives[:3]", "o",
                                                          "List Number"))

    def background():
        tag(doc, f"{{%p for t in topics[:{OP_TOPICS}] %}}")
        bold_lead(doc, "{{r t.title|markdown(bold=true) }}.", "{% if t.summary %} "
                  "{{r t.summary|lead|markdown }}{% endif %}", style="List Bullet")
        tag(doc, "{%p endfor %}")
    section(doc, "topics", "Background", background)
    attachments_line(doc, [(TAB_TALKING, "Talking points"),
                           (TAB_BIOS, "Participant biographies"),
                           ("topics|selectattr('points')|list or figures", "Topic briefs")])
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
