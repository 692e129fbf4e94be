"""Architecture rules, checked on every run: Qt lives only in briefgen.gui, the
package is layered (pyproject.toml's contracts, checked by import-linter), and a
start-up loads only what its first result needs."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import briefgen

ROOT = Path(__file__).resolve().parents[1]
ENTRY_POINTS = {"briefgen.cli", "briefgen.__main__", "briefgen.gui"}
TOP_LEVEL = {f"briefgen.{m.name}" for m in pkgutil.iter_modules(briefgen.__path__)}


def contract(kind: str) -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [found] = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == kind]
    return found


def test_every_core_module_is_under_the_contract():
    assert set(contract("forbidden")["source_modules"]) == TOP_LEVEL - ENTRY_POINTS


def modules_of(layer: str) -> set[str]:
    return set(re.split(r"\s*[|:]\s*", layer.strip()))


def test_every_module_is_in_one_layer():
    layers = [modules_of(layer) for layer in contract("layers")["layers"]]
    assert sum(len(layer) for layer in layers) == len(set().union(*layers))
    assert set().union(*layers) == TOP_LEVEL


def test_front_ends_on_top_model_and_errors_below_all_and_importing_never_renders():
    layers = contract("layers")["layers"]
    assert modules_of(layers[0]) == ENTRY_POINTS
    assert {"briefgen.model", "briefgen.errors"} <= modules_of(layers[-1])
    [rendering] = [layer for layer in layers if "briefgen.render" in modules_of(layer)]
    assert "briefgen.importing" in modules_of(rendering) and ":" not in rendering


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
