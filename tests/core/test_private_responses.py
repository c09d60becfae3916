"""Personal and members-only responses carry ``Cache-Control: private, no-store``: no browser history, shared proxy
or CDN keeps someone's data, a city's report or a members-only file. Public ones stay cacheable."""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from members import services
from members.models import Membership
from tests.factories import EventPageFactory, OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def assert_private(response):
    assert response.status_code == 200, response.status_code
    cache_control = response.get("Cache-Control", "")
    assert "private" in cache_control and "no-store" in cache_control, cache_control


@pytest.fixture
def city(db):
    return OrganisationFactory(name="City of Seoul")


@pytest.fixture
def focal_point(city):
    return make_member(city, role=Membership.Role.FOCAL_POINT)


@pytest.mark.parametrize("name", ["members:me", "members:my_data", "members:delete_account"])
def test_my_pages_and_my_data(client, member, name):
    client.force_login(member)
    assert_private(client.get(reverse(name)))


def test_an_invitation_shows_its_address_and_is_not_cached(client, city, focal_point):
    invitation = services.invite(organisation=city, addresses=["new.colleague@seoul.example"], by=focal_point)[0]
    assert_private(client.get(reverse("members:invitation", args=[invitation.token])))


def test_the_dashboard_and_its_reports(client, site_tree, city, focal_point):
    make_member(city)
    client.force_login(focal_point)
    assert_private(client.get(reverse("members:dashboard", args=[city.slug])))
    assert_private(client.get(reverse("members:report_csv", args=[city.slug])))
    # A content app's own table (the courses app's: enrolled, completed, certificates per course).
    assert_private(client.get(reverse("members:report_table_csv", args=[city.slug, "courses"])))


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_organisers_attendee_exports(admin_client, site_tree, export):
    event = EventPageFactory(parent=site_tree["events"])
    assert_private(admin_client.get(reverse("events_registrations", args=[event.id]), {"export": export}))


@pytest.fixture
def documents(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):

        def make(collection, name):
            return get_document_model().objects.create(
                title=name, file=ContentFile(b"%PDF-1.4 " + name.encode(), name=name), collection=collection
            )

        yield {
            "members": make(services.members_only_collection(), "members-guide.pdf"),
            "public": make(Collection.get_first_root_node(), "public-guide.pdf"),
        }


def test_a_members_only_document_is_never_cached(client, site_tree, city, documents):
    client.force_login(make_member(city))
    response = client.get(documents["members"].url)
    assert_private(response)
    assert b"".join(response.streaming_content) == b"%PDF-1.4 members-guide.pdf"


def test_a_public_document_stays_cacheable(client, site_tree, documents):
    response = client.get(documents["public"].url)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_members_only_page_served_to_a_member_is_never_cached(client, site_tree, city):
    from core.demo import ensure_child
    from core.models import StandardPage

    page, _ = ensure_child(site_tree["home"], StandardPage, "members-corner", title="Members' corner")
    services.restrict_page_to_members(page)
    client.force_login(make_member(city))
    assert_private(client.get(page.url))


def test_a_members_only_toolkit_file_is_never_cached(client, site_tree, city, documents):
    from tests.factories import ToolkitPageFactory
    from tests.toolkits.conftest import publish_releases
    from toolkits.models import ReleaseFile

    toolkit = ToolkitPageFactory(parent=site_tree["toolkits"])
    publish_releases(toolkit, [("1.0", 1, [("guide.pdf", b"%PDF-1.4 toolkit", "en")])])
    file = ReleaseFile.objects.get(release__toolkit=toolkit)
    file.document.collection = services.members_only_collection()
    file.document.save()
    client.force_login(make_member(city))
    assert_private(client.get(toolkit.url + toolkit.reverse_subpage("download", args=[file.id])))


def test_a_certificate_pdf_is_never_cached(client, site_tree):
    from courses import services as learning
    from tests.factories import make_course

    course, lessons = make_course(site_tree["courses"], modules=1, lessons_per_module=1)
    person = UserFactory()
    learning.enroll(user=person, course=course)
    learning.mark_lesson_complete(user=person, course=course, lesson=lessons[0])
    certificate = person.enrollments.get().certificate
    client.force_login(person)
    assert_private(client.get(reverse("certificates:pdf", args=[certificate.code])))
