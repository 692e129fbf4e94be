"""Fixtures shared by every test: isolation from the user's real folders."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from briefgen.briefing_io import load_briefing
from briefgen.resources import sample_briefing_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Outside any one test too (a document still open when the session ends autosaves then,
# and tests/x11 runs in a child process): never the user's real data folder.
os.environ["BRIEFGEN_DATA_DIR"] = tempfile.mkdtemp(prefix="briefgen-tests-")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point the user data folder at a temporary one; forget shared folders."""
    home = tmp_path_factory.mktemp("briefgen-home")
    monkeypatch.setenv("BRIEFGEN_DATA_DIR", str(home))
    monkeypatch.delenv("BRIEFGEN_TEMPLATE_PATH", raising=False)
    return home


@pytest.fixture
def sample_path() -> Path:
    return sample_briefing_path()


@pytest.fixture
def sample(sample_path):
    briefing, warnings = load_briefing(sample_path)
    assert warnings == []
    return briefing


@pytest.fixture
def shared_samples() -> Path:
    folder = SHARED / "samples"
    if not folder.is_dir():
        pytest.skip(f"the shared samples are not available at {folder} (only in the developers' checkout)")
    return folder


# tests/x11 runs in its own process on a real X server (see tests/gui/test_x11.py)
collect_ignore = [] if os.environ.get("QT_QPA_PLATFORM") == "xcb" else ["x11"]
