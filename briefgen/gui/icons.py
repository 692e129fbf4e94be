"""The app's one icon set: the platform theme where it has the icon, else a bundled SVG.

The bundled icons are Lucide icons (ISC licence, ``assets/icons/LICENSE-lucide.txt``),
drawn in the palette's text colour (greyed when disabled, light on a selection),
so they suit light and dark themes.  Icons are made on first use and cached.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette,
                           QPixmap)
from PySide6.QtSvg import QSvgRenderer

from briefgen.resources import assets_dir

# name: (bundled SVG, freedesktop theme name or "" when no standard name means it)
ICONS: dict[str, tuple[str, str]] = {
    # actions
    "new": ("file-plus", "document-new"),
    "open": ("folder-open", "document-open"),
    "save": ("save", "document-save"),
    "undo": ("undo-2", "edit-undo"),
    "redo": ("redo-2", "edit-redo"),
    "import": ("file-input", "document-import"),
    "export": ("file-output", "document-export"),
    "export-pack": ("files", ""),
    "export-pdf": ("file-down", ""),
    "page-preview": ("book-open", ""),
    "refresh": ("refresh-cw", "view-refresh"),
    "templates": ("layout-template", ""),
    "guide": ("circle-help", "help-contents"),
    "shortcuts": ("keyboard", ""),
    "about": ("info", "help-about"),
    "add": ("plus", "list-add"),
    "remove": ("trash-2", "list-remove"),
    "up": ("arrow-up", "go-up"),
    "down": ("arrow-down", "go-down"),
    "duplicate": ("copy", "edit-copy"),
    "edit-file": ("file-pen", ""),
    "check": ("check-check", ""),
    "folder": ("folder-open", "folder-open"),
    "rename": ("pencil", "edit-rename"),
    "delete": ("trash-2", "edit-delete"),
    # editor pages
    "page-meeting": ("calendar-days", ""),
    "page-people": ("users", ""),
    "page-objectives": ("target", ""),
    "page-topics": ("messages-square", ""),
    "page-statements": ("quote", ""),
    "page-outcomes": ("handshake", ""),
    "page-sources": ("library", ""),
    "page-routing": ("stamp", ""),
}

_cache: dict[str, QIcon] = {}
_engines: list[QIconEngine] = []     # Qt holds the engines; Python must keep them alive too


class SvgIconEngine(QIconEngine):
    """Draws one SVG, its ``currentColor`` replaced by the palette colour for the mode;
    each size, mode and colour is drawn once and kept."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data
        self.pixmaps: dict[tuple, QPixmap] = {}
        _engines.append(self)

    @staticmethod
    def _color(mode: QIcon.Mode) -> QColor:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.Disabled, QPalette.WindowText)
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.Active, QPalette.HighlightedText)
        return palette.color(QPalette.Active, QPalette.WindowText)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        color = self._color(mode)
        key = (size.width(), size.height(), color.rgba())
        if key not in self.pixmaps:
            svg = self.data.replace(b"currentColor", color.name().encode())
            if color.alpha() < 255:
                svg = svg.replace(b"<svg", f'<svg opacity="{color.alphaF():.2f}"'.encode(), 1)
            pixmap = QPixmap(size)
            pixmap.fill(Qt.transparent)
            painter = QPainter(pixmap)
            QSvgRenderer(QByteArray(svg)).render(painter, QRectF(pixmap.rect()))
            painter.end()
            self.pixmaps[key] = pixmap
        return self.pixmaps[key]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.pixmap(rect.size() * ratio, mode, state)
        painter.drawPixmap(rect, pixmap)

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.data)


def bundled_path(name: str):
    """The bundled SVG file of icon *name*."""
    return assets_dir() / "icons" / f"{ICONS[name][0]}.svg"


def icon(name: str) -> QIcon:
    """The icon called *name* (a key of :data:`ICONS`), the same object on every call."""
    if name not in _cache:
        theme = ICONS[name][1]
        if theme and QIcon.hasThemeIcon(theme):
            _cache[name] = QIcon.fromTheme(theme)
        else:
            _cache[name] = QIcon(SvgIconEngine(bundled_path(name).read_bytes()))
    return _cache[name]


def name_of(found: QIcon) -> str | None:
    """The name *found* was made from (for tests and accessibility checks)."""
    key = found.cacheKey()
    return next((name for name, made in _cache.items() if made.cacheKey() == key), None)
