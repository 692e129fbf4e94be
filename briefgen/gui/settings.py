"""Where the desktop app keeps window state and last choices (QSettings, INI format),
and the template library those choices are made from.

Tests redirect it with ``QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from briefgen.library import Library

ORGANIZATION = "briefgen"
APPLICATION = "briefgen"
SHARED_KEY = "templates/shared_folders"


def app_settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)


def shared_folders(settings: QSettings) -> list[str]:
    """The shared folders the user added in the app."""
    value = settings.value(SHARED_KEY, [])
    if isinstance(value, str):      # the INI format returns a one-item list as a string
        value = [value] if value else []
    return [str(folder) for folder in value or []]


def environment_folders() -> list[str]:
    """The shared folders of ``$BRIEFGEN_TEMPLATE_PATH`` (read, never written)."""
    from briefgen.library import ENV_VAR, path_list

    return [str(folder) for folder in path_list(os.environ.get(ENV_VAR))]


def library(settings: QSettings) -> Library:
    """The templates and profiles the app offers: built-in, the user's, the folders of
    ``$BRIEFGEN_TEMPLATE_PATH`` and then those added in the app (the library's
    modules load on first use, after the window is on screen)."""
    from briefgen.library import Library

    return Library(shared=environment_folders() + shared_folders(settings))
