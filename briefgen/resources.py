"""Where the built-in templates and assets live (installed or in a checkout)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The built-in ``templates`` or ``assets`` folder.

    A wheel carries them as ``briefgen/_data/NAME``; a source checkout (and an
    editable install) has them beside the package.
    """
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def builtin_templates_dir() -> Path:
    return data_dir("templates")


def assets_dir() -> Path:
    return data_dir("assets")


def sample_briefing_path() -> Path:
    return assets_dir() / "samples" / "ishiba-lee-tokyo-2025.brief.json"
