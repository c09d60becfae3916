"""One search contract (engines/base.py), two engines: the database (default) and Elasticsearch 8 (when
``ELASTICSEARCH_URL`` is set, which also makes Wagtail's ``elasticsearch8`` backend the default one)."""

from django.conf import settings


def get_engine():
    if getattr(settings, "ELASTICSEARCH_URL", None):
        from .elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine()
    from .database import DatabaseEngine

    return DatabaseEngine()
