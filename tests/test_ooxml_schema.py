"""Every rendered document is a valid Word file: ECMA-376 transitional schemas,
element order, package rules, honest app.xml."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from ooxml_schema import schema_findings
from stress import STRESS

from briefgen import __version__, docxxml
from briefgen.briefing_io import load_briefing
from briefgen.check import check_template
from briefgen.offices import list_offices
from briefgen.pack import build_pack
from briefgen.render import render_briefing
from briefgen.resources import sample_briefing_path
from briefgen.templates import list_templates

BRIEFINGS = ["sample", *STRESS]


def briefing(name):
    return load_briefing(sample_briefing_path())[0] if name == "sample" else STRESS[name]()


@pytest.mark.parametrize("name", BRIEFINGS)
def test_every_template_and_office_renders_a_valid_word_file(name):
    subject, findings = briefing(name), []
    for office in list_offices():
        for template in list_templates():
            data = render_briefing(subject, template, office)
            findings += [f"{template.name} × {office.name}: {f}" for f in schema_findings(data)]
    assert findings == []


@pytest.mark.parametrize("name", BRIEFINGS)
def test_packs_are_valid_word_files(name):
    templates = [t for t in list_templates() if t.name in ("briefing-memo", "talking-points",
                                                            "participant-bios")]
    data = build_pack(briefing(name), templates, list_offices()[0])
    assert schema_findings(data) == []


def xml(data: bytes, part: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(part).decode("utf-8")


@pytest.fixture(scope="module")
def bios():
    office = next(o for o in list_offices() if o.name == "us-embassy")
    template = next(t for t in list_templates() if t.name == "participant-bios")
    return render_briefing(briefing("sample"), template, office)


def test_app_xml_names_briefgen_and_claims_no_counts(bios):
    app = xml(bios, "docProps/app.xml")
    assert "<Application>briefgen</Application>" in app
    assert f"<AppVersion>{docxxml.app_version(__version__)}</AppVersion>" in app
    for claim in ("Microsoft", "<Pages>", "<Words>", "<Characters>", "<Template>"):
        assert claim not in app
    names = zipfile.ZipFile(io.BytesIO(bios)).namelist()
    assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names


def test_settings_keep_schema_order(bios):
    settings = parse_xml(xml(bios, "word/settings.xml").encode())
    assert docxxml.misplaced_children(settings) == []
    zoom = settings.find(qn("w:zoom"))
    assert zoom is None or zoom.get(qn("w:percent"))


def test_update_fields_goes_before_the_extensions():
    document = Document()
    docxxml.update_fields_on_open(document)
    names = [child.tag for child in document.settings.element]
    assert names.index(qn("w:updateFields")) < names.index(qn("w:compat"))
    assert docxxml.misplaced_children(document.settings.element) == []


def test_insert_in_order_and_sorting():
    ppr = parse_xml(f'<w:pPr {nsdecls("w")}><w:pStyle w:val="x"/><w:jc w:val="center"/></w:pPr>')
    docxxml.insert_in_order(ppr, OxmlElement("w:pBdr"))
    docxxml.insert_in_order(ppr, OxmlElement("w:bidi"))
    assert [c.tag.rsplit("}")[1] for c in ppr] == ["pStyle", "pBdr", "bidi", "jc"]
    ppr.append(OxmlElement("w:keepNext"))
    assert docxxml.misplaced_children(ppr) == ["keepNext"]
    docxxml.sort_properties(ppr)
    assert [c.tag.rsplit("}")[1] for c in ppr] == ["pStyle", "keepNext", "pBdr", "bidi", "jc"]


def test_a_misordered_paragraph_is_reported_by_the_validator():
    document = Document()
    paragraph = document.add_paragraph("Bottom line")
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:jc"))
    ppr[-1].set(qn("w:val"), "center")
    ppr.append(OxmlElement("w:pBdr"))
    out = io.BytesIO()
    document.save(out)
    assert any("pBdr" in finding for finding in schema_findings(out.getvalue()))


def test_check_locates_properties_out_of_schema_order(tmp_path):
    document = Document()
    document.add_paragraph("Fine")
    ppr = document.add_paragraph("{{ title }}")._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:jc {nsdecls("w")} w:val="center"/>'))
    ppr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single"/></w:pBdr>'))
    document.save(tmp_path / "t.docx")
    [problem] = check_template(tmp_path / "t.docx")
    assert (problem.part, problem.location.split(" (")[0]) == ("body", "paragraph 2")
    assert "w:pBdr is out of schema order in w:pPr" in problem.message
