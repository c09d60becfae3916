"""Hooks: demo."""
