"""Rendering: the sample memo's content, markings, fields, properties; template errors."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from docx_helpers import body_text, part_xml, xml_text

from briefgen.errors import TemplateError, TemplateSecurityError
from briefgen.model import Briefing
from briefgen.offices import OfficeProfile, find_office
from briefgen.render import output_filename, render_briefing, render_to_file
from briefgen.templates import find_template, read_template_info

TODAY = dt.date(2025, 8, 20)


@pytest.fixture(scope="module")
def memo_template():
    return find_template("briefing-memo")


@pytest.fixture
def memo(sample, memo_template):
    return render_briefing(sample, memo_template, find_office(None), today=TODAY)


def make_template(tmp_path, *paragraphs, header=None, name="t"):
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    path = tmp_path / f"{name}.docx"
    doc.save(path)
    return read_template_info(path)


def test_sample_memo_body_has_the_facts(memo, sample):
    text = body_text(memo)
    for person in sample.participants:
        assert person.name in text and person.title in text
    assert "石破茂" in text and "이재명" in text
    for topic in sample.topics:
        assert topic.title in text
    assert "80,000 US troops" in text and "15%" in text
    assert "Your summit with President Lee Jae Myung, Tokyo, August 23, 2025" in text  # one style
    assert "August 23, 2025, Tokyo" in text          # the meeting line, office date style
    assert "DATE:" in text and "August 20, 2025" in text
    assert "Also referenced: Yoon Suk Yeol (President, South Korea); Donald Trump" in text
    assert "For Japan and South Korea to agree:\nReaffirm trilateral cooperation" in text
    assert "\nResume shuttle diplomacy between the leaders\n" in text
    assert "August 25, 2025: President Lee\u2019s first summit with President Donald Trump (Washington)" in text
    assert "Drafted by: K. Mori, Northeast Asia Division" in text
    assert "Cleared: North American Affairs \u2013 H. Ueda (cleared)" in text
    assert "{{" not in text and "{%" not in text


def test_sample_memo_uses_word_styles(memo):
    doc = Document(io.BytesIO(memo))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == ["BOTTOM LINE", "OBJECTIVES", "WHAT THE OTHER SIDE WANTS", "KEY ISSUES"]
    numbered = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    assert len(numbered) == 4 and numbered[0].startswith("To reaffirm trilateral")
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "first bilateral visit abroad" in bold     # **markdown** in the summary


def test_banner_in_header_and_footer_and_page_x_of_y(memo):
    header, footer = part_xml(memo, "header"), part_xml(memo, "footer")
    assert "UNCLASSIFIED" in xml_text(header)
    assert "UNCLASSIFIED" in xml_text(footer)
    assert "Page " in xml_text(footer) and " of " in xml_text(footer)
    assert "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>" in footer
    assert "<w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText>" in footer


def test_document_properties_are_set(memo, sample):
    props = Document(io.BytesIO(memo)).core_properties
    assert props.title == sample.title
    assert props.subject == "Briefing memo"
    assert props.author == "K. Mori"
    assert "Shigeru Ishiba" in props.keywords and "security" in props.keywords
    assert props.category == "UNCLASSIFIED"


def test_native_names_use_their_scripts_font_slot_and_language(memo):
    body = part_xml(memo, "document")
    assert ('<w:rFonts w:eastAsia="MS Mincho" w:hint="eastAsia"/><w:lang w:eastAsia="ja-JP"/>'
            '</w:rPr><w:t xml:space="preserve">石破茂') in body
    assert ('<w:rFonts w:eastAsia="Batang" w:hint="eastAsia"/><w:lang w:eastAsia="ko-KR"/>'
            '</w:rPr><w:t xml:space="preserve">이재명') in body


def test_office_profile_sets_paper_marking_and_portion_marks(sample, memo_template):
    office = OfficeProfile(name="uk", classification="OFFICIAL-SENSITIVE", portion_marks=True,
                           date_style="uk", paper="A4", caveats="UK EYES ONLY")
    sample.marking.classification = ""
    data = render_briefing(sample, memo_template, office, today=TODAY)
    doc = Document(io.BytesIO(data))
    assert round(doc.sections[0].page_width.mm) == 210
    assert "OFFICIAL-SENSITIVE//UK EYES ONLY" in xml_text(part_xml(data, "header"))
    objectives = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    assert objectives[0].startswith("(OS) To reaffirm")
    assert "20 August 2025" in body_text(data)


def test_unmarked_documents_have_no_banner_or_portion_marks(sample, memo_template):
    sample.marking.classification = ""
    office = OfficeProfile(name="tank", classification="", portion_marks=True)
    data = render_briefing(sample, memo_template, office, today=TODAY)
    assert xml_text(part_xml(data, "header")).strip() == ""
    assert "(U)" not in body_text(data)


def test_empty_briefing_renders_without_empty_sections(memo_template):
    text = body_text(render_briefing(Briefing(), memo_template, OfficeProfile(), today=TODAY))
    assert "PARTICIPANTS" not in text and "KEY FIGURES" not in text and "TAB A" not in text
    assert "BRIEFING MEMORANDUM" in text


def test_unsafe_attribute_is_refused_by_the_sandbox(tmp_path, sample):
    info = make_template(tmp_path, "Hi {{ ''.__class__.__mro__ }}", name="evil")
    with pytest.raises(TemplateSecurityError) as err:
        render_briefing(sample, info, OfficeProfile())
    assert str(err.value) == ("evil: body: {{ ''.__class__.__mro__ }}: refused by the sandbox: "
                              "access to attribute '__class__' of 'str' object is unsafe. "
                              "(templates may only read briefing data)")
    assert (err.value.file, err.value.part, err.value.tag) == \
        ("evil", "body", "{{ ''.__class__.__mro__ }}")


def test_unknown_variable_names_variable_template_and_part(tmp_path, sample):
    info = make_template(tmp_path, "ok", header="{{ clasification }}", name="typo")
    with pytest.raises(TemplateError) as err:
        render_briefing(sample, info, OfficeProfile())
    assert str(err.value) == ("typo: header: {{ clasification }}: unknown variable 'clasification' "
                              "(check its spelling; `briefgen check` lists the known names)")


def test_unknown_field_of_a_model_is_named(tmp_path, sample):
    info = make_template(tmp_path, "{{ meeting.datum }}", name="field")
    with pytest.raises(TemplateError) as err:
        render_briefing(sample, info, OfficeProfile())
    assert str(err.value) == ("field: body: {{ meeting.datum }}: Meeting has no field 'datum' "
                              "(see `briefgen schema` for the field names)")


def test_syntax_error_names_the_tags_of_its_paragraph(tmp_path, sample):
    info = make_template(tmp_path, "Intro", "Names: {% for p in participants %}{{ p.name } end",
                         name="broken")
    with pytest.raises(TemplateError) as err:
        render_briefing(sample, info, OfficeProfile())
    assert str(err.value) == ("broken: body: {% for p in participants %}{{ p.name }: syntax "
                              "error: unexpected '}' (run `briefgen check` on the template for "
                              "details)")


def test_render_to_file_never_leaves_a_partial_file(tmp_path, sample):
    bad = make_template(tmp_path, "{{ nothing_here }}", name="bad")
    out = tmp_path / "memo.docx"
    out.write_bytes(b"previous export")
    with pytest.raises(TemplateError):
        render_to_file(sample, bad, OfficeProfile(), out)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.docx", "memo.docx"]


def test_output_filename_follows_the_manifest(sample, memo_template):
    name = output_filename(sample, memo_template, OfficeProfile())
    assert name == ("2025-08-23 Your summit with President Lee Jae Myung, Tokyo, 23 August 2025"
                    " - Briefing memo.docx")


def test_batch_renders_reuse_compiled_templates(sample, memo_template):
    from briefgen.templating import environment

    render_briefing(sample, memo_template, OfficeProfile())
    compiled = len(environment().cache)
    sample.title = "Another summit"
    render_briefing(sample, memo_template, OfficeProfile())
    assert len(environment().cache) == compiled


def test_errors_inside_tags_name_the_part(tmp_path, sample):
    info = make_template(tmp_path, "{{ figures|length / 0 }}", name="maths")
    with pytest.raises(TemplateError) as err:
        render_briefing(sample, info, OfficeProfile())
    assert str(err.value) == "maths: body: {{ figures|length / 0 }}: division by zero (check the tags' filters and arguments)"


def test_core_properties_stay_in_their_namespace(sample, memo_template):
    """docxcompose remaps python-docx's `cp` prefix on import; Word rejects the result."""
    import re
    import zipfile

    for _ in range(2):
        data = render_briefing(sample, memo_template, OfficeProfile(), today=TODAY)
        core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
        assert "custom-properties" not in core
        assert len(re.findall(r"<cp:lastModifiedBy>", core)) == 1


def test_a_briefings_own_marking_is_kept_with_a_warning_when_the_office_does_not_use_it(sample):
    from briefgen.render import effective_marking, marking_warnings

    tank = find_office("think-tank")
    assert effective_marking(sample, tank).banner == "UNCLASSIFIED"
    assert marking_warnings(sample, tank) == [
        "the briefing is marked UNCLASSIFIED, which office 'think-tank' does not use "
        "(its levels: none (unmarked)); the document keeps UNCLASSIFIED"]
    assert marking_warnings(sample, find_office("us-embassy")) == []
    sample.marking.classification = ""
    assert effective_marking(sample, tank).banner == "" and marking_warnings(sample, tank) == []


def test_office_routing_defaults_fill_what_the_briefing_leaves_empty():
    from briefgen.render import merged_routing

    canada = find_office("ca-global-affairs")
    routing = merged_routing(Briefing(), canada)
    assert routing.through == "Deputy Minister of Foreign Affairs"
    assert routing.to == "Minister of Foreign Affairs"
    mine = Briefing(routing={"to": "The Prime Minister"})
    assert merged_routing(mine, canada).to == "The Prime Minister"
