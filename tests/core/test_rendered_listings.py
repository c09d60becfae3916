"""The case library's and the course catalogue's filters and cards are rendered once per version of the listing and
reused by every reader (core.listings): a publication, a withdrawal, a renamed topic or a deleted picture shows at
once; nothing about one reader reaches another; each language has its own rendering."""

import re

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, PageViewRestriction

from cases.models import CasePage
from core import listings
from courses.models import CoursePage
from tests.factories import CasePageFactory, CoursePageFactory, TopicFactory, UserFactory
from tests.translations import locale, translate

pytestmark = pytest.mark.django_db

LISTINGS = {"cases": (CasePageFactory, "cases_casepage"), "courses": (CoursePageFactory, "courses_coursepage")}


def get(client, path, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params or {})
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def catalogue(html):
    """The rendered filters and cards: from <div class="catalogue"> to the end of <main>."""
    return html[html.index('<div class="catalogue">') : html.index("</main>")]


def mentioning(queries, table):
    return [sql for sql in queries if f'"{table}"' in sql]


@pytest.mark.parametrize("listing", sorted(LISTINGS))
def test_the_next_reader_gets_the_listing_without_it_being_read_or_rendered_again(client, site_tree, listing):
    factory, table = LISTINGS[listing]
    for number in range(3):
        factory(parent=site_tree[listing], title=f"Listed {number}")
    path = site_tree[listing].url
    client.force_login(UserFactory())
    first, first_queries = get(client, path, {"level": "introductory", "kind": "pilot_project"})
    client.force_login(UserFactory())
    second, second_queries = get(client, path, {"level": "introductory", "kind": "pilot_project"})
    assert catalogue(second) == catalogue(first) and "Listed 2" in second
    # The listing's version (one aggregate) is all that is read of its pages: no count, no cards, no facets.
    assert len(mentioning(second_queries, table)) == 1 < len(mentioning(first_queries, table))
    assert len(second_queries) < len(first_queries)


def test_a_case_published_changed_or_withdrawn_shows_at_once(client, site_tree):
    index = site_tree["cases"]
    case = CasePageFactory(parent=index, title="Bus lanes pilot")
    CasePageFactory(parent=index, title="Open budget")
    client.force_login(UserFactory())
    html, _ = get(client, index.url)
    assert "Bus lanes pilot" in html and "2 cases" in html

    case.title = "Bus lanes at scale"
    case.save_revision().publish()
    html, _ = get(client, index.url)
    assert "Bus lanes at scale" in html and "Bus lanes pilot" not in html

    CasePageFactory(parent=index, title="Smart water").save_revision().publish()
    html, _ = get(client, index.url)
    assert "Smart water" in html and "3 cases" in html

    case.refresh_from_db()
    case.unpublish()
    html, _ = get(client, index.url)
    assert "Bus lanes at scale" not in html and "2 cases" in html

    # Made private: no longer public, so no longer listed.
    PageViewRestriction.objects.create(page=CasePage.objects.get(title="Open budget"), restriction_type="login")
    html, _ = get(client, index.url)
    assert "Open budget" not in html and "1 case" in html


def test_a_course_published_changed_or_withdrawn_shows_at_once(client, site_tree):
    index = site_tree["courses"]
    course = CoursePageFactory(parent=index, title="Open data basics", level="introductory")
    client.force_login(UserFactory())
    html, _ = get(client, index.url)
    assert "Open data basics" in html and "Introductory (1)" in html

    course.title, course.level = "Open data in depth", "advanced"
    course.save_revision().publish()
    html, _ = get(client, index.url)
    assert "Open data in depth" in html and "Open data basics" not in html and "Advanced (1)" in html

    CoursePage.objects.get(pk=course.pk).unpublish()
    html, _ = get(client, index.url)
    assert "Open data in depth" not in html and "No courses are published yet." in html


@pytest.mark.parametrize("listing", sorted(LISTINGS))
def test_a_renamed_topic_shows_at_once_without_a_page_being_published(client, site_tree, listing):
    factory, _table = LISTINGS[listing]
    topic = TopicFactory(name="Open data", slug="open-data")
    page = factory(parent=site_tree[listing], title="Tagged")
    page.topics.set([topic])
    page.save_revision().publish()
    html, _ = get(client, site_tree[listing].url)
    assert "Open data (1)" in html
    topic.name = "Open government data"
    topic.save()
    html, _ = get(client, site_tree[listing].url)
    assert "Open government data (1)" in html and "Open data (1)" not in html


def test_a_deleted_cover_image_leaves_the_cards_at_once(client, site_tree):
    image = wagtail_factories.ImageFactory(title="Bus lane", collection=Collection.get_first_root_node())
    case = CasePageFactory(parent=site_tree["cases"], title="Bus lanes pilot", cover_image=image)
    case.save_revision().publish()
    html, _ = get(client, site_tree["cases"].url)
    assert 'class="card-image"' in html
    image.delete()  # the case's cover is set to NULL in the database: no publication
    html, _ = get(client, site_tree["cases"].url)
    assert "Bus lanes pilot" in html and 'class="card-image"' not in html


def test_what_is_about_the_reader_stays_outside_the_shared_rendering(client, site_tree):
    """The account menu (and the staff's Admin link, the sign-out form's token) is each reader's own; the cards,
    including the "Members only" mark, are the same for everyone."""
    CoursePageFactory(parent=site_tree["courses"], title="Smart-city strategy", audience="members")
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    staff_html, _ = get(client, site_tree["courses"].url)
    staff_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', staff_html).group(1)
    client.force_login(UserFactory())
    member_html, queries = get(client, site_tree["courses"].url)
    member_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', member_html).group(1)
    assert len(mentioning(queries, "courses_coursepage")) == 1  # the shared rendering was reused
    assert ">Admin</a>" in staff_html and ">Admin</a>" not in member_html
    assert staff_token != member_token and staff_token not in member_html
    assert catalogue(member_html) == catalogue(staff_html)
    assert "csrfmiddlewaretoken" not in catalogue(member_html)
    assert catalogue(member_html).count("Members only</span>") == 1
    client.logout()
    visitor_html, _ = get(client, site_tree["courses"].url)
    assert "csrfmiddlewaretoken" not in visitor_html and catalogue(visitor_html) == catalogue(member_html)


@pytest.mark.parametrize("listing", sorted(LISTINGS))
def test_each_language_has_its_own_rendering(client, site_tree, listing):
    factory, _table = LISTINGS[listing]
    translate(site_tree["home"], "fr", title="Accueil")
    translate(site_tree[listing], "fr", title="Liste")
    page = factory(parent=site_tree[listing], title="Open budget")
    french_page = translate(page, "fr", title="Budget ouvert")
    english, _ = get(client, site_tree[listing].url)
    french, _ = get(client, f"/fr{site_tree[listing].url}")
    english_again, _ = get(client, site_tree[listing].url)
    show = {"cases": ("Show cases", "Afficher les cas"), "courses": ("Show courses", "Afficher les cours")}[listing]
    assert "Budget ouvert" in french and "Open budget" not in catalogue(french) and show[1] in french
    assert f'href="{french_page.url}"' in catalogue(french) and french_page.url.startswith("/fr/")
    assert f'href="{page.url}"' in catalogue(english)
    assert english_again == english and "Open budget" in english and show[0] in english


@pytest.mark.parametrize("listing", sorted(LISTINGS))
def test_a_listing_not_translated_yet_is_rendered_in_each_interface_language(client, site_tree, listing):
    """Without a French tree, /fr/… serves the English pages in the French interface: the same page, another key."""
    locale("fr")
    LISTINGS[listing][0](parent=site_tree[listing], title="Open budget")
    english, _ = get(client, site_tree[listing].url)
    french, _ = get(client, f"/fr{site_tree[listing].url}")
    show = {"cases": ("Show cases", "Afficher les cas"), "courses": ("Show courses", "Afficher les cours")}[listing]
    assert show[0] in english and show[1] in french and show[0] not in french


def test_parameters_the_library_does_not_read_are_neither_kept_nor_shown(client, site_tree):
    CasePageFactory(parent=site_tree["cases"], title="Bus lanes pilot", kind="pilot_project")
    first, _ = get(client, site_tree["cases"].url, {"kind": "pilot_project", "utm_campaign": "mina-park-newsletter"})
    second, queries = get(client, site_tree["cases"].url, {"kind": "pilot_project", "ref": "other"})
    assert len(mentioning(queries, "cases_casepage")) == 1  # the same rendering: only the library's own parameters
    assert "mina-park-newsletter" not in second
    assert "mina-park-newsletter" not in catalogue(first)  # the language switcher, outside, keeps the whole address
    assert "export/csv/?kind=pilot_project" in second


@pytest.mark.parametrize("listing", sorted(LISTINGS))
def test_a_signed_in_listing_reads_the_view_restrictions_three_times_at_most(client, site_tree, listing):
    """Once for the page's own privacy (core.access's check and Wagtail's share it), once for the listing's
    ``.public()`` (one queryset for the whole request), and once more on the course catalogue for its learning paths,
    listed outside the cached cards, and on the case library for its map when the map is not kept yet (it is kept
    per version of the library, as the cards are)."""
    factory, _table = LISTINGS[listing]
    factory(parent=site_tree[listing])
    client.force_login(UserFactory())
    _, queries = get(client, site_tree[listing].url, {"q": "nothing-cached-yet"})
    assert len(mentioning(queries, "wagtailcore_pageviewrestriction")) == 3


def test_another_release_renders_its_own_listings(tmp_path, settings):
    """The key holds a digest of the templates, catalogues and code: a deploy never serves the previous markup."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "tests").mkdir()
    card = tmp_path / "templates" / "card.html"
    card.write_text("<article>{{ item.title }}</article>")
    settings.BASE_DIR = tmp_path
    fingerprint = listings.code_fingerprint.__wrapped__
    before = fingerprint()
    (tmp_path / "tests" / "test_cards.py").write_text("def test(): pass")
    assert fingerprint() == before  # tests are not what renders
    card.write_text("<article class='card'>{{ item.title }}</article>")
    assert fingerprint() != before
