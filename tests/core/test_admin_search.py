"""Every admin listing the secretariat can reach answers a search: 200 with matches, never a 500.

The listings are not written out by hand: they are every item of the admin menu (and its submenus) that the
secretariat sees, so a listing added later is searched too. Snippets, pages, images, documents, users and the
reports are all in that menu.
"""

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.models import Page

from members.models import User
from tests.background import run_ready_tasks

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    '"',
    "'",
    "name:Seoul",
    "Seoul OR 1=1 --",
    "*",
    "-",
    "(",
    "NEAR(",
    "%_\\",
    "\x01",
    "Seoul\x01",
    "  ",
    "x" * 2000,
    "<script>alert(1)</script>",
    "ü✓ 서울",
]


@pytest.fixture
def secretariat(demo_site):
    return User.objects.get(email="admin@wego-hub.example")


def menu_urls(user):
    """Every URL of the admin menu this person sees, submenus included (the explorer starts at the root)."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls, pending = set(), list(admin_menu.menu_items_for_request(request))
    while pending:
        item = pending.pop()
        if isinstance(item, SubmenuMenuItem):
            pending.extend(item.menu.menu_items_for_request(request))
        elif item.url and item.url.startswith("/admin/"):
            urls.add(item.url)
    return sorted(urls)


def searched(client, url, query):
    # A settings menu item redirects to the default site's settings: follow it to the page that answers.
    return client.get(url, {"q": query}, follow=True)


def test_the_menu_reaches_every_kind_of_listing(secretariat):
    urls = menu_urls(secretariat)
    for expected in [
        "/admin/snippets/members/organisation/",
        "/admin/snippets/core/topic/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/reports/site-history/",
    ]:
        assert expected in urls


def test_every_admin_listing_answers_a_search(client, secretariat):
    # One seeded site for every query: seeding takes seconds, a search milliseconds.
    client.force_login(secretariat)
    urls = [*menu_urls(secretariat), "/admin/pages/search/"]
    failures = {
        (url, query): status
        for query in ["Seoul", "open", *HOSTILE_QUERIES]
        for url in urls
        if (status := searched(client, url, query).status_code) != 200
    }
    assert failures == {}


FINDS = [
    ("/admin/snippets/members/organisation/", "Seoul", "Seoul Metropolitan Government"),
    ("/admin/snippets/members/organisation/", "Curitiba", "Curitiba"),
    ("/admin/snippets/core/topic/", "open", "Open data"),
    ("/admin/snippets/members/membership/", "sunwoo", "Sun-woo Lee"),
    ("/admin/users/", "mina", "mina.park@seoul.city.example"),
    ("/admin/pages/search/", "mVoting", "mVoting"),
]


def test_a_search_finds_what_it_names_and_leaves_the_rest_out(client, secretariat):
    run_ready_tasks()  # the worker indexes what the fixtures saved
    client.force_login(secretariat)
    missing = [
        (url, query) for url, query, expected in FINDS if expected not in searched(client, url, query).content.decode()
    ]
    assert missing == []
    organisations = searched(client, "/admin/snippets/members/organisation/", "Seoul").content.decode()
    assert "Curitiba" not in organisations
    home = Page.objects.get(locale__language_code="en", depth=2)
    assert "mVoting" in client.get(f"/admin/pages/{home.id}/", {"q": "mVoting"}).content.decode()
