"""Checking a Word template before anyone renders it.

``check_template`` reads every part docxtpl renders (body, headers, footers,
footnotes, document properties) paragraph by paragraph and reports, with the
part, the paragraph or table cell and the tag's text, one module per job:

* :mod:`.tags`, :mod:`.splits`: tags left open, stray ``}}`` / ``%}``, and tags
  Word split over runs of different formatting, or across a hyperlink,
  tracked change or field (docxtpl would style or corrupt them);
* :mod:`.placement`, :mod:`.blocks`: ``{%tr %}`` outside a table row, ``{%p %}``
  sharing its paragraph with other text, unbalanced or mismatched blocks;
* :mod:`.syntax`, :mod:`.sandbox`: Jinja syntax errors, unknown filters and
  tests, and anything the sandbox refuses: every attribute or method outside
  its allow-list, data-changing calls, includes;
* :mod:`.names`: variables and fields not in the facts model, with "did you mean";
* :mod:`.schema`: properties out of the order Word requires;
* the manifest's ``output`` pattern.

``template_variables`` lists the names a template uses with Jinja's meta API
(:mod:`.variables`), without any of these checks.

These checks only read the template.  A template without such problems is
finally rendered with the bundled sample briefing, inside the same limits as
every render, so whatever slipped through still shows up as a problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from briefgen.check import parts
from briefgen.check.blocks import check_blocks
from briefgen.check.names import check_names
from briefgen.check.parts import PARTS, PROPERTIES_PART
from briefgen.check.placement import check_placement
from briefgen.check.problems import Problem, Report
from briefgen.check.schema import check_schema_order
from briefgen.check.splits import split_problem
from briefgen.check.syntax import check_properties, check_tags
from briefgen.check.tags import DOCXTPL_CELL_TAGS, Tag, find_tags
from briefgen.check.variables import template_variables
from briefgen.docxxml import reading
from briefgen.errors import BriefgenError
from briefgen.templates import TemplateInfo, output_pattern_problem

__all__ = ["PARTS", "PROPERTIES_PART", "Problem", "check_template", "template_variables"]


def check_template(template: TemplateInfo | str | Path) -> list[Problem]:
    """Every problem of a template (a :class:`TemplateInfo`, a name or a ``.docx`` path);
    ``[]`` when it is fine.  Raises :class:`TemplateError` when it cannot be read at all."""
    info, manifest = parts.resolve(template)
    report = Report(info.name, list(manifest))
    found, findings = parts.read(info)
    for finding in findings:
        report.add(finding.part, finding.location, "", f"{finding.describe()} ({finding.hint})")
    for part, qualifier, root in found:
        if part == PROPERTIES_PART:
            check_properties(report, root)
        else:
            _check_part(report, info, part, qualifier, root)
    problem = output_pattern_problem(info.output)
    if problem:
        report.add("manifest", "output", info.output, problem)
    if not report.problems:
        _render_sample(report, info)
    return report.problems


def _check_part(report: Report, info: TemplateInfo, part: str, qualifier: str,
                root: Any) -> None:
    paragraphs = reading.paragraphs(root, qualifier)
    tags: list[Tag] = []
    before = len(report.problems)
    for paragraph in paragraphs:
        found, shapes = find_tags(paragraph)
        for text, message in shapes:
            report.add(part, paragraph.where(), text, message)
        for tag in found:
            split = split_problem(tag)
            if split:
                report.add(part, tag.where, tag.text, split)
        tags += found
    check_placement(report, part, tags)
    code = [t for t in tags if t.kind != "comment" and t.keyword not in DOCXTPL_CELL_TAGS]
    check_tags(report, part, code)
    check_blocks(report, part, code)
    if len(report.problems) == before:
        check_names(report, info, part, code)
    check_schema_order(report, part, root, paragraphs)
    order = {paragraph.where(): n for n, paragraph in enumerate(paragraphs)}
    report.problems[before:] = sorted(report.problems[before:],
                                      key=lambda p: order.get(p.location, len(order)))


def _render_sample(report: Report, info: TemplateInfo) -> None:
    """Render the bundled sample briefing: what the static checks missed shows up here."""
    from briefgen.briefing_io import load_briefing
    from briefgen.offices import OfficeProfile
    from briefgen.render import render_briefing
    from briefgen.resources import sample_briefing_path

    briefing, _warnings = load_briefing(sample_briefing_path())
    where = "rendering the sample briefing"
    try:
        render_briefing(briefing, info, OfficeProfile())
    except BriefgenError as exc:
        part, message = exc.part, exc.message
        if part not in PARTS:   # a package part such as word/settings.xml: name it in the text
            part, message = "body", ": ".join(x for x in (exc.part, exc.message) if x)
        report.add(part, where, exc.tag or "", message + (f" ({exc.hint})" if exc.hint else ""))
    except etree.XMLSyntaxError as exc:
        report.add("body", where, "", f"the rendered document is not valid Word XML ({exc}): "
                   "a tag probably spans a hyperlink, field or table boundary")
    except Exception as exc:  # docxtpl lets some template errors through unwrapped
        report.add("body", where, "", f"rendering failed: {type(exc).__name__}: {exc}")
