"""The search contract runs against the site's engine: the database engine (SQLite or PostgreSQL, whichever the
run uses), or Elasticsearch when ELASTICSEARCH_URL is set (then the index is rebuilt for every test)."""

import pytest
from django.conf import settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.engines import get_engine
from search.kinds import KINDS
from tests.background import run_ready_tasks


class SearchIndex:
    def __init__(self):
        self.backend = get_search_backend()
        self.elasticsearch = bool(settings.ELASTICSEARCH_URL)

    def refresh(self):
        """Make what was just saved findable: a worker runs the index updates that saving enqueued (Wagtail indexes
        in a background task), and Elasticsearch refreshes (it indexes near-real-time)."""
        run_ready_tasks()
        if self.elasticsearch:
            self.backend.get_index_for_model(Page).refresh()


@pytest.fixture
def search_index(db):
    index = SearchIndex()
    if index.elasticsearch:
        # The index outlives each test's rolled-back transaction: start every test from an empty one.
        index.backend.reset_index()
        index.backend.add_type(Page)
        for model in (kind.model for kind in KINDS):
            index.backend.add_type(model)
    return index


@pytest.fixture
def engine_name():
    return get_engine().name
