"""The ``briefgen`` command: argparse subcommands, ``main(argv) -> int``.

Every :class:`BriefgenError` becomes one line ``briefgen: error: ...`` on
stderr and exit status 1 (``--debug`` shows the traceback).  Heavy modules
are imported inside the commands, so ``render``, ``check`` and friends never
load Qt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from briefgen import __version__
from briefgen.errors import BriefgenError, InputError, OutputError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefgen", description="Turn the facts of a diplomatic meeting into Word briefings.")
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("file", nargs="?", type=Path, help="briefing to open (default: the sample)")

    render = commands.add_parser("render", help="render briefings with templates")
    render.add_argument("briefs", nargs="+", type=Path, metavar="BRIEF",
                        help="briefing files (.brief.json, .json, .yaml)")
    render.add_argument("-t", "--template", action="append", required=True, dest="templates",
                        metavar="TEMPLATE", help="template name or .docx path (repeatable)")
    render.add_argument("--office", help="office profile name or .office.toml path")
    target = render.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="a .docx or .pdf file for one document, a folder for several")
    target.add_argument("--pack", type=Path, metavar="OUT.docx|OUT.pdf",
                        help="combine the documents into one pack with a cover and contents")
    render.add_argument("--pdf", action="store_true",
                        help="with a folder OUT: write PDF instead of DOCX (needs LibreOffice)")
    render.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                        help="the document date (default: today)")

    imp = commands.add_parser("import", help="extract a briefing from articles or data files")
    imp.add_argument("sources", nargs="+", type=Path, metavar="SOURCE",
                     help="article or data files; '-' reads an article (text or HTML) "
                          "from standard input")
    imp.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                     help="publication date, for 'on Saturday' and similar")
    imp.add_argument("-o", "--output", type=Path, metavar="OUT.brief.json",
                     help="write here instead of standard output")

    templates = commands.add_parser("templates", help="list the available templates")
    templates.add_argument("--json", action="store_true", help="print JSON")
    offices = commands.add_parser("offices", help="list the office profiles")
    offices.add_argument("--json", action="store_true", help="print JSON")

    check = commands.add_parser("check", help="check a template for problems")
    check.add_argument("template", help="template name or .docx path")

    commands.add_parser("schema", help="print the JSON Schema of briefing files")
    return parser


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _warn(lines: list[str]) -> None:
    for line in lines:
        print(f"briefgen: warning: {line}", file=sys.stderr)


def _load_briefs(paths: list[Path]):
    from briefgen.briefing_io import load_briefing

    briefs = []
    for path in paths:
        briefing, warnings = load_briefing(path)
        _warn(warnings)
        briefs.append((path, briefing))
    return briefs


def cmd_render(args: argparse.Namespace) -> int:
    from briefgen.files import make_folder
    from briefgen.offices import find_office
    from briefgen.templates import find_template

    templates = [find_template(name) for name in args.templates]
    office = find_office(args.office)
    briefs = _load_briefs(args.briefs)
    from briefgen.render import marking_warnings

    for path, briefing in briefs:
        _warn([f"{path}: {w}" for w in marking_warnings(briefing, office)])
    if args.pack:
        from briefgen.pack import write_pack

        if len(briefs) != 1:
            raise OutputError("a pack is made from one briefing", where=args.pack,
                              hint="give one BRIEF with --pack")
        write_pack(briefs[0][1], templates, office, args.pack, today=args.date)
        print(args.pack, file=sys.stderr)
        return 0
    jobs = [(brief, template) for brief in briefs for template in templates]
    out: Path = args.output
    single = len(jobs) == 1 and out.suffix.lower() in (".docx", ".pdf")
    if single:
        written = [_render_one(*jobs[0], office, out, args.date)]
    else:
        if out.suffix.lower() in (".docx", ".pdf"):
            raise OutputError(f"{len(jobs)} documents need a folder, not a file", where=out,
                              hint="give a folder with -o, or use --pack for one file")
        make_folder(out)
        written = _render_many(jobs, office, out, args.date, args.pdf)
    for path in written:
        print(path, file=sys.stderr)
    return 0


def _render_one(brief, template, office, out: Path, today) -> Path:
    from briefgen.render import render_to_file

    _path, briefing = brief
    if out.suffix.lower() == ".pdf":
        return _render_pdf(briefing, template, office, out, today)
    return render_to_file(briefing, template, office, out, today=today)


def _render_pdf(briefing, template, office, out: Path, today) -> Path:
    import tempfile

    from briefgen.convert import docx_to_pdf
    from briefgen.render import render_to_file

    with tempfile.TemporaryDirectory(prefix="briefgen-") as tmp:
        docx = render_to_file(briefing, template, office, Path(tmp) / (out.stem + ".docx"),
                              today=today)
        return docx_to_pdf(docx, out)


def _render_many(jobs, office, folder: Path, today, pdf: bool) -> list[Path]:
    from briefgen.batch import Job, render_batch
    from briefgen.render import output_filename

    planned: list[Job] = []
    used: set[str] = set()
    for (_path, briefing), template in jobs:
        name = output_filename(briefing, template, office)
        stem, n = name[:-5], 2
        while name.lower() in used:
            name, n = f"{stem} ({n}).docx", n + 1
        used.add(name.lower())
        planned.append(Job(briefing, template, folder / name))
    if not pdf:
        return render_batch(planned, office, today=today)
    return [_render_pdf(job.briefing, job.template, office, job.out.with_suffix(".pdf"), today)
            for job in planned]


def cmd_import(args: argparse.Namespace) -> int:
    from briefgen.briefing_io import dump_briefing
    from briefgen.files import atomic_write
    from briefgen.importing import import_bytes, import_sources

    if Path("-") in args.sources:
        if len(args.sources) > 1:
            raise InputError("'-' (standard input) cannot be combined with files",
                             hint="import standard input on its own")
        result = import_bytes(_stdin_bytes(), published=args.published)
    else:
        result = import_sources(args.sources, published=args.published)
    _warn(result.warnings)
    text = dump_briefing(result.briefing)
    if args.output:
        atomic_write(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    print(f"briefgen: found {result.summary()}", file=sys.stderr)
    return 0


def _stdin_bytes() -> bytes:
    """Standard input, refused past the size limit for article files."""
    from briefgen.importing.readers import MAX_BYTES

    raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise InputError(f"more than {MAX_BYTES // 1_000_000} MB", where="standard input",
                         hint="split it or import only the part you need")
    return raw


def cmd_templates(args: argparse.Namespace) -> int:
    from briefgen.templates import list_templates

    problems: list = []
    templates = list_templates(problems)
    _warn([str(problem) for problem in problems])
    if args.json:
        print(json.dumps([t.to_json() for t in templates], indent=2, ensure_ascii=False))
        return 0
    width = max((len(t.name) for t in templates), default=4)
    for t in templates:
        print(f"{t.name:<{width}}  {t.title}  [{t.origin}]")
    return 0


def cmd_offices(args: argparse.Namespace) -> int:
    from briefgen.offices import list_offices

    problems: list = []
    offices = list_offices(problems)
    _warn([str(problem) for problem in problems])
    if args.json:
        print(json.dumps([o.to_json() for o in offices], indent=2, ensure_ascii=False))
        return 0
    width = max(len(o.name) for o in offices)
    for o in offices:
        marking = o.classification or "unmarked"
        print(f"{o.name:<{width}}  {o.title}  ({marking}, {o.paper}) [{o.origin}]")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from briefgen.check import check_template

    problems = check_template(args.template)
    for problem in problems:
        print(problem)
    if problems:
        print(f"briefgen: {len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"{args.template}: no problems found", file=sys.stderr)
    return 0


def cmd_schema(_args: argparse.Namespace) -> int:
    from briefgen.briefing_io import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from briefgen.gui.app import run

    return run(getattr(args, "file", None))


COMMANDS = {"render": cmd_render, "import": cmd_import, "templates": cmd_templates,
            "offices": cmd_offices, "check": cmd_check, "schema": cmd_schema, "gui": cmd_gui}


def main(argv: list[str] | None = None) -> int:
    # briefgen uses no pydantic plugins; loading them scans every installed
    # package at start-up, and one (such as a telemetry plugin) could reach
    # the network, which briefgen never does.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = _parser().parse_args(argv)
    command = COMMANDS[args.command or "gui"]
    try:
        return command(args)
    except BriefgenError as exc:
        if args.debug:
            raise
        print(f"briefgen: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefgen: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
