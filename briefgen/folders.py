"""The folders templates and office profiles are found in, in override order.

1. built-in (``templates/`` and ``assets/offices/`` shipped with briefgen),
2. the user's folder (``<user data>/templates`` and ``<user data>/offices``),
3. every folder in ``$BRIEFGEN_TEMPLATE_PATH`` (``os.pathsep``-separated;
   an office's shared network folder goes here).

A file found in a later folder overrides one of the same name in an earlier one.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefgen.resources import assets_dir, builtin_templates_dir, user_data_dir

ENV_VAR = "BRIEFGEN_TEMPLATE_PATH"


def extra_folders() -> list[Path]:
    value = os.environ.get(ENV_VAR, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]


def template_folders() -> list[tuple[str, Path]]:
    """``(origin, folder)`` pairs where templates are looked for."""
    folders = [("builtin", builtin_templates_dir()), ("user", user_data_dir() / "templates")]
    folders += [("shared", folder) for folder in extra_folders()]
    return folders


def office_folders() -> list[tuple[str, Path]]:
    """``(origin, folder)`` pairs where office profiles (``*.office.toml``) are looked for."""
    folders = [("builtin", assets_dir() / "offices"), ("user", user_data_dir() / "offices")]
    for folder in extra_folders():
        folders += [("shared", folder), ("shared", folder / "offices")]
    return folders
