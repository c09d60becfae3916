"""The pages a public body's site must have (about, contact, privacy notice, terms of use), their links, and what the
site tells search engines and browsers: meta descriptions, robots.txt, sitemap.xml, /favicon.ico."""

import io
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import RequestFactory
from wagtail.models import Page, Site

from core import demo, legal, metadata
from core.demo import ensure_child
from core.management.commands.prune_outbox import KEEP_NOT_DELIVERED, KEEP_SENT
from core.models import ContactPage, SiteSettings, StandardPage
from core.seeding import Progress
from events.models import EventIndexPage, EventPage
from members import services as member_services
from members.models import Membership
from tests.factories import CoursePageFactory, EventPageFactory, OrganisationFactory, make_member

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.descriptions, self.links = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.descriptions.append(attrs.get("content"))
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def parse(response):
    assert response.status_code == 200, response.status_code
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def description(response):
    parser = parse(response)
    assert len(parser.descriptions) == 1, parser.descriptions
    return parser.descriptions[0]


def seed_core():
    demo.seed(Progress(io.StringIO()))


@pytest.fixture
def seeded(db):
    seed_core()
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


# --- <meta name="description"> --------------------------------------------------------------------------------------


def test_a_page_is_described_by_its_search_description_else_its_summary_or_intro(client, site_tree):
    page, _ = ensure_child(site_tree["home"], StandardPage, "guide", title="Guide", intro="The intro of the guide.")
    assert description(client.get("/guide/")) == "The intro of the guide."

    page.search_description = "What editors wrote in the Promote tab."
    page.save_revision().publish()
    assert description(client.get("/guide/")) == "What editors wrote in the Promote tab."

    CoursePageFactory(parent=site_tree["courses"], slug="open-data", summary="Publish the data a city holds.")
    assert description(client.get("/courses/open-data/")) == "Publish the data a city holds."


def test_a_page_without_any_text_gets_the_site_description(client, site_tree):
    ensure_child(site_tree["home"], StandardPage, "bare", title="Bare")
    assert description(client.get("/bare/")) == str(metadata.SITE_DESCRIPTION)


def test_the_description_is_one_plain_line_cut_at_a_word(client, site_tree):
    intro = "<b>Cities</b> & their\n\n  residents " + "share open data " * 30
    ensure_child(site_tree["home"], StandardPage, "long", title="Long", intro=intro)
    text = description(client.get("/long/"))
    assert text.startswith("Cities & their residents share open data")
    assert len(text) <= metadata.MAX_LENGTH and text.endswith("…")
    assert text[:-1].split()[-1] in ("share", "open", "data")  # cut between words
    assert "<" not in text and "\n" not in text


def test_views_that_are_not_pages_describe_themselves(client, site_tree):
    OrganisationFactory(name="Ville de Dakar", city="Dakar", country="SN", description="Dakar's city hall.")
    expected = {
        "/members/": "member cities",
        "/members/ville-de-dakar/": "Ville de Dakar: Dakar, Senegal",
        "/search/?q=data": "Search the courses",
        "/accounts/signup/": "Your WeGo Hub account",
        "/accounts/login/": "Your WeGo Hub account",
        "/events/past/": "Past events",
        "/certificates/": "certificate",
    }
    for path, words in expected.items():
        text = description(client.get(path))
        assert words in text, (path, text)
        assert text != str(metadata.SITE_DESCRIPTION)
    assert "Dakar's city hall." in description(client.get("/members/ville-de-dakar/"))


# --- robots.txt, sitemap.xml, favicon.ico ---------------------------------------------------------------------------


def test_robots_txt_allows_the_site_keeps_personal_pages_out_and_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/me/", "/accounts/", "/search/"):
        assert f"Disallow: {path}" in lines
    assert "Allow: /" in lines
    assert f"Sitemap: {settings.PUBLIC_URL}/sitemap.xml" in lines
    assert client.post("/robots.txt").status_code == 405
    assert not response.cookies and "public" in response["Cache-Control"]  # a shared cache may keep it


def test_sitemap_lists_public_live_pages_at_the_public_address_only(client, site_tree):
    home = site_tree["home"]
    corner, _ = ensure_child(home, StandardPage, "members-corner", title="Members' corner")
    member_services.restrict_page_to_members(corner)
    draft = home.add_child(instance=StandardPage(title="Draft", slug="draft-notice", live=False))
    assert not draft.live
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 -- our own response; a real parser: malformed XML raises
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [element.text for element in root.findall("s:url/s:loc", namespace)]
    public = settings.PUBLIC_URL
    assert locations and all(location.startswith(public + "/") for location in locations)
    for path in ("/", "/about/", "/courses/", "/events/"):
        assert public + path in locations
    assert not [location for location in locations if "members-corner" in location or "draft-notice" in location]
    assert not response.cookies


def test_the_sitemap_is_built_once_and_kept_a_while(client, site_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = client.get("/sitemap.xml")
    assert "max-age=900" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as again:
        second = client.get("/sitemap.xml")
    assert second.content == first.content
    assert not [query for query in again.captured_queries if "wagtailcore_page" in query["sql"]]


def test_favicon_ico_answers_with_an_icon_that_pages_also_link(client, site_tree):
    assert '<link rel="icon" href="/static/img/favicon.ico" sizes="32x32">' in client.get("/").content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert icon["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert b"".join(icon.streaming_content if icon.streaming else [icon.content])[:4] == b"\x00\x00\x01\x00"


# --- The pages and their links --------------------------------------------------------------------------------------


def test_the_footer_links_the_about_contact_privacy_and_terms_pages(client, seeded):
    links = parse(client.get("/")).links
    for path in ("/about/", "/contact/", "/privacy/", "/terms/"):
        assert path in links
        assert client.get(path).status_code == 200
    assert seeded.privacy_page.slug == "privacy" and seeded.terms_page.slug == "terms"
    assert seeded.contact_page.specific_class is ContactPage and seeded.about_page.slug == "about"


def test_the_secretariat_may_choose_another_page(client, seeded):
    home = Site.objects.get(is_default_site=True).root_page
    other, _ = ensure_child(home, StandardPage, "data-protection", title="Data protection")
    seeded.privacy_page = other
    seeded.save()
    links = parse(client.get("/")).links
    assert "/data-protection/" in links and "/privacy/" not in links


def test_a_missing_or_unpublished_page_only_hides_its_link(client, seeded):
    Page.objects.get(slug="privacy").unpublish()
    Page.objects.get(slug="terms").delete()
    response = client.get("/")
    links = parse(response).links
    assert "/privacy/" not in links and "/terms/" not in links
    assert "/about/" in links and "/contact/" in links
    seeded.refresh_from_db()
    assert seeded.terms_page is None
    assert "How we use this information" not in client.get("/accounts/signup/").content.decode()


def test_a_site_without_a_wagtail_site_record_still_renders_its_pages(client, db):
    Site.objects.all().delete()
    parser = parse(client.get("/members/"))
    assert "/privacy/" not in parser.links and len(parser.descriptions) == 1


def test_the_links_cost_one_query_per_request(seeded, django_assert_num_queries):
    request = RequestFactory().get("/")
    SiteSettings.for_request(request)  # base.html has read them already, for the footer text
    Site.find_for_request(request).root_page.get_url(request)  # and the site's root paths, for any page link
    with django_assert_num_queries(1):
        links = legal.links_for(request)
    assert [link.key for link in links.values()] == ["about", "contact", "privacy", "terms"]
    with django_assert_num_queries(0):
        assert legal.links_for(request) is links


def test_the_contact_page_shows_the_secretariat_email_from_the_settings(client, seeded):
    seeded.contact_email = "office@association.example"
    seeded.save()
    html = client.get("/contact/").content.decode()
    assert 'href="mailto:office@association.example"' in html
    assert "<address>" in html and "Who to write to about what" in html


def test_the_privacy_notice_says_what_each_feature_keeps_as_the_code_does(client, seeded):
    html = client.get("/privacy/").content.decode()
    for words in (
        "Your account",
        "Membership of your city",
        "quiz attempts",
        "Toolkit downloads",
        "dietary and accessibility needs",
        "Emails we send you",
        "Server logs",
        "Download my data (JSON)",
        "Delete my account",
        "focal point",
        "organisers",
        "counsel must review",
    ):
        assert words in html, words
    # The outbox's retention, as prune_outbox applies it.
    assert f"after {KEEP_SENT.days} days" in html and f"after {KEEP_NOT_DELIVERED.days} days" in html
    assert "counsel must review" in client.get("/terms/").content.decode()


# --- The privacy line next to forms that ask for personal data ------------------------------------------------------


def assert_privacy_line(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert "How we use this information:" in html
    assert '<a href="/privacy/">privacy notice</a>' in html


def test_the_privacy_notice_is_linked_next_to_every_form_that_asks_for_personal_data(client, seeded):
    assert_privacy_line(client.get("/accounts/signup/"))

    city = OrganisationFactory(name="Dakar City Hall")
    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    invitation = member_services.invite(organisation=city, addresses=["new@dakar.example"], by=focal_point)[0]
    assert_privacy_line(client.get(f"/invitations/{invitation.token}/"))

    home = Site.objects.get(is_default_site=True).root_page
    events, _ = ensure_child(home, EventIndexPage, "events", title="Events")
    event = EventPageFactory(parent=events, format=EventPage.Format.IN_PERSON)
    client.force_login(make_member(city))
    assert_privacy_line(client.get(event.url + "register/"))
    assert_privacy_line(client.get("/me/"))


# --- Seeding -------------------------------------------------------------------------------------------------------


def test_seeding_twice_creates_the_pages_once_and_keeps_the_secretariats_choices(seeded):
    counts = {slug: Page.objects.filter(slug=slug).count() for slug in ("about", "contact", "privacy", "terms")}
    assert counts == {"about": 1, "contact": 1, "privacy": 1, "terms": 1}
    chosen, _ = ensure_child(Site.objects.get(is_default_site=True).root_page, StandardPage, "our-terms", title="T")
    seeded.terms_page = chosen
    seeded.save()
    before = Page.objects.count()
    seed_core()
    assert Page.objects.count() == before
    seeded.refresh_from_db()
    assert seeded.terms_page_id == chosen.pk and seeded.privacy_page.slug == "privacy"


# --- The admin -------------------------------------------------------------------------------------------------------


def test_the_secretariat_chooses_the_pages_and_edits_the_contact_page_in_the_admin(admin_client, seeded):
    html = admin_client.get(f"/admin/settings/core/sitesettings/{seeded.site_id}/").content.decode()
    for field in ("about_page", "contact_page", "privacy_page", "terms_page"):
        assert f'name="{field}"' in html
    contact = Page.objects.get(slug="contact")
    assert admin_client.get(f"/admin/pages/{contact.pk}/edit/").status_code == 200
    home = contact.get_parent()
    assert admin_client.get(f"/admin/pages/add/core/contactpage/{home.pk}/").status_code == 200
