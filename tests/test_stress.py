"""The stress briefings are what they claim, and every built-in template renders each."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx_helpers import body_text
from stress import STRESS, g7, large, non_latin

from briefgen.offices import find_office
from briefgen.render import render_briefing
from briefgen.templates import list_templates


def test_large_has_the_promised_size():
    briefing = large()
    assert len(briefing.participants) == 10 and len(briefing.topics) == 12
    assert all(len(t.points) == 6 and t.talking_points and t.if_raised and t.risks
               for t in briefing.topics)
    assert (len(briefing.figures), len(briefing.quotes)) == (30, 20)
    assert "\n- " in briefing.summary and "\n1. " in briefing.summary


def test_g7_is_a_summit_of_8_to_14_leaders_with_a_long_title():
    briefing = g7()
    assert 8 <= len(briefing.participants) <= 14 and len(briefing.title) > 255


@pytest.mark.parametrize("block", ["\u3040-\u30ff", "\uac00-\ud7af", "\u0600-\u06ff", "\u0590-\u05ff",
                                   "\u0e00-\u0e7f", "\u0900-\u097f"])
def test_non_latin_uses_every_script(block):
    names = "".join(p.native_name for p in non_latin().participants)
    assert re.search(f"[{block}]", names)


@pytest.mark.parametrize("name", sorted(STRESS))
def test_every_template_renders_every_stress_briefing(name):
    briefing = STRESS[name]()
    office = find_office("us-embassy")
    for template in list_templates():
        data = render_briefing(briefing, template, office)
        title = Document(io.BytesIO(data)).core_properties.title
        assert len(title) <= 255 and title.startswith(briefing.title[:40])
        if name == "non_latin" and template.name == "participant-bios":
            assert all(p.native_name in body_text(data) for p in briefing.participants)
