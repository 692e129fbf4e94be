"""The template sandbox against hostile templates: escapes, resource exhaustion, caches.

Every payload is built in code (tests/hostile_templates.py).  Each test asserts
what a user sees: the one-line error and exit status 1, no document written,
no file written anywhere else, and `briefgen check` naming the escape without
running it.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from hostile_templates import DOS, ESCAPES, hostile_template

from briefgen import limits, render
from briefgen.check import check_template
from briefgen.cli import main
from briefgen.context import Record, record, weight
from briefgen.errors import TemplateError
from briefgen.model import Briefing, Clearance, Commitment, Figure, Person, Quote, Source, Topic
from briefgen.offices import OfficeProfile, find_office, list_offices
from briefgen.render import build_context, output_filename, render_briefing
from briefgen.resources import sample_briefing_path, user_cache_dir
from briefgen.templates import find_template, list_templates, read_template_info
from briefgen.templating import environment

TODAY = dt.date(2025, 8, 20)
REFUSED = "refused by the sandbox: access to attribute '{}' of '{}' object is unsafe. " \
          "(templates may only read briefing data)"
SCHEMA_HINT = " (see `briefgen schema` for the field names)"
UNKNOWN = "unknown variable '{}' (check its spelling; `briefgen check` lists the known names)"

ESCAPE_ERRORS = {
    "model_validate": "Office has no field 'model_validate'" + SCHEMA_HINT,
    "office_path": "Office has no field 'path'" + SCHEMA_HINT,
    "office_logo": "Office has no field 'logo'" + SCHEMA_HINT,
    "logo_tpl_save": REFUSED.format("tpl", "InlineImage"),
    "logo_attr_filter": REFUSED.format("tpl", "InlineImage"),
    "logo_map_attribute": REFUSED.format("tpl", "InlineImage"),
    "briefing_class": REFUSED.format("__class__", "Record"),
    "model_dump": "Person has no field 'model_dump'" + SCHEMA_HINT,
    "str_mro": REFUSED.format("__class__", "str"),
    "str_format": REFUSED.format("format", "str"),
    "format_map": REFUSED.format("format_map", "str"),
    "date_replace": REFUSED.format("replace", "date"),
    "loop_internals": REFUSED.format("_iterator", "LoopContext"),
    "macro_globals": REFUSED.format("_func", "Macro"),
    "cycler": UNKNOWN.format("cycler"),
    "joiner": UNKNOWN.format("joiner"),
    "namespace": UNKNOWN.format("namespace"),
    "lipsum": UNKNOWN.format("lipsum"),
    "self_reference": REFUSED.format("__dict__", "TemplateReference"),
    "list_append": REFUSED.format("append", "list"),
    "getitem_dunder": REFUSED.format("__class__", "str"),
    "filter_attribute": REFUSED.format("tpl", "InlineImage"),
    "include": "syntax error: templates cannot load other templates (run `briefgen check` on "
               "the template for details)",
}

SANDBOX = "refused by the sandbox: templates may only read briefing data"
NEITHER = "'{}' is neither a field of the briefing data nor a method templates may use"
ESCAPE_PROBLEMS = {
    "model_validate": ["'model_validate' is " + SANDBOX, "'write_text' is " + SANDBOX],
    "office_path": ["'write_text' is " + SANDBOX],
    "office_logo": ["'read_bytes' is " + SANDBOX],
    "logo_tpl_save": ["'tpl' is " + SANDBOX, "'save' is " + SANDBOX],
    "logo_attr_filter": ["'tpl' is " + SANDBOX, "'save' is " + SANDBOX],
    "logo_map_attribute": ["'tpl' is " + SANDBOX],
    "briefing_class": [f"'{name}' is " + SANDBOX for name in ("__class__", "__init__",
                                                               "__globals__")],
    "model_dump": ["'model_dump' is " + SANDBOX],
    "str_mro": [f"'{name}' is " + SANDBOX for name in ("__class__", "__mro__",
                                                        "__subclasses__")],
    "str_format": ["'format' is " + SANDBOX],
    "format_map": ["'format_map' is " + SANDBOX],
    "date_replace": ["'fromisoformat' is " + SANDBOX],
    "loop_internals": ["'_iterator' is " + SANDBOX],
    "macro_globals": ["'_func' is " + SANDBOX, "'__globals__' is " + SANDBOX],
    "cycler": [NEITHER.format("next")],
    "joiner": ["unknown variable 'joiner'"],
    "namespace": ["unknown variable 'namespace'", NEITHER.format("x")],
    "lipsum": ["unknown variable 'lipsum'"],
    "self_reference": ["'__dict__' is " + SANDBOX],
    "list_append": ["'append()' changes data and is " + SANDBOX],
    "getitem_dunder": ["'__class__' is " + SANDBOX],
    "filter_attribute": ["'__dict__' is " + SANDBOX, "'tpl' is " + SANDBOX],
    "include": ["refused by the sandbox: templates cannot load other templates"],
}

CHARS = "the 1,000,000-character limit for one value"
ITEMS = "the 10,000-item limit for one list"
CALLS = "the limit of 40 nested macro or loop calls"
DOCUMENT = "the 10,000,000-character limit for one document"
DOS_LIMITS = {
    "string_times": CHARS, "list_times": ITEMS, "power": "the 10,000-bit limit for one number",
    "percent_width": "the 1,000-character limit for a format width",
    "format_filter_star": "the limits of formatting", "center_filter": CHARS,
    "ljust_method": CHARS, "replace_filter": CHARS, "replace_method": CHARS,
    "join_filter": CHARS, "wordwrap": CHARS, "indent": CHARS, "range": ITEMS,
    "nested_loops": "the 50,000-iteration limit for loops in one document",
    "macro_recursion": CALLS, "loop_recursion": CALLS, "doubling_concat": CHARS,
    "nested_lists": CHARS, "output_size": DOCUMENT, "folded_constant": CHARS,
    "lazy_map": CHARS, "batch_keyword": ITEMS,
}


def run_render(template: Path, out: Path, capsys, office: str = "think-tank") -> tuple[int, str]:
    """`briefgen render` of the sample; (exit status, last line of stderr)."""
    status = main(["render", str(sample_briefing_path()), "-t", str(template),
                   "--office", office, "-o", str(out)])
    return status, capsys.readouterr().err.strip().splitlines()[-1]


def shown(payload: str, target: Path | None = None) -> str:
    """A one-paragraph payload as an error names the tag: at most 120 characters."""
    text = payload.replace("{target}", str(target)) if target else payload
    return text if len(text) <= 120 else text[:117] + "..."


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()} if folder.exists() else set()


# --- escapes -----------------------------------------------------------------------

def test_the_corpus_has_an_expected_outcome_for_every_payload():
    assert set(ESCAPE_ERRORS) == set(ESCAPE_PROBLEMS) == set(ESCAPES)
    assert set(DOS_LIMITS) == set(DOS)


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_escapes_are_refused_with_one_line_and_write_nothing(name, tmp_path, capsys):
    folder = tmp_path / "templates"
    folder.mkdir()
    target = tmp_path / "pwned"
    template = hostile_template(folder, name, ESCAPES[name], target)
    before = files_under(tmp_path)
    status, line = run_render(template, tmp_path / "out.docx", capsys)
    assert (status, line) == (1, f"briefgen: error: {name}: body: {shown(ESCAPES[name], target)}: "
                                 f"{ESCAPE_ERRORS[name]}")
    assert files_under(tmp_path) == before and not target.exists()


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_check_names_each_escape_without_running_it(name, tmp_path, monkeypatch):
    target = tmp_path / "pwned"
    template = hostile_template(tmp_path, name, ESCAPES[name], target)

    def never(*args, **kwargs):
        raise AssertionError("check rendered a template it had already refused")

    monkeypatch.setattr(render, "render_briefing", never)
    problems = check_template(template)
    assert [p.message for p in problems] == ESCAPE_PROBLEMS[name]
    payload = ESCAPES[name].replace("{target}", str(target))
    assert {(p.part, p.location.split(" (")[0]) for p in problems} == {("body", "paragraph 2")}
    assert all(p.tag and p.tag in payload for p in problems)
    assert not target.exists()


def test_check_reports_escapes_in_headers_and_footers(tmp_path):
    template = hostile_template(tmp_path, "evil", "{{ logo.tpl.docx.part }}", part="footer")
    assert [str(p) for p in check_template(template)] == [
        'evil: footer, paragraph 1 ("{{ logo.tpl.docx.part }}"): {{ logo.tpl.docx.part }}: '
        "'tpl' is " + SANDBOX]


def test_check_reads_the_document_properties_without_rendering_them(tmp_path, monkeypatch):
    doc = Document()
    doc.core_properties.subject = "{{ logo.tpl.save('x') }}"
    doc.save(tmp_path / "props.docx")
    monkeypatch.setattr(render, "render_briefing", None)
    assert [str(p) for p in check_template(tmp_path / "props.docx")] == [
        "props: document properties, subject: {{ logo.tpl.save('x') }}: 'tpl' is " + SANDBOX,
        "props: document properties, subject: {{ logo.tpl.save('x') }}: 'save' is " + SANDBOX]


def test_check_reports_a_tag_nested_too_deeply_in_one_line(tmp_path):
    tag = "{{ " + "[" * 400 + "]" * 400 + " }}"
    [problem] = check_template(hostile_template(tmp_path, "deep", tag))
    assert problem.message == "the tag is nested too deeply to read: simplify it"


def test_the_context_holds_plain_data_only(sample):
    office = find_office("think-tank")
    context = build_context(sample, office, find_template("briefing-memo"), TODAY)
    plain = (str, int, float, bool, dt.date, type(None), list, dict, Record)

    def walk(value, where):
        assert isinstance(value, plain), f"{where} is a {type(value).__name__}"
        if isinstance(value, list):
            for n, item in enumerate(value):
                walk(item, f"{where}[{n}]")
        elif isinstance(value, (dict, Record)):
            for key, item in value.items():
                walk(item, f"{where}.{key}")

    for name, value in context.items():
        if name != "_footnotes":
            walk(value, name)
    assert "path" not in context["office"] and "logo" not in context["office"]
    assert context["office"]["letterhead"] == office.letterhead


def test_the_allowed_methods_and_documented_filters_work(tmp_path, sample):
    tags = ("{{ title.upper()[:4] }}|{{ meeting.date.year }}-{{ meeting.date.isoformat() }}|"
            "{{ template['name'] }}|{% for k, v in template.items() %}{{ k }} {% endfor %}|"
            "{{ participants|groupby('side')|map(attribute='grouper')|join(', ') }}|"
            "{{ participants|selectattr('role', 'equalto', 'host')|map(attribute='name')|first }}|"
            "{{ (figures|first)|figure_value }}|{{ office.get('paper') }}|"
            "{% for t in topics|category('security') %}{{ loop.index }}{% endfor %}|"
            "{{ 'a,b'.split(',')|length }}|{{ '%05.1f' % 3.14159 }}|{{ title|truncate(9) }}")
    data = render_briefing(sample, read_template_info(hostile_template(tmp_path, "ok", tags)),
                           OfficeProfile(), today=TODAY)
    text = Document(io.BytesIO(data)).paragraphs[1].text
    assert text == ("YOUR|2025-2025-08-23|ok|name title kind |Japan, South Korea|"
                    "Shigeru Ishiba|80,000 US troops|Letter|1|2|003.1|Your...")


def test_the_logo_is_still_inserted_but_nothing_about_it_is_reachable(tmp_path, sample):
    template = read_template_info(hostile_template(tmp_path, "logo", "{{ logo }}"))
    data = render_briefing(sample, template, find_office("think-tank"), today=TODAY)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert any(name.startswith("word/media/") for name in names)


# --- limits --------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(DOS))
def test_resource_payloads_stop_at_a_named_limit(name, tmp_path, capsys):
    template = hostile_template(tmp_path, name, DOS[name])
    status, line = run_render(template, tmp_path / "out.docx", capsys, office="default")
    assert (status, line) == (1, f"briefgen: error: {name}: body: {shown(DOS[name])}: the "
                                 f"template went over {DOS_LIMITS[name]} (templates may only "
                                 "print briefing data; simplify the tag)")
    assert not (tmp_path / "out.docx").exists()


def test_limits_hold_in_headers_and_document_properties(tmp_path, sample):
    template = read_template_info(hostile_template(tmp_path, "evil", "{{ '*' * 10**9 }}",
                                                   part="header"))
    with pytest.raises(TemplateError, match=r"^evil: header: \{\{ '\*' \* 10\*\*9 \}\}: the "
                                            r"template went over the "
                                            r"1,000,000-character limit for one value"):
        render_briefing(sample, template, OfficeProfile())
    doc = Document()
    doc.core_properties.title = "{{ range(10**6)|list }}"
    doc.save(tmp_path / "props.docx")
    with pytest.raises(TemplateError, match=r"^props: document properties: the template went "
                                            r"over the 10,000-item limit for one list"):
        render_briefing(sample, read_template_info(tmp_path / "props.docx"), OfficeProfile())


def test_a_record_weighs_what_its_fields_do_once_and_for_every_use():
    fields = {"name": "Lee", "points": ["a" * 10, "b"], "meeting": record("Meeting", place="Tokyo")}
    assert weight(Record("Person", fields)) == weight(dict(fields)) == 53
    big = Record("Topic", {"summary": "x" * 600_000, "points": ["y" * 500_000]})
    for _ in range(2):      # the second time from the remembered weight
        with pytest.raises(limits.LimitError) as raised:
            environment().from_string("{{ topics|first }}").render(topics=[big])
        assert raised.value.limit == "the 1,000,000-character limit for one value"


def test_a_render_stops_at_its_time_limit(tmp_path, sample, monkeypatch):
    monkeypatch.setattr(limits, "MAX_SECONDS", 0.0)
    template = read_template_info(hostile_template(
        tmp_path, "slow", "{% for p in participants %}{{ p.name }}{% endfor %}"))
    with pytest.raises(TemplateError) as err:
        render_briefing(sample, template, OfficeProfile())
    assert str(err.value) == (
        "slow: body: {% for p in participants %}{{ p.name }}{% endfor %}: the template went "
        "over the 0-second time limit for one document (templates may only print briefing "
        "data; simplify the tag)")


def test_the_hard_limits_stop_memory_and_time_in_a_dedicated_process():
    code = (
        "from briefgen import limits\n"
        "limits.HARD_SECONDS = 1\n"
        "with limits.hard_limits():\n"
        "    try:\n"
        "        bytearray(2 << 30)\n"
        "    except MemoryError:\n"
        "        print('memory capped')\n"
        "    try:\n"
        "        while True:\n"
        "            pass\n"
        "    except limits.LimitError as exc:\n"
        "        print(exc)\n"
        "print(len(bytearray(1 << 30)))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.splitlines() == [
        "memory capped", "the 1-second hard time limit for one document", str(1 << 30)]


def test_every_payload_stays_under_1_gb_of_memory(tmp_path):
    """All payloads, one after the other in a fresh process: the peak memory of the
    process (lxml, docx and all) stays under 1 GB."""
    code = (
        "import resource, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from pathlib import Path\n"
        "from hostile_templates import DOS, ESCAPES, hostile_template\n"
        "from briefgen.briefing_io import load_briefing\n"
        "from briefgen.errors import TemplateError\n"
        "from briefgen.offices import find_office\n"
        "from briefgen.render import render_briefing\n"
        "from briefgen.resources import sample_briefing_path\n"
        "from briefgen.templates import read_template_info\n"
        "briefing, _ = load_briefing(sample_briefing_path())\n"
        "refused = 0\n"
        "for name, tag in {**DOS, **ESCAPES}.items():\n"
        "    path = hostile_template(Path(sys.argv[2]), name, tag, Path(sys.argv[2]) / 'x')\n"
        "    try:\n"
        "        render_briefing(briefing, read_template_info(path), find_office('think-tank'))\n"
        "    except TemplateError:\n"
        "        refused += 1\n"
        "print(refused, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n")
    result = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), str(tmp_path)],
                            capture_output=True, text=True, timeout=300, check=True)
    refused, peak_mb = map(int, result.stdout.split())
    assert refused == len(DOS) + len(ESCAPES)
    assert peak_mb < 1024


# --- caches -----------------------------------------------------------------------------

def test_nothing_compiled_is_written_to_the_cache(tmp_path, sample, isolated_user_dirs):
    for name in ("string_times", "folded_constant"):
        with pytest.raises(TemplateError):
            render_briefing(sample, read_template_info(hostile_template(tmp_path, name, DOS[name])),
                            OfficeProfile())
    render_briefing(sample, find_template("briefing-memo"), OfficeProfile())
    assert files_under(user_cache_dir()) == set()


# --- real briefings ---------------------------------------------------------------------

def big_briefing() -> Briefing:
    """A G20-sized briefing: 30 participants, 20 topics, a 300-character title."""
    return Briefing(
        title="Leaders' summit on " + ", ".join(f"item {n}" for n in range(40)),
        summary="A long summit.",
        participants=[Person(name=f"Leader Number {n}", title="Prime Minister",
                             country=f"Country {n}", role="guest", side=f"Side {n % 3}",
                             bio="A **career** diplomat.") for n in range(30)],
        topics=[Topic(category="trade" if n % 2 else "security", title=f"Topic {n}",
                      summary="Summary.", points=["One.", "Two."], talking_points=["Say."],
                      if_raised=["If."], risks=["Risk."]) for n in range(20)],
        figures=[Figure(value=n * 1000, unit="troops", text=f"figure {n}", category="security")
                 for n in range(10)],
        quotes=[Quote(speaker=f"Leader Number {n}", text="We agree.") for n in range(10)],
        commitments=[Commitment(text=f"Commitment {n}", parties=["A", "B", "C"])
                     for n in range(10)],
        sources=[Source(title="Communiqué", publisher="Summit")],
        routing={"clearances": [Clearance(office=f"Office {n}", name="N") for n in range(8)]})


def test_a_summit_sized_briefing_renders_with_every_template_and_office():
    briefing = big_briefing()
    assert len(briefing.title) > 255
    for template in list_templates():
        for office in list_offices():
            data = render_briefing(briefing, template, office, today=TODAY)
            props = Document(io.BytesIO(data)).core_properties
            assert len(props.title) <= 255 and props.title.endswith("\u2026")
            assert briefing.title.startswith(props.title[:-1])
            assert len(props.keywords) <= 255 and props.keywords.startswith("Leader Number 0; ")


# --- the output pattern ---------------------------------------------------------------------

@pytest.mark.parametrize("pattern, shown", [
    ("{title.__class__.__mro__[1].__subclasses__}", "{title.__class__.__mro__[1].__subclasses__}"),
    ("{title:>999999999}", "{title:>999999999}"),
    ("{title!r}", "{title!r}"),
    ("{0}", "{0}"),
    ("{slug[0]}", "{slug[0]}"),
])
def test_the_output_pattern_takes_names_only(pattern, shown, tmp_path, sample):
    template = hostile_template(tmp_path, "pattern", "{{ title }}")
    template.with_suffix(".toml").write_text(f"output = {pattern!r}\n", encoding="utf-8")
    info = read_template_info(template)
    message = (f"bad output pattern {pattern!r}: {shown} is not one of {{date}}, {{long_date}}, "
               "{title}, {slug}, {template}, {office}")
    with pytest.raises(TemplateError) as err:
        output_filename(sample, info, OfficeProfile())
    assert str(err.value) == (f"{template.with_suffix('.toml')}: {message} (use names only: "
                              "{date}, {long_date}, {title}, {slug}, {template}, {office})")
    assert [(p.part, p.location, p.message) for p in check_template(template)] == [
        ("manifest", "output", message)]


def test_file_names_from_the_pattern_are_bounded(tmp_path):
    template = hostile_template(tmp_path, "names", "{{ title }}")
    template.with_suffix(".toml").write_text('output = "{title} - {office}"\n', encoding="utf-8")
    briefing = Briefing(title="../../etc/" + "日本" * 200 + "\x07\n/evil")
    name = output_filename(briefing, read_template_info(template), OfficeProfile())
    assert name.endswith(".docx") and len(name.encode("utf-8")) <= 200
    assert "/" not in name and "\\" not in name and not any(ord(c) < 32 for c in name)
    assert name.startswith("-..-etc-日本")
