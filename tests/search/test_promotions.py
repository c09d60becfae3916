"""Editors' side of search: promoted results on top, and every search counted for the "Search terms" report (in
batches: tests/search/test_search_hits.py)."""

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from members.services import restrict_page_to_members
from search import hits
from tests.background import run_ready_tasks
from tests.factories import CoursePageFactory, ToolkitPageFactory

pytestmark = pytest.mark.django_db


def test_promoted_results_come_first_and_private_pages_are_never_promoted(client, site_tree):
    strategy = ToolkitPageFactory(parent=site_tree["toolkits"], title="E-government strategy toolkit")
    private = CoursePageFactory(parent=site_tree["courses"], title="Members' strategy clinic")
    restrict_page_to_members(private)
    query = Query.get("strategy")
    SearchPromotion.objects.create(query=query, page=strategy, description="Start here.", sort_order=0)
    SearchPromotion.objects.create(query=query, page=private, sort_order=1)
    SearchPromotion.objects.create(
        query=query, external_link_url="https://www.we-gov.org/", external_link_text="WeGo", sort_order=2
    )
    page = client.get("/search/", {"q": "  Strategy "}).content.decode()
    recommended = page[page.index("Recommended") : page.index("</section>", page.index("Recommended"))]
    assert "E-government strategy toolkit" in recommended and "Start here." in recommended
    assert "https://www.we-gov.org/" in recommended
    assert "Members' strategy clinic" not in page


def test_every_search_is_counted_for_the_search_terms_report(
    client, admin_client, site_tree, django_capture_on_commit_callbacks
):
    for words in ("open data", "Open Data", "parking"):
        client.get("/search/", {"q": words})
    client.get("/search/", {"q": ""})  # an empty search is not a search
    with django_capture_on_commit_callbacks(execute=True):
        hits.counter.flush()  # the batch is due (a minute, 100 searches, or the process stops): one task
    run_ready_tasks()
    assert Query.objects.get(query_string="open data").hits == 2
    assert Query.objects.count() == 2
    report = admin_client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert report.status_code == 200
    assert "open data" in report.content.decode()


def test_suggestions_offer_titles_the_visitor_may_open(client, site_tree):
    CoursePageFactory(parent=site_tree["courses"], title="Open data basics")
    ToolkitPageFactory(parent=site_tree["toolkits"], title="Open-data policy kit")
    private = CoursePageFactory(parent=site_tree["courses"], title="Open data clinic for members")
    restrict_page_to_members(private)
    run_ready_tasks()  # the worker indexes them
    data = client.get("/search/suggest/", {"q": "open"}).json()
    titles = sorted(item["title"] for item in data["suggestions"])
    assert titles == ["Open data basics", "Open-data policy kit"]
    assert all(item["url"].startswith("/") for item in data["suggestions"])
    assert hits.counter.buffered == 0  # typing is not searching: nothing is counted


@pytest.mark.parametrize("query", ["", "o", '"', "\x01", "a" * 10_000, "  "])
def test_suggestions_answer_odd_input_with_an_empty_list_or_matches(client, site_tree, query):
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert response.json()["suggestions"] == [] or len(response.json()["suggestions"]) <= 8


def test_suggestions_are_bounded(client, site_tree):
    for number in range(12):
        CoursePageFactory(parent=site_tree["courses"], title=f"Open course {number}")
    run_ready_tasks()
    assert len(client.get("/search/suggest/", {"q": "open"}).json()["suggestions"]) == 8
