"""Wagtail's database search backend, made safe for any text a person types.

The backend puts each word between double quotes in SQLite's FTS5 query without escaping the quotes inside it, so a
lone " is a 500 ("unterminated string", wagtail#13227), and a NUL byte breaks SQLite's FTS and PostgreSQL alike. Every
search goes through here — the admin's listings and choosers, the catalogues and /search/ — so each caller need not
remember to clean its query.
"""

import functools

from django.db.models import QuerySet
from modelsearch.backends.database import SearchBackend as database_backend

QUERY_SYNTAX = frozenset('"()[]{}:^*')
MAX_BACKEND_QUERY_LENGTH = 1000


def plain_words(text, *, max_length=MAX_BACKEND_QUERY_LENGTH):
    """Control characters and query syntax become spaces; white space is folded; the result is at most max_length."""
    words = "".join(" " if not ch.isprintable() or ch in QUERY_SYNTAX else ch for ch in text)
    return " ".join(words.split())[:max_length]


class PlainWordsMixin:
    def search(self, query, model_or_queryset, *args, **kwargs):
        return self._plain_search(super().search, query, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return self._plain_search(super().autocomplete, query, model_or_queryset, *args, **kwargs)

    @staticmethod
    def _plain_search(search, query, model_or_queryset, *args, **kwargs):
        # Query objects (Phrase, PlainText, …) are built by our own code; only typed text needs cleaning.
        if not isinstance(query, str):
            return search(query, model_or_queryset, *args, **kwargs)
        if words := plain_words(query):
            return search(words, model_or_queryset, *args, **kwargs)
        # Nothing left to look for ('"' alone): no match, as a queryset, which every listing can page and count.
        queryset = model_or_queryset if isinstance(model_or_queryset, QuerySet) else model_or_queryset.objects.all()
        return queryset.none()


@functools.cache
def _safe_class(backend_class):
    return type(backend_class.__name__, (PlainWordsMixin, backend_class), {})


def SearchBackend(params):  # Wagtail looks a backend module's factory up by this name
    """The database backend for this database (SQLite FTS5, PostgreSQL, …), with every query cleaned first."""
    backend = database_backend(params)
    return _safe_class(type(backend))(params)
