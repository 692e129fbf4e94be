"""A corpus of hostile templates, built in code (no binary blobs).

Each entry is a tag an attacker could type into a Word template.  ESCAPES try
to reach the file system or Python objects through everything the context
used to expose; DOS payloads try to exhaust memory, time or the stack.
``{target}`` in a payload is replaced with a path the test watches: if the
sandbox failed, a file would appear there.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

ESCAPES = {
    "model_validate": "{{ office.model_validate({'path': '{target}'}).path.write_text('x') }}",
    "office_path": "{{ office.path.write_text('x') }}",
    "office_logo": "{{ office.logo.read_bytes() }}",
    "logo_tpl_save": "{{ logo.tpl.save('{target}') }}",
    "logo_attr_filter": "{{ (logo|attr('tpl')).save('{target}') }}",
    "logo_map_attribute": "{{ [logo]|map(attribute='tpl')|list }}",
    "briefing_class": "{{ briefing.__class__.__init__.__globals__ }}",
    "model_dump": "{{ participants[0].model_dump() }}",
    "str_mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "str_format": "{{ '{0.__class__.__init__.__globals__}'.format(title) }}",
    "format_map": "{{ '{x}'.format_map(office) }}",
    "date_replace": "{{ today.replace(year=1).fromisoformat('2020-01-01') }}",
    "loop_internals": "{% for p in participants %}{{ loop._iterator }}{% endfor %}",
    "macro_globals": "{% macro m() %}{% endmacro %}{{ m._func.__globals__ }}",
    "cycler": "{{ cycler(1, 2).next() }}",
    "joiner": "{{ joiner(',')() }}",
    "namespace": "{% set ns = namespace(x=1) %}{{ ns.x }}",
    "lipsum": "{{ lipsum(1000000) }}",
    "self_reference": "{{ self.__dict__ }}",
    "list_append": "{{ objectives.append('x') }}",
    "getitem_dunder": "{{ title['__class__'] }}",
    "include": "{% include 'briefing-memo.docx' %}",
    "filter_attribute": "{{ [logo]|omitted(0, '__dict__') }}{{ [logo]|sum(attribute='tpl') }}",
}

DOS = {
    "string_times": "{{ '*' * 10**9 }}",
    "list_times": "{{ [1, 2] * 10**8 }}",
    "power": "{{ 10**(10**9) }}",
    "percent_width": "{{ '%999999999s' % title }}",
    "format_filter_star": "{{ '%*s'|format(999999999, 'x') }}",
    "center_filter": "{{ title|center(999999999) }}",
    "ljust_method": "{{ title.ljust(999999999) }}",
    "replace_filter": "{{ ('x' * 1000)|replace('', 'y' * 1000) }}",
    "replace_method": "{{ ('x' * 1000).replace('x', 'y' * 10000) }}",
    "join_filter": "{{ range(10000)|map('string')|join('x' * 1000) }}",
    "wordwrap": "{{ ('x' * 100000)|wordwrap(1, wrapstring='y' * 1000) }}",
    "indent": "{{ ('x\\n' * 100000)|indent(1000) }}",
    "range": "{{ range(100000)|list|length }}",
    "nested_loops": "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}"
                    "{% endfor %}",
    "macro_recursion": "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}",
    "loop_recursion": "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
    "doubling_concat": "{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s|length }}"
                       "{% endmacro %}{{ d('x', 40) }}",
    "nested_lists": "{% set a = range(10000)|list %}{% set b = [a, a, a, a, a, a, a, a, a, a] %}"
                    "{% set c = [b, b, b, b, b, b, b, b, b, b] %}{{ c }}",
    "output_size": "{% for i in range(10000) %}{{ 'x' * 1000000 }}{% endfor %}",
    "folded_constant": "{{ 'x'|center(1000000000) }}",
    "lazy_map": "{{ range(10000)|map('center', 100000)|list|length }}",
    "batch_keyword": "{{ range(3)|batch(linecount=10**9, fill_with='x')|list }}",
}


def hostile_template(folder: Path, name: str, tag: str, target: Path | None = None,
                     part: str = "body") -> Path:
    """A one-paragraph template *name*.docx holding *tag* in its body, header or footer."""
    text = tag.replace("{target}", str(target)) if target else tag
    doc = Document()
    doc.add_paragraph("Briefing")
    if part == "body":
        doc.add_paragraph(text)
    else:
        getattr(doc.sections[0], part).paragraphs[0].text = text
    path = folder / f"{name}.docx"
    doc.save(path)
    return path
