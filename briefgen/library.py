"""The template and office-profile library: where files are found, which copy is used.

A :class:`Library` is built from explicit folders, in override order:

1. built in (``templates/`` and ``assets/offices/`` shipped with briefgen),
2. the user's data folder (its ``templates/`` and ``offices/``),
3. each shared folder (templates in it; profiles in it or its ``offices/``).

A file in a later folder overrides one of the same name in an earlier one.
The front ends choose the folders: the CLI from ``$BRIEFGEN_TEMPLATE_PATH``
(:func:`path_list`), the app from its settings.  No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import BriefgenError, InputError, OutputError, TemplateError
from briefgen.files import atomic_write, read_bytes
from briefgen.offices import DEFAULT_OFFICE, OFFICE_SUFFIX, OfficeProfile, read_office
from briefgen.resources import assets_dir, builtin_templates_dir, user_data_dir
from briefgen.templates import TemplateInfo, read_template_info

ENV_VAR = "BRIEFGEN_TEMPLATE_PATH"
"""Shared folders from the environment (``os.pathsep``-separated), read by the front ends."""
IGNORED_PREFIXES = ("~$", ".")
"""Word's lock files and hidden files are never listed."""


def path_list(value: str | None) -> list[Path]:
    """The folders of a ``$BRIEFGEN_TEMPLATE_PATH``-style value."""
    return [Path(part).expanduser() for part in (value or "").split(os.pathsep) if part.strip()]


@dataclass(frozen=True)
class Kind:
    """What differs between templates and office profiles, as data."""

    label: str                    # as error messages name it
    pattern: str                  # the files of this kind in a folder
    error: type[BriefgenError]
    read: Callable[[Path, str], TemplateInfo | OfficeProfile]

    def stem(self, path: Path) -> str:
        """The name a file of this kind is found by when its contents do not say."""
        return path.name[: -len(self.pattern.lstrip("*"))]


KINDS = {
    "template": Kind("template", "*.docx", TemplateError, read_template_info),
    "office": Kind("office profile", f"*{OFFICE_SUFFIX}", InputError, read_office),
}


@dataclass(frozen=True)
class Folder:
    """One place files are looked for: its origin and its folders of each kind."""

    origin: str                   # "builtin" | "user" | "shared"
    template: tuple[Path, ...]
    office: tuple[Path, ...]

    def of(self, kind: str) -> tuple[Path, ...]:
        return getattr(self, kind)


@dataclass
class Entry:
    """One template or office-profile file (or the built-in default profile)."""

    kind: str                 # "template" | "office"
    name: str
    title: str
    origin: str
    path: Path | None
    description: str = ""
    info: TemplateInfo | OfficeProfile | None = None    # None when it cannot be read
    error: BriefgenError | None = None
    overrides: list[str] = field(default_factory=list)   # origins of same-named files it hides
    overridden_by: str = ""                               # origin of the copy used instead

    @property
    def used(self) -> bool:
        """Whether the pickers offer this file (readable and not overridden)."""
        return self.error is None and not self.overridden_by

    @property
    def files(self) -> list[Path]:
        """The files a duplicate copies: the template and its manifest, or the profile and
        a logo beside it."""
        if self.path is None:
            return []
        if self.kind == "template":
            manifest = self.path.with_suffix(".toml")
            return [self.path] + ([manifest] if manifest.is_file() else [])
        logo = getattr(self.info, "logo", None)
        extra = [logo] if logo is not None and logo.parent == self.path.parent else []
        return [self.path] + extra


def _files(folder: Path, pattern: str) -> list[Path]:
    """*folder*'s files matching *pattern*, sorted, without lock and hidden files."""
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.glob(pattern)) if not p.name.startswith(IGNORED_PREFIXES)]


def _mark_overrides(entries: list[Entry]) -> list[Entry]:
    """The override rule: of readable files with one name, the last listed is used."""
    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.error is None:
            by_name.setdefault(entry.name, []).append(entry)
    for same in by_name.values():
        used = same[-1]
        used.overrides = [e.origin for e in same[:-1]]
        for entry in same[:-1]:
            entry.overridden_by = used.origin
    return entries


class Library:
    """Templates and office profiles of the built-in, user and shared folders."""

    def __init__(self, *, user: str | Path | None = None,
                 shared: Iterable[str | Path] = ()) -> None:
        data = Path(user) if user is not None else user_data_dir()
        folders = [Folder("builtin", (builtin_templates_dir(),), (assets_dir() / "offices",)),
                   Folder("user", (data / "templates",), (data / "offices",))]
        for folder in dict.fromkeys(Path(f).expanduser() for f in shared):
            folders.append(Folder("shared", (folder,), (folder, folder / "offices")))
        self.folders = tuple(folders)

    @property
    def shared(self) -> list[Path]:
        return [folder.template[0] for folder in self.folders if folder.origin == "shared"]

    def user_folder(self, kind: str) -> Path:
        """Where the user's own templates (or profiles) live."""
        return next(f.of(kind)[0] for f in self.folders if f.origin == "user")

    def files(self, kind: str) -> list[tuple[str, Path]]:
        """``(origin, path)`` of every file of *kind*, in override order, each once."""
        seen: set[Path] = set()
        found = []
        for folder in self.folders:
            for place in folder.of(kind):
                for path in _files(place, KINDS[kind].pattern):
                    if path.resolve() not in seen:
                        seen.add(path.resolve())
                        found.append((folder.origin, path))
        return found

    def entries(self, kind: str) -> list[Entry]:
        """Every file of *kind* in override order, overridden ones too, each marked with
        what it overrides; one that cannot be read carries its error.  Office profiles
        start with the built-in default."""
        entries = []
        if kind == "office":
            default = OfficeProfile()
            entries.append(Entry("office", default.name, default.title, "builtin", None,
                                 "Built into briefgen: used when no other profile is chosen.",
                                 default))
        for origin, path in self.files(kind):
            try:
                info = KINDS[kind].read(path, origin)
            except BriefgenError as exc:
                entries.append(Entry(kind, path.name, path.name, origin, path, error=exc))
                continue
            entries.append(Entry(kind, info.name, info.title, origin, path, info.description,
                                 info))
        return _mark_overrides(entries)

    def _offered(self, kind: str, entries: list[Entry]) -> list:
        """What the pickers offer, in their order: templates by title, the default
        profile first and then profiles by title."""
        used = [e.info for e in entries if e.used]
        if kind == "template":
            return sorted(used, key=lambda info: (info.title.lower(), info.name))
        return sorted(used, key=lambda o: (o.name != DEFAULT_OFFICE, o.title.lower()))

    def _list(self, kind: str, problems: list[BriefgenError] | None) -> list:
        entries = self.entries(kind)
        if problems is not None:
            problems += [e.error for e in entries if e.error is not None]
        return self._offered(kind, entries)

    def templates(self, problems: list[BriefgenError] | None = None) -> list[TemplateInfo]:
        """The templates the pickers offer.  One that cannot be read is left out (one
        bad file in a shared folder must not hide the rest) and its error added to
        *problems*."""
        return self._list("template", problems)

    def offices(self, problems: list[BriefgenError] | None = None) -> list[OfficeProfile]:
        """The office profiles the pickers offer; as :meth:`templates`."""
        return self._list("office", problems)

    def find_template(self, name_or_path: str | Path) -> TemplateInfo:
        """A template by name (``briefing-memo``) or by the path of its ``.docx``."""
        text = str(name_or_path)
        if text.lower().endswith(".docx"):
            path = Path(text)
            if not path.is_file():
                raise TemplateError("no such template file", file=path)
            return read_template_info(path)
        return self._find("template", text)

    def find_office(self, name_or_path: str | Path | None = None) -> OfficeProfile:
        """A profile by name or by the path of its file; ``None`` gives the default."""
        text = str(name_or_path or DEFAULT_OFFICE)
        if text.endswith(OFFICE_SUFFIX):
            return read_office(Path(text))
        return self._find("office", text)

    def _find(self, kind: str, name: str) -> TemplateInfo | OfficeProfile:
        """The file of *name* the pickers would use; else the error of an unreadable
        file of that name; else which names there are."""
        entries = self.entries(kind)
        for entry in entries:
            if entry.used and entry.name == name:
                return entry.info
        spec = KINDS[kind]
        for entry in entries:
            if entry.error is not None and spec.stem(entry.path) == name:
                raise entry.error
        names = ", ".join(info.name for info in self._offered(kind, entries)) or "none"
        raise spec.error(f"unknown {spec.label} {name!r}", hint=f"available: {names}")

    def duplicate(self, entry: Entry) -> Path:
        """Copy *entry*'s files into the user's folder (same names, so the copy is used).

        Each file is written atomically; if one fails, the files already copied are
        removed again, so a failed duplicate leaves nothing behind.
        """
        if entry.path is None:
            raise OutputError(f"{entry.title!r} is built into briefgen and has no file to copy",
                              hint="duplicate one of the profile files instead")
        folder = self.user_folder(entry.kind)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder: {exc.strerror}", file=folder) from exc
        written: list[Path] = []
        try:
            for source in entry.files:
                target = folder / source.name
                atomic_write(target, read_bytes(source))
                written.append(target)
        except BriefgenError:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        return written[0]

    def watch_paths(self) -> list[str]:
        """What a file watcher should watch: every existing folder and the template,
        manifest and profile files in it."""
        paths: list[str] = []
        for folder in self.folders:
            for place in folder.template + folder.office:
                if place.is_dir():
                    paths.append(str(place))
                    paths += [str(p) for p in _files(place, "*.docx") + _files(place, "*.toml")]
        return list(dict.fromkeys(paths))
