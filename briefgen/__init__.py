"""briefgen: turn the facts of a diplomatic meeting into Word briefing documents."""

__version__ = "0.1.0"
