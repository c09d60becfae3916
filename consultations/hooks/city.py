"""Hooks: city."""
