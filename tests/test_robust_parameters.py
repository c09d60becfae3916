"""Arbitrary query strings never cause a server error on the listing and search pages."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CoursePageFactory, OrganisationFactory

TEXT = st.text(st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ['"', "'", "\x00", " ", "%", "*", "a" * 5000]
)
PARAMS = st.dictionaries(
    st.sampled_from(["q", "page", "level", "language", "format", "topic", "region", "country", "kind"]), TEXT
)


@pytest.fixture
def content(site_tree):
    CoursePageFactory(parent=site_tree["courses"], title="Open data basics")
    OrganisationFactory()
    return site_tree


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=PARAMS,
    path=st.sampled_from(["/search/", "/courses/", "/members/", "/", "/events/", "/events/past/", "/cases/"]),
)
def test_no_query_string_causes_a_server_error(client, content, params, path):
    response = client.get(path, params)
    assert response.status_code < 500
