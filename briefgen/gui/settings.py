"""Where the desktop app keeps window state and last choices (QSettings, INI format).

Tests redirect it with ``QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from briefgen.folders import ENV_VAR

ORGANIZATION = "briefgen"
APPLICATION = "briefgen"
SHARED_KEY = "templates/shared_folders"


def app_settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)


_added: list[str] = []    # folders this setting put into the environment variable


def shared_folders(settings: QSettings) -> list[str]:
    """The shared folders the user added in the app."""
    value = settings.value(SHARED_KEY, [])
    if isinstance(value, str):      # the INI format returns a one-item list as a string
        value = [value] if value else []
    return [str(folder) for folder in value or []]


def apply_shared_folders(settings: QSettings) -> None:
    """Put the setting's folders into ``$BRIEFGEN_TEMPLATE_PATH`` after those already there."""
    current = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    base = [p for p in current if p not in _added]
    _added[:] = [f for f in dict.fromkeys(shared_folders(settings)) if f not in base]
    if base or _added:
        os.environ[ENV_VAR] = os.pathsep.join(base + _added)
    else:
        os.environ.pop(ENV_VAR, None)


def environment_folders() -> list[str]:
    """Folders in ``$BRIEFGEN_TEMPLATE_PATH`` that the setting did not add."""
    return [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep)
            if p.strip() and p not in _added]
