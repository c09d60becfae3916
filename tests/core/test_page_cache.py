"""Signed-out public pages from the shared cache (core.page_cache): kept after the first request, fresh at once
after a change, never mixed between signed-in people and visitors, never for members-only content."""

import gzip
import os

import pytest
import redis
from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core import page_cache
from core.demo import ensure_child
from core.models import StandardPage
from members import services
from tests.conftest import skip_or_fail
from tests.factories import CasePageFactory, OrganisationFactory, TopicFactory, make_member

pytestmark = [pytest.mark.django_db, pytest.mark.with_page_cache]

HIT = page_cache.HIT_HEADER


def is_hit(response):
    return response.get(HIT) == "hit"


def kept_twice(client, url, **headers):
    """The first GET renders (and keeps) the page, the second is served from the cache."""
    first = client.get(url, **headers)
    second = client.get(url, **headers)
    assert first.status_code == second.status_code == 200, (first.status_code, second.status_code)
    assert not is_hit(first)
    return first, second


@pytest.fixture
def case(site_tree):
    return CasePageFactory(parent=site_tree["cases"], title="Smart parking in Seoul")


def test_a_public_page_is_served_from_the_cache_after_the_first_request(client, case):
    first, second = kept_twice(client, case.url)
    assert is_hit(second)
    assert second.content == first.content
    # A CDN may keep it too; a browser re-checks (so signing in shows at once); one copy per cookie header.
    cache_control = second["Cache-Control"]
    assert "public" in cache_control and "s-maxage=60" in cache_control and "max-age=0" in cache_control
    assert "Cookie" in second["Vary"]
    assert not second.cookies


def test_a_kept_page_costs_no_query_here_and_two_cache_reads_on_another_server(client, case):
    client.get(case.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(case.url)
    # This process served it lately and read the version less than a second ago: nothing is asked of anyone.
    assert is_hit(response) and len(queries) == 0, [query["sql"] for query in queries]
    page_cache.forget_what_this_process_holds()  # as another app server, which never served it
    with CaptureQueriesContext(connection) as queries:
        response = client.get(case.url)
    # The database cache (no Redis here): the version, then the page; no page, site or user query.
    assert is_hit(response) and len(queries) == 2, [query["sql"] for query in queries]
    assert all("wego_page_cache" in query["sql"] for query in queries)


def test_the_listings_home_and_directory_are_kept(client, site_tree, case):
    OrganisationFactory(name="City of Lisbon")
    for url in ["/", "/cases/", "/courses/", "/events/", "/toolkits/", "/members/", "/members/city-of-lisbon/"]:
        assert is_hit(kept_twice(client, url)[1]), url


def test_publishing_a_change_shows_at_once(client, case):
    kept_twice(client, case.url)
    kept_twice(client, "/cases/")
    case.title = "Smart parking in Seoul, second phase"
    case.save_revision().publish()
    for url in [case.url, "/cases/"]:
        response = client.get(url)
        assert not is_hit(response), url
        assert "second phase" in response.content.decode(), url


def test_unpublishing_and_deleting_show_at_once(client, site_tree, case):
    other = CasePageFactory(parent=site_tree["cases"], title="Open budget in Bogotá")
    kept_twice(client, "/cases/")
    case.unpublish()
    assert "Smart parking" not in client.get("/cases/").content.decode()
    assert is_hit(client.get("/cases/"))
    other.delete()
    assert "Open budget" not in client.get("/cases/").content.decode()


def test_a_snippet_change_shows_at_once(client, site_tree):
    topic = TopicFactory(name="Mobility")
    case = CasePageFactory(parent=site_tree["cases"])
    case.topics.add(topic)
    case.save_revision().publish()
    kept_twice(client, "/cases/")
    topic.name = "Urban mobility"
    topic.save()
    assert "Urban mobility" in client.get("/cases/").content.decode()


def test_a_registration_or_a_sign_in_does_not_empty_the_cache(client, site_tree, case):
    """Only content empties it: a crowd signing in (a save of their user row) and registering keeps pages kept."""
    from events import services as events
    from events.models import Registration
    from tests.factories import EventPageFactory

    event = EventPageFactory(parent=site_tree["events"])
    person = make_member(OrganisationFactory())
    kept_twice(client, case.url)
    client.force_login(person)
    events.register(event=event, user=person, mode=Registration.Mode.IN_PERSON, consent=True)
    client.logout()
    assert is_hit(client.get(case.url))


def test_a_signed_in_person_never_gets_a_kept_page(client, case):
    person = make_member(OrganisationFactory(), first_name="Jiho")
    kept_twice(client, case.url)
    client.force_login(person)
    response = client.get(case.url)
    assert not is_hit(response)
    assert "Sign out" in response.content.decode()
    assert "private" in response["Cache-Control"]
    # Nor is their page kept for anyone: signed out again, the visitor's copy is the one served.
    client.get(case.url)
    client.logout()
    response = client.get(case.url)
    assert is_hit(response)
    assert "Sign out" not in response.content.decode()


def test_a_page_rendered_for_a_signed_in_person_is_never_served_to_a_visitor(client, case):
    person = make_member(OrganisationFactory())
    client.force_login(person)
    client.get(case.url)
    client.get(case.url)
    client.logout()
    response = client.get(case.url)
    assert not is_hit(response)
    assert "Sign out" not in response.content.decode()


def test_a_visitor_with_a_session_or_a_message_waiting_is_not_served_a_kept_page(client, case):
    kept_twice(client, case.url)
    client.cookies["sessionid"] = "someone-halfway-through-signing-up"
    assert not is_hit(client.get(case.url))
    del client.cookies["sessionid"]
    client.cookies["messages"] = "a-message-to-show"
    assert not is_hit(client.get(case.url))


def test_members_only_content_is_never_kept(client, site_tree):
    corner, _ = ensure_child(site_tree["home"], StandardPage, "members-corner", title="Members' corner")
    services.restrict_page_to_members(corner)
    for _ in range(2):
        response = client.get(corner.url)
        assert response.status_code == 302  # to sign in
    member = make_member(OrganisationFactory())
    client.force_login(member)
    response = client.get(corner.url)
    assert response.status_code == 200 and not is_hit(response)
    assert "private" in response["Cache-Control"]
    assert not caches["pages"].get(page_cache.key_for(response.wsgi_request))


def test_a_login_restricted_page_is_not_kept_even_if_its_restriction_comes_later(client, site_tree):
    page, _ = ensure_child(site_tree["home"], StandardPage, "embargo", title="Embargoed report")
    kept_twice(client, page.url)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(page.url).status_code == 302


def test_each_language_query_and_encoding_is_kept_apart(client, site_tree, case):
    from tests.translations import locale

    locale("fr")
    _first, english = kept_twice(client, "/cases/")
    assert not is_hit(client.get("/cases/?sort=title"))
    compressed = client.get("/cases/", headers={"accept-encoding": "gzip"})
    assert not is_hit(compressed)
    compressed = client.get("/cases/", headers={"accept-encoding": "gzip"})
    assert is_hit(compressed) and compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == english.content
    assert "Accept-Encoding" in compressed["Vary"]


def test_search_and_other_pages_are_not_kept(client, case):
    for url in ["/search/?q=parking", "/accounts/login/"]:
        client.get(url)
        response = client.get(url)
        assert not is_hit(response), url
        assert "private" in response.get("Cache-Control", "") or "no-cache" in response.get("Cache-Control", ""), url


@pytest.mark.django_db(transaction=True)
def test_a_copy_rendered_before_a_change_committed_is_never_served(rf, site_tree):
    """Another app server renders from the data before the change commits, and stores its copy after the commit:
    it is stored under the version of before, so nobody is served it."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    case = CasePageFactory(parent=site_tree["cases"], title="Smart parking in Seoul")
    request = rf.get(case.url)
    request.user = AnonymousUser()
    page_cache.mark_public(request)
    with transaction.atomic():
        case.title = "Renamed"
        case.save_revision().publish()
        lookup = page_cache.Lookup(request)  # the other server, before the commit
    lookup.store(HttpResponse("<p>Smart parking in Seoul</p>", content_type="text/html"))
    assert page_cache.Lookup(request).entry is None


@pytest.mark.django_db(transaction=True)
def test_seeding_many_pages_writes_the_version_a_handful_of_times(site_tree):
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        for n in range(20):
            CasePageFactory(parent=site_tree["cases"], title=f"Case {n}")
    writes = [q["sql"] for q in queries if "wego_page_cache" in q["sql"] and not q["sql"].startswith("SELECT")]
    assert 0 < len(writes) <= 3, writes


def test_nothing_is_kept_when_the_setting_is_zero(client, case, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(case.url)
    response = client.get(case.url)
    assert not is_hit(response)
    assert "public" not in response.get("Cache-Control", "")


@pytest.fixture
def redis_page_cache(settings):
    """The production shape: pages kept in Redis (one database per pytest-xdist worker)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw-1")
    url = os.environ.get("TEST_REDIS_URL", f"redis://127.0.0.1:6379/{10 + int(worker.removeprefix('gw'))}")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError:
        skip_or_fail(f"needs Redis at {url}", "REQUIRE_REDIS")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": "t"},
    }
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def test_pages_kept_in_redis_cost_no_database_query(client, case, redis_page_cache):
    kept_twice(client, case.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(case.url)
    assert is_hit(response) and len(queries) == 0
    case.title = "Smart parking, phase two"
    case.save_revision().publish()
    assert "phase two" in client.get(case.url).content.decode()


def test_a_cache_that_is_down_serves_pages_without_it(client, case, settings, caplog):
    """Redis restarting: pages are rendered as if nothing were kept, and publishing still works."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    for _ in range(2):
        response = client.get(case.url)
        assert response.status_code == 200 and not is_hit(response)
    case.title = "Smart parking, phase two"
    case.save_revision().publish()
    assert "phase two" in client.get(case.url).content.decode()
    assert "page cache unavailable" in caplog.text


def test_a_change_on_another_app_server_shows_here_within_a_second(client, case, monkeypatch):
    """Another server's change is a new version in the shared cache; this process trusts the version it read for
    VERSION_READ_SECONDS, so it serves what it kept until then, and renders afresh after."""
    kept_twice(client, case.url)
    page_cache.page_cache().set(page_cache.VERSION_KEY, "changed-on-another-server", None)
    assert is_hit(client.get(case.url))  # within the second
    monkeypatch.setattr(page_cache, "VERSION_READ_SECONDS", 0)
    assert not is_hit(client.get(case.url))
