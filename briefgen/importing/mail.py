"""E-mailed cables and forwarded articles: ``.eml`` (standard library) and ``.msg``.

The body becomes a :class:`Document` (plain text preferred, else the HTML part
through the web-page reader), the subject its title and the date its
publication date; attachments are handed back for import in their own right.
Outlook ``.msg`` files need the optional extract-msg package.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from briefgen.errors import SourceError
from briefgen.importing.document import Document

_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg|tr)\s*:\s*)+", re.I)
# Lines a mail program puts above a forwarded message, and a signature's start.
_FORWARD_BANNER = re.compile(r"^\s*(-{2,}\s*(forwarded|original) message\s*-{2,}|"
                             r"begin forwarded message:|_{10,})\s*$", re.I)
_HEADER_LINE = re.compile(r"^\s*(from|sent|date|to|cc|subject)\s*:", re.I)
_SIGNATURE = re.compile(r"^-- ?$")
_MSG_HINT = "install it (pip install 'briefgen[outlook]'), or save the message as .eml and import that"


@dataclass
class Mail:
    """A message: its body as a Document (None when it holds no text) and its files."""

    document: Document | None
    attachments: list[tuple[str, bytes]] = field(default_factory=list)


def read_eml(raw: bytes, where: str) -> Mail:
    """An RFC 822 message (.eml) as saved by a mail program."""
    from email import policy
    from email.parser import BytesParser

    if not raw.strip():
        raise SourceError("the file is empty", file=where, kind="empty",
                          hint="choose a file that contains the article or data")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    if not message.keys():
        raise SourceError("not an e-mail message (no headers)", file=where,
                          hint="save the message from your mail program as .eml")
    plain, html = _body(message, "plain"), _body(message, "html")
    attachments = []
    for part in message.iter_attachments():
        content = part.get_payload(decode=True)
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            content = inner[0].as_bytes(policy=policy.default) if inner else b""
        name = part.get_filename() or ("message.eml" if part.get_content_type()
                                       == "message/rfc822" else "")
        if name and content:
            attachments.append((PurePath(name.replace("\\", "/")).name, content))
    date = message["date"].datetime if message["date"] and message["date"].datetime else None
    return Mail(_document(where, plain, html, subject=str(message["subject"] or ""),
                          sender=_name(message["from"]), sent=date),
                attachments)


def read_msg(raw: bytes, where: str) -> Mail:
    """An Outlook message (.msg), read with extract-msg when it is installed."""
    try:
        import extract_msg
    except ImportError:
        raise SourceError("reading Outlook .msg files needs the extract-msg package",
                          file=where, hint=_MSG_HINT) from None
    try:
        message = extract_msg.openMsg(raw)
    except Exception as exc:  # extract-msg and olefile raise many kinds of error
        raise SourceError(f"not an Outlook message, or a damaged one ({type(exc).__name__})",
                          file=where, hint="save it again from Outlook, or as .eml") from exc
    try:
        return mail_of_msg(message, where)
    finally:
        message.close()


def mail_of_msg(message, where: str) -> Mail:
    """Map an extract-msg message (subject, body, htmlBody, date, sender, attachments)."""
    html = message.htmlBody
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    attachments = []
    for attachment in message.attachments:
        name = getattr(attachment, "longFilename", None) or getattr(attachment, "shortFilename",
                                                                    None)
        content = attachment.data
        if name and isinstance(content, bytes) and content:
            attachments.append((PurePath(name.replace("\\", "/")).name, content))
    sent = message.date if isinstance(message.date, dt.datetime) else None
    return Mail(_document(where, message.body or "", html or "", subject=message.subject or "",
                          sender=_name(message.sender), sent=sent),
                attachments)


def _body(message, kind: str) -> str:
    part = message.get_body(preferencelist=(kind,))
    if part is None:
        return ""
    try:
        return part.get_content()
    except (LookupError, UnicodeDecodeError):  # an unknown or wrong charset
        return part.get_payload(decode=True).decode("utf-8", "replace")


def _document(where: str, plain: str, html: str, *, subject: str, sender: str,
              sent: dt.datetime | None) -> Document | None:
    """The body as a Document: the plain text if any, else the HTML; None if neither."""
    from briefgen.importing import readers

    plain = _without_forward_headers(plain)
    if plain.strip():
        document = readers.text_document(plain, where)
    elif html.strip():
        try:
            document = readers.html_document(html, where)
        except SourceError:
            text = readers.html_text(html)
            if not text.strip():
                return None
            document = readers.text_document(_without_forward_headers(text), where)
    else:
        return None
    if not document.blocks:
        return None
    document.title = _REPLY_PREFIX.sub("", " ".join(subject.split())) or document.title
    document.author = document.author or sender
    document.published = sent.date() if sent else document.published
    return document


def _without_forward_headers(text: str) -> str:
    """The message text without forwarding banners, their header lines and a signature."""
    kept: list[str] = []
    in_headers = False
    for line in text.splitlines():
        if _SIGNATURE.match(line):
            break
        if _FORWARD_BANNER.match(line):
            in_headers = True
            continue
        if in_headers and (_HEADER_LINE.match(line) or not line.strip()):
            continue
        in_headers = False
        kept.append(line)
    return "\n".join(kept)


def _name(address) -> str:
    """The display name in 'Kim Lee <kim@example.org>', else the address."""
    from email.utils import parseaddr

    name, email = parseaddr(str(address or ""))
    return name or email
