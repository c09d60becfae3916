import pytest

from tests.background import run_ready_tasks
from tests.factories import CoursePageFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ['"', 'open "data', "\x01", "   ", "a" * 10_000, "(", "title:open", "open*", "'; DROP TABLE x; --"]
)
def test_awkward_queries_answer_without_an_error(client, site_tree, query):
    CoursePageFactory(parent=site_tree["courses"], title="Open data basics")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_quoted_query_still_finds_the_words(client, site_tree):
    CoursePageFactory(parent=site_tree["courses"], title="Open data basics")
    run_ready_tasks()
    outcome = client.get("/search/", {"q": '"open data'}).context["outcome"]
    assert [hit.page.title for hit in outcome.hits] == ["Open data basics"]
