"""The catalogue: filters in the URL, counts per choice, odd input, and a query count that does not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import TopicFactory
from tests.toolkits.conftest import publish_releases
from toolkits.models import ToolkitPage


@pytest.fixture
def catalogue(make_toolkit):
    open_data = TopicFactory(name="Open data", slug="open-data")
    kit = make_toolkit(
        title="Open-data policy kit",
        summary="Model policy and licences.",
        kind=ToolkitPage.Kind.GUIDE,
        releases=[("1.0", 5, [("policy.pdf", b"%PDF-p", "en"), ("politica.pdf", b"%PDF-p", "es")])],
    )
    kit.topics.set([open_data])
    kit.save_revision().publish()
    make_toolkit(
        title="Maturity self-assessment",
        kind=ToolkitPage.Kind.TEMPLATE,
        audience=ToolkitPage.Audience.MEMBERS,
        releases=[("1.0", 5, [("maturity.xlsx", b"PK\x03\x04", "ko")])],
    )
    make_toolkit(title="Trainers' pack", kind=ToolkitPage.Kind.TRAINING_PACK)
    return kit


def titles(response):
    return [item.title for item in response.context["items"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Maturity self-assessment", "Open-data policy kit", "Trainers' pack"]),
        ("?topic=open-data", ["Open-data policy kit"]),
        ("?kind=template", ["Maturity self-assessment"]),
        ("?language=es", ["Open-data policy kit"]),
        ("?language=ko&audience=members", ["Maturity self-assessment"]),
        ("?audience=public", ["Open-data policy kit", "Trainers' pack"]),
        ("?q=licences", ["Open-data policy kit"]),
        ("?q=POLICY+kit", ["Open-data policy kit"]),
        ("?kind=guide&language=ko", []),
    ],
)
def test_filters_combine(client, catalogue, query, expected):
    response = client.get("/toolkits/" + query)
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.django_db
def test_each_choice_shows_how_many_toolkits_it_gives_under_the_other_filters(client, catalogue):
    form = client.get("/toolkits/?audience=public").context["form"]
    assert dict(form.fields["kind"].choices)["guide"] == "Guide (1)"
    assert dict(form.fields["kind"].choices)["template"] == "Template (0)"
    assert dict(form.fields["language"].choices)["es"] == "Spanish (1)"
    assert dict(form.fields["audience"].choices)["members"] == "Members only (1)"  # its own facet is not narrowed
    assert set(dict(form.fields["language"].choices)) == {"", "en", "es", "ko"}  # only languages files come in


@pytest.mark.django_db
def test_cards_show_version_languages_access_and_downloads(client, catalogue):
    page = client.get("/toolkits/?q=policy").content.decode()
    assert "Version 1.0" in page
    assert "English, Spanish" in page
    assert "0 downloads" in page
    assert "Members only" in client.get("/toolkits/?audience=members").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?kind=nonsense&topic=nope&language=xx&audience=everyone&sort=random",
        "?q=%22&q=%01",
        "?q=" + "a" * 5000,
        "?page=999",
        "?page=-1&sort=updated",
    ],
)
def test_odd_input_never_breaks_the_catalogue(client, catalogue, query):
    assert client.get("/toolkits/" + query).status_code == 200


@pytest.mark.django_db
def test_recently_updated_puts_the_newest_release_first(client, catalogue, make_toolkit):
    newest = make_toolkit(title="Zebra crossing guide")
    publish_releases(newest, [("3.0", 0, [("z.pdf", b"%PDF-z", "en")])])
    assert titles(client.get("/toolkits/?sort=updated"))[0] == "Zebra crossing guide"


def catalogue_queries(client, query):
    client.get("/toolkits/" + query)  # warm caches shared by every request (site root, languages)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/toolkits/" + query).status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?audience=public&language=en&q=kit", "?sort=updated&kind=toolkit"])
def test_the_query_count_does_not_grow_with_the_number_of_toolkits(
    client, make_toolkit, django_assert_num_queries, query
):
    for number in range(3):
        make_toolkit(
            title=f"Kit {number}", releases=[("1.0", 1, [("a.pdf", b"%PDF-a", "en"), ("b.pdf", b"%PDF", "fr")])]
        )
    few = catalogue_queries(client, query)
    for number in range(3, 20):
        make_toolkit(
            title=f"Kit {number}", releases=[("1.0", 1, [("a.pdf", b"%PDF-a", "en"), ("b.pdf", b"%PDF", "fr")])]
        )
    client.get("/toolkits/" + query)
    with django_assert_num_queries(few):
        client.get("/toolkits/" + query)
