"""Reading zip packages (.docx) within limits, before anything inflates them.

python-docx, docxtpl and mammoth open packages themselves and trust the zip's
sizes; :func:`read_package` checks the central directory first (member count,
total declared size, compression ratio and method) and then inflates every
member in small steps, so a zip bomb or a damaged package is one line before
they see it.  Python's zipfile stops at a member's declared size (and then
checks its CRC), so the declared sizes bound the memory used; but its
``read()`` inflates the whole stream first, so the libraries get a
:func:`repack`-ed package whose streams are exactly what was checked.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from briefgen.errors import BriefgenError, InputError, OutputError

MAX_FILE = 50_000_000           # a package on disk
MAX_MEMBERS = 2000
MAX_TOTAL = 150_000_000          # declared uncompressed bytes of all members
MAX_XML = 32_000_000             # one XML part (lxml needs several times this)
MAX_RATIO = 200                  # uncompressed / compressed, for members over RATIO_FROM
RATIO_FROM = 1_000_000
CHUNK = 1 << 16
METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}     # all that Word writes
_PACKED = (".png", ".jpg", ".jpeg", ".gif", ".zip", ".xlsx")   # compressed already
_HINT = "save it again from Word as .docx"
_BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
           RuntimeError, IndexError, KeyError, OverflowError)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB"


def read_package(data: bytes, where: object, *,
                 error: type[BriefgenError] = InputError) -> dict[str, bytes]:
    """Every member of the zip *data* by name; raise *error* (located at *where*)
    for a package that is damaged or would unpack beyond the limits."""
    archive, fail = _checked(data, where, error)
    parts: dict[str, bytes] = {}
    for info in archive.infolist():
        try:
            parts[info.filename] = _inflate(archive, info)
        except _BROKEN as exc:
            raise fail(f"{info.filename}: the package is damaged ({exc})") from exc
    return parts


def check_package(data: bytes, where: object, *,
                  error: type[BriefgenError] = InputError) -> None:
    """Raise as :func:`read_package` would for the zip *data*, from its directory alone."""
    _checked(data, where, error)


def _checked(data: bytes, where: object, error: type[BriefgenError]):
    """The zip *data* opened, its directory checked against the limits; and the
    function that makes its errors."""
    def fail(message: str, hint: str = _HINT) -> BriefgenError:
        return error(message, file=where, hint=hint)

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _BROKEN as exc:
        raise fail(f"not a Word document (not a readable zip package: {exc})",
                   "save it from Word as .docx") from exc
    if len(infos) > MAX_MEMBERS:
        raise fail(f"the package holds {len(infos)} parts, more than {MAX_MEMBERS} "
                   "(a zip bomb?)")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        raise fail(f"the package would unpack to {_mb(total)}, more than {_mb(MAX_TOTAL)} "
                   "(a zip bomb?)", "remove large pictures or embedded files, or save it "
                   "again from Word")
    seen: set[str] = set()
    for info in infos:
        _check_member(info, seen, fail)
    return archive, fail


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One member, inflated in small steps: ``ZipFile.read`` would inflate a whole
    member's stream at once (up to 2 GB) before cutting it to the declared size."""
    chunks = []
    with archive.open(info) as handle:
        while chunk := handle.read(CHUNK):
            chunks.append(chunk)
    return b"".join(chunks)


def repack(parts: dict[str, bytes]) -> bytes:
    """A fresh package of *parts*, for python-docx, docxtpl, mammoth and LibreOffice:
    they inflate members whole, so they get one whose streams say what they hold."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            packed = name.lower().endswith(_PACKED)
            archive.writestr(name, data, zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _check_member(info: zipfile.ZipInfo, seen: set[str], fail) -> None:
    name = info.filename
    if name.lower() in seen:
        raise fail(f"{name}: the package holds this part twice (a crafted file?)")
    seen.add(name.lower())
    if info.compress_type not in METHODS:
        raise fail(f"{name}: compressed with a method Word does not use "
                   f"({info.compress_type})")
    if info.flag_bits & 0x1:
        raise fail(f"{name}: the part is encrypted", "remove the password in Word, then "
                   "save it again")
    if name.lower().endswith((".xml", ".rels")) and info.file_size > MAX_XML:
        raise fail(f"{name}: the part would unpack to {_mb(info.file_size)}, more than "
                   f"{_mb(MAX_XML)}")
    if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise fail(f"{name}: the part would unpack {info.file_size // max(info.compress_size, 1)}"
                   f" times its size, more than {MAX_RATIO} (a zip bomb?)")


# --- writing -------------------------------------------------------------------

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_VERSION = 20                         # deflate, no ZIP64: what every reader takes
_DOS_DATE = 1 << 5 | 1               # 1980-01-01, 00:00: the same bytes for the same parts
_UTF8 = 0x800
_LIMIT = 0xFFFFFFFF
_DEFLATED: dict[bytes, tuple[int, bytes]] = {}
_DEFLATED_MAX = 256


def write_package(parts: dict[str, bytes]) -> bytes:
    """A zip package holding *parts* (name -> bytes, in order), each deflated.

    A part with the same bytes as one deflated before (a template's styles in
    every document rendered from it) reuses that stream, recalled by those
    bytes in memory only (Python keeps a bytes object's hash, so the same
    object is never read twice to find it)."""
    out = bytearray()
    central = []
    for name, data in parts.items():
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else _UTF8
        crc, packed = _deflate(data)
        if max(len(data), len(packed), len(out)) >= _LIMIT:
            raise OutputError("the document would be 4 GB or more", hint="make it smaller")
        sizes = (8, 0, _DOS_DATE, crc, len(packed), len(data), len(encoded))
        central.append(_CENTRAL.pack(0x02014B50, _VERSION, _VERSION, flags, *sizes, 0, 0, 0, 0,
                                     0, len(out)) + encoded)
        out += _LOCAL.pack(0x04034B50, _VERSION, flags, *sizes, 0) + encoded + packed
    start = len(out)
    for entry in central:
        out += entry
    out += _END.pack(0x06054B50, 0, 0, len(central), len(central), len(out) - start, start, 0)
    return bytes(out)


def _deflate(data: bytes) -> tuple[int, bytes]:
    """CRC-32 and raw deflate stream of *data* (zlib's default level, as zipfile's)."""
    key = bytes(data)       # (the object itself when it is bytes)
    found = _DEFLATED.get(key)
    if found is None:
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        found = zlib.crc32(data), compressor.compress(data) + compressor.flush()
        if len(_DEFLATED) >= _DEFLATED_MAX:
            _DEFLATED.clear()
        _DEFLATED[key] = found
    return found
