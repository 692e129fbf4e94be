"""Architecture rules, checked on every run: Qt lives only in briefgen.gui."""

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
