"""On PostgreSQL the database engine's match must be able to use our GIN index on ``title || body``
(search/migrations/0001): if Wagtail's backend ever matched another expression, the index would be dead weight and
every search a full scan again."""

import pytest
from django.db import connection

from search.engines.base import Visibility
from search.engines.database import matching_pages
from tests.background import run_ready_tasks
from tests.factories import CasePageFactory

INDEX = "site_search_indexentry_text_gin"


@pytest.fixture
def database_engine(require_postgres, settings):
    if settings.ELASTICSEARCH_URL:
        pytest.skip("the database engine is not the site's engine when ELASTICSEARCH_URL is set")


def test_the_index_exists(database_engine):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [INDEX])
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition


MATCHED = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'


@pytest.mark.parametrize("words", ["harbour", "harbour pilot"])
def test_the_match_uses_the_index(database_engine, site_tree, words):
    for number in range(3):
        CasePageFactory(parent=site_tree["cases"], title=f"Harbour pilot {number}")
    run_ready_tasks()  # the worker indexes them (Wagtail indexes in a background task)
    matches = matching_pages(Visibility(), words)
    # The backend matches exactly the expression the index is built on ...
    assert MATCHED in str(matches.query)
    assert matches.count() == 3
    # ... and that match alone is served by the index. (Planning the whole joined query instead depends on the
    # statistics of a table this small; with sequential and plain index scans ruled out, only the GIN index can
    # answer this one.)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE (title || body) @@ plainto_tsquery(%s)", [words]
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert INDEX in plan
