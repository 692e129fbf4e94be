"""Where the desktop app keeps window state and last choices (QSettings, INI format).

Tests redirect it with ``QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "briefgen"
APPLICATION = "briefgen"


def app_settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)
