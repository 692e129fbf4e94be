"""The built-in template library with every shipped office profile.

Each template renders the bundled sample with each profile; the profile's
marking heads and foots every page, portion marks appear exactly when the
profile turns them on, the footer counts pages with fields, native names use
the profile's East Asian font, and the length budgets hold in LibreOffice.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx_helpers import body_text, part_xml, xml_text

from briefgen.convert import find_soffice, pdf_page_count
from briefgen.model import Marking
from briefgen.offices import find_office, list_offices
from briefgen.render import render_briefing
from briefgen.templates import find_template, list_templates

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
# Templates that name the participants (with their native names).
NAMES_PARTICIPANTS = {"briefing-memo", "meeting-readout", "scene-setter", "participant-bios",
                      "one-pager"}
ANY_PORTION = re.compile(r"^\((U|SBU|CUI|C|S|TS|O|OS|PA|PB)\) ")


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
def test_native_names_use_the_profiles_east_asian_font(unmarked_sample, office):
    font = find_office(office).east_asian_font
    for template in sorted(NAMES_PARTICIPANTS):
        body = part_xml(render(unmarked_sample, template, office), "document")
        for native in ("石破茂", "이재명"):
            run = re.search(r"<w:r>(?:(?!<w:r>).)*?>" + native + "</w:t>", body)
            assert run, f"{template}: {native} missing"
            assert f'w:eastAsia="{font}"' in run.group(0), template


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
    assert "The sides agreed to:" in text


def test_talking_points_keep_to_six_topics_with_if_raised_block(unmarked_sample):
    many = unmarked_sample.model_copy(update={"topics": unmarked_sample.topics * 2})
    doc = Document(io.BytesIO(render(many, "talking-points", "default")))
    titles = [p.text for p in doc.paragraphs
              if p.runs and all(r.bold for r in p.runs if r.text.strip()) and p.style.name == "Normal"]
    assert len(titles) == 6
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "If Raised" in text and "On Yasukuni:" in text


def test_the_one_pager_lists_at_most_three_objectives(unmarked_sample):
    doc = Document(io.BytesIO(render(unmarked_sample, "one-pager", "default")))
    numbered = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    assert numbered == unmarked_sample.objectives[:3]


# --- length budgets, in LibreOffice ----------------------------------------------

BUDGETS = {"talking-points": 1, "one-pager": 1, "briefing-note": 2}


@pytest.fixture(scope="module")
def budget_pdfs(tmp_path_factory):
    """Every budgeted template with every profile, converted in one LibreOffice run."""
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    from briefgen.briefing_io import load_briefing
    from briefgen.resources import sample_briefing_path

    sample, _ = load_briefing(sample_briefing_path())
    sample = sample.model_copy(update={"marking": Marking()})
    folder = tmp_path_factory.mktemp("budgets")
    docs = []
    for template in BUDGETS:
        for office in OFFICES:
            path = folder / f"{template}__{office}.docx"
            path.write_bytes(render(sample, template, office))
            docs.append(str(path))
    profile = (folder / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folder), *docs], check=True, capture_output=True,
                   timeout=300)
    return folder


@pytest.mark.soffice
@pytest.mark.parametrize("office", OFFICES)
@pytest.mark.parametrize("template", BUDGETS)
def test_length_budgets_hold_for_the_sample(budget_pdfs, template, office):
    pdf = Path(budget_pdfs) / f"{template}__{office}.pdf"
    assert pdf_page_count(pdf) <= BUDGETS[template]
