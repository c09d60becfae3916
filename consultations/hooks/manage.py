"""Hooks: manage."""
