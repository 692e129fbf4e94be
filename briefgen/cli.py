"""The ``briefgen`` command: argparse subcommands, ``main(argv) -> int``.

Every :class:`BriefgenError` becomes one line ``briefgen: error: ...`` on
stderr and exit status 1; ``-v`` adds its details indented below the line,
``--debug`` shows the traceback instead.  Heavy modules
are imported inside the commands, so ``render``, ``check`` and friends never
load Qt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from pathlib import Path
from typing import NoReturn

from briefgen import __version__
from briefgen.errors import BriefgenError, InputError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefgen", description="Turn the facts of a diplomatic meeting into Word briefings.")
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print the details of errors (every problem found) under the line")
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
        briefs.append(briefing)
    return briefs


def _library():
    """Built-in, user and ``$BRIEFGEN_TEMPLATE_PATH`` folders, as documented."""
    from briefgen.library import ENV_VAR, Library, path_list

    return Library(shared=path_list(os.environ.get(ENV_VAR)))


def cmd_render(args: argparse.Namespace) -> int:
    from briefgen.export import export_documents, export_pack

    library = _library()
    templates = [library.find_template(name) for name in args.templates]
    office = library.find_office(args.office)
    briefs = _load_briefs(args.briefs)
    _collect_from_here()
    names = [str(path) for path in args.briefs]
    if args.pack:
        result = export_pack(briefs, templates, office, args.pack, today=args.date, names=names)
    else:
        result = export_documents(briefs, templates, office, args.output, pdf=args.pdf,
                                  today=args.date, names=names)
    _warn(result.warnings)
    for path in result.written:
        print(path, file=sys.stderr)
    return 0


def _collect_from_here() -> None:
    """Automatic garbage collection back on if :func:`run` turned it off for
    start-up, everything made so far left out of it (see :func:`run`)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


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
        raise InputError(f"more than {MAX_BYTES // 1_000_000} MB", file="standard input",
                         hint="split it or import only the part you need")
    return raw


def cmd_templates(args: argparse.Namespace) -> int:
    problems: list = []
    templates = _library().templates(problems)
    _warn([str(problem) for problem in problems])
    if args.json:
        print(json.dumps([t.to_json() for t in templates], indent=2, ensure_ascii=False))
        return 0
    width = max((len(t.name) for t in templates), default=4)
    for t in templates:
        print(f"{t.name:<{width}}  {t.title}  [{t.origin}]")
    return 0


def cmd_offices(args: argparse.Namespace) -> int:
    problems: list = []
    offices = _library().offices(problems)
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

    named = not args.template.lower().endswith(".docx")   # a path is checked as it is
    problems = check_template(_library().find_template(args.template) if named
                              else args.template)
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


def error_lines(exc: BriefgenError, *, verbose: bool = False) -> str:
    """``briefgen: error: <the line>``; with *verbose*, each detail indented below it
    (none when the only detail says what the line already says)."""
    line = str(exc)
    repeats = len(exc.details) == 1 and exc.details[0] in line
    details = [f"  {d}" for d in exc.details] if verbose and not repeats else []
    return "\n".join([f"briefgen: error: {line}", *details])


def main(argv: list[str] | None = None) -> int:
    """Run the command *argv* (default: the process's arguments); the exit status."""
    return _run(_arguments(argv))


def run() -> NoReturn:
    """The ``briefgen`` program (the console script and ``python -m briefgen``):
    :func:`main` as the whole process."""
    args = _arguments(None)
    if args.command == "render":
        # Loading the modules, the templates and the briefings makes many
        # objects and almost no cyclic garbage, yet each full collection
        # on the way scans them all (a tenth of the serial start of a large
        # batch): collection is off until the briefings are read.
        gc.disable()
    status = _run(args)
    if args.command != "gui":
        # The process ends here, its files written and closed.  CPython would
        # still garbage-collect every object once more while it shuts down (a
        # sixth of a cold render, for memory the system takes back anyway);
        # frozen objects are left out of that.  Not after the app: Qt objects
        # are cleaned up by that last collection.
        gc.freeze()
    sys.exit(status)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    # briefgen uses no pydantic plugins; loading them scans every installed
    # package at start-up, and one (such as a telemetry plugin) could reach
    # the network, which briefgen never does.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = _parser().parse_args(argv)
    args.command = args.command or "gui"
    return args


def _run(args: argparse.Namespace) -> int:
    command = COMMANDS[args.command]
    try:
        return command(args)
    except BriefgenError as exc:
        if args.debug:
            raise
        print(error_lines(exc, verbose=args.verbose), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefgen: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    run()
