"""On PostgreSQL the database engine's match must be able to use our GIN index on ``title || body``
(search/migrations/0001): if Wagtail's backend ever matched another expression, the index would be dead weight and
every search a full scan again."""

import pytest
from django.db import connection

from search.engines.base import Visibility
from search.engines.database import matching_pages
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


@pytest.mark.parametrize("words", ["harbour", "harbour pilot"])
def test_the_match_uses_the_index(database_engine, site_tree, words):
    for number in range(3):
        CasePageFactory(parent=site_tree["cases"], title=f"Harbour pilot {number}")
    with connection.cursor() as cursor:
        # Tables this small would be scanned or walked row by row anyway: make those plans the costliest, so the
        # plan shows whether the index fits the expression the backend matches.
        for plan in ("seqscan", "indexscan", "nestloop"):
            cursor.execute(f"SET LOCAL enable_{plan} = off")
    matches = matching_pages(Visibility(), words)
    assert INDEX in matches.explain()
    assert matches.count() == 3
