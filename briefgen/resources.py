"""Where the built-in templates and assets live (installed or in a checkout)."""

from __future__ import annotations

import os
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


def user_data_dir() -> Path:
    """The user's briefgen folder (autosave, templates, offices).

    ``$BRIEFGEN_DATA_DIR`` replaces it, so tests never touch the real one.
    """
    override = os.environ.get("BRIEFGEN_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("briefgen", appauthor=False)


def user_cache_dir() -> Path:
    """Compiled templates and other caches that may be deleted at any time."""
    override = os.environ.get("BRIEFGEN_DATA_DIR")
    if override:
        return Path(override) / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("briefgen", appauthor=False)


def user_templates_dir() -> Path:
    return user_data_dir() / "templates"


def user_offices_dir() -> Path:
    return user_data_dir() / "offices"
