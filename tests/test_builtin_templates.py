"""The committed built-in templates are what templates/build.py makes."""

from __future__ import annotations

import importlib.util
import zipfile

import pytest

from briefgen.resources import builtin_templates_dir
from briefgen.templates import list_templates

FOLDER = builtin_templates_dir()


def load_builder():
    spec = importlib.util.spec_from_file_location("build_templates", FOLDER / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def xml_parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")}


def test_committed_templates_match_the_builder(tmp_path):
    builder = load_builder()
    built = builder.build(tmp_path)
    assert sorted(p.name for p in built) == sorted(p.name for p in FOLDER.glob("*.docx"))
    for path in built:
        committed, fresh = xml_parts(FOLDER / path.name), xml_parts(path)
        assert committed.keys() == fresh.keys(), path.name
        stale = [n for n in fresh if fresh[n] != committed[n]]
        assert not stale, f"{path.name}: {stale} differ; run `make templates`"


@pytest.mark.parametrize("docx", sorted(FOLDER.glob("*.docx")), ids=lambda p: p.stem)
def test_every_builtin_template_has_a_manifest(docx):
    assert docx.with_suffix(".toml").is_file()
    info = next(t for t in list_templates() if t.path == docx)
    assert info.origin == "builtin" and info.title and info.description
