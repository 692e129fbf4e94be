"""Architecture rules, checked on every run: Qt lives only in briefgen.gui, and a
start-up loads only what its first result needs."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import briefgen

ROOT = Path(__file__).resolve().parents[1]
ENTRY_POINTS = {"briefgen.cli", "briefgen.__main__", "briefgen.gui"}


def contract():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["contracts"][0]


def test_every_core_module_is_under_the_contract():
    top_level = {f"briefgen.{m.name}" for m in pkgutil.iter_modules(briefgen.__path__)}
    assert set(contract()["source_modules"]) == top_level - ENTRY_POINTS


def test_import_linter_contracts_hold():
    linter = Path(sys.executable).with_name("lint-imports")
    if not linter.exists():
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    result = subprocess.run([str(linter), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


# What a one-document render has no use for: worker processes (large batches only),
# the network stack, the importer, packs, PDF conversion, template checks, Qt.
NOT_FOR_ONE_RENDER = ("multiprocessing", "concurrent.futures.process", "urllib.request",
                      "http.client", "ssl", "briefgen.importing", "briefgen.pack",
                      "briefgen.convert", "briefgen.check", "PySide6")


def test_rendering_one_document_loads_only_what_it_needs(sample_path, tmp_path):
    code = (
        "import sys\n"
        "from briefgen.cli import main\n"
        f"main(['render', {str(sample_path)!r}, '-t', 'briefing-memo',"
        f" '-o', {str(tmp_path / 'memo.docx')!r}])\n"
        "print(' '.join(sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    loaded = set(result.stdout.split())
    assert (tmp_path / "memo.docx").is_file()
    assert sorted(m for m in loaded if m.startswith(NOT_FOR_ONE_RENDER)) == []
