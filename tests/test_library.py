"""The template library: its folders, override rule, finding, duplicating and
watching (:class:`briefgen.library.Library`); the strict template manifest; and
the built-in templates with every shipped office profile.

Each built-in template renders the bundled sample with each profile; the profile's
marking heads and foots every page, portion marks appear exactly when the
profile turns them on, the footer counts pages with fields, native names use
the profile's East Asian font, and the length budgets hold in LibreOffice.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx_helpers import body_text, part_xml, xml_text
from stress import STRESS, empty

from briefgen.check import check_template
from briefgen.convert import find_soffice, pdf_page_count
from briefgen.errors import InputError, OutputError, TemplateError
from briefgen.library import ENV_VAR, Library, path_list
from briefgen.model import Marking
from briefgen.offices import find_office, list_offices
from briefgen.render import render_briefing
from briefgen.scripts import script_fonts
from briefgen.resources import assets_dir, builtin_templates_dir
from briefgen.templates import find_template, list_templates, read_template_info
from briefgen.typography import typeset

TEMPLATES = ["briefing-memo", "briefing-note", "talking-points", "meeting-readout",
             "scene-setter", "topic-brief-security", "topic-brief-trade", "participant-bios",
             "one-pager"]
# name: (banner, portion mark or None, paper width in twips)
OFFICES = {
    "default": ("UNCLASSIFIED", None, 12240),
    "us-embassy": ("SENSITIVE BUT UNCLASSIFIED", "SBU", 12240),
    "uk-fcdo-desk": ("OFFICIAL-SENSITIVE", None, 11906),
    "ca-global-affairs": ("PROTECTED A", "PA", 12240),
    "think-tank": ("", None, 11906),
}
# Templates that name participants (with their native names): the scene-setter
# names only the people the principal (the host, Ishiba) will meet.
NAMES_PARTICIPANTS = {"briefing-memo": ("石破茂", "이재명"), "meeting-readout": ("石破茂", "이재명"),
                      "scene-setter": ("이재명",), "participant-bios": ("石破茂", "이재명"),
                      "one-pager": ("石破茂", "이재명")}
ANY_PORTION = re.compile(r"^\((U|SBU|CUI|C|S|TS|O|OS|PA|PB)\) ")


# --- the library: folders and the override rule --------------------------------

def copy_template(name: str, folder: Path, title: str | None = None) -> Path:
    """A built-in template copied into *folder*, optionally with another title."""
    folder.mkdir(parents=True, exist_ok=True)
    docx = Path(shutil.copy(builtin_templates_dir() / f"{name}.docx", folder))
    manifest = (builtin_templates_dir() / f"{name}.toml").read_text(encoding="utf-8")
    if title:
        manifest = re.sub(r'(?m)^title = .*$', f'title = "{title}"', manifest)
    docx.with_suffix(".toml").write_text(manifest, encoding="utf-8")
    return docx


@pytest.fixture
def folders(tmp_path):
    """A user folder and two shared folders with copies of built-in files."""
    user, first, second = tmp_path / "user", tmp_path / "net-a", tmp_path / "net-b"
    copy_template("one-pager", user / "templates", "My one-pager")
    copy_template("one-pager", first, "Office one-pager")
    copy_template("talking-points", second, "Office points")
    (second / "offices").mkdir()
    (second / "offices" / "desk.office.toml").write_text('title = "Desk"\n', encoding="utf-8")
    (first / "us-embassy.office.toml").write_text('title = "Our embassy"\n', encoding="utf-8")
    return user, first, second


def test_a_later_folder_overrides_an_earlier_one_of_the_same_name(folders):
    user, first, second = folders
    library = Library(user=user, shared=[first, second])
    templates = {t.name: t for t in library.templates()}
    assert (templates["one-pager"].title, templates["one-pager"].origin) == ("Office one-pager",
                                                                             "shared")
    assert templates["talking-points"].path == second / "talking-points.docx"
    assert templates["briefing-memo"].origin == "builtin"
    offices = {o.name: o for o in library.offices()}
    assert offices["us-embassy"].title == "Our embassy" and offices["desk"].origin == "shared"
    assert library.offices()[0].name == "default"

    one_pagers = [(e.origin, e.title, e.overrides, e.overridden_by)
                  for e in library.entries("template") if e.name == "one-pager"]
    assert one_pagers == [("builtin", "One-pager", [], "shared"),
                          ("user", "My one-pager", [], "shared"),
                          ("shared", "Office one-pager", ["builtin", "user"], "")]
    assert Library(user=user).find_template("one-pager").title == "My one-pager"


def test_the_library_reads_no_environment_the_command_line_does(folders, monkeypatch):
    user, first, second = folders
    monkeypatch.setenv(ENV_VAR, f"{first}{os.pathsep}{second}")
    assert Library(user=user).shared == []
    assert find_template("one-pager").origin == "builtin"
    assert path_list(f"{first}{os.pathsep} {os.pathsep}{second}") == [first, second]


def test_find_by_path_and_unknown_names():
    path = builtin_templates_dir() / "one-pager.docx"
    library = Library()
    assert library.find_template(str(path)) == read_template_info(path)
    assert library.find_office(assets_dir() / "offices" / "think-tank.office.toml").name == \
        "think-tank"
    with pytest.raises(TemplateError) as err:
        library.find_template("one-pagr")
    assert str(err.value).startswith("unknown template 'one-pagr' (available: briefing-memo, ")
    with pytest.raises(InputError) as err:
        library.find_office("embassy")
    assert str(err.value) == ("unknown office profile 'embassy' (available: default, "
                              "uk-fcdo-desk, ca-global-affairs, us-embassy, think-tank)")
    with pytest.raises(TemplateError, match="no such template file"):
        library.find_template("missing.docx")


def test_a_broken_file_is_left_out_with_its_error_and_named_when_asked_for(tmp_path):
    shared = tmp_path / "shared"
    copy_template("one-pager", shared)
    (shared / "one-pager.toml").write_text('footnotes = "no"\n', encoding="utf-8")
    shutil.copy(shared / "one-pager.docx", shared / "cable.docx")
    (shared / "cable.toml").write_text('kind = ["a"]\n', encoding="utf-8")
    (shared / "desk.office.toml").write_text('paper = "B5"\n', encoding="utf-8")
    library = Library(shared=[shared])
    problems = []
    templates = library.templates(problems)
    assert [str(p) for p in problems] == [
        f"{shared / 'cable.toml'}: kind: expected text in quotes, found a list " '["a"]',
        f"{shared / 'one-pager.toml'}: footnotes: expected true or false (no quotes), found the "
        'text "no"']
    assert library.find_template("one-pager").origin == "builtin"   # the readable one
    assert "cable" not in {t.name for t in templates}
    with pytest.raises(TemplateError, match=r"cable\.toml: kind: expected text"):
        library.find_template("cable")
    with pytest.raises(InputError, match=r"desk\.office\.toml: paper: input should be") as err:
        library.find_office("desk")
    assert (err.value.file, err.value.field_path) == (str(shared / "desk.office.toml"), "paper")


def test_duplicate_copies_a_template_with_its_manifest_and_a_profile_with_its_logo(tmp_path):
    library = Library(user=tmp_path / "me")
    memo = next(e for e in library.entries("template") if e.name == "briefing-memo")
    copy = library.duplicate(memo)
    assert copy == tmp_path / "me" / "templates" / "briefing-memo.docx"
    assert copy.with_suffix(".toml").read_bytes() == memo.path.with_suffix(".toml").read_bytes()
    tank = next(e for e in library.entries("office") if e.name == "think-tank")
    assert library.duplicate(tank) == tmp_path / "me" / "offices" / "think-tank.office.toml"
    assert (tmp_path / "me" / "offices" / "northbridge-logo.png").is_file()
    used = {e.name: e for e in library.entries("template") if e.used}
    assert used["briefing-memo"].origin == "user" and used["briefing-memo"].overrides == ["builtin"]
    default = library.entries("office")[0]
    with pytest.raises(OutputError, match="built into briefgen"):
        library.duplicate(default)


def test_watch_paths_are_the_folders_and_their_template_files(folders):
    user, first, second = folders
    (first / "~$e-pager.docx").write_bytes(b"lock")
    (first / "notes.txt").write_text("x", encoding="utf-8")
    paths = Library(user=user, shared=[first, second, first / "gone"]).watch_paths()
    assert str(builtin_templates_dir() / "briefing-memo.toml") in paths
    assert [p for p in paths if p.startswith(str(first))] == [
        str(first), str(first / "one-pager.docx"), str(first / "one-pager.toml"),
        str(first / "us-embassy.office.toml")]
    assert str(second / "offices" / "desk.office.toml") in paths
    assert str(user / "offices") not in paths             # a folder that does not exist


def test_the_command_line_finds_shared_templates_for_every_command(folders, monkeypatch, capsys):
    from briefgen.cli import main

    _user, first, second = folders
    monkeypatch.setenv(ENV_VAR, f"{first}{os.pathsep}{second}")
    assert main(["templates"]) == 0
    assert re.search(r"(?m)^talking-points +Office points  \[shared\]$", capsys.readouterr().out)
    assert main(["offices"]) == 0
    assert re.search(r"(?m)^desk +Desk  \(UNCLASSIFIED, Letter\) \[shared\]$",
                     capsys.readouterr().out)
    assert main(["check", "talking-points"]) == 0
    assert capsys.readouterr().err == "talking-points: no problems found\n"


# --- the manifest: strict types, one clear line ------------------------------------

@pytest.mark.parametrize("line, message", [
    ('footnotes = "no"', 'footnotes: expected true or false (no quotes), found the text "no"'),
    ('kind = ["a"]', 'kind: expected text in quotes, found a list ["a"]'),
    ("title = 3", "title: expected text in quotes, found 3"),
    ("footnotes = 1", "footnotes: expected true or false (no quotes), found 1"),
    ('colour = "red"', "unknown manifest key 'colour' (known keys: description, footnotes, kind, "
                       "name, output, title)"),
])
def test_a_manifest_value_of_the_wrong_type_is_refused(tmp_path, line, message):
    docx = copy_template("one-pager", tmp_path)
    docx.with_suffix(".toml").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        read_template_info(docx)
    assert str(err.value) == f"{docx.with_suffix('.toml')}: {message}"
    assert [p.message for p in check_template(docx) if p.part == "manifest"] == [message]


def test_every_builtin_manifest_is_valid_under_the_strict_model():
    problems = []
    builtin = [t for t in Library().templates(problems) if t.origin == "builtin"]
    assert problems == [] and len(builtin) == len(TEMPLATES)
    assert {t.name for t in builtin if t.footnotes} == {
        "briefing-memo", "briefing-note", "topic-brief-security", "topic-brief-trade"}


# --- the built-in templates with every profile ------------------------------------

@pytest.fixture
def unmarked_sample(sample):
    """The sample without a marking of its own, so the office's default applies."""
    return sample.model_copy(update={"marking": Marking()})


def render(briefing, template: str, office: str) -> bytes:
    return render_briefing(briefing, find_template(template), find_office(office))


def body_paragraphs(data: bytes) -> list[str]:
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        texts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [t for t in texts if t.strip()]


def test_the_library_ships_every_template_and_profile():
    assert {t.name for t in list_templates() if t.origin == "builtin"} == set(TEMPLATES)
    assert {o.name for o in list_offices()} >= set(OFFICES)
    think_tank = find_office("think-tank")
    assert think_tank.logo is not None and think_tank.logo.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("office", OFFICES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_renders_with_every_profile(unmarked_sample, template, office):
    banner, portion, width = OFFICES[office]
    data = render(unmarked_sample, template, office)

    header, footer = xml_text(part_xml(data, "header")), xml_text(part_xml(data, "footer"))
    assert header == banner
    assert footer.startswith("Page 1 of 1") and footer.endswith(banner)
    footer_xml = part_xml(data, "footer")
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml

    paragraphs = body_paragraphs(data)
    marked = [p for p in paragraphs if ANY_PORTION.match(p)]
    if portion:
        assert any(p.startswith(f"({portion}) ") for p in paragraphs)
        assert all(p.startswith(f"({portion}) ") for p in marked)
    else:
        assert marked == []

    body = part_xml(data, "document")
    assert f'w:w="{width}"' in re.search(r"<w:pgSz [^>]*>", body).group(0)
    assert "{{" not in body and "{%" not in body


@pytest.mark.parametrize("office", [o for o in OFFICES])
def test_native_names_use_the_profiles_font_for_their_script(unmarked_sample, office):
    fonts = script_fonts(find_office(office))
    for template, natives in sorted(NAMES_PARTICIPANTS.items()):
        body = part_xml(render(unmarked_sample, template, office), "document")
        for native in natives:
            lang = {"石破茂": "ja-JP", "이재명": "ko-KR"}[native]
            run = re.search(r"<w:r>(?:(?!<w:r>).)*?>" + native + "</w:t>", body)
            assert run, f"{template}: {native} missing"
            assert f'w:eastAsia="{fonts[lang]}"' in run.group(0), template
            assert f'<w:lang w:eastAsia="{lang}"/>' in run.group(0), template


def test_the_think_tank_prints_its_logo_and_no_marking(unmarked_sample):
    data = render(unmarked_sample, "briefing-note", "think-tank")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert any(n.startswith("word/media/") for n in z.namelist())
    assert "<w:drawing>" in part_xml(data, "document")
    assert "Asia Programme · Research Briefing" in body_text(data)
    assert xml_text(part_xml(data, "header")) == ""


def test_a_briefing_marking_overrides_the_profiles(sample):
    data = render(sample.model_copy(update={"marking": Marking(
        classification="confidential", caveats="noforn")}), "talking-points", "us-embassy")
    assert xml_text(part_xml(data, "header")) == "CONFIDENTIAL//NOFORN"
    assert any(p.startswith("(C) ") for p in body_paragraphs(data))


def test_profiles_date_style_reaches_the_documents(unmarked_sample):
    assert "23 August 2025" in body_text(render(unmarked_sample, "one-pager", "uk-fcdo-desk"))
    assert "August 23, 2025" in body_text(render(unmarked_sample, "one-pager", "us-embassy"))
    assert "2025-08-23" in body_text(render(unmarked_sample, "one-pager", "ca-global-affairs"))


def test_topic_briefs_keep_to_their_category(unmarked_sample):
    trade = body_text(render(unmarked_sample, "topic-brief-trade", "default"))
    security = body_text(render(unmarked_sample, "topic-brief-security", "default"))
    assert "Trade and US tariffs" in trade and "Security cooperation" not in trade
    assert "15%" in trade and "80,000 US troops" not in trade
    assert "Security cooperation and the US alliance" in security and "Trade and US" not in security
    assert "80,000 US troops" in security


def test_a_topic_brief_without_its_category_says_so(unmarked_sample):
    no_trade = unmarked_sample.model_copy(update={
        "topics": [t for t in unmarked_sample.topics if t.category != "trade"]})
    text = body_text(render(no_trade, "topic-brief-trade", "default"))
    assert "This briefing has no trade topics." in text
    assert "BOTTOM LINE" not in text.upper().split("NO TRADE TOPICS")[1]


def test_the_readout_groups_participants_by_side(unmarked_sample):
    text = body_text(render(unmarked_sample, "meeting-readout", "default"))
    japan, korea = text.index("\nJapan\n"), text.index("\nSouth Korea\n")
    assert japan < text.index("Shigeru Ishiba (石破茂), Prime Minister, Japan") < korea
    assert korea < text.index("Lee Jae Myung (이재명), President, South Korea")
    assert "Japan and South Korea agreed on the following:" in text


def test_talking_points_keep_the_top_points_and_say_what_they_left_out(unmarked_sample):
    many = unmarked_sample.model_copy(update={"topics": unmarked_sample.topics * 2})
    doc = Document(io.BytesIO(render(many, "talking-points", "default")))
    titles = [p.text for p in doc.paragraphs if p.style.name == "Heading 3"]
    assert titles == [t.title for t in many.topics[:5]]
    raised = [p.text for p in doc.paragraphs if p.style.name == "List Bullet" and ". On " in p.text]
    assert raised == ["Security cooperation and the US alliance. On host-nation support for US "
                      "forces: each country settles its arrangements with Washington bilaterally.",
                      "Historical issues and domestic politics. On Yasukuni: visits by individual "
                      "officials do not change the government\u2019s position on history.",
                      "Trade and US tariffs. On a joint approach to Washington: coordination, not a "
                      "common negotiating position."]
    more = doc.paragraphs[-1].text
    # 12 topics with 16 talking points, 6 of them printed (the first 5 topics have 3+1+1+1+1,
    # two at most each); 6 "if raised" points, one each for the first 3 topics that have one
    assert more == ("More in the briefing memo: 10 further points to make, 7 more topics and "
                    "3 \u201cif raised\u201d points.")


def test_talking_points_print_no_empty_section(unmarked_sample):
    sparse = unmarked_sample.model_copy(update={
        "topics": [t.model_copy(update={"talking_points": [], "if_raised": []})
                   for t in unmarked_sample.topics]})
    text = body_text(render(sparse, "talking-points", "default"))
    assert "POINTS TO MAKE" not in text and "IF RAISED" not in text and "More in" not in text
    assert "BACKGROUND" in text


def test_the_one_pager_lists_at_most_three_objectives(unmarked_sample):
    doc = Document(io.BytesIO(render(unmarked_sample, "one-pager", "default")))
    numbered = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    assert numbered == [typeset(o) for o in unmarked_sample.objectives[:3]]


# --- what each template is for ------------------------------------------------------

ADVICE = ("Use the summit to lock in", "To reaffirm trilateral", "Welcome President Lee",
          "On Yasukuni", "Show voters at home", "Washington may press")


def test_the_readout_reports_the_meeting_and_never_the_advice(unmarked_sample):
    text = body_text(render(unmarked_sample, "meeting-readout", "us-embassy"))
    for advice in ADVICE:
        assert advice not in text
    assert "(SBU) Summit: Prime Minister Shigeru Ishiba and President Lee Jae Myung" in text
    assert "August 23, 2025, time not recorded, Tokyo" in text
    assert "(SBU) Prime Minister Shigeru Ishiba said (joint press conference): \u201cAs the" in text
    assert "(SBU) Resume shuttle diplomacy between the leaders\n" in text
    timed = unmarked_sample.model_copy(deep=True)
    timed.meeting.time = "14:00\u201315:30 JST"
    assert "August 23, 2025, 14:00\u201315:30 JST, Tokyo" in body_text(
        render(timed, "meeting-readout", "us-embassy"))


def test_the_memo_puts_the_detail_behind_it_as_tabs(unmarked_sample):
    doc = Document(io.BytesIO(render(unmarked_sample, "briefing-memo", "uk-fcdo-desk")))
    texts = [p.text for p in doc.paragraphs]
    assert ("Attachments: TAB A \u2013 Talking points; TAB B \u2013 Participant biographies; "
            "TAB C \u2013 Background and key figures") in texts
    tabs = [p for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert [p.text for p in tabs] == ["TAB A \u2013 TALKING POINTS",
                                      "TAB B \u2013 PARTICIPANT BIOGRAPHIES",
                                      "TAB C \u2013 BACKGROUND AND KEY FIGURES"]
    front = texts[:texts.index(tabs[0].text)]
    assert "Welcome President Lee\u2019s decision to make Tokyo his first foreign visit." not in front
    no_tabs = unmarked_sample.model_copy(update={"topics": [], "participants": [], "figures": [],
                                                 "quotes": []})
    text = body_text(render(no_tabs, "briefing-memo", "uk-fcdo-desk"))
    assert "Attachments" not in text and "TAB " not in text


def test_the_memo_names_shared_parties_once_and_footnotes_repeat_as_ibid(unmarked_sample):
    data = render(unmarked_sample, "briefing-memo", "default")
    text = body_text(data)
    assert "For Japan and South Korea to agree:" in text
    assert "(Japan and South Korea)" not in text
    notes = re.findall(r"<w:t xml:space=\"preserve\"> ([^<]*)</w:t>", part_xml(data, "footnotes"))
    assert notes[0].startswith("News report on the Ishiba-Lee summit") and set(notes[1:]) == {"Ibid."}


def test_the_one_pager_lists_tabs_only_when_there_are_some(unmarked_sample):
    text = body_text(render(unmarked_sample, "one-pager", "default"))
    assert "Attachments: TAB A \u2013 Talking points; TAB B \u2013 Participant biographies" in text
    bare = unmarked_sample.model_copy(update={"topics": [], "participants": [], "figures": []})
    assert "TAB" not in body_text(render(bare, "one-pager", "default"))


def test_the_scene_setter_lists_only_the_people_the_principal_will_meet(unmarked_sample):
    doc = Document(io.BytesIO(render(unmarked_sample, "scene-setter", "default")))
    people = [p.text for p in doc.paragraphs if p.style.name == "Heading 3"]
    assert people == ["Lee Jae Myung (\uc774\uc7ac\uba85), President, South Korea"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "SUMMARY" in text
    assert "SUMMARY" not in body_text(render(unmarked_sample.model_copy(update={"summary": ""}),
                                             "scene-setter", "default"))


def test_topic_briefs_state_our_position_and_the_topics_own_counterpart_aims(unmarked_sample):
    text = body_text(render(unmarked_sample, "topic-brief-trade", "default"))
    positions = text[text.index("POSITIONS"):text.index("RISKS")]
    assert "Our position\nTo compare notes on US tariffs" in positions
    assert "What the other side wants\nLine up with Japan before negotiating tariffs" in positions
    assert "Show voters at home" not in positions


def test_bios_mark_the_subject_and_say_when_nobody_is_named(unmarked_sample):
    text = body_text(render(unmarked_sample, "participant-bios", "us-embassy"))
    assert "(SBU) Your summit with President Lee Jae Myung, Tokyo, August 23, 2025" in text
    nobody = unmarked_sample.model_copy(update={"participants": [], "mentioned": []})
    assert "This briefing names no participants yet." in body_text(
        render(nobody, "participant-bios", "us-embassy"))


@pytest.mark.parametrize("template", TEMPLATES)
def test_headings_subjects_and_tables_carry_portion_marks(unmarked_sample, template):
    doc = Document(io.BytesIO(render(unmarked_sample, template, "us-embassy")))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings and all(h.startswith("(SBU) ") for h in headings), headings
    grids = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert all(t.cell(0, 0).text.startswith("(SBU) ") for t in grids)
    plain = Document(io.BytesIO(render(unmarked_sample, template, "uk-fcdo-desk")))
    assert not [p.text for p in plain.paragraphs if ANY_PORTION.match(p.text)]


@pytest.mark.parametrize("template", TEMPLATES)
def test_headings_step_down_in_size(template):
    styles = Document(str(find_template(template).path)).styles
    sizes = [styles[name].font.size.pt for name in ("Title", "Heading 1", "Heading 2", "Heading 3")]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == 4 and sizes[-1] >= 12
    assert all(styles[name].paragraph_format.keep_with_next
               for name in ("Heading 1", "Heading 2", "Heading 3"))


@pytest.mark.parametrize("template", TEMPLATES)
def test_an_empty_briefing_prints_no_empty_section(template):
    data = render(empty(), template, "us-embassy")
    doc = Document(io.BytesIO(data))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    expected = {"briefing-note": ["(SBU) PURPOSE"]}.get(template, [])
    assert headings == expected
    assert "Call with the Foreign Minister of Norway" in body_text(data)


@pytest.mark.parametrize("template", TEMPLATES)
def test_one_date_style_per_document(unmarked_sample, template):
    text = body_text(render(unmarked_sample, template, "uk-fcdo-desk"))
    assert not re.search(r"(January|February|March|April|May|June|July|August|September|"
                         r"October|November|December) \d{1,2}\b", text)
    assert '"' not in text and "'" not in text


def test_a_summary_with_a_list_keeps_the_points_after_it_in_their_own_paragraph():
    doc = Document(io.BytesIO(render(STRESS["large"](), "scene-setter", "uk-fcdo-desk")))
    rows = [(p.style.name, p.text) for p in doc.paragraphs]
    start = next(i for i, (_, text) in enumerate(rows) if text.startswith("Port security"))
    assert [style for style, _ in rows[start:start + 5]] == [
        "List Number", "List Bullet", "List Bullet", "List Bullet", "List Continue"]
    assert rows[start + 3][1] == "Question three: how the public is told"


@pytest.mark.parametrize("template", ["briefing-memo", "meeting-readout", "scene-setter"])
def test_the_clearance_block_keeps_with_the_last_section(unmarked_sample, template):
    doc = Document(io.BytesIO(render(unmarked_sample, template, "default")))
    block = next(t for t in doc.tables if t.cell(0, 0).text.startswith("Drafted by:"))
    assert block.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    before = [p for p in doc.paragraphs if p._p in list(block._tbl.itersiblings(preceding=True))]
    last = next(p for p in reversed(before) if p.text.strip())
    assert last.paragraph_format.keep_with_next, last.text


def test_trimmed_lists_say_what_they_left_out():
    briefing = STRESS["large"]()
    note = body_text(render(briefing, "briefing-note", "uk-fcdo-desk"))
    assert "Also on the agenda: Wartime archives and apologies; Undersea cables and data;" in note
    assert "2 more in the briefing memo." in note            # 5 aims, 3 printed
    assert "3 further objectives in the briefing memo." in note  # 6 objectives, 3 printed
    assert "Then 4 further steps, the last on 10 August 2026." in note
    memo = body_text(render(briefing, "briefing-memo", "uk-fcdo-desk"))
    assert "Also in the background tab: The neighbouring conflict; Coalition politics" in memo
    readout = body_text(render(briefing, "meeting-readout", "uk-fcdo-desk"))
    assert "work-plan item 1 by the summit, by 30 June 2026\n" in readout  # deadline, office style
    one_pager = body_text(render(briefing, "one-pager", "uk-fcdo-desk"))
    assert "Leila Rahimi (Legal Adviser, Nigeria); and 2 others." in one_pager


# --- length budgets, in LibreOffice ----------------------------------------------

# template: (pages, briefings); the memo's budget is its front section.  The
# large briefing's memo keeps every objective, aim and deliverable up front
# and runs to three front pages: its two-page budget is held for the others.
STRESSED = ("sample", "large", "non_latin", "g7")
BUDGETS = {"talking-points": (1, STRESSED), "one-pager": (1, STRESSED),
           "briefing-note": (2, STRESSED), "briefing-memo": (2, ("sample", "non_latin", "g7"))}


def front_section(data: bytes) -> bytes:
    """The document up to its first page break (a memo without its tabs)."""
    doc = Document(io.BytesIO(data))
    body = doc.element.body
    first = next(p for p in doc.paragraphs if p.paragraph_format.page_break_before)._p
    for element in list(body)[list(body).index(first):]:
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def budget_pdfs(tmp_path_factory):
    """Every budgeted template with every profile and briefing, converted in one
    LibreOffice run."""
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    from briefgen.briefing_io import load_briefing
    from briefgen.resources import sample_briefing_path

    sample, _ = load_briefing(sample_briefing_path())
    briefings = {"sample": sample, **{name: make() for name, make in STRESS.items()}}
    folder = tmp_path_factory.mktemp("budgets")
    docs = []
    for template, (_, names) in BUDGETS.items():
        for name in names:
            briefing = briefings[name].model_copy(update={"marking": Marking()})
            for office in OFFICES:
                data = render(briefing, template, office)
                if template == "briefing-memo":
                    data = front_section(data)
                path = folder / f"{template}__{name}__{office}.docx"
                path.write_bytes(data)
                docs.append(str(path))
    profile = (folder / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folder), *docs], check=True, capture_output=True,
                   timeout=600)
    return folder


@pytest.mark.soffice
@pytest.mark.parametrize("office", OFFICES)
@pytest.mark.parametrize("template, briefing", [(t, name) for t, (_, names) in BUDGETS.items()
                                                for name in names])
def test_length_budgets_hold(budget_pdfs, template, briefing, office):
    pdf = Path(budget_pdfs) / f"{template}__{briefing}__{office}.pdf"
    assert pdf_page_count(pdf) <= BUDGETS[template][0]
