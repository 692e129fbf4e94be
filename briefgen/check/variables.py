"""The names a template uses, from Jinja's own meta API
(``jinja2.meta.find_undeclared_variables``) over each part's Jinja source as
docxtpl prepares it for rendering: a static scan that checks nothing."""

from __future__ import annotations

import io
from pathlib import Path

from docx.opc.constants import CONTENT_TYPE as CT
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, meta, nodes

from briefgen.check import parts
from briefgen.templates import TemplateInfo
from briefgen.templating import environment


def template_variables(template: TemplateInfo | str | Path) -> set[str]:
    """The top-level names a template uses (known to the model or not); a part
    Jinja cannot read adds none (``briefgen check`` says why)."""
    info, _manifest = parts.resolve(template)
    data, findings = parts.package(info)
    if data is None:
        return set()
    try:
        sources = _jinja_sources(data)
    except parts.DAMAGED as exc:
        if findings:
            return set()
        raise parts.not_a_word_document(info, exc) from exc
    env, names = environment(), set()
    for source in sources:
        try:
            ast = env.parse(source)
        except (TemplateSyntaxError, RecursionError):
            continue
        names |= meta.find_undeclared_variables(ast) - _assigned(ast)
    return names


def _assigned(ast: nodes.Template) -> set[str]:
    """Names the template sets itself: Jinja's meta API counts one set inside an
    ``{% if %}`` as undeclared where it is read after the block."""
    return {name.name for node in ast.find_all((nodes.Assign, nodes.AssignBlock))
            for name in [node.target, *node.target.find_all(nodes.Name)]
            if isinstance(name, nodes.Name)}


def _jinja_sources(data: bytes) -> list[str]:
    """What docxtpl hands Jinja: body, headers, footers and footnotes through its
    ``patch_xml``, and the document properties it renders."""
    from briefgen.render import RENDERED_PROPERTIES

    doc = DocxTemplate(io.BytesIO(data))
    doc.init_docx()
    sources = [doc.patch_xml(doc.get_xml())]
    for uri in (doc.HEADER_URI, doc.FOOTER_URI):
        sources += [doc.patch_xml(doc.get_part_xml(part))
                    for _key, part in doc.get_headers_footers(uri)]
    sources += [doc.patch_xml(part.blob.decode("utf-8")) for part in doc.docx.part.package.parts
                if part.content_type == CT.WML_FOOTNOTES]
    sources += [getattr(doc.docx.core_properties, name) or "" for name in RENDERED_PROPERTIES]
    return sources
