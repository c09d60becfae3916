"""Registers the programme's hooks (each area keeps its own in consultations/hooks/)."""

from .hooks import city, demo, manage, people, projects  # noqa: F401
