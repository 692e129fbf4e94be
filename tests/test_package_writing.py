"""Writing rendered packages: members in order, readable by every zip reader,
a repeated part's stream reused without ever mixing two parts."""

from __future__ import annotations

import io
import zipfile

import pytest

from briefgen.errors import TemplateError
from briefgen.safezip import check_package, read_package, write_package

PARTS = {
    "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
    "word/document.xml": b"<w:document>" + b"<w:p>text</w:p>" * 500 + b"</w:document>",
    "word/media/image1.png": bytes(range(256)) * 40,
    "word/\u00e9t\u00e9.xml": b"<x/>",
    "word/empty.xml": b"",
}


def test_a_written_package_reads_back_member_for_member_in_order():
    data = write_package(PARTS)
    assert list(read_package(data, "out.docx").items()) == list(PARTS.items())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())
        assert archive.getinfo("word/document.xml").compress_size < 1000
    check_package(data, "out.docx", error=TemplateError)


def test_the_same_parts_give_the_same_bytes_and_changed_parts_their_own():
    first = write_package(PARTS)
    assert write_package(dict(PARTS)) == first
    changed = {**PARTS, "word/document.xml": PARTS["word/document.xml"].replace(b"text", b"TEXT")}
    assert read_package(write_package(changed), "out.docx") == changed
    assert read_package(write_package(PARTS), "out.docx") == PARTS


def test_a_package_over_the_reading_limits_is_refused_like_a_read_one():
    many = {f"word/p{n}.xml": b"<x/>" for n in range(2001)}
    with pytest.raises(TemplateError, match="holds 2001 parts, more than 2000"):
        check_package(write_package(many), "out.docx", error=TemplateError)
