"""A listing costs the same number of queries in every language, whatever the number of pages it lists: in French,
where it lists translations and the aliases of pages not translated yet, as in English."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CasePageFactory, CoursePageFactory, EventPageFactory, ToolkitPageFactory
from tests.translations import alias, translate

pytestmark = pytest.mark.django_db

LISTINGS = {
    "courses": CoursePageFactory,
    "cases": CasePageFactory,
    "toolkits": ToolkitPageFactory,
    "events": EventPageFactory,
}


def queries_for(client, path):
    client.get(path)  # the caches (facets, the site's root paths) fill on the first visit, as in production
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries.captured_queries)


def add_pages(site_tree, listing, count, start):
    """``count`` pages in ``listing``: every third one translated into French, the others aliased, as the
    synchronised trees hold them."""
    for number in range(start, start + count):
        page = LISTINGS[listing](parent=site_tree[listing], title=f"{listing} {number}", slug=f"{listing}-{number}")
        if number % 3 == 0:
            translate(page, "fr", title=f"{listing} {number} (fr)")
        else:
            alias(page, "fr")


@pytest.mark.parametrize("listing", sorted(LISTINGS))
def test_a_french_listing_costs_what_an_english_one_does_whatever_its_length(client, site_tree, listing):
    translate(site_tree["home"], "fr", title="Accueil")
    translate(site_tree[listing], "fr", title=f"{listing} (fr)")
    add_pages(site_tree, listing, 3, start=0)
    few = {language: queries_for(client, f"{prefix}/{listing}/") for language, prefix in (("en", ""), ("fr", "/fr"))}
    add_pages(site_tree, listing, 24, start=3)
    many = {language: queries_for(client, f"{prefix}/{listing}/") for language, prefix in (("en", ""), ("fr", "/fr"))}
    assert many == few
    assert few["fr"] <= few["en"] + 2, few  # the reader's locale: a join, not a query per page
