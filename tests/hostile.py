"""Building hostile Word packages and zip files in code (no binary blobs in the repo)."""

from __future__ import annotations

import html
import io
import re
import struct
import zipfile
import zlib

from docx import Document

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = f"{R}/"
MS_REL = "http://schemas.microsoft.com/office/2006/relationships/"
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      f'xmlns:r="{R}" xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')


def plain_template(text: str = "{{ title }}") -> bytes:
    """A small, harmless template: one paragraph with *text*."""
    doc = Document()
    doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def rebuild(data: bytes, parts: dict[str, bytes | str | None]) -> bytes:
    """*data* (a package) with *parts* replaced, added or (None) removed."""
    with zipfile.ZipFile(io.BytesIO(data)) as old:
        members = {name: old.read(name) for name in old.namelist()}
    for name, content in parts.items():
        if content is None:
            members.pop(name, None)
        else:
            members[name] = content.encode("utf-8") if isinstance(content, str) else content
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for name, content in members.items():
            new.writestr(name, content)
    return out.getvalue()


def read_part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def with_body(data: bytes, xml: str) -> bytes:
    """*data* with raw WordprocessingML *xml* added at the end of the body."""
    document = read_part(data, "word/document.xml")
    document = re.sub(r"<w:document ", f"<w:document {_missing_ns(document)}", document, count=1)
    at = document.rindex("<w:sectPr")
    return rebuild(data, {"word/document.xml": document[:at] + xml + document[at:]})


def _missing_ns(document: str) -> str:
    wanted = {"o": "urn:schemas-microsoft-com:office:office", "v": "urn:schemas-microsoft-com:vml"}
    return "".join(f'xmlns:{k}="{v}" ' for k, v in wanted.items() if f"xmlns:{k}=" not in document)


def with_relationship(data: bytes, rel_id: str, kind: str, target: str, *,
                      external: bool = True, rels: str = "word/_rels/document.xml.rels") -> bytes:
    """*data* with one more relationship in *rels* (created if absent)."""
    try:
        text = read_part(data, rels)
    except KeyError:
        text = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '</Relationships>')
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="{rel_id}" Type="{kind}" Target="{target}"{mode}/>'
    return rebuild(data, {rels: text.replace("</Relationships>", rel + "</Relationships>")})


def with_content_type(data: bytes, part: str, content_type: str) -> bytes:
    text = read_part(data, "[Content_Types].xml")
    text = re.sub(rf'<Override PartName="{re.escape(part)}"[^>]*/>', "", text)
    entry = f'<Override PartName="{part}" ContentType="{content_type}"/>'
    return rebuild(data, {"[Content_Types].xml": text.replace("</Types>", entry + "</Types>")})


def with_default_type(data: bytes, extension: str, content_type: str) -> bytes:
    text = read_part(data, "[Content_Types].xml")
    entry = f'<Default Extension="{extension}" ContentType="{content_type}"/>'
    return rebuild(data, {"[Content_Types].xml": text.replace("</Types>", entry + "</Types>")})


def paragraph(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def split_field(code: str, shown: str = "picture") -> str:
    """A complex field whose code Word split over three runs."""
    third = len(code) // 3
    pieces = [code[:third], code[third:2 * third], code[2 * third:]]
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{p}</w:instrText></w:r>'
                   for p in pieces)
    return paragraph('<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + runs
                     + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                     f'<w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def simple_field(code: str) -> str:
    return paragraph(f'<w:fldSimple w:instr="{html.escape(code)}"><w:r><w:t>x</w:t></w:r>'
                     '</w:fldSimple>')


def one_run_field(code: str) -> str:
    return paragraph('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
                     f'{html.escape(code, quote=False)}</w:instrText></w:r>'
                     '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def linked_picture(rel_id: str) -> str:
    """An inline picture whose blip is linked (r:link), not embedded."""
    return paragraph(
        '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/><wp:docPr id="99" name="px"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:nvPicPr><pic:cNvPr id="99" name="px"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:link="{rel_id}"/><a:stretch><a:fillRect/></a:stretch>'
        '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" cy="9525"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def billion_laughs(root: str = "w:footnotes") -> str:
    """An XML part whose entities would expand to about 3 GB."""
    entities = '<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [{entities}]>\n'
            f'<{root} {NS}><w:footnote w:id="1"><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
            f'</w:footnote></{root}>')


# --- zip files -----------------------------------------------------------------

def zip_bomb(size: int, *, name: str = "word/media/image1.png", base: bytes | None = None,
             with_crc: bool = True) -> bytes:
    """A package holding *base*'s members (if any) and one member that inflates to
    *size* zero bytes (under 4 GB), built without ever holding them: the deflate
    stream is one fully flushed 16 MB block repeated.  Without *with_crc* its CRC is
    left 0 (quicker, for bombs refused before they are inflated)."""
    chunk = 1 << 24
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(chunk)) + compressor.flush(zlib.Z_FULL_FLUSH)
    count, rest = divmod(size, chunk)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = block * count + tail.compress(bytes(rest)) + tail.flush()
    crc, zeros = 0, bytes(chunk)
    for _ in range(count if with_crc else 0):
        crc = zlib.crc32(zeros, crc)
    crc = zlib.crc32(bytes(rest), crc) if with_crc else 0
    members = []
    if base is not None:
        with zipfile.ZipFile(io.BytesIO(base)) as old:
            for member in old.namelist():
                content = old.read(member)
                packer = zlib.compressobj(6, zlib.DEFLATED, -15)
                members.append((member, packer.compress(content) + packer.flush(),
                                zlib.crc32(content), len(content)))
    members.append((name, stream, crc, size))
    return _zip(members)


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of deflated members given as (name, deflate stream, CRC, size)."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, stream, crc, size in members:
        encoded = name.encode("utf-8")
        offset = out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(stream),
                              size, len(encoded), 0) + encoded + stream)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc,
                                  len(stream), size, len(encoded), 0, 0, 0, 0, 0, offset)
                      + encoded)
    start = out.tell()
    out.write(central.getvalue())
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                          len(central.getvalue()), start, 0))
    return out.getvalue()


def many_members(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for number in range(count):
            z.writestr(f"word/media/{number}.bin", b"")
    return out.getvalue()


def lying_sizes(data: bytes, name: str, declared: int, *, crc: int | None = None) -> bytes:
    """*data* with *name*'s uncompressed size in the central directory (and the
    local header) set to *declared*, which is smaller than the real size, and
    its CRC (when given) set to match the first *declared* bytes."""
    raw = bytearray(data)
    encoded = name.encode("utf-8")
    central = raw.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46: central + 46 + name_len] == encoded:
            local = struct.unpack_from("<I", raw, central + 42)[0]
            struct.pack_into("<I", raw, central + 24, declared)
            struct.pack_into("<I", raw, local + 22, declared)
            if crc is not None:
                struct.pack_into("<I", raw, central + 16, crc)
                struct.pack_into("<I", raw, local + 14, crc)
            return bytes(raw)
        central = raw.find(b"PK\x01\x02", central + 4)
    raise ValueError(f"{name} not in the package")


def flip_a_bit(data: bytes, name: str) -> bytes:
    """*data* with one bit flipped inside *name*'s compressed bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw = bytearray(data)
    raw[start + min(info.compress_size // 2, 40)] ^= 0x10
    return bytes(raw)
