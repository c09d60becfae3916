"""No query string makes the search fail: 1,000 generated examples against the site's engine (run on SQLite and
on PostgreSQL in CI, and on Elasticsearch when ELASTICSEARCH_URL is set)."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from search.forms import MAX_QUERY_LENGTH
from tests.factories import CasePageFactory, CoursePageFactory, TopicFactory

pytestmark = pytest.mark.django_db

AWKWARD = [
    '"',
    "'",
    "\x01",
    "   ",
    "\t\n",
    "%",
    "*",
    "a" * 10_000,
    "harbour " * 2000,
    "(",
    ")",
    "OR",
    "AND NOT",
    "-",
    "\\",
]
# NUL never reaches the search: core answers it with a 400 (tests/core/test_hostile_input.py).
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=400) | st.sampled_from(AWKWARD)
PARAMS = st.fixed_dictionaries(
    {"q": TEXT},
    optional={
        "type": st.sampled_from(["course", "lesson", "toolkit", "case", "event", "podcast", ""]) | TEXT,
        "topic": st.sampled_from(["harbours", "nope", ""]) | TEXT,
        "page": st.integers(-5, 10**12).map(str) | TEXT,
        "utm_source": TEXT,
    },
)


@pytest.fixture
def content(site_tree, search_index):
    topic = TopicFactory(name="Harbours", slug="harbours")
    course = CoursePageFactory(parent=site_tree["courses"], title="Harbour data basics")
    course.topics.set([topic])
    course.save()
    for number in range(25):
        CasePageFactory(parent=site_tree["cases"], title=f"Harbour case {number}", summary="A pilot in a port city.")
    search_index.refresh()


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=PARAMS)
@example(params={"q": "harbour", "page": "3", "type": "case", "topic": "harbours"})
@example(params={"q": "\x01harbour\x01", "page": "\x01"})
def test_no_query_string_makes_the_search_fail(client, content, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    outcome = response.context["outcome"]
    if outcome is not None:
        assert len(outcome.request.text) <= MAX_QUERY_LENGTH
        assert len(outcome.hits) <= 20 and outcome.total >= len(outcome.hits)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=TEXT)
def test_no_query_makes_the_suggestions_fail(client, content, query):
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert len(response.json()["suggestions"]) <= 8
