"""Templates prepared once per process: never stale, never shared between offices,
footnote styles only in documents with footnotes."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx_helpers import body_text, part_xml

from briefgen import prepare, render
from briefgen.offices import OfficeProfile, find_office
from briefgen.render import render_briefing
from briefgen.templates import find_template, read_template_info

TODAY = dt.date(2025, 8, 20)


def parts(data: bytes) -> dict[str, bytes]:
    """Every part but the core properties (they hold the time of rendering)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def write_template(path, text: str, style: str) -> None:
    doc = Document()
    doc.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph(text, style=style)
    doc.save(path)


def test_a_template_changed_between_two_renders_is_read_again(tmp_path, sample):
    path = tmp_path / "changing.docx"
    write_template(path, "First {{ title }}", "Ribbon")
    first = render_briefing(sample, read_template_info(path), OfficeProfile(), today=TODAY)
    write_template(path, "Second {{ title }}", "Banner")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    second = render_briefing(sample, read_template_info(path), OfficeProfile(), today=TODAY)

    assert body_text(first) == f"First {sample.title}"
    assert body_text(second) == f"Second {sample.title}"
    assert 'w:styleId="Ribbon"' in part_xml(first, "styles")
    styles = part_xml(second, "styles")
    assert 'w:styleId="Banner"' in styles and 'w:styleId="Ribbon"' not in styles


def test_each_office_gets_its_own_house_style_in_one_process(sample):
    memo = find_template("briefing-memo")
    offices = [find_office("uk-fcdo-desk"), find_office("us-embassy"), find_office("uk-fcdo-desk")]
    assert offices[0].font != offices[1].font or offices[0].spelling != offices[1].spelling
    rendered = [parts(render_briefing(sample, memo, office, today=TODAY)) for office in offices]
    prepare.prepare.cache_clear()
    fresh = parts(render_briefing(sample, memo, offices[1], today=TODAY))

    assert rendered[0] == rendered[2]
    assert rendered[1] == fresh
    for office, document in zip(offices, rendered):
        styles = document["word/styles.xml"].decode()
        assert f'w:ascii="{office.font}"' in styles and f'w:val="{office.spelling}"' in styles


def test_footnote_styles_only_in_documents_with_footnotes(sample):
    memo = find_template("briefing-memo")
    office = find_office(None)
    without = sample.model_copy(update={"sources": []})
    documents = [parts(render_briefing(b, memo, office, today=TODAY))
                 for b in (without, sample, without, sample)]

    assert documents[0] == documents[2] and documents[1] == documents[3]
    for document, notes in zip(documents, (False, True, False, True)):
        styles = document["word/styles.xml"].decode()
        assert ('w:styleId="FootnoteText"' in styles) is notes
        assert ('w:styleId="FootnoteReference"' in styles) is notes
        assert (b"<w:footnoteReference " in document["word/document.xml"]) is notes


@pytest.mark.parametrize("template", ["briefing-memo", "topic-brief-trade"])
def test_a_prepared_template_renders_as_a_freshly_prepared_one(sample, template):
    info = find_template(template)
    office = find_office("think-tank")
    render_briefing(sample, info, office, today=TODAY)
    cached = parts(render_briefing(sample, info, office, today=TODAY))
    prepare.prepare.cache_clear()
    assert parts(render_briefing(sample, info, office, today=TODAY)) == cached


def test_the_parts_rendering_leaves_alone_are_written_as_prepared_without_parsing(sample):
    info, office = find_template("briefing-memo"), find_office("uk-fcdo-desk")
    data = render_briefing(sample, info, office, today=TODAY)
    prepared = prepare.prepare(render._load(info), prepare.HouseStyle.of(office))
    document = prepared.document()
    left_alone = {str(part.partname): part for part in document.part.package.iter_parts()
                  if part.partname in prepared.finished}
    assert "/word/numbering.xml" in left_alone and "/word/settings.xml" in left_alone
    written = parts(data)
    for name, part in left_alone.items():
        if name == "/word/settings.xml":        # finish_package checks its zoom
            assert hasattr(part, "element")
            continue
        assert not hasattr(part, "element"), name
        assert written[name.lstrip("/")] == part.blob, name
