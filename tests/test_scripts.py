"""Every script: font slots, language tags and direction, as Word and the PDF need them."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from docx.oxml.ns import qn
from docx_helpers import part_xml
from stress import non_latin

from briefgen import scripts
from briefgen.docxxml import apply_scripts
from briefgen.convert import docx_to_pdf, find_soffice
from briefgen.offices import OfficeProfile, find_office
from briefgen.preview import docx_to_html
from briefgen.render import render_briefing
from briefgen.templates import find_template
from briefgen.templating import person_name


def kinds(text, rtl=False):
    return [(s.text, s.kind, s.lang) for s in scripts.segments(text, rtl_paragraph=rtl)]


def test_punctuation_takes_the_paragraphs_direction_between_scripts():
    assert kinds("Layla Haddad (ليلى حداد)") == [
        ("Layla Haddad", "latin", ""), (" (", "neutral", ""), ("ليلى حداد", "rtl", "ar-SA"),
        (")", "neutral", "")]
    assert kinds("(U) שני הצדדים הסכימו ב-2019.", rtl=True)[-1] == (
        ") שני הצדדים הסכימו ב-2019.", "rtl", "he-IL")
    assert kinds("ทั้งสองฝ่าย ตกลง") == [("ทั้งสองฝ่าย ตกลง", "cs", "th-TH")]


LATIN_OR_NEUTRAL = [c for c in map(chr, range(0x2100)) if scripts._LATIN_OR_NEUTRAL.fullmatch(c)]


def test_the_latin_and_neutral_shortcut_holds_for_each_of_its_characters():
    assert len(LATIN_OR_NEUTRAL) == 759
    for char in LATIN_OR_NEUTRAL:
        assert scripts.char_kind(char) == ("latin" if char.isalpha() else "neutral", ""), char


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(LATIN_OR_NEUTRAL), max_size=12))
def test_latin_and_neutral_text_is_cut_as_the_full_rule_cuts_it(text):
    def read(text):
        return kinds(text), scripts.is_rtl(text), scripts.han_language(text, "ja-JP")

    shortcut = read(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scripts, "_LATIN_OR_NEUTRAL", re.compile("(?!)"))
        assert read(text) == shortcut


def test_text_that_needs_no_script_slot_is_latin_or_neutral_in_each_of_its_characters():
    plain = [c for c in map(chr, range(0x2100)) if not scripts.needs_script_slot(c)]
    assert len(plain) == 1495 and "\u201c" in plain and "\u05d0" not in plain
    for char in plain:
        assert scripts.char_kind(char) in (("latin", ""), ("neutral", "")), char


def test_a_paragraph_of_latin_cyrillic_and_curly_quotes_is_left_as_written():
    document = Document()
    plain = document.add_paragraph()
    plain.add_run("\u201cDobroe utro\u201d \u2014 \u201c\u0414\u043e\u0431\u0440\u043e\u0435\u201d")
    plain.runs[0].element.set(qn("w:rsidR"), "00A1B2C3")    # rebuilt runs would lose it
    arabic = document.add_paragraph()
    arabic.add_run("\u201c\u0645\u0631\u062d\u0628\u0627\u201d")
    before = part_xml_of(plain)
    apply_scripts(document, scripts.script_fonts({}))
    assert part_xml_of(plain) == before
    assert arabic.runs[0].element.find(qn("w:rPr")).find(qn("w:rtl")) is not None


def part_xml_of(paragraph):
    return etree.tostring(paragraph._p, encoding="unicode")


@pytest.mark.parametrize("text, country, tag", [
    ("石破茂", "Japan", "ja-JP"), ("田中みどり", "", "ja-JP"), ("이재명", "", "ko-KR"),
    ("王立华", "China", "zh-CN"), ("陳志明", "Taiwan", "zh-TW"), ("ليلى حداد", "", "ar-SA"),
    ("נועה לוי", "", "he-IL"), ("สมชาย ใจดี", "", "th-TH"), ("अनन्या शर्मा", "", "hi-IN"),
    ("Olsen", "Norway", "")])
def test_language_of_a_name(text, country, tag):
    assert scripts.language_of(text, country) == tag


def test_script_fonts_follow_the_body_font_and_the_profiles_table():
    serif = scripts.script_fonts(OfficeProfile(font="Times New Roman", east_asian_font="Yu Mincho"))
    assert (serif["ko-KR"], serif["ja-JP"], serif["zh-CN"]) == ("Batang", "Yu Mincho", "SimSun")
    sans = scripts.script_fonts({"font": "Arial", "script_fonts": {"ko": "Gulim", "ar-SA": "Tahoma"}})
    assert (sans["ko-KR"], sans["zh-CN"], sans["ar-SA"]) == ("Gulim", "Microsoft YaHei", "Tahoma")


def test_person_name_accepts_a_mapping_and_tags_the_native_name():
    xml = person_name({"name": "Kim Min-jun", "native_name": "김민준", "country": "South Korea"},
                      {"ko-KR": "Malgun Gothic"}).xml
    assert xml.startswith('<w:r><w:t xml:space="preserve">Kim Min-jun</w:t></w:r>')
    assert re.search(r'<w:rFonts w:eastAsia="Malgun Gothic" w:hint="eastAsia"/>'
                     r'<w:lang w:eastAsia="ko-KR"/></w:rPr><w:t xml:space="preserve">김민준', xml)


@pytest.fixture(scope="module")
def bios():
    office = find_office("us-embassy").model_copy(update={"script_fonts": {"th": "Leelawadee UI"}})
    return render_briefing(non_latin(), find_template("participant-bios"), office)


def runs_with(data, text):
    body = Document(io.BytesIO(data)).element.body
    return [r for r in body.iter(qn("w:r")) if text in "".join(t.text or "" for t in r.iter(qn("w:t")))]


def rpr_of(run):
    return {child.tag.rsplit("}")[1]: {k.rsplit("}")[1]: v for k, v in child.attrib.items()}
            for child in run.find(qn("w:rPr"))}


def test_hangul_is_in_a_korean_font_tagged_ko_kr(bios):
    for run in runs_with(bios, "김민준"):
        props = rpr_of(run)
        assert props["rFonts"]["eastAsia"] == "Batang" and props["lang"]["eastAsia"] == "ko-KR"


def test_arabic_and_hebrew_paragraphs_and_runs_are_right_to_left(bios):
    for text, tag in (("أكد الجانبان", "ar-SA"), ("שני הצדדים", "he-IL")):
        runs = runs_with(bios, text)
        assert runs
        for run in runs:
            props = rpr_of(run)
            assert "rtl" in props and props["lang"]["bidi"] == tag and props["rFonts"]["cs"]
            paragraph = run.getparent()
            assert paragraph.find(qn("w:pPr")).find(qn("w:bidi")) is not None


def test_thai_and_devanagari_use_the_complex_script_slot(bios):
    for text, tag, font in (("ทั้งสองฝ่าย", "th-TH", "Leelawadee UI"), ("दोनों पक्षों", "hi-IN", "Mangal")):
        for run in runs_with(bios, text):
            props = rpr_of(run)
            assert "cs" in props and props["lang"]["bidi"] == tag and props["rFonts"]["cs"] == font


def test_bold_and_sizes_hold_for_complex_scripts(bios):
    for name in ("document", "styles"):
        xml = part_xml(bios, name)
        for rpr in re.findall(r"<w:rPr>.*?</w:rPr>", xml):
            if "<w:b/>" in rpr:
                assert "<w:bCs/>" in rpr
            size = re.search(r'<w:sz w:val="(\d+)"/>', rpr)
            if size:
                assert f'<w:szCs w:val="{size.group(1)}"/>' in rpr


def test_the_preview_falls_back_to_the_fonts_the_pdf_uses(bios):
    css = docx_to_html(bios).html
    assert "'Batang', 'Noto Serif CJK KR'" in css and "'Traditional Arabic', 'Noto Naskh Arabic'" in css


@pytest.mark.soffice
@pytest.mark.skipif(find_soffice() is None or not shutil.which("pdffonts"),
                    reason="needs LibreOffice and poppler")
def test_the_pdf_sets_each_script_in_its_noto_font(bios, tmp_path):
    (tmp_path / "bios.docx").write_bytes(bios)
    pdf = docx_to_pdf(tmp_path / "bios.docx", tmp_path / "bios.pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    for family in ("NotoNaskhArabic", "NotoSerifHebrew", "NotoSansThai", "NotoSerifDevanagari",
                   "NotoSerifCJK"):
        assert family in fonts


def test_the_pack_cover_sets_its_title_in_each_script():
    from briefgen.pack import build_pack

    data = build_pack(non_latin(), [find_template("talking-points")], find_office("us-embassy"))
    hebrew = [rpr_of(run) for run in runs_with(data, "תל אביב")]
    assert hebrew and all("rtl" in props and props["lang"]["bidi"] == "he-IL" for props in hebrew)
    sizes = [p for p in hebrew if "sz" in p]
    assert sizes and all(p["szCs"] == p["sz"] for p in sizes)
