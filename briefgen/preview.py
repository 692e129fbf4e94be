"""A rendered .docx as HTML (mammoth), for the desktop app's live preview.

The preview is converted from the same bytes an export writes, so what the
user sees is what the document contains.  No Qt here.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field

from briefgen import wordpolicy
from briefgen.errors import OutputError
from briefgen.safezip import read_package, repack

# Paragraph styles of the built-in templates that mammoth does not know.
STYLE_MAP = """
p[style-name='Title'] => h1.title:fresh
p[style-name='Subtitle'] => p.subtitle:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
p[style-name='Small'] => p.small:fresh
p[style-name='Banner'] => p.banner:fresh
p[style-name='Caption'] => p.small:fresh
"""

CSS = """
body { font-family: %(fonts)s; font-size: 11pt; margin: 12px; }
h1 { font-size: 14pt; margin: 14px 0 4px 0; }
h1.title { font-size: 17pt; text-align: center; }
h2 { font-size: 12.5pt; margin: 10px 0 3px 0; }
h3 { font-size: 11.5pt; margin: 8px 0 2px 0; }
p { margin: 3px 0; }
p.small { font-size: 9pt; }
p.banner { text-align: center; font-weight: bold; }
blockquote { margin: 4px 24px; font-style: italic; }
table { border-collapse: collapse; margin: 4px 0; }
td, th { padding: 2px 6px; vertical-align: top; }
"""


@dataclass(frozen=True)
class PreviewHtml:
    """The HTML of a document and mammoth's notes on what it could not show."""

    html: str
    messages: list[str] = field(default_factory=list)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def document_fonts(data: bytes) -> list[str]:
    """The Latin and East Asian fonts of the document's Normal text (as the office profile
    set them), then the fonts of its runs in other scripts (Hangul, Arabic, Thai...), for
    the preview to show the same letters; [] if it names none."""
    import zipfile

    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            styles = etree.fromstring(package.read("word/styles.xml"))
            body = etree.fromstring(package.read("word/document.xml"))
    except (KeyError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return []
    found: dict[str, str] = {}
    for path in (f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts",
                 f"{W}style[@{W}styleId='Normal']/{W}rPr/{W}rFonts"):
        for fonts in styles.iterfind(path):
            for attr in ("ascii", "eastAsia"):
                if fonts.get(W + attr):
                    found[attr] = fonts.get(W + attr)
    named = [found[a] for a in ("ascii", "eastAsia") if a in found]
    for fonts in body.iter(f"{W}rFonts"):
        slot = fonts.get(W + "hint")  # briefgen marks the runs it set in a script's font
        if slot in ("eastAsia", "cs") and fonts.get(W + slot):
            named.append(fonts.get(W + slot))
    return list(dict.fromkeys(named))


def _font_family(fonts: list[str]) -> str:
    """CSS font-family: each font, then the Noto font a PDF sets it in when it is missing."""
    from briefgen.scripts import noto_substitutes

    substitutes = noto_substitutes()
    chain = [name for font in fonts for name in (font, substitutes.get(font)) if name]
    return ", ".join([f"'{f}'" for f in dict.fromkeys(chain) if "'" not in f] + ["serif"])


def docx_to_html(data: bytes) -> PreviewHtml:
    """Convert *data* (a .docx) to a full HTML page in the document's own fonts; raise
    OutputError if unreadable or if it holds anything the Word content policy refuses
    (mammoth would follow it)."""
    import mammoth

    parts = read_package(data, "preview", error=OutputError)
    wordpolicy.enforce(parts, file="preview", subject="document", error=OutputError)
    data = repack(parts)
    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP)
    except Exception as exc:  # mammoth raises zipfile/KeyError/... for a broken package
        raise OutputError(f"cannot show the document ({type(exc).__name__}: {exc})",
                          file="preview") from exc
    css = CSS % {"fonts": _font_family(document_fonts(data) or ["Times New Roman"])}
    page = f"<html><head><style>{css}</style></head><body>{result.value}</body></html>"
    return PreviewHtml(page, [m.message for m in result.messages])


def message_html(title: str, lines: list[str]) -> str:
    """A page that shows a problem (template error, missing fields) in the preview pane."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (f"<html><body style='margin:16px'><h3 style='color:#b00020'>{html.escape(title)}</h3>"
            f"<ul>{items}</ul></body></html>")
