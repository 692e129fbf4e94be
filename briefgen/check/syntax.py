"""One tag at a time: its Jinja syntax (compiled on its own, inside a block of
its kind when it opens or closes one), then the sandbox's static rules."""

from __future__ import annotations

from jinja2 import TemplateSyntaxError

from briefgen.check.blocks import BLOCKS
from briefgen.check.parts import PROPERTIES_PART
from briefgen.check.problems import TOO_DEEP, Report, did_you_mean, reading_order
from briefgen.check.sandbox import static_problems
from briefgen.check.tags import OPEN, QUOTES, Tag
from briefgen.templating import environment

_OPENERS = {"for": "{% for _ in () %}", "if": "{% if true %}", "with": "{% with %}",
            "filter": "{% filter upper %}", "macro": "{% macro _() %}", "call": "{% call _() %}",
            "autoescape": "{% autoescape true %}", "block": "{% block _ %}", "set": "{% set _ %}"}
_STATEMENTS = sorted(set(BLOCKS) | {f"end{k}" for k in BLOCKS} | {"elif", "else", "set"})


def check_tags(report: Report, part: str, tags: list[Tag]) -> None:
    env = environment()
    for tag in tags:
        source = _standalone(tag)
        if source is None:
            report.add(part, tag.where, tag.text, _unknown_statement(tag.keyword))
            continue
        try:
            problems = static_problems(env.parse(source))
        except TemplateSyntaxError as exc:
            report.add(part, tag.where, tag.text, f"syntax error: {exc.message}")
            continue
        except RecursionError:
            report.add(part, tag.where, tag.text, TOO_DEEP)
            continue
        for message in sorted(problems, key=lambda m: reading_order(tag.text, m)):
            report.add(part, tag.where, tag.text, message)


def check_properties(report: Report, props: dict[str, str]) -> None:
    """The document properties docxtpl renders (File › Properties): syntax and sandbox."""
    env = environment()
    for name, text in props.items():
        if not OPEN.search(text or ""):
            continue
        try:
            problems = static_problems(env.parse(text.translate(QUOTES)))
        except TemplateSyntaxError as exc:
            report.add(PROPERTIES_PART, name, text, f"syntax error: {exc.message}")
            continue
        except RecursionError:
            report.add(PROPERTIES_PART, name, text, TOO_DEEP)
            continue
        for message in sorted(problems, key=lambda m: reading_order(text, m)):
            report.add(PROPERTIES_PART, name, text, message)


def _unknown_statement(word: str) -> str:
    if word in ("p", "tr", "tc", "r"):
        return (f"unknown tag '{word}': docxtpl's {{%{word} ... %}} has no space between "
                f"'%' and '{word}'")
    if not word:
        return "empty tag"
    return f"unknown tag '{word}'" + did_you_mean(word, _STATEMENTS)


def _standalone(tag: Tag) -> str | None:
    """A small template holding just *tag*, so its own syntax can be checked."""
    if tag.kind == "expr":
        return tag.jinja
    word = tag.keyword
    if word == "set" and "=" in tag.jinja:
        return tag.jinja
    if word in _OPENERS:
        return tag.jinja + f"{{% end{word} %}}"
    if word == "raw":
        return "{% raw %}{% endraw %}"
    if word in ("elif", "else"):
        return "{% if true %}" + tag.jinja + "{% endif %}"
    if word.startswith("end") and word[3:] in _OPENERS:
        return _OPENERS[word[3:]] + tag.jinja
    if word == "endraw":
        return "{% raw %}{% endraw %}"
    if word in ("include", "import", "from", "extends"):
        return tag.jinja
    return None
