"""System checks of the courses' configuration."""

from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured


def check_badge_signing_keys(app_configs, **kwargs):
    """OPEN_BADGES_SIGNING_KEYS parses (courses.badges): a bad entry is found at start-up, not at the first issue."""
    from .badges import signing_keys

    try:
        signing_keys()
    except ImproperlyConfigured as error:
        return [Error(str(error), hint="See .env.example and docs/operations.md, 'Badge keys'.", id="courses.E001")]
    return []
