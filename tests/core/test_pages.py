import pytest
from django.urls import reverse

from tests.factories import CasePageFactory, CoursePageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_empty_states_before_content_exists(client, site_tree):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "No courses are published yet." in html
    assert "No events are scheduled yet." in html
    assert "No cases are published yet." in html


def test_home_page_lists_latest_courses_upcoming_events_and_recent_cases(client, site_tree):
    CoursePageFactory(parent=site_tree["courses"], title="E-government foundations")
    EventPageFactory(parent=site_tree["events"], title="Smart Cities Summit")
    CasePageFactory(parent=site_tree["cases"], title="Open mobility data")
    html = client.get("/").content.decode()
    assert "E-government foundations" in html
    assert "Smart Cities Summit" in html
    assert "Open mobility data" in html


def test_past_events_and_drafts_stay_off_the_home_page(client, site_tree):
    import datetime as dt

    from django.utils import timezone

    past_start = timezone.now() - dt.timedelta(days=30)
    EventPageFactory(parent=site_tree["events"], title="Last year's forum", start=past_start)
    CoursePageFactory(parent=site_tree["courses"], title="Unpublished course", live=False)
    html = client.get("/").content.decode()
    assert "Last year&#x27;s forum" not in html and "Last year's forum" not in html
    assert "Unpublished course" not in html


def test_home_page_query_count_does_not_grow_with_content(client, site_tree, django_assert_max_num_queries):
    for _ in range(2):
        CoursePageFactory(parent=site_tree["courses"])
        EventPageFactory(parent=site_tree["events"])
        CasePageFactory(parent=site_tree["cases"])
    client.get("/")  # warm the site-root cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for _ in range(6):
        CoursePageFactory(parent=site_tree["courses"])
        EventPageFactory(parent=site_tree["events"])
        CasePageFactory(parent=site_tree["cases"])
    with django_assert_max_num_queries(len(few)):
        client.get("/")


@pytest.mark.parametrize("key", ["courses", "toolkits", "cases", "events"])
def test_index_pages_answer_at_their_stable_urls(client, site_tree, key):
    response = client.get(f"/{key}/")
    assert response.status_code == 200
    assert site_tree[key].title in response.content.decode()


@pytest.mark.parametrize("page_param", ["abc", "-1", "99999", "1'", "\x01"])
def test_index_page_survives_malformed_page_numbers(client, site_tree, page_param):
    CoursePageFactory(parent=site_tree["courses"])
    assert client.get("/courses/", {"page": page_param}).status_code == 200


def test_unknown_url_gets_the_sites_404_page(client, site_tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'class="site-header"' in html


def test_500_page_is_in_the_sites_style(rf):
    from core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_search_box_route_answers(client, site_tree):
    assert client.get(reverse("search"), {"q": "course"}).status_code == 200
