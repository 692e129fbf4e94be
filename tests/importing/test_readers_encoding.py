"""Text files in any common encoding: BOMs first, then UTF-8, then detection."""

from __future__ import annotations

import pytest

from briefgen.errors import SourceError
from briefgen.importing.encoding import SAMPLE_BYTES, decode_text

CASES = [
    ("utf-8", "Präsident Macron traf Bundeskanzler Scholz in Berlin.", "utf-8"),
    ("utf-8-sig", "Präsident Macron traf Bundeskanzler Scholz in Berlin.", "utf-8-sig"),
    ("utf-16", "Президент встретился с премьер-министром.", "utf-16"),
    ("cp1252", "Café ‘quoted’ – naïve Président, 5 €", "cp1252"),
    ("latin-1", "Der Präsident traf sich in Berlin mit dem Kanzler. Größe.", "cp1252"),
    ("shift_jis", "石破茂首相は東京で李在明大統領と会談した。両首脳は協力を確認した。", None),
    ("cp1251", "Президент России встретился с президентом Бразилии в Москве.", None),
    ("gbk", "习近平在北京同埃及总统塞西举行会谈。双方同意加强合作。", None),
    ("euc_kr", "윤석열 대통령은 서울에서 기시다 총리와 회담했다.", None),
]


@pytest.mark.parametrize("encoding, text, name", CASES, ids=[c[0] for c in CASES])
def test_text_is_decoded(encoding, text, name):
    decoded, used = decode_text(text.encode(encoding), where="a.txt")
    assert decoded.lstrip("\ufeff") == text
    if name:
        assert used == name


def test_a_long_file_is_detected_from_a_sample_that_ends_at_a_line_break():
    line = "石破茂首相は東京で李在明大統領と会談した。両首脳は協力を確認した。\n"
    text = line * (SAMPLE_BYTES // len(line.encode("shift_jis")) + 50)
    decoded, _ = decode_text(text.encode("shift_jis"), where="a.txt")
    assert decoded == text


def test_binary_data_is_refused():
    with pytest.raises(SourceError) as info:
        decode_text(bytes(range(1, 32)) * 40, where="a.txt")
    assert str(info.value) == ("a.txt: this looks like binary data, not text "
                               "(save the article as .txt, .md, .html or .docx)")
