"""The editor pages, one per part of the briefing."""
