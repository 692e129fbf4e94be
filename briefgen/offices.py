"""Office profiles: an office's house style, markings and routing defaults.

A profile is ``NAME.office.toml`` (with an optional logo beside it), found in
the folders of :mod:`briefgen.folders`.  Every key is optional::

    title = "Office of Northeast Asian Affairs"
    letterhead = ["Ministry of Foreign Affairs", "Office of Northeast Asian Affairs"]
    logo = "logo.png"
    classification = "UNCLASSIFIED"
    portion_marks = true
    date_style = "us"            # us | uk | military | iso
    paper = "Letter"             # Letter | A4
    [[levels]]
    name = "UNCLASSIFIED"
    portion = "U"
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefgen.errors import InputError
from briefgen.files import read_bytes
from briefgen.folders import office_folders
from briefgen.model import Routing

OFFICE_SUFFIX = ".office.toml"
MAX_PROFILE = 1_000_000
MAX_LOGO = 5_000_000
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")
DEFAULT_OFFICE = "default"


class Level(BaseModel):
    """A classification level and its portion mark: ``CONFIDENTIAL`` -> ``C``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    name: str
    portion: str


US_LEVELS = [Level(name=n, portion=p) for n, p in (
    ("UNCLASSIFIED", "U"), ("SENSITIVE BUT UNCLASSIFIED", "SBU"), ("CUI", "CUI"),
    ("CONFIDENTIAL", "C"), ("SECRET", "S"), ("TOP SECRET", "TS"))]


class OfficeProfile(BaseModel):
    """How one office's documents look and are marked."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str = DEFAULT_OFFICE
    title: str = "Default office"
    description: str = ""
    letterhead: list[str] = []
    logo: Path | None = Field(None, description="Image file, relative to the profile.")
    logo_width_mm: float = 30.0
    classification: str = Field("UNCLASSIFIED", description="Default level; empty: unmarked.")
    levels: list[Level] = US_LEVELS
    caveats: str = ""
    portion_marks: bool = False
    date_style: Literal["us", "uk", "military", "iso"] = "us"
    paper: Literal["Letter", "A4"] = "Letter"
    margin_mm: float = 25.4
    font: str = "Times New Roman"
    font_size: float = 12.0
    east_asian_font: str = "MS Mincho"
    script_fonts: dict[str, str] = Field(
        {}, description="Font per language tag (ko-KR, ja-JP, zh-CN, zh-TW, ar-SA, he-IL, th-TH, "
                        "hi-IN, or ko, ja, zh, ar, he, th, hi), over briefgen's defaults.")
    spelling: Literal["en-US", "en-GB", "en-CA", "en-AU"] = "en-US"
    routing: Routing = Field(Routing(), description="Defaults for what a briefing leaves empty.")
    path: Path | None = None
    origin: str = "builtin"

    @model_validator(mode="after")
    def _resolve_logo(self) -> OfficeProfile:
        if self.logo is not None and not self.logo.is_absolute() and self.path is not None:
            self.logo = self.path.parent / self.logo
        return self

    def portion_for(self, classification: str) -> str:
        """The portion mark of a level: ``SECRET`` -> ``S``; unknown levels keep
        their initials (``OFFICIAL-SENSITIVE`` -> ``OS``)."""
        wanted = classification.strip().upper()
        for level in self.levels:
            if level.name.upper() == wanted:
                return level.portion
        return "".join(word[0] for word in wanted.replace("-", " ").split())

    def uses_level(self, classification: str) -> bool:
        """Whether *classification* is one of this office's levels (or unmarked)."""
        wanted = classification.strip().upper()
        return not wanted or any(level.name.upper() == wanted for level in self.levels)

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "title": self.title, "description": self.description,
                "path": str(self.path) if self.path else None, "origin": self.origin,
                "classification": self.classification, "paper": self.paper,
                "date_style": self.date_style, "portion_marks": self.portion_marks}


def read_office(path: Path, origin: str = "path") -> OfficeProfile:
    """Load one profile, naming the file and the key of any problem."""
    raw = read_bytes(path, limit=MAX_PROFILE)
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", where=path,
                         hint="save it as UTF-8") from exc
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
        raise InputError(f"not valid TOML: {str(exc)[:200]}", where=path) from exc
    data.setdefault("name", path.name[: -len(OFFICE_SUFFIX)])
    try:
        office = OfficeProfile.model_validate({**data, "path": path, "origin": origin})
    except ValidationError as exc:
        from briefgen.briefing_io import validation_problems

        problems = validation_problems(exc)
        raise InputError(problems[0], where=path, details="\n".join(problems)) from exc
    if office.logo is not None:
        check_logo(office.logo, data.get("logo"), path)
    return office


def check_logo(logo: Path, given: object, profile: Path) -> None:
    """A relative *given* logo name must stay inside the profile's folder (no ``..``
    or symlink out of it); any logo must be a regular, bounded image file."""
    if not Path(str(given)).is_absolute():
        if not logo.resolve().is_relative_to(profile.parent.resolve()):
            raise InputError(f"the logo {given} is outside the profile's folder", where=profile,
                             hint="put the image beside the profile, or give its full path")
    logo_bytes(logo, profile)


def logo_bytes(logo: Path, profile: Path | None) -> bytes:
    """The bytes of a logo image (PNG, JPEG, GIF or BMP) of at most MAX_LOGO bytes."""
    hint = "put the image beside the profile or fix the 'logo' key"
    try:
        data = read_bytes(logo, limit=MAX_LOGO)
    except InputError as exc:
        message = "logo not found" if exc.message == "no such file" else f"logo {exc.message}"
        raise InputError(f"{message}: {logo}", where=profile, hint=exc.hint or hint) from exc
    if not data.startswith(IMAGE_SIGNATURES):
        raise InputError(f"the logo is not a PNG, JPEG, GIF or BMP image: {logo}",
                         where=profile, hint=hint)
    return data


def office_files() -> Iterator[tuple[str, Path]]:
    """``(origin, path)`` of every ``*.office.toml``, in override order, each once."""
    seen: set[Path] = set()
    for origin, folder in office_folders():
        if folder.is_dir():
            for path in sorted(folder.glob(f"*{OFFICE_SUFFIX}")):
                if path.resolve() not in seen:
                    seen.add(path.resolve())
                    yield origin, path


def list_offices(problems: list[InputError] | None = None) -> list[OfficeProfile]:
    """Every profile, later folders overriding earlier ones by name.

    A profile that cannot be read is left out and its error added to *problems*.
    """
    found: dict[str, OfficeProfile] = {DEFAULT_OFFICE: OfficeProfile()}
    for origin, path in office_files():
        try:
            office = read_office(path, origin)
        except InputError as exc:
            if problems is not None:
                problems.append(exc)
            continue
        found[office.name] = office
    return sorted(found.values(), key=lambda o: (o.name != DEFAULT_OFFICE, o.title.lower()))


def find_office(name: str | None = None) -> OfficeProfile:
    """A profile by name or by the path of its file; ``None`` gives the default."""
    if name and name.endswith(OFFICE_SUFFIX):
        return read_office(Path(name))
    wanted = name or DEFAULT_OFFICE
    problems: list[InputError] = []
    offices = list_offices(problems)
    for office in offices:
        if office.name == wanted:
            return office
    for problem in problems:
        if problem.where and Path(problem.where).name == f"{wanted}{OFFICE_SUFFIX}":
            raise problem
    names = ", ".join(o.name for o in offices)
    raise InputError(f"unknown office profile {wanted!r}", hint=f"available: {names}")
