"""Validate rendered .docx files as Word would: the ECMA-376 transitional
schemas plus the package and cross-part rules of Microsoft's Open XML SDK,
through openxml-audit (a pure-Python port of the SDK's validator, MIT).

Schema validation is the slow step; a part's result depends only on its
bytes, so results are kept per part content and a matrix of renders sharing
styles, themes and settings validates each distinct part once.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from functools import lru_cache
from pathlib import Path

from openxml_audit import FileFormat, OpenXmlValidator
from openxml_audit.semantic.constraints import cross_part

KNOWN_HARMLESS: dict[str, str] = {}
"""Finding pattern (regex over the finding's text) -> why it may be ignored."""


_RUNS = [0]
_package_key = cross_part._cache_key


def _run_key(context, part_path, part_uris):
    """openxml-audit 0.8 keys its cross-part caches by ``id(package)``, which a
    later document's package may reuse; add which validation this is."""
    return (_RUNS[0], *_package_key(context, part_path, part_uris))


cross_part._cache_key = _run_key


@lru_cache(maxsize=1)
def _validator() -> OpenXmlValidator:
    validator = OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=200)
    schema = validator._schema_validator
    validate_part = schema.validate_part
    cache: dict[tuple[str, bytes], list] = {}

    def cached(part, context):
        content = part._package.get_part_content(part.uri) or b""
        key = (part.uri, hashlib.sha256(content).digest())
        if key in cache:
            context.set_part(part)
            context.errors.extend(cache[key])
            return context.errors
        before = len(context.errors)
        validate_part(part, context)
        cache[key] = list(context.errors[before:])
        return context.errors

    schema.validate_part = cached
    return validator


def schema_findings(data: bytes) -> list[str]:
    """Every finding for the .docx *data* that is not listed as known-harmless."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.docx"
        path.write_bytes(data)
        _RUNS[0] += 1
        result = _validator().validate(path)
    return [str(e) for e in result.errors
            if not any(re.search(pattern, str(e)) for pattern in KNOWN_HARMLESS)]
