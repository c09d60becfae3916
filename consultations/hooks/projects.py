"""Hooks: projects."""
