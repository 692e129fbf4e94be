"""Office profiles: an office's house style, markings and routing defaults.

A profile is ``NAME.office.toml`` (with an optional logo beside it), found in
the folders of a :class:`briefgen.library.Library`.  Every key is optional::

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

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefgen.errors import InputError
from briefgen.files import read_bytes
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


US_LEVELS = (("UNCLASSIFIED", "U"), ("SENSITIVE BUT UNCLASSIFIED", "SBU"), ("CUI", "CUI"),
             ("CONFIDENTIAL", "C"), ("SECRET", "S"), ("TOP SECRET", "TS"))
"""The default levels, as data: a model built at import would cost start-up time."""


def _us_levels() -> list[Level]:
    return [Level(name=name, portion=portion) for name, portion in US_LEVELS]


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
    levels: list[Level] = Field(default_factory=_us_levels)
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
    routing: Routing = Field(default_factory=Routing,
                             description="Defaults for what a briefing leaves empty.")
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
    import tomllib

    raw = read_bytes(path, limit=MAX_PROFILE)
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", file=path, kind="not-utf8",
                         hint="save it as UTF-8") from exc
    except (tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
        raise InputError(f"not valid TOML: {str(exc)[:200]}", file=path) from exc
    data.setdefault("name", path.name[: -len(OFFICE_SUFFIX)])
    try:
        office = OfficeProfile.model_validate({**data, "path": path, "origin": origin})
    except ValidationError as exc:
        from briefgen.briefing_io import validation_error

        raise validation_error(exc, file=path) from exc
    if office.logo is not None:
        check_logo(office.logo, data.get("logo"), path)
    return office


def check_logo(logo: Path, given: object, profile: Path) -> None:
    """A relative *given* logo name must stay inside the profile's folder (no ``..``
    or symlink out of it); any logo must be a regular, bounded image file."""
    if not Path(str(given)).is_absolute():
        if not logo.resolve().is_relative_to(profile.parent.resolve()):
            raise InputError(f"the logo {given} is outside the profile's folder", file=profile,
                             hint="put the image beside the profile, or give its full path")
    logo_bytes(logo, profile)


def logo_bytes(logo: Path, profile: Path | None) -> bytes:
    """The bytes of a logo image (PNG, JPEG, GIF or BMP) of at most MAX_LOGO bytes."""
    hint = "put the image beside the profile or fix the 'logo' key"
    try:
        data = read_bytes(logo, limit=MAX_LOGO)
    except InputError as exc:
        missing = isinstance(exc.__cause__, FileNotFoundError)
        message = "logo not found" if missing else f"logo {exc.message}"
        raise InputError(f"{message}: {logo}", file=profile, hint=exc.hint or hint) from exc
    if not data.startswith(IMAGE_SIGNATURES):
        raise InputError(f"the logo is not a PNG, JPEG, GIF or BMP image: {logo}",
                         file=profile, hint=hint)
    return data


def list_offices(problems: list | None = None) -> list[OfficeProfile]:
    """The built-in and the user's profiles (:meth:`briefgen.library.Library.offices`)."""
    from briefgen.library import Library

    return Library().offices(problems)


def find_office(name: str | None = None) -> OfficeProfile:
    """A built-in or user profile by name, or one by path; ``None`` gives the default
    (:meth:`briefgen.library.Library.find_office`)."""
    from briefgen.library import Library

    return Library().find_office(name)
