"""What a template check finds: each problem with its part, place and tag as fields."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing to fix in a template, located well enough to find it in Word."""

    template: str
    part: str
    location: str
    tag: str
    message: str

    def __str__(self) -> str:
        where = ", ".join(x for x in (self.part, self.location) if x)
        tag = f"{self.tag}: " if self.tag else ""
        return f"{self.template}: {where}: {tag}{self.message}"


@dataclass
class Report:
    """The problems of one template found so far, each once, in the order found."""

    template: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, part: str, location: str, tag: str, message: str) -> None:
        problem = Problem(self.template, part, location, tag, message)
        if problem not in self.problems:
            self.problems.append(problem)


TOO_DEEP = "the tag is nested too deeply to read: simplify it"


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def reading_order(text: str, message: str) -> int:
    """Where in *text* the name a message quotes first appears (reading order)."""
    quoted = re.search(r"'([^'(]+)", message)
    return text.find(quoted.group(1)) if quoted else len(text)
