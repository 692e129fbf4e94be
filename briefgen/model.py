"""The facts model: a :class:`Briefing` and its parts (pydantic v2).

Field names are a contract shared by the importer, the templates and the GUI:
add fields freely, never rename them.  Every text field is cleaned of
characters that cannot live in a .docx (see :mod:`briefgen.textclean`).
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from briefgen.textclean import strip_invalid

SCHEMA_VERSION = 1

MeetingKind = Literal["summit", "bilateral", "multilateral", "call", "visit"]
Role = Literal["host", "guest", "principal", "delegation", "interpreter", "notetaker"]
Category = Literal["security", "trade", "economy", "history", "technology", "energy",
                   "climate", "people", "regional", "politics", "other"]
CATEGORIES: tuple[str, ...] = Category.__args__
ROLES: tuple[str, ...] = Role.__args__
MEETING_KINDS: tuple[str, ...] = MeetingKind.__args__


def _clean(value):
    return strip_invalid(value) if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_clean)]
"""A string safe to put in a .docx (control characters removed)."""


class Part(BaseModel):
    """Base for every part: unknown keys are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True,
                              validate_assignment=True, defer_build=True)


class Meeting(Part):
    kind: MeetingKind | None = None
    date: dt.date | None = None
    end_date: dt.date | None = None
    time: Text = ""
    location: Text = Field("", description="City where the meeting takes place.")
    venue: Text = ""
    host_country: Text = ""
    press: Text = Field("", description="Press arrangements, e.g. 'closed; joint press conference'.")


class Person(Part):
    name: Text = Field(min_length=1)
    native_name: Text = Field("", description="Name in the person's own script, e.g. 石破茂.")
    title: Text = Field("", description="Office without the country adjective: 'Prime Minister'.")
    country: Text = Field("", description="Common short English name: 'South Korea'.")
    role: Role | None = None
    side: Text = Field("", description="Which delegation the person belongs to.")
    bio: Text = ""
    evidence: Text = Field("", description="Sentence of the source that introduces the person.")


class Topic(Part):
    category: Category = "other"
    title: Text = Field(min_length=1)
    summary: Text = ""
    points: list[Text] = []
    talking_points: list[Text] = []
    if_raised: list[Text] = []
    risks: list[Text] = []


class Quote(Part):
    speaker: Text = ""
    text: Text = Field(min_length=1)
    occasion: Text = ""
    date: dt.date | None = None
    evidence: Text = ""


class Figure(Part):
    value: float | None = None
    unit: Text = ""
    text: Text = Field(min_length=1)
    category: Category | None = None
    evidence: Text = ""


class Commitment(Part):
    text: Text = Field(min_length=1)
    parties: list[Text] = []
    category: Category | None = None
    deadline: Text = ""
    evidence: Text = ""


class NextStep(Part):
    text: Text = Field(min_length=1)
    date: dt.date | None = None
    location: Text = ""
    evidence: Text = ""


class Source(Part):
    id: Text = ""
    title: Text = ""
    publisher: Text = ""
    url: Text = ""
    published: dt.date | None = None
    accessed: dt.date | None = None
    file: Text = ""


class Drafter(Part):
    name: Text = ""
    office: Text = ""
    phone: Text = ""


class Clearance(Part):
    office: Text = ""
    name: Text = ""
    status: Text = ""


class Routing(Part):
    to: Text = ""
    through: Text = ""
    from_office: Text = ""
    from_name: Text = ""
    drafter: Drafter = Drafter()
    clearances: list[Clearance] = []
    approver: Text = ""
    deadline: Text = ""


class Marking(Part):
    classification: Text = Field("", description="Empty: use the office profile's default.")
    caveats: Text = Field("", description="Handling caveats, e.g. 'NOFORN'.")
    portion_marks: bool | None = Field(None, description="None: use the office profile's setting.")


class Briefing(Part):
    """Everything known about one meeting, ready to fill templates."""

    schema_version: int = SCHEMA_VERSION
    title: Text = ""
    summary: Text = Field("", description="Bottom line up front.")
    notes: Text = ""
    meeting: Meeting = Meeting()
    participants: list[Person] = []
    mentioned: list[Person] = []
    objectives: list[Text] = []
    counterpart_objectives: list[Text] = []
    topics: list[Topic] = []
    quotes: list[Quote] = []
    figures: list[Figure] = []
    commitments: list[Commitment] = []
    next_steps: list[NextStep] = []
    sources: list[Source] = []
    routing: Routing = Routing()
    marking: Marking = Marking()
