import functools

from django.utils.translation import get_language
from django_countries import countries


@functools.lru_cache(maxsize=16)
def _names(language):
    return dict(countries)


def country_names():
    """{code: name} in the active language, built once per language (django-countries' name() is slow)."""
    return _names(get_language())


def country_name(code):
    return country_names().get(str(code), str(code))
