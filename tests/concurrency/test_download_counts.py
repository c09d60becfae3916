"""A double click is one download, whatever the timing: simultaneous requests through a live server (PostgreSQL)."""

import pytest
from django.test import override_settings

from tests.concurrency.live_server import get_all_at_once, signed_in_session
from tests.factories import OrganisationFactory, ToolkitPageFactory, build_site_tree, make_member
from tests.toolkits.conftest import file_of, publish_releases
from toolkits.models import Download

pytestmark = pytest.mark.django_db(transaction=True)

CONTENT = b"%PDF-1.4 " + bytes(256 * 1024)


@pytest.fixture
def toolkit(require_postgres, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        page = ToolkitPageFactory(parent=build_site_tree()["toolkits"], audience="members")
        yield publish_releases(page, [("1.0", 1, [("guide.pdf", CONTENT, "en")])])


def test_twenty_simultaneous_clicks_by_one_person_count_once_and_ten_people_count_ten(live, toolkit):
    city = OrganisationFactory()
    path = toolkit.url + toolkit.reverse_subpage("download", args=[file_of(toolkit).id])
    person = make_member(city)
    responses = get_all_at_once(live, [(signed_in_session(person), path) for _ in range(20)])
    assert [response.status_code for response in responses] == [200] * 20
    assert all(response.content == CONTENT for response in responses)
    assert Download.objects.filter(user=person).count() == 1

    people = [make_member(city) for _ in range(10)]
    get_all_at_once(live, [(signed_in_session(someone), path) for someone in people])
    assert Download.objects.filter(user__in=people).count() == 10
    assert Download.objects.filter(organisation=city).count() == 11
