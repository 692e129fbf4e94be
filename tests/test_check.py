"""`briefgen check`: each kind of template problem, found and located in small broken templates."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen.check import Problem, check_template, template_variables
from briefgen.cli import main
from briefgen.errors import TemplateError
from briefgen.resources import builtin_templates_dir


def make(tmp_path, *paragraphs, header=None, footer=None, table=None, name="broken"):
    """A template: each paragraph a string, or a list of runs (odd runs bold, as Word
    leaves a tag typed in two goes); *table* is a list of rows of cell texts."""
    doc = Document()
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            doc.add_paragraph(paragraph)
            continue
        p = doc.add_paragraph()
        for n, text in enumerate(paragraph):
            p.add_run(text).bold = bool(n % 2)
    if table:
        grid = doc.add_table(rows=0, cols=len(table[0]))
        for row in table:
            for cell, text in zip(grid.add_row().cells, row):
                cell.paragraphs[0].text = text
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    if footer:
        doc.sections[0].footer.paragraphs[0].text = footer
    path = tmp_path / f"{name}.docx"
    doc.save(path)
    return path


def lines(path) -> list[str]:
    return [str(problem) for problem in check_template(path)]


BUILTINS = sorted(p.stem for p in builtin_templates_dir().glob("*.docx"))


@pytest.mark.parametrize("name", BUILTINS)
def test_every_builtin_template_checks_clean(name):
    assert [str(problem) for problem in check_template(name)] == []


def test_builtin_memo_lists_its_variables():
    used = template_variables("briefing-memo")
    assert {"title", "meeting", "participants", "topics", "marking", "routing", "pm"} <= used


def test_template_variables_lists_every_part_names_even_where_a_tag_is_refused(tmp_path):
    path = make(tmp_path, "{% set who = participants|first %}{{ who.name }}",
                "{{ titel.__class__ }} {{ range(3)|list }}", header="{{ marking.banner }}",
                footer="{{ routing.to }}")
    doc = Document(path)
    doc.core_properties.subject = "{{ meeting.date }}"
    doc.save(path)
    assert template_variables(path) == {"participants", "titel", "marking", "routing", "meeting"}


def test_problem_is_one_line_naming_template_part_location_and_tag():
    problem = Problem("briefing-memo", "body", 'paragraph 12 ("SUBJECT: {{ titel }}")',
                      "{{ titel }}", "unknown variable 'titel' (did you mean 'title'?)")
    assert str(problem) == ('briefing-memo: body, paragraph 12 ("SUBJECT: {{ titel }}"): '
                            "{{ titel }}: unknown variable 'titel' (did you mean 'title'?)")


def test_tag_split_over_differently_formatted_runs(tmp_path):
    path = make(tmp_path, "Memo", ["SUBJECT: {{ ti", "tle }}"])
    assert lines(path) == [
        'broken: body, paragraph 2 ("SUBJECT: {{ title }}"): {{ title }}: Word split this tag '
        'over 2 runs with different formatting ("{{ ti" + "tle }}"); it would be rendered in the '
        "first run's formatting: select the whole tag and clear its formatting, or type it again "
        "in one go"]


def test_split_with_identical_formatting_renders_fine_and_is_not_reported(tmp_path):
    doc = Document()
    p = doc.add_paragraph()
    for text in ("{{ ti", "tle }}"):
        p.add_run(text)
    p._p.insert(2, OxmlElement("w:proofErr"))
    doc.save(tmp_path / "ok.docx")
    assert check_template(tmp_path / "ok.docx") == []


def test_tag_split_across_a_hyperlink(tmp_path):
    doc = Document()
    p = doc.add_paragraph()
    p.add_run("See {{ sour")
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "x")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "ces }}"
    run.append(text)
    link.append(run)
    p._p.append(link)
    doc.save(tmp_path / "link.docx")
    [problem] = check_template(tmp_path / "link.docx")
    assert problem.tag == "{{ sources }}"
    assert "across a hyperlink, tracked change or field" in problem.message
    assert "delete the tag and type it again" in problem.message


def test_unknown_variables_and_fields_with_suggestions(tmp_path):
    path = make(tmp_path, "SUBJECT: {{ titel }}", "{{ date }}", "{{ meeting.dat }}",
                "{%p for p in participants %}", "{{ p.nam }} ({{ loop.index }})", "{%p endfor %}",
                "{{ marking.baner }} {{ template.nme }}")
    assert [(p.location.split(" (")[0], p.tag, p.message) for p in check_template(path)] == [
        ("paragraph 1", "{{ titel }}", "unknown variable 'titel' (did you mean 'title'?)"),
        ("paragraph 2", "{{ date }}", "unknown variable 'date' (did you mean 'meeting.date'?)"),
        ("paragraph 3", "{{ meeting.dat }}", "'meeting' has no field 'dat' (did you mean 'date'?)"),
        ("paragraph 5", "{{ p.nam }}", "'p' has no field 'nam' (did you mean 'name'?)"),
        ("paragraph 7", "{{ marking.baner }}",
         "'marking' has no field 'baner' (did you mean 'banner'?)"),
        ("paragraph 7", "{{ template.nme }}", "'template' has no key 'nme' (did you mean 'name'?)"),
    ]
    assert {"titel", "date", "meeting", "participants"} <= template_variables(path)


def test_loop_variable_of_a_table_row_and_cell_location(tmp_path):
    path = make(tmp_path, table=[["Name", "Country"], ["{%tr for p in participants %}", ""],
                                 ["{{ p.nme }}", "{{ p.country }}"], ["{%tr endfor %}", ""]])
    assert lines(path) == ['broken: body, table 1, row 3, cell 1 ("{{ p.nme }}"): {{ p.nme }}: '
                           "'p' has no field 'nme' (did you mean 'name'?)"]


def test_problems_in_header_and_footer_name_the_part(tmp_path):
    path = make(tmp_path, "{{ title }}", header="{{ markng.banner }}", footer="{{ pm }}{{ tilte }}")
    assert [(p.part, p.location, p.message) for p in check_template(path)] == [
        ("header", 'paragraph 1 ("{{ markng.banner }}")',
         "unknown variable 'markng' (did you mean 'marking'?)"),
        ("footer", 'paragraph 1 ("{{ pm }}{{ tilte }}")',
         "unknown variable 'tilte' (did you mean 'title'?)"),
    ]


def test_jinja_syntax_errors_and_unknown_tags(tmp_path):
    path = make(tmp_path, "{{ title | }}", "{% fro x in objectives %}{% endfor %}",
                "{% p if summary %}", "{%p endif %}")
    messages = [(p.tag, p.message) for p in check_template(path)]
    assert ("{{ title | }}",
            "syntax error: expected token 'name', got 'end of print statement'") in messages
    assert ("{% fro x in objectives %}", "unknown tag 'fro' (did you mean 'for'?)") in messages
    assert ("{% p if summary %}", "unknown tag 'p': docxtpl's {%p ... %} has no space between "
            "'%' and 'p'") in messages


def test_unclosed_and_stray_tag_marks(tmp_path):
    path = make(tmp_path, "Dear {{ routing.to", "{ title }}")
    assert lines(path) == [
        'broken: body, paragraph 1 ("Dear {{ routing.to"): {{ routing.to: the tag is not closed '
        "in this paragraph: finish it with '}}' in the same paragraph",
        'broken: body, paragraph 2 ("{ title }}"): { title }}: \'}}\' without its opening '
        "'{{': the tag's start is missing or mistyped"]


def test_unbalanced_blocks_report_the_opening_tag(tmp_path):
    path = make(tmp_path, "{%p if summary %}", "{{ summary }}", "{%p for t in topics %}",
                "{{ t.title }}", "{%p endif %}", "{%p endfor %}", "{%p for o in objectives %}")
    assert [(p.location.split(" (")[0], p.message) for p in check_template(path)] == [
        ("paragraph 3", "this for block is not closed before '{%p endif %}' at paragraph 5: "
                        "add '{%p endfor %}'"),
        ("paragraph 6", "'endfor' has no opening {% for %} before it"),
        ("paragraph 7", "this for block is never closed: add '{%p endfor %}' where it should end"),
    ]


def test_paragraph_tag_closed_inline(tmp_path):
    path = make(tmp_path, "{%p if summary %}", "Summary: {{ summary }}{% endif %}")
    [problem] = check_template(path)
    assert problem.tag == "{% endif %}"
    assert problem.message.startswith("it closes '{%p if summary %}' (paragraph 1), so it must "
                                      "be written '{%p endif %}'")


def test_misplaced_paragraph_and_row_tags(tmp_path):
    path = make(tmp_path, "Topics: {%p for t in topics %}", "{{ t.title }}", "{%p endfor %}",
                "{%tr if figures %}", "{%tr endif %}")
    assert [(p.location.split(" (")[0], p.message.split(":")[0]) for p in check_template(path)] == [
        ("paragraph 1", "docxtpl replaces the whole paragraph with this tag, dropping its other "
                        "text"),
        ("paragraph 4", "{%tr %} tags belong in a table row; this one is not in a table"),
        ("paragraph 5", "{%tr %} tags belong in a table row; this one is not in a table"),
    ]


def test_sandbox_violations(tmp_path):
    path = make(tmp_path, "{{ title.__class__.__mro__ }}", "{{ objectives.append('x') }}",
                "{{ title|attr('__init__') }}", "{% include 'other.docx' %}", "{{ title|dat }}")
    assert [p.message for p in check_template(path)] == [
        "'__class__' is refused by the sandbox: templates may only read briefing data",
        "'__mro__' is refused by the sandbox: templates may only read briefing data",
        "'append()' changes data and is refused by the sandbox: templates may only read "
        "briefing data",
        "'__init__' is refused by the sandbox: templates may only read briefing data",
        "refused by the sandbox: templates cannot load other templates",
        "unknown filter 'dat' (did you mean 'date'?)",
    ]


def test_runtime_problem_found_by_rendering_the_sample(tmp_path):
    path = make(tmp_path, "{{ participants[40].name }}")
    [problem] = check_template(path)
    assert (problem.part, problem.location) == ("body", "rendering the sample briefing")
    assert problem.message == ("list has no element 40 (a briefing may have fewer; test the "
                               "length first)")


def test_a_limit_hit_rendering_the_sample_keeps_the_errors_part_and_tag(tmp_path):
    path = make(tmp_path, "Memo", header="{{ '*' * 10**7 }}")
    [problem] = check_template(path)
    assert (problem.part, problem.location, problem.tag) == (
        "header", "rendering the sample briefing", "{{ '*' * 10**7 }}")
    assert problem.message.startswith("the template went over the 1,000,000-character limit")


def test_bad_manifest_is_a_problem_and_the_document_is_still_checked(tmp_path):
    path = make(tmp_path, "{{ titel }}")
    path.with_suffix(".toml").write_text('title = "Memo"\ncolour = "red"\n', encoding="utf-8")
    problems = check_template(path)
    assert [(p.part, p.message) for p in problems] == [
        ("manifest", "unknown manifest key 'colour' (known keys: description, footnotes, kind, "
                     "name, output, title)"),
        ("body", "unknown variable 'titel' (did you mean 'title'?)"),
    ]


def test_unreadable_templates_raise_one_clear_error(tmp_path):
    bad = tmp_path / "notes.docx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"notes\.docx: not a Word document .*save it from Word"):
        check_template(bad)
    with pytest.raises(TemplateError, match="unknown template 'no-such'"):
        check_template("no-such")


def test_cli_check_exits_1_and_prints_each_problem(tmp_path, capsys):
    path = make(tmp_path, "{{ titel }}")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out == ('broken: body, paragraph 1 ("{{ titel }}"): {{ titel }}: unknown variable '
                   "'titel' (did you mean 'title'?)\n")
    assert main(["check", "briefing-memo"]) == 0
