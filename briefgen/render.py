"""Rendering a briefing with a template and an office profile into a .docx.

Data flows one way: ``Briefing`` + ``OfficeProfile`` -> template context ->
docxtpl (in the sandboxed environment of :mod:`briefgen.templating`), on the
template made ready for the office (:mod:`briefgen.prepare`) -> bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import jinja2
from lxml import etree
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from briefgen import __version__, docxxml, limits, wordpolicy
from briefgen.context import OFFICE_FIELDS, plain, record
from briefgen.errors import InputError, OutputError, TemplateError, TemplateSecurityError
from briefgen.files import atomic_write, read_bytes
from briefgen.markdown_runs import drop_emptied_hosts
from briefgen.model import Briefing, Routing
from briefgen.safezip import MAX_FILE, check_package, read_package, repack, write_package
from briefgen.sandbox import UnknownName
from briefgen.offices import OfficeProfile, logo_bytes
from briefgen.prepare import HouseStyle, PreparedTemplate, prepare, swap_part
from briefgen.scripts import script_fonts
from briefgen.templates import TemplateInfo, output_name
from briefgen.templating import Footnotes, environment, format_date, slug

PART_NAMES = {"document": "body", "header": "header", "footer": "footer",
              "footnotes": "footnotes", "endnotes": "endnotes"}


@dataclass(frozen=True)
class EffectiveMarking:
    """The marking a document carries: the briefing's, else the office's default."""

    classification: str
    caveats: str
    portion_marks: bool
    portion: str

    @property
    def banner(self) -> str:
        """``CONFIDENTIAL//NOFORN``; empty for unmarked documents."""
        if not self.classification:
            return ""
        return "//".join(p for p in (self.classification, self.caveats) if p).upper()

    @property
    def prefix(self) -> str:
        """The portion mark to put before a paragraph: ``(U) `` or nothing."""
        return f"({self.portion}) " if self.portion_marks and self.portion else ""


def effective_marking(briefing: Briefing, office: OfficeProfile) -> EffectiveMarking:
    marking = briefing.marking
    classification = (marking.classification or office.classification).strip().upper()
    caveats = (marking.caveats or office.caveats).strip().upper()
    portion_marks = office.portion_marks if marking.portion_marks is None else marking.portion_marks
    return EffectiveMarking(classification, caveats, bool(portion_marks and classification),
                            office.portion_for(classification) if classification else "")


def marking_warnings(briefing: Briefing, office: OfficeProfile) -> list[str]:
    """Why a briefing's own marking may surprise this office (it is kept, never changed)."""
    level = briefing.marking.classification.strip().upper()
    if level and not office.uses_level(level):
        levels = ", ".join(lvl.name for lvl in office.levels) or "none (unmarked)"
        return [f"the briefing is marked {level}, which office '{office.name}' does not use "
                f"(its levels: {levels}); the document keeps {level}"]
    return []


def merged_routing(briefing: Briefing, office: OfficeProfile) -> Routing:
    """The briefing's routing, with empty fields taken from the office's defaults."""
    routing = briefing.routing.model_copy(deep=True)
    defaults = office.routing
    for field in ("to", "through", "from_office", "from_name", "approver"):
        if not getattr(routing, field):
            setattr(routing, field, getattr(defaults, field))
    if not any(getattr(routing.drafter, f) for f in ("name", "office", "phone")):
        routing.drafter = defaults.drafter.model_copy()
    if not routing.clearances:
        routing.clearances = [c.model_copy() for c in defaults.clearances]
    return routing


def build_context(briefing: Briefing, office: OfficeProfile, template: TemplateInfo,
                  today: dt.date) -> dict[str, Any]:
    """Everything a template may use (listed in the README's authoring guide), as
    plain data: records, lists, strings, numbers and dates, never live objects."""
    facts = plain(briefing)
    context: dict[str, Any] = dict(facts)
    marking = effective_marking(briefing, office)
    context.update(
        briefing=facts,
        office=record("Office", **{name: getattr(office, name) for name in OFFICE_FIELDS}),
        marking=record("Marking", classification=marking.classification,
                       caveats=marking.caveats, portion_marks=marking.portion_marks,
                       portion=marking.portion, banner=marking.banner),
        pm=marking.prefix,
        today=plain(today),
        routing=plain(merged_routing(briefing, office)),
        template={"name": template.name, "title": template.title, "kind": template.kind},
        logo="",
        _footnotes=Footnotes(enabled=template.footnotes),
    )
    return context


RENDERED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
"""The document properties docxtpl renders as templates."""


class _SandboxedDocx(DocxTemplate):
    """docxtpl with errors that name the template, the part and the tag, on a
    document opened from a prepared template."""

    def __init__(self, prepared: PreparedTemplate, template_name: str) -> None:
        super().__init__(io.BytesIO(prepared.package))
        self.prepared = prepared
        self.template_name = template_name

    def init_docx(self, reload: bool = True) -> None:
        if not self.docx or (self.is_rendered and reload):      # as docxtpl does
            self.docx = self.prepared.document()
            self.is_rendered = False

    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml, super().patch_xml)

    def resolve_listing(self, xml: str) -> str:
        """docxtpl turns tabs, newlines, ``\\a`` and ``\\f`` in text into Word's; a
        part with none of them (most) is left as it is without three regex passes."""
        return super().resolve_listing(xml) if _LISTING.search(xml) else xml

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        with _errors_named(self.template_name, _part_label(part), src_xml):
            return super().render_xml_part(src_xml, part, context, jinja_env)

    def render_properties(self, context, jinja_env=None) -> None:
        """The template's own document properties, rendered and cut to Word's 255 characters."""
        props = self.docx.core_properties
        with _errors_named(self.template_name, "document properties", ""):
            for name in RENDERED_PROPERTIES:
                source = getattr(props, name)       # without "{" it holds no tag
                rendered = jinja_env.from_string(source).render(context) if "{" in source \
                    else source
                setattr(props, name, clip_property(rendered))


@contextlib.contextmanager
def _errors_named(template: str, part: str, src_xml: str) -> Iterator[None]:
    """Turn what rendering one part raises into a :class:`TemplateError` naming the
    template, the part and the tags of the paragraph where it was raised."""
    try:
        yield
    except limits.LimitError as exc:
        tag = _failing_tag(exc, src_xml)     # else say what went over the limit
        detail = f" ({exc.detail})" if exc.detail and not tag else ""
        raise TemplateError(f"the template went over {exc.limit}{detail}", file=template,
                            part=part, tag=tag, hint=LIMIT_HINT) from None
    except MemoryError as exc:
        raise TemplateError(f"the template went over the memory limit "
                            f"({limits.MEMORY_BYTES >> 20:,} MB)", file=template, part=part,
                            tag=_failing_tag(exc, src_xml), hint=LIMIT_HINT) from None
    except RecursionError as exc:
        raise TemplateError("the template went over the limit of nested calls", file=template,
                            part=part, tag=_failing_tag(exc, src_xml), hint=LIMIT_HINT) from None
    except jinja2.TemplateError as exc:
        raise _template_error(exc, template, part, src_xml) from exc
    except (TypeError, ValueError, AttributeError, LookupError, ArithmeticError) as exc:
        raise TemplateError(str(exc), file=template, part=part, tag=_failing_tag(exc, src_xml),
                            hint="check the tags' filters and arguments") from exc


LIMIT_HINT = "templates may only print briefing data; simplify the tag"
_LISTING = re.compile(r"[\t\n\a\f]")
_TAG_START = re.compile(r"\{[{%]")


def _failing_tag(exc: BaseException, src_xml: str) -> str | None:
    """``{{ '*' * 10**9 }}``: the tags of the paragraph where *exc* was raised."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return _paragraph_tags(src_xml, line)


def _paragraph_tags(src_xml: str, line: int | None) -> str | None:
    """The tags of the paragraph on *line* of the source Jinja compiled (docxtpl puts
    each paragraph on a line of its own), else its text; None when there is neither."""
    lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml).splitlines()
    if line is None or not 0 < line <= len(lines):
        return None
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", lines[line - 1])).split())
    found = _TAG_START.search(text)
    if found:
        text = text[found.start():text.rfind("}") + 1] or text[found.start():]
    return (text[:117] + "..." if len(text) > 120 else text) or None


_PATCH_CACHE: dict[str, str] = {}


def _patched(src_xml: str, patch) -> str:
    """docxtpl's tag clean-up is a pure function of the XML: keep its result in
    memory for batches (never on disk: nothing cached may change a later render)."""
    result = _PATCH_CACHE.get(src_xml)
    if result is None:
        result = patch(src_xml)
        if len(_PATCH_CACHE) > 64:
            _PATCH_CACHE.clear()
        _PATCH_CACHE[src_xml] = result
    return result


def _part_label(part: Any) -> str:
    name = str(getattr(part, "partname", "")).rsplit("/", 1)[-1]
    base = re.sub(r"\d*\.xml$", "", name)
    return PART_NAMES.get(base, base or "body")


def _template_error(exc: jinja2.TemplateError, template: str, part: str,
                    src_xml: str) -> TemplateError:
    """Jinja's exception as a :class:`TemplateError`, from its type and fields."""
    where = {"file": template, "part": part, "tag": _failing_tag(exc, src_xml)}
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return TemplateSecurityError(f"refused by the sandbox: {exc.message}", **where,
                                     hint="templates may only read briefing data")
    if isinstance(exc, UnknownName) and exc.owner is None:
        return TemplateError(f"unknown variable '{exc.name}'", **where,
                             hint="check its spelling; `briefgen check` lists the known names")
    if isinstance(exc, UnknownName) and isinstance(exc.name, str):
        return TemplateError(f"{exc.owner} has no field '{exc.name}'", **where,
                             hint="see `briefgen schema` for the field names")
    if isinstance(exc, UnknownName):
        return TemplateError(f"{exc.owner} has no element {exc.name!r}", **where,
                             hint="a briefing may have fewer; test the length first")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where["tag"] = _paragraph_tags(src_xml, exc.lineno)
        return TemplateError(f"syntax error: {exc.message}", **where,
                             hint="run `briefgen check` on the template for details")
    return TemplateError(exc.message or type(exc).__name__, **where)


@lru_cache(maxsize=32)
def _template_bytes(path: Path, mtime: float) -> tuple[bytes, tuple[wordpolicy.Finding, ...]]:
    parts = read_package(read_bytes(path, limit=MAX_FILE), path, error=TemplateError)
    return repack(parts), tuple(wordpolicy.scan(parts))


def _load(template: TemplateInfo) -> bytes:
    """The template's bytes, bounded and checked against the Word content policy."""
    try:
        data, findings = _template_bytes(template.path, template.path.stat().st_mtime)
        wordpolicy.refuse(findings, file=template.name)
        return data
    except InputError as exc:
        raise TemplateError(exc.message, **exc.fields()) from exc
    except OSError as exc:
        raise TemplateError(f"cannot read the template: {exc.strerror}",
                            file=template.path) from exc


def render_briefing(briefing: Briefing, template: TemplateInfo, office: OfficeProfile, *,
                    today: dt.date | None = None) -> bytes:
    """Render one document; raise :class:`TemplateError` naming template, part and tag."""
    today = today or dt.date.today()
    data = _load(template)
    try:
        prepared = prepare(data, HouseStyle.of(office))
        doc = _SandboxedDocx(prepared, template.name)
        doc.render_init()
    except Exception as exc:  # python-docx raises several kinds for a bad package
        raise TemplateError(f"not a Word document ({type(exc).__name__}: {exc})",
                            file=template.path, hint="save it from Word as .docx") from exc
    context = build_context(briefing, office, template, today)
    if office.logo is not None:
        context["logo"] = InlineImage(doc, io.BytesIO(logo_bytes(office.logo, office.path)),
                                      width=Mm(office.logo_width_mm))
    context["_footnotes"].start = docxxml.next_footnote_id(doc.docx)
    try:
        with limits.hard_limits(), limits.budget(), _errors_named(template.name, "body", ""):
            doc.render(context, jinja_env=environment(), autoescape=True)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"the filled-in document is not valid Word XML ({exc})",
                            file=template.name,
                            hint="run `briefgen check` on the template") from exc
    drop_emptied_hosts(doc.docx)
    notes = context["_footnotes"].notes
    for number, text in notes:
        docxxml.add_footnote(doc.docx, text, number, styles=False)
    swap_part(doc.docx, RT.STYLES, prepared.styles(bool(notes)))    # known once the notes are
    docxxml.style_sections(doc.docx, paper=office.paper, margin_mm=office.margin_mm)
    changed = [part for part in docxxml.xml_parts(doc.docx)
               if str(part.partname) not in prepared.finished]
    docxxml.apply_scripts(doc.docx, script_fonts(office), parts=changed)
    _set_properties(doc, briefing, office, template, context["marking"]["banner"])
    docxxml.finish_package(doc.docx, __version__, parts=changed)
    parts = docxxml.package_parts(doc.docx)      # the members, exactly as written
    data = write_package(parts)
    check_package(data, template.name, error=TemplateError)
    wordpolicy.enforce(parts, file=template.name, subject="rendered document")
    return data


def _set_properties(doc: DocxTemplate, briefing: Briefing, office: OfficeProfile,
                    template: TemplateInfo, banner: str) -> None:
    props = doc.docx.core_properties
    props.title = clip_property(briefing.title or template.title)
    props.subject = clip_property(template.title)
    props.author = clip_property(briefing.routing.drafter.name or briefing.routing.from_name
                                 or office.title)
    names = [p.name for p in briefing.participants]
    countries = sorted({p.country for p in briefing.participants if p.country})
    categories = sorted({t.category for t in briefing.topics})
    props.keywords = clip_property("; ".join(names + countries + categories))
    props.category = clip_property(banner)
    props.comments = clip_property(f"Generated by briefgen from template '{template.name}'")
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.last_modified_by = props.author


def clip_property(text: str, limit: int = 255) -> str:
    """*text* cut at a word to fit a core property (python-docx refuses longer ones)."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "\u2026"


def output_filename(briefing: Briefing, template: TemplateInfo, office: OfficeProfile) -> str:
    """The file name the template's manifest pattern gives for this briefing."""
    values = {
        "date": briefing.meeting.date.isoformat() if briefing.meeting.date else "undated",
        "title": briefing.title or "briefing",
        "slug": slug(briefing.title or "briefing") or "briefing",
        "template": template.name,
        "office": office.name,
        "long_date": format_date(briefing.meeting.date, office.date_style),
    }
    return output_name(template, values)


def render_to_file(briefing: Briefing, template: TemplateInfo, office: OfficeProfile,
                   out: str | Path, *, today: dt.date | None = None) -> Path:
    """Render and write atomically; an error leaves any existing *out* untouched."""
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise OutputError("the output must end in .docx", file=out)
    return atomic_write(out, render_briefing(briefing, template, office, today=today))
