"""DOCX -> PDF through LibreOffice, when it is installed.

Each conversion runs ``soffice --headless --convert-to pdf`` with a profile of
its own in a temporary folder, so it works while the user has LibreOffice
open, and writes the PDF atomically: a failure leaves no half-written file.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

from briefgen import wordpolicy
from briefgen.errors import InputError, OutputError
from briefgen.files import atomic_write, read_bytes
from briefgen.safezip import MAX_FILE, read_package, repack
from briefgen.scripts import noto_substitutes

ENV_VAR = "BRIEFGEN_SOFFICE"
NOT_INSTALLED = ("LibreOffice is not installed: install it (e.g. apt install libreoffice-writer) "
                 "to export PDF")
_PROGRAMS = ("soffice", "libreoffice")


def _candidates() -> list[Path]:
    """Where LibreOffice lives when it is not on PATH."""
    if sys.platform == "darwin":
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    if sys.platform == "win32":
        roots = {os.environ.get(v) for v in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432")}
        return [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in roots if root]
    return [Path("/usr/bin/soffice"), Path("/usr/bin/libreoffice"),
            Path("/usr/lib/libreoffice/program/soffice"), Path("/opt/libreoffice/program/soffice"),
            Path("/snap/bin/libreoffice")]


def _runnable(path: str | Path) -> bool:
    return Path(path).is_file() and os.access(path, os.X_OK)


def find_soffice() -> str | None:
    """The LibreOffice program, or None.  ``$BRIEFGEN_SOFFICE`` overrides the search."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        found = shutil.which(override)
        return found if found and _runnable(found) else None
    for name in _PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    for path in _candidates():
        if _runnable(path):
            return str(path)
    return None


def soffice_for(pdf: str | Path) -> str:
    """LibreOffice's program, else an :class:`OutputError` that names *pdf* and says what to do."""
    soffice = find_soffice()
    if soffice is None:
        override = os.environ.get(ENV_VAR, "").strip()
        if override:
            raise OutputError(f"{ENV_VAR} is set to {override!r}, which is not a program",
                              file=pdf, hint="point it at LibreOffice's soffice or unset it")
        raise OutputError(NOT_INSTALLED, file=pdf, hint="or export .docx instead")
    return soffice


def docx_to_pdf(docx: str | Path, pdf: str | Path, *, timeout: float = 120) -> Path:
    """Convert *docx* to *pdf*; raise :class:`OutputError` saying what to do on failure."""
    docx, pdf = Path(docx), Path(pdf)
    if pdf.suffix.lower() != ".pdf":
        raise OutputError("the output must end in .pdf", file=pdf)
    if not docx.is_file():
        raise OutputError("no such document to convert", file=docx)
    soffice = soffice_for(pdf)
    data = _clean_document(docx, pdf)
    with tempfile.TemporaryDirectory(prefix="briefgen-pdf-") as tmp:
        work = Path(tmp)
        source = work / "in" / "document.docx"
        source.parent.mkdir()
        source.write_bytes(data)
        _offline_profile(work / "profile")
        outdir = work / "out"
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   "--headless", "--invisible", "--nologo", "--norestore", "--nolockcheck",
                   "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), str(source)]
        output = _run(command, timeout, pdf)
        result = outdir / "document.pdf"
        data = result.read_bytes() if result.is_file() else b""
        if not data.startswith(b"%PDF"):
            detail = " ".join(output.split())[-300:]
            raise OutputError(f"LibreOffice could not convert {docx.name} to PDF"
                              + (f": {detail}" if detail else ""), file=pdf,
                              hint="open the .docx in LibreOffice to see whether it is damaged")
        return atomic_write(pdf, data)


def _clean_document(docx: Path, pdf: Path) -> bytes:
    """The bytes to convert, bounded and refused if LibreOffice would load or run
    anything from outside (it fetches linked pictures and updates fields)."""
    try:
        data = read_bytes(docx, limit=MAX_FILE)
    except InputError as exc:
        raise exc.recast(OutputError) from exc
    parts = read_package(data, docx, error=OutputError)
    wordpolicy.enforce(parts, file=docx, subject="document", error=OutputError)
    return repack(parts)


# LibreOffice settings for the conversion's own profile: no macros, no link or
# field updates from outside, no update checks, crash reports or usage data.
OFFLINE_SETTINGS = (
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "int", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "boolean",
     "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks",
     "boolean", "true"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "int", "2"),
    ("/org.openoffice.Office.Common/Misc", "CollectUsageInformation", "boolean", "false"),
    ("/org.openoffice.Office.Common/Misc", "CrashReport", "boolean", "false"),
    ("/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments",
     "AutoCheckEnabled", "boolean", "false"),
)


def _offline_profile(profile: Path) -> None:
    """Write OFFLINE_SETTINGS where LibreOffice reads a profile's settings."""
    items = "".join(
        f'<item oor:path="{escape(path, quote=False)}"><prop oor:name="{name}" oor:op="fuse" '
        f'oor:type="xs:{kind}"><value>{value}</value></prop></item>\n'
        for path, name, kind, value in OFFLINE_SETTINGS) + _font_replacements()
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items '
        'xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n{items}</oor:items>\n',
        encoding="utf-8")


def _font_replacements() -> str:
    """Profile settings for LibreOffice's replacement table: Word's script fonts
    (Batang, SimSun, Traditional Arabic...) set in the installed Noto font of
    the same script and style, as the app's preview does."""
    path = "/org.openoffice.Office.Common/Font/Substitution"
    items = [f'<item oor:path="{path}"><prop oor:name="Replacement" oor:op="fuse">'
             "<value>true</value></prop></item>\n"]
    for number, (word, noto) in enumerate(noto_substitutes().items()):
        props = {"Always": "true", "OnScreenOnly": "false",
                 "ReplaceFont": escape(word, quote=False),
                 "SubstituteFont": escape(noto, quote=False)}
        items.append(f'<item oor:path="{path}/FontPairs"><node oor:name="_{number}" '
                     'oor:op="replace">' + "".join(
                         f'<prop oor:name="{k}" oor:op="fuse"><value>{v}</value></prop>'
                         for k, v in props.items()) + "</node></item>\n")
    return "".join(items)


def _run(command: list[str], timeout: float, pdf: Path) -> str:
    """Run LibreOffice in its own process group so a hung one can be stopped whole."""
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    except OSError as exc:
        raise OutputError(f"cannot start LibreOffice ({command[0]}): {exc.strerror or exc}",
                          file=pdf, hint="check the installation or set " + ENV_VAR) from exc
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill_group(process)
        process.communicate()
        raise OutputError(f"LibreOffice did not finish the PDF within {timeout:g} seconds",
                          file=pdf, hint="try again, or export .docx instead") from exc
    return out.decode("utf-8", "replace")


def _kill_group(process: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    except ProcessLookupError:
        pass


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_page_count(pdf: str | Path) -> int:
    """The number of pages of a PDF such as LibreOffice writes (uncompressed page objects)."""
    pdf = Path(pdf)
    try:
        data = pdf.read_bytes()
    except OSError as exc:
        raise OutputError(f"cannot read the PDF: {exc.strerror or exc}", file=pdf) from exc
    count = len(_PAGE.findall(data))
    if not data.startswith(b"%PDF") or count == 0:
        raise OutputError("not a PDF whose pages can be counted", file=pdf)
    return count
