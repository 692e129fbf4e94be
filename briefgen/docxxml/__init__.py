"""The raw OOXML briefgen needs where python-docx has no API.

All of briefgen's direct WordprocessingML work lives in this package behind
the small API below, one module per subject: fields (PAGE, NUMPAGES, TOC),
paragraphs (page breaks, outline levels), schema order, house style (fonts,
``w:eastAsia``, language, page size and margins), runs in other scripts,
footnotes (``/word/footnotes.xml``) and package clean-up.
"""

from __future__ import annotations

from docx.oxml.ns import nsmap

from briefgen.docxxml.fields import add_field, toc_paragraphs, update_fields_on_open
from briefgen.docxxml.footnotes import (FOOTNOTE_REFERENCE, FOOTNOTE_TEXT, add_footnote,
                                        add_footnote_styles,
                                        footnote_reference_xml, footnotes_part,
                                        next_footnote_id)
from briefgen.docxxml.order import (SCHEMA_ORDER, insert_in_order, misplaced_children,
                                    property_containers, sort_properties)
from briefgen.docxxml.package import (STYLES_WITH_EFFECTS, app_version, finish_package,
                                      finish_part, package_parts, xml_parts)
from briefgen.docxxml.paragraphs import (first_paragraph, insert_before, outline_level,
                                         page_break_before, start_of_body)
from briefgen.docxxml.script_runs import (apply_scripts, complex_script_twins,
                                          script_run_properties, script_run_xml)
from briefgen.docxxml.style import (PAPER_MM, set_language, set_run_fonts,
                                    style_sections, style_styles)

CORE_PROPERTIES_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

__all__ = [
    "FOOTNOTE_REFERENCE", "FOOTNOTE_TEXT", "PAPER_MM", "SCHEMA_ORDER", "STYLES_WITH_EFFECTS", "add_field",
    "add_footnote", "add_footnote_styles", "app_version", "apply_scripts",
    "complex_script_twins", "finish_package", "finish_part", "first_paragraph", "insert_before",
    "footnote_reference_xml", "footnotes_part",
    "insert_in_order", "misplaced_children", "next_footnote_id", "outline_level", "package_parts",
    "page_break_before", "property_containers", "script_run_properties", "script_run_xml",
    "set_language", "set_run_fonts", "sort_properties", "start_of_body", "style_sections",
    "style_styles", "toc_paragraphs",
    "update_fields_on_open", "xml_parts",
]


def _restore_core_properties_prefix() -> None:
    """Undo docxcompose's import-time change of python-docx's ``cp`` prefix.

    docxcompose (imported by docxtpl) maps ``cp`` to the custom-properties
    namespace for the whole process; python-docx then writes
    ``lastModifiedBy`` and ``revision`` into the wrong namespace and Word
    reports the file as unreadable.  docxcompose keeps its own mapping, so
    restoring the standard one costs it nothing.
    """
    import docxcompose.utils  # noqa: F401  (the import that changes the prefix)

    nsmap["cp"] = CORE_PROPERTIES_NS


_restore_core_properties_prefix()
