"""E-mailed cables: .eml built with the standard library; .msg through extract-msg.

No .msg file can be made here without Outlook (extract-msg only reads them), so
the .msg tests cover the "needs extract-msg" message and the mapping of an
extract-msg message, given as a stand-in object at that boundary.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from email.message import EmailMessage
from email.utils import format_datetime

import pytest

from briefgen.errors import SourceError
from briefgen.importing import import_sources

STORY = ("TOKYO (Wire) — Japanese Prime Minister Ishiba Shigeru met South Korean President "
         "Lee Jae-myung in Tokyo on Saturday. The two leaders agreed to strengthen "
         "cooperation on security and trade.")
QUOTE = '"We concurred that cooperation is crucial," Lee said.'
SENT = dt.datetime(2025, 8, 24, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _message(plain: str | None, html: str | None = None, **attachments: bytes) -> bytes:
    message = EmailMessage()
    message["From"] = "Desk Officer <desk@example.org>"
    message["To"] = "team@example.org"
    message["Subject"] = "Fwd: Ishiba and Lee meet in Tokyo"
    message["Date"] = format_datetime(SENT)
    if plain is not None:
        message.set_content(plain)
        if html is not None:
            message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    for name, content in attachments.items():
        filename = name.replace("_", ".")
        kind = "text/plain" if filename.endswith(".txt") else "application/octet-stream"
        message.add_attachment(content, maintype=kind.split("/")[0],
                               subtype=kind.split("/")[1], filename=filename)
    return bytes(message)


FORWARDED = f"""FYI, see below.

---------- Forwarded message ---------
From: Wire Desk <wire@example.org>
Date: Sun, 24 Aug 2025
Subject: Ishiba and Lee meet in Tokyo
To: desk@example.org

{STORY}

{QUOTE}

-- 
Desk Officer, Northeast Asia
"""
READOUT = ("Readout of the Foreign Ministers' Meeting\n\n"
           "Foreign Minister Iwaya Takeshi met Foreign Minister Cho Hyun in Tokyo on Friday. "
           "The two ministers agreed to resume security talks.\n").encode("utf-8")


def _import(tmp_path, raw: bytes, name: str = "cable.eml"):
    path = tmp_path / name
    path.write_bytes(raw)
    return path, import_sources([path])


def test_the_plain_body_subject_and_date_become_the_article(tmp_path):
    html = "<html><body><p>A different HTML body that must not be read.</p></body></html>"
    _, result = _import(tmp_path, _message(FORWARDED, html))
    b = result.briefing
    assert b.title == "Ishiba and Lee meet in Tokyo"
    assert b.meeting.date == dt.date(2025, 8, 23)  # "Saturday" before the Sunday it was sent
    assert {p.name for p in b.participants} == {"Ishiba Shigeru", "Lee Jae-myung"}
    [source] = b.sources
    assert (source.file, source.published) == ("cable.eml", dt.date(2025, 8, 24))
    assert "Desk Officer" not in b.model_dump_json() and "Forwarded" not in b.summary


def test_an_html_only_message_is_read_through_the_web_page_path(tmp_path):
    html = (f"<html><body><p>{STORY}</p><p>{QUOTE}</p>"
            "<p>The leaders will meet again next year in Seoul, officials said.</p>"
            "</body></html>")
    _, result = _import(tmp_path, _message(None, html))
    assert result.briefing.title == "Ishiba and Lee meet in Tokyo"
    assert result.briefing.meeting.location == "Tokyo"


def test_attachments_of_supported_types_are_imported_too(tmp_path):
    path, result = _import(tmp_path, _message(FORWARDED, readout_txt=READOUT,
                                              budget_xlsx=b"PK\x03\x04", logo_png=b"\x89PNG"))
    b = result.briefing
    assert [s.file for s in b.sources] == ["cable.eml", "cable.eml › readout.txt"]
    assert {"Iwaya Takeshi", "Cho Hyun"} <= {p.name for p in b.participants + b.mentioned}
    assert result.warnings == [f"{path} › budget.xlsx: attachment left out (briefgen does not "
                               "import '.xlsx' files)"]


def test_a_covering_note_keeps_the_subject_and_takes_the_facts_of_the_attachment(tmp_path):
    _, result = _import(tmp_path, _message("See attached.", readout_txt=READOUT))
    b = result.briefing
    assert b.title == "Ishiba and Lee meet in Tokyo"
    assert {p.name for p in b.participants + b.mentioned} == {"Iwaya Takeshi", "Cho Hyun"}
    assert b.meeting.date == dt.date(2025, 8, 22)  # the Friday before the message was sent


def test_a_message_with_nothing_to_import_says_so(tmp_path):
    path = tmp_path / "empty.eml"
    path.write_bytes(_message("", logo_png=b"\x89PNG"))
    with pytest.raises(SourceError) as info:
        import_sources([path])
    assert str(info.value) == (f"{path}: the message has no text and no attachment briefgen "
                               "can import (forward the article itself, or save it as a file)")


def test_msg_without_extract_msg_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "extract_msg", None)  # import extract_msg fails
    path = tmp_path / "cable.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(SourceError) as info:
        import_sources([path])
    assert str(info.value) == (
        f"{path}: reading Outlook .msg files needs the extract-msg package (install it "
        "(pip install 'briefgen[outlook]'), or save the message as .eml and import that)")


class _Attachment:
    def __init__(self, name, data):
        self.longFilename, self.data = name, data


class _Msg:
    """What extract-msg's openMsg returns, as far as briefgen reads it."""

    def __init__(self, **fields):
        self.subject, self.body, self.htmlBody = "RE: Ishiba and Lee meet", FORWARDED, None
        self.date, self.sender = SENT, "Desk Officer <desk@example.org>"
        self.attachments = [_Attachment("readout.txt", READOUT), _Attachment("inner.msg", self)]
        self.__dict__.update(fields)
        self.closed = False

    def close(self):
        self.closed = True


def _fake_extract_msg(monkeypatch, message=None, error=None):
    def open_msg(raw):
        if error:
            raise error
        return message

    monkeypatch.setitem(sys.modules, "extract_msg", types.SimpleNamespace(openMsg=open_msg))


def test_an_outlook_message_maps_like_an_eml(tmp_path, monkeypatch):
    message = _Msg()
    _fake_extract_msg(monkeypatch, message)
    _, result = _import(tmp_path, b"\xd0\xcf\x11\xe0 outlook", "cable.msg")
    b = result.briefing
    assert b.title == "Ishiba and Lee meet"
    assert [(s.file, s.published) for s in b.sources] == [
        ("cable.msg", dt.date(2025, 8, 24)), ("cable.msg › readout.txt", dt.date(2025, 8, 24))]
    assert message.closed


def test_an_outlook_message_with_an_html_body(tmp_path, monkeypatch):
    html = f"<html><body><p>{STORY}</p><p>{QUOTE}</p></body></html>".encode()
    _fake_extract_msg(monkeypatch, _Msg(body=None, htmlBody=html, attachments=[]))
    _, result = _import(tmp_path, b"\xd0\xcf\x11\xe0 outlook", "cable.msg")
    assert result.briefing.meeting.location == "Tokyo"


def test_a_damaged_outlook_message_is_refused(tmp_path, monkeypatch):
    _fake_extract_msg(monkeypatch, error=OSError("not an OLE2 structured storage file"))
    path = tmp_path / "cable.msg"
    path.write_bytes(b"junk")
    with pytest.raises(SourceError) as info:
        import_sources([path])
    assert str(info.value) == (f"{path}: not an Outlook message, or a damaged one (OSError) "
                               "(save it again from Outlook, or as .eml)")
